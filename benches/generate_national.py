#!/usr/bin/env python3
"""Generate a national BRÅ SOL "Databasfil" export for benchmarks (INVENTED figures).

    python3 benches/generate_national.py                       # ~9.6 M rows, ~620 MB
    python3 benches/generate_national.py --rows 4800000 --out benches/data/national_half
    python3 benches/generate_national.py --small --out /tmp/small   # 18 450 rows, for tests

Writes into the output folder (default benches/data/national):

  bra_sol_national_2026-03-26.csv   SOL long export: `Region;Brott;År;Period;Antal;/100 000 inv`,
                                    ISO-8859-1, CRLF, data rows with a trailing `;`, `År` in
                                    column 3 and the year (`2025 prel.`) in column 4, `..` where a
                                    series does not exist. Regions: `Hela landet` and every kommun
                                    of assets/kommuner.csv (290), in that order; years 1996-2025.
  scb_folkmangd_1996-2025.csv       SCB PxWeb population, wide: `"region";"1996";…;"2025"` with
                                    `"00 Riket"`, every county and every kommun.
  pledge.toml, breaks.toml          copies of data/pledge.toml and data/breaks.toml, so that
                                    `brottstrend analyze --data <folder>` works as it is.
  expected/totals.json              the known totals (below), for a correctness test (in a
                                    subfolder: brottstrend reads every .json in the folder).

Crime types: the 16 labels of data/exempel_bra_sol_2026-03-26.csv (the two pledge areas, the
drug-offence parts, `Misshandel inkl. grov` and `Totalt antal brott`) plus numbered filler
types such as `1008 - Filler brottstyp 0001, mot kvinna`, which match no pledge pattern.
--rows scales the number of filler types (rows = regions x types x 30 years).

The counts of the 16 real labels depend only on (seed, region, label, year): the same in the
full, the half and the small file. So the totals printed (and written to expected/totals.json) for the
pledge kommun, its county (sum of its kommuner) and the nation hold for every size.

ALL COUNTS ARE INVENTED (EXEMPELDATA – inte verklig statistik). Standard library only,
deterministic for a given --seed (random.Random); the output is byte-identical every run.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KOMMUNER_CSV = ROOT / "assets" / "kommuner.csv"
PLEDGE_TOML = ROOT / "data" / "pledge.toml"
BREAKS_TOML = ROOT / "data" / "breaks.toml"
SOL_NAME = "bra_sol_national_2026-03-26.csv"
SCB_NAME = "scb_folkmangd_1996-2025.csv"

YEARS = list(range(1996, 2026))
PRELIMINARY = 2025
NATION = "Hela landet"
DEFAULT_ROWS = 291 * 1100 * 30  # 9 603 000
SMALL_KOMMUNER = ["2101", "2104", "2121", "2132", "2161", "2180", "2181", "2182", "2183",
                  "2184", "0180", "1280", "1480", "2584"]
SMALL_FILLERS = 25

# --------------------------------------------------------------------------- real labels
TOTAL = "Totalt antal brott"
MISSHANDEL_PARENT = "Misshandel inkl. grov"
DRUG_TOTAL = "Brott mot narkotikastrafflagen"
DRUG_PARTS = ["Narkotikabrott, eget bruk", "Narkotikabrott, innehav",
              "Narkotikabrott, överlåtelse m.m.", "Narkotikabrott, framställning"]
DRUG_SHARES = [0.56, 0.30, 0.11, 0.03]
# National counts 2015..2025 as in tools/generate_example_data.py (None = no series).
_pre = [None] * 4
NATIONAL_2015 = {
    TOTAL: [1548000, 1512000, 1515000, 1546000, 1549000, 1542000, 1481000, 1443000, 1432000,
            1412000, 1405000],
    "Grov kvinnofridskränkning": [1950, 1900, 1840, 1760, 1700, 1640, 1600, 1660, 1740, 1810,
                                  1850],
    "Grov fridskränkning, närstående genom parrelation": _pre + [240, 250, 255, 275, 300, 310,
                                                                  320],
    MISSHANDEL_PARENT: [85000, 86000, 87000, 88000, 89000, 86000, 84000, 85000, 86000, 86500,
                        87000],
    "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation":
        _pre + [12300, 12150, 11800, 11950, 12200, 12350, 12300],
    "Misshandel inkl. grov, mot man 18 år eller äldre, närstående genom parrelation":
        _pre + [2600, 2650, 2700, 2800, 2900, 2950, 3000],
    "Olaga hot, närstående genom parrelation": _pre + [4800, 4850, 4900, 5000, 5150, 5250, 5300],
    "Ofredande, närstående genom parrelation": _pre + [4200, 4300, 4400, 4500, 4600, 4650, 4700],
    "Olaga förföljelse, närstående genom parrelation": _pre + [1200, 1250, 1300, 1350, 1400,
                                                                1450, 1500],
    "Överträdelse av kontaktförbud": [4500, 4650, 4800, 5000, 5200, 5350, 5500, 5700, 6000,
                                      6250, 6500],
    "Barnfridsbrott": [None] * 6 + [3000, 7500, 8500, 9000, 9300],
}
NATIONAL_DRUGS_2015 = [92000, 96000, 100500, 104500, 108000, 105500, 103000, 100000, 98000,
                       97000, 96000]
RIKET_2015 = [9747355, 9851017, 9995153, 10120242, 10230185, 10327589, 10379295, 10452326,
              10521556, 10551707, 10587710]
# Order in the export (the example file's order).
REAL_LABELS = [TOTAL, "Grov kvinnofridskränkning",
               "Grov fridskränkning, närstående genom parrelation", MISSHANDEL_PARENT,
               "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation",
               "Misshandel inkl. grov, mot man 18 år eller äldre, närstående genom parrelation",
               "Olaga hot, närstående genom parrelation", "Ofredande, närstående genom parrelation",
               "Olaga förföljelse, närstående genom parrelation", "Överträdelse av kontaktförbud",
               "Barnfridsbrott", DRUG_TOTAL] + DRUG_PARTS
# Growth backwards from 2015 per year (1996 rates = 2015 rate x (1 - back x 19)), first year.
HISTORY = {TOTAL: (0.012, 1996), "Grov kvinnofridskränkning": (-0.01, 1998),
           MISSHANDEL_PARENT: (0.005, 1996), "Överträdelse av kontaktförbud": (0.02, 1996),
           DRUG_TOTAL: (0.033, 1996)}
# Area of each real label for the kommun level factor.
LEVEL_KIND = {TOTAL: 0, DRUG_TOTAL: 2, **{p: 2 for p in DRUG_PARTS}}

# Gävleborg populations 2015-2025 as in data/exempel_scb_folkmangd_2015-2025.csv, and the
# levels relative to the national rate (total, relationship, drugs) as in the example data.
GAVLEBORG = {
    "2101": ([5849, 5856, 5851, 5842, 5847, 5847, 5842, 5825, 5831, 5818, 5820], (0.48, 0.70, 0.30)),
    "2104": ([9560, 9545, 9514, 9501, 9484, 9464, 9461, 9441, 9418, 9399, 9380], (0.55, 0.80, 0.40)),
    "2121": ([11469, 11631, 11605, 11617, 11618, 11595, 11569, 11578, 11568, 11541, 11540], (0.44, 0.62, 0.30)),
    "2132": ([9490, 9511, 9504, 9500, 9489, 9473, 9487, 9481, 9452, 9456, 9445], (0.50, 0.73, 0.32)),
    "2161": ([19020, 18981, 18984, 18969, 18995, 18956, 18953, 18947, 18915, 18924, 18890], (0.50, 0.74, 0.36)),
    "2180": ([100150, 100598, 100956, 101284, 101618, 102073, 102401, 102768, 103029, 103648, 103900], (0.76, 0.95, 0.80)),
    "2181": ([38314, 38949, 39059, 39128, 39210, 39282, 39416, 39430, 39497, 39582, 39720], (0.62, 0.88, 0.50)),
    "2182": ([25785, 25992, 25902, 25879, 25769, 25745, 25690, 25572, 25502, 25476, 25380], (0.60, 0.86, 0.48)),
    "2183": ([26594, 26929, 26841, 26820, 26754, 26685, 26554, 26525, 26418, 26370, 26310], (0.55, 0.78, 0.44)),
    "2184": ([37040, 37091, 37148, 37130, 37197, 37256, 37300, 37349, 37422, 37454, 37520], (0.53, 0.75, 0.42)),
}
BIG_CITIES = {"0180": 995000, "1480": 605000, "1280": 365000, "0380": 247000, "0580": 167000}
# Nordanstig under the pledge and one spike, as in the example data.
PLEDGE_REGION_CODE = "2132"
LIFT_REL = {2023: 1.05, 2024: 1.20, 2025: 1.20}
LIFT_DRUG_USE = {2023: 1.45, 2024: 1.65, 2025: 1.65}
LIFT_DRUG_OTHER = {2023: 1.10, 2024: 1.15, 2025: 1.15}
SPIKE = ("2132", "Olaga hot, närstående genom parrelation", 2021, 2.0)
UNATTRIBUTED = 1.03  # the nation counts crimes no kommun can be given (data-sources.md)

FILLER_SUFFIXES = ["mot kvinna", "mot man", "utomhus", "inomhus", "grovt brott", "ringa brott",
                   "försök till brott", "i butik", "via internet", "mot barn", "av okänd",
                   "i bostad", "övriga fall", "mot äldre", "på arbetsplats", "i skolmiljö"]


# --------------------------------------------------------------------------- helpers
# The exact Poisson sampler of the example-data generator (Knuth below 10, Hörmann PTRS above).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from generate_example_data import poisson  # noqa: E402


def strip_code(label: str) -> str:
    code, sep, rest = label.partition(" - ")
    return rest if sep and code.isdigit() else label


def glob(pattern: str, text: str) -> bool:
    parts = pattern.split("*")
    if len(parts) == 1:
        return pattern == text
    first, last = parts[0], parts[-1]
    if not text.startswith(first) or len(text) < len(first) + len(last) or not text.endswith(last):
        return False
    rest = text[len(first):len(text) - len(last)]
    for part in parts[1:-1]:
        i = rest.find(part)
        if i < 0:
            return False
        rest = rest[i + len(part):]
    return True


def matches(pattern: str, label: str) -> bool:
    """The same rule as brottstrend: `*` any text, case ignored, leading `0412 - ` ignored."""
    p, l = pattern.strip().lower(), label.strip().lower()
    return glob(p, l) or glob(p, strip_code(l))


def rate(count: int, pop: int) -> int:
    """count per 100 000 inhabitants, rounded half up."""
    return (2 * count * 100000 + pop) // (2 * pop)


def read_kommuner() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in KOMMUNER_CSV.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, name, lan_code, lan_name = line.split(";")[:4]
            rows.append((code, name, lan_code, lan_name))
    return rows


# --------------------------------------------------------------------------- the model
def populations(kommuner, seed: int) -> dict[str, list[int]]:
    """Population per kommun code, 1996..2025 (invented except the example's Gävleborg)."""
    pop = {}
    for code, _name, _lc, _ln in kommuner:
        r = random.Random(f"{seed}/population/{code}")
        if code in GAVLEBORG:
            known = GAVLEBORG[code][0]
            g = (known[-1] / known[0]) ** (1 / 10) - 1
            early = [round(known[0] * (1 + g) ** (y - 2015) * (1 + r.uniform(-0.002, 0.002)))
                     for y in range(1996, 2015)]
            pop[code] = early + known
            continue
        end = BIG_CITIES.get(code) or int(min(400000, max(2400, r.lognormvariate(math.log(19500), 0.85))))
        g = r.uniform(-0.009, 0.012) + (0.008 if code in BIG_CITIES else 0.0)
        pop[code] = [round(end * (1 + g) ** (y - 2025) * (1 + (0 if y == 2025 else r.uniform(-0.002, 0.002))))
                     for y in YEARS]
    return pop


def levels(kommuner, pop, seed: int) -> dict[str, tuple[float, float, float]]:
    """Level of each kommun against the national rate: (total, relationship, drugs)."""
    out = {}
    for code, *_ in kommuner:
        if code in GAVLEBORG:
            out[code] = GAVLEBORG[code][1]
            continue
        r = random.Random(f"{seed}/level/{code}")
        urban = min(1.0, max(0.0, (math.log10(pop[code][-1]) - 3.5) / 2.5))  # 0 small .. 1 big
        out[code] = (0.40 + 0.75 * urban + r.uniform(-0.1, 0.1),
                     0.60 + 0.45 * urban + r.uniform(-0.1, 0.1),
                     0.25 + 1.00 * urban + r.uniform(-0.1, 0.1))
    return out


def national_rates() -> dict[str, list[float | None]]:
    """Expected national rate per 100 000 by real label and year 1996..2025 (None = `..`)."""
    out: dict[str, list[float | None]] = {}
    base = dict(NATIONAL_2015)
    base[DRUG_TOTAL] = NATIONAL_DRUGS_2015
    for label in REAL_LABELS:
        if label in DRUG_PARTS:
            share = DRUG_SHARES[DRUG_PARTS.index(label)]
            out[label] = [None if v is None else v * share for v in out[DRUG_TOTAL]]
            continue
        series = base[label]
        back, first = HISTORY.get(label, (0.0, 2019))
        rates: list[float | None] = []
        for y in YEARS:
            if y < first:
                rates.append(None)
            elif y >= 2015:
                v = series[y - 2015]
                rates.append(None if v is None else v / RIKET_2015[y - 2015] * 1e5)
            else:
                r15 = series[0] / RIKET_2015[0] * 1e5
                factor = max(0.35, 1 - back * (2015 - y))
                rates.append(r15 * factor * (0.5 if y == 1998 and first == 1998 else 1.0))
        out[label] = rates
    return out


def real_counts(region_code: str, pop_r: list[int], lvl: tuple[float, float, float],
                nat_rates, seed: int, nation_weight=None) -> dict[str, list[int | None]]:
    """Counts of the 16 real labels for one region (`00` = nation). Each label has its own
    generator seeded by (seed, region, label): independent of the file size."""
    out: dict[str, list[int | None]] = {}
    nation = region_code == "00"
    drug_sum = [0] * len(YEARS)
    for label in REAL_LABELS:
        if label == DRUG_TOTAL:
            continue
        r = random.Random(f"{seed}/{region_code}/{label}")
        kind = LEVEL_KIND.get(label, 1)
        jitter = 1.0 if nation or region_code == PLEDGE_REGION_CODE else r.uniform(0.85, 1.15)
        counts: list[int | None] = []
        for i, y in enumerate(YEARS):
            nat = nat_rates[label][i]
            if nat is None:
                counts.append(None)
                continue
            if nation:
                lam = nat / 1e5 * nation_weight[kind][i] * UNATTRIBUTED
            else:
                lam = nat / 1e5 * pop_r[i] * lvl[kind] * jitter
            if region_code == PLEDGE_REGION_CODE:
                if kind == 1 and label != MISSHANDEL_PARENT:
                    lam *= LIFT_REL.get(y, 1.0)
                elif label in DRUG_PARTS[:2]:
                    lam *= LIFT_DRUG_USE.get(y, 1.0)
                elif label in DRUG_PARTS[2:]:
                    lam *= LIFT_DRUG_OTHER.get(y, 1.0)
            if (region_code, label, y) == SPIKE[:3]:
                lam *= SPIKE[3]
            n = poisson(lam, r)
            counts.append(n)
            if label in DRUG_PARTS:
                drug_sum[i] += n
        out[label] = counts
    out[DRUG_TOTAL] = drug_sum  # the total is the exact sum of its parts
    return out


def filler_types(n: int, seed: int):
    """(label, per-year expected national rate or None) for n filler types."""
    r = random.Random(f"{seed}/fillers")
    width = max(4, len(str(n)))
    out = []
    for i in range(1, n + 1):
        code = f"{(1000 + i * 8) % 10000:04d}"
        suffix = FILLER_SUFFIXES[r.randrange(len(FILLER_SUFFIXES))]
        label = f"{code} - Filler brottstyp {i:0{width}d}, {suffix}"
        base = 10 ** r.uniform(-1.3, 2.7)  # 0.05 .. 500 per 100 000
        slope = r.uniform(-0.04, 0.04)
        kind = r.random()
        first = 1996 if kind > 0.14 else (9999 if kind < 0.02 else r.randrange(1997, 2023))
        rates = [None if y < first else base * math.exp(slope * (y - 2010)) for y in YEARS]
        out.append((label, rates))
    return out


# --------------------------------------------------------------------------- writing
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS,
                    help=f"approximate number of data rows (default {DEFAULT_ROWS}: 291 regions x 1 100 types x 30 years)")
    ap.add_argument("--out", type=Path, default=ROOT / "benches" / "data" / "national")
    ap.add_argument("--small", action="store_true",
                    help="small file for tests: Hela landet + 14 kommuner (all of Gävleborg), "
                         "16 real + 25 filler types, 1996-2025 (18 450 rows); --rows is ignored")
    ap.add_argument("--seed", type=int, default=2132)
    args = ap.parse_args()
    t0 = time.time()

    pledge = tomllib.loads(PLEDGE_TOML.read_text(encoding="utf-8"))
    kommuner = read_kommuner()
    by_code = {k[0]: k for k in kommuner}
    by_name = {k[1].lower(): k for k in kommuner}
    region = str(pledge["region"])
    pledge_k = by_code.get(region) or by_name[region.lower()]
    county_code = pledge_k[2]

    pop = populations(kommuner, args.seed)
    lvls = levels(kommuner, pop, args.seed)
    riket = [sum(pop[c][i] for c in pop) for i in range(len(YEARS))]
    weight = [[sum(pop[c][i] * lvls[c][kind] for c in pop) for i in range(len(YEARS))]
              for kind in range(3)]
    nat_rates = national_rates()

    regions = [(NATION, "00")]
    if args.small:
        chosen = [k for k in kommuner if k[0] in SMALL_KOMMUNER]
        n_fillers = SMALL_FILLERS
    else:
        chosen = kommuner
        n_types = max(len(REAL_LABELS), round(args.rows / ((len(kommuner) + 1) * len(YEARS))))
        n_fillers = n_types - len(REAL_LABELS)
    regions += [(name, code) for code, name, _lc, _ln in chosen]
    fillers = filler_types(n_fillers, args.seed)

    # Type order: `Totalt antal brott` first, the other real labels spread among the fillers.
    order: list[tuple[str, bool]] = [(TOTAL, True)]
    rest_real = REAL_LABELS[1:]
    step = max(1, n_fillers // (len(rest_real) + 1))
    fi = 0
    for j, label in enumerate(rest_real):
        upto = min(n_fillers, (j + 1) * step)
        order += [(fillers[k][0], False) for k in range(fi, upto)]
        fi = upto
        order.append((label, True))
    order += [(fillers[k][0], False) for k in range(fi, n_fillers)]
    filler_rate = {label: rates for label, rates in fillers}

    # Patterns of the areas: check the fillers match none, collect the area labels.
    areas = [(a["id"], a["crimes"]) for a in pledge["area"]]
    area_labels = {aid: [l for l in REAL_LABELS if any(matches(p, l) for p in pats)] for aid, pats in areas}
    for label, _ in fillers:
        for aid, pats in areas:
            assert not any(matches(p, label) for p in pats), (label, aid)

    # Noise pools for the fillers (normal approximation above 3, inverse CDF below).
    pool_rng = random.Random(f"{args.seed}/pool")
    pool_n = 1 << 18
    pool_z = [pool_rng.gauss(0.0, 1.0) for _ in range(pool_n + len(YEARS))]
    pool_u = [pool_rng.random() for _ in range(pool_n + len(YEARS))]
    filler_rng = random.Random(f"{args.seed}/filler-series")

    years_str = [f"{y} prel." if y == PRELIMINARY else str(y) for y in YEARS]
    ny = len(YEARS)
    args.out.mkdir(parents=True, exist_ok=True)
    sol_path = args.out / SOL_NAME
    rows = 0
    real_by_region: dict[str, dict[str, list[int | None]]] = {}
    exp = math.exp
    sqrt = math.sqrt
    with open(sol_path, "wb", buffering=8 << 20) as f:
        f.write("Region;Brott;År;Period;Antal;/100 000 inv\r\n".encode("iso-8859-1"))
        for name, code in regions:
            if code == "00":
                pop_r = riket
                real = real_counts("00", pop_r, (1.0, 1.0, 1.0), nat_rates, args.seed, weight)
                scale = [p / 1e5 * UNATTRIBUTED for p in riket]
            else:
                pop_r = pop[code]
                real = real_counts(code, pop_r, lvls[code], nat_rates, args.seed)
                lv = lvls[code][0]
                scale = [p / 1e5 * lv for p in pop_r]
            real_by_region[code] = real
            rate_str = {}
            out: list[str] = []
            append = out.append
            for label, is_real in order:
                prefix = f"{name};{label};År;"
                if is_real:
                    for i, n in enumerate(real[label]):
                        if n is None:
                            append(f"{prefix}{years_str[i]};..;..;\r\n")
                        else:
                            append(f"{prefix}{years_str[i]};{n};{rate(n, pop_r[i])};\r\n")
                    continue
                rates = filler_rate[label]
                off = filler_rng.getrandbits(18)
                for i in range(ny):
                    nat = rates[i]
                    if nat is None:
                        append(f"{prefix}{years_str[i]};..;..;\r\n")
                        continue
                    lam = nat * scale[i]
                    if lam >= 3.0:
                        n = int(lam + sqrt(lam) * pool_z[off + i] + 0.5)
                        if n < 0:
                            n = 0
                    else:
                        u = pool_u[off + i]
                        p = exp(-lam)
                        cdf = p
                        n = 0
                        while u > cdf and n < 30:
                            n += 1
                            p *= lam / n
                            cdf += p
                    key = (n, i)
                    rs = rate_str.get(key)
                    if rs is None:
                        rs = rate_str[key] = f"{n};{rate(n, pop_r[i])};\r\n"
                    append(f"{prefix}{years_str[i]};{rs}")
            rows += len(out)
            f.write("".join(out).encode("iso-8859-1"))
    size = sol_path.stat().st_size

    # Population: Riket, the counties, every kommun (SCB order: by code).
    lines = ['"Folkmängd efter region och år"', "",
             ";".join(['"region"'] + [f'"{y}"' for y in YEARS])]
    lines.append(";".join(['"00 Riket"'] + [str(v) for v in riket]))
    counties: dict[str, tuple[str, list[int]]] = {}
    for code, _name, lc, ln in kommuners_sorted(kommuner):
        c = counties.setdefault(lc, (ln, [0] * ny))
        for i in range(ny):
            c[1][i] += pop[code][i]
    for lc in sorted(counties):
        ln, vals = counties[lc]
        lines.append(";".join([f'"{lc} {ln}"'] + [str(v) for v in vals]))
    for code, name, _lc, _ln in kommuners_sorted(kommuner):
        lines.append(";".join([f'"{code} {name}"'] + [str(v) for v in pop[code]]))
    (args.out / SCB_NAME).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    shutil.copyfile(PLEDGE_TOML, args.out / "pledge.toml")
    shutil.copyfile(BREAKS_TOML, args.out / "breaks.toml")

    # Known totals: per area, the pledge kommun, its county (sum of its kommuner in the file)
    # and the nation; a year whose every cell is `..` has no count (null).
    def area_sum(code: str, labels: list[str], i: int) -> int | None:
        vals = [real_by_region[code][l][i] for l in labels]
        vals = [v for v in vals if v is not None]
        return sum(vals) if vals else None

    county_kommuner = [k[0] for k in chosen if k[2] == county_code]
    totals = {"rows": rows, "bytes": size, "regions": len(regions),
              "crime_types": len(order), "years": [YEARS[0], YEARS[-1]],
              "kommun": {"code": pledge_k[0], "name": pledge_k[1]},
              "county": {"code": county_code, "name": pledge_k[3], "kommuner": county_kommuner},
              "areas": {}}
    for aid, labels in area_labels.items():
        per_year = {}
        for i, y in enumerate(YEARS):
            county_vals = [area_sum(c, labels, i) for c in county_kommuner]
            county_vals = [v for v in county_vals if v is not None]
            per_year[str(y)] = {"kommun": area_sum(pledge_k[0], labels, i),
                                "county": sum(county_vals) if county_vals else None,
                                "nation": area_sum("00", labels, i)}
        totals["areas"][aid] = {"crimes": labels, "years": per_year}
    # In a subfolder: brottstrend reads every .csv/.tsv/.txt/.json directly in the data folder.
    (args.out / "expected").mkdir(exist_ok=True)
    (args.out / "expected" / "totals.json").write_text(
        json.dumps(totals, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    took = time.time() - t0
    print(f"wrote {sol_path} ({rows} rows, {size} bytes, {len(regions)} regions x "
          f"{len(order)} crime types x {len(YEARS)} years) in {took:.1f} s")
    print(f"wrote {args.out / SCB_NAME}, pledge.toml, breaks.toml, expected/totals.json")
    print(f"rows={rows}")
    for aid, labels in area_labels.items():
        print(f"area {aid} ({len(labels)} crime types): year  {pledge_k[1]}  {pledge_k[3]}  {NATION}")
        for y, v in totals["areas"][aid]["years"].items():
            show = lambda x: ".." if x is None else str(x)
            print(f"  {y}  {show(v['kommun'])}  {show(v['county'])}  {show(v['nation'])}")
    for aid in totals["areas"]:
        ys = totals["areas"][aid]["years"]
        s = sum(ys[str(y)]["kommun"] or 0 for y in range(2019, 2026))
        print(f"total {aid} {pledge_k[1]} 2019-2025: {s}")
    return 0


def kommuners_sorted(kommuner):
    return sorted(kommuner, key=lambda k: k[0])


if __name__ == "__main__":
    sys.exit(main())
