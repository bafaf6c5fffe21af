#!/usr/bin/env python3
"""Generate the shipped EXAMPLE data for brottstrend (EXEMPELDATA – inte verklig statistik).

Writes, next to pledge.toml in data/:

  exempel_bra_sol_2026-03-26.csv
      A BRÅ SOL "Databasfil" (long) export in the real format: ISO-8859-1, CRLF, ';'
      separated, header without and data rows with a trailing ';'. Regions: Hela landet and
      the ten Gävleborg kommuner; yearly periods 2015-2025 ('2025 prel.'); the crime types
      the medborgarlöfte in data/pledge.toml follows up (relationship crime, drug offences)
      plus 'Totalt antal brott' as context.
  exempel_scb_folkmangd_2015-2025.csv
      An SCB PxWeb population export ("Folkmängd efter region och år"), wide layout, UTF-8.
  exempel_bra_sol_manad_2026-09-15.csv
      A monthly SOL "Databasfil" in the real monthly layout: the year in 'År' ('2026 prel.'),
      the month ('Jan' ... 'Dec') or 'Helår' in 'Period'. Nordanstig and Region Mitt,
      2019-01 to 2026-08, the crime types of the pledge areas. Nordanstig's months of
      2019-2025 split its yearly counts above (so both exports agree); 2026 is new.
      'Grov kvinnofridskränkning' carries its police code ('0412 - ...') here and not in the
      yearly file: the same type, as in real exports.

ALL CRIME COUNTS ARE INVENTED. They are Poisson draws around smooth, hand-chosen expected
values of a plausible size; they are not BRÅ statistics and must never be quoted as such.
Populations are partly real (Kolada 'Invånare totalt' for 2015-2016 where the excerpt in
shared/data has them; Riket from SCB's published totals, see RIKET below) and partly
invented continuations.

Deterministic: standard library only, one random.Random(2132). Rerun with
    python3 tools/generate_example_data.py
from the repository root (or anywhere: paths are relative to this file); the output is
byte-identical every run.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOL_FILE = DATA / "exempel_bra_sol_2026-03-26.csv"
SCB_FILE = DATA / "exempel_scb_folkmangd_2015-2025.csv"
MONTH_FILE = DATA / "exempel_bra_sol_manad_2026-09-15.csv"

YEARS = list(range(2015, 2026))
PRELIMINARY = 2025
PLEDGE_REGION = "Nordanstig"

rng = random.Random(2132)


# --------------------------------------------------------------------------- Poisson sampling
def poisson(lam: float, r: random.Random) -> int:
    """One Poisson(lam) draw from the seeded generator r (no numpy)."""
    if lam <= 0:
        return 0
    if lam < 10:
        # Knuth: multiply uniforms until the product drops below e^-lam.
        limit = math.exp(-lam)
        k, p = 0, r.random()
        while p > limit:
            k += 1
            p *= r.random()
        return k
    # Hörmann (1993) PTRS transformed rejection: exact, O(1) for large lam.
    slam = math.sqrt(lam)
    loglam = math.log(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    invalpha = 1.1239 + 1.1328 / (b - 3.4)
    vr = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = r.random() - 0.5
        v = r.random()
        us = 0.5 - abs(u)
        k = math.floor((2 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= vr:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if (math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b)
                <= -lam + k * loglam - math.lgamma(k + 1)):
            return k


# --------------------------------------------------------------------------- populations
# Riket: SCB's published 31 December totals, shifted one year to match the anchor
# "Riket 9 747 355 in 2015" (that is SCB's figure for 31 Dec 2014): 31 Dec 2015 -> "2016",
# ..., 31 Dec 2024 -> "2025". A real SCB export labels these one year later.
RIKET = [9747355, 9851017, 9995153, 10120242, 10230185, 10327589,
         10379295, 10452326, 10521556, 10551707, 10587710]

# (code, name, real Kolada anchors 2015/2016 or None, invented 2015 start if no anchor,
#  invented 2025 end point). Order = SCB order = order in the SOL export.
KOMMUNER = [
    ("2101", "Ockelbo",    (5849, 5856),   None,   5820),
    ("2104", "Hofors",     None,           9560,   9380),
    ("2121", "Ovanåker",   (11469, 11631), None,   11540),
    ("2132", "Nordanstig", (9490, 9511),   None,   9445),
    ("2161", "Ljusdal",    None,           19020,  18890),
    ("2180", "Gävle",      None,           100150, 103900),
    ("2181", "Sandviken",  (38314, 38949), None,   39720),
    ("2182", "Söderhamn",  (25785, 25992), None,   25380),
    ("2183", "Bollnäs",    (26594, 26929), None,   26310),
    ("2184", "Hudiksvall", None,           37040,  37520),
]


def kommun_population(anchor, start, end) -> list[int]:
    """Real anchors where given, then a straight line to the invented 2025 value with a
    small seeded wobble (a few tenths of a per cent at most)."""
    if anchor:
        known = list(anchor)
    else:
        known = [start]
    first_free = 2015 + len(known)
    last_known = known[-1]
    out = known[:]
    span = 2025 - (first_free - 1)
    for y in range(first_free, 2026):
        t = (y - (first_free - 1)) / span
        base = last_known + (end - last_known) * t
        wobble = 0 if y == 2025 else rng.uniform(-0.0015, 0.0015) * base
        out.append(int(round(base + wobble)))
    return out


POP: dict[str, list[int]] = {"Hela landet": RIKET}
for _code, _name, _anchor, _start, _end in KOMMUNER:
    POP[_name] = kommun_population(_anchor, _start, _end)
LAN = [sum(POP[name][i] for _c, name, *_ in KOMMUNER) for i in range(len(YEARS))]


# --------------------------------------------------------------------------- crime model
NA = None  # '..' in the export

# National expected counts per year 2015..2025 (None = series does not exist that year).
# Relation breakdowns start with the 2019 relation codes; Barnfridsbrott 1 July 2021.
_pre = [None] * 4  # 2015-2018
NATIONAL = {
    "Totalt antal brott": [1548000, 1512000, 1515000, 1546000, 1549000, 1542000,
                           1481000, 1443000, 1432000, 1412000, 1405000],
    "Grov kvinnofridskränkning": [1950, 1900, 1840, 1760, 1700, 1640, 1600, 1660,
                                  1740, 1810, 1850],
    "Grov fridskränkning, närstående genom parrelation":
        _pre + [240, 250, 255, 275, 300, 310, 320],
    "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation":
        _pre + [12300, 12150, 11800, 11950, 12200, 12350, 12300],
    "Misshandel inkl. grov, mot man 18 år eller äldre, närstående genom parrelation":
        _pre + [2600, 2650, 2700, 2800, 2900, 2950, 3000],
    "Olaga hot, närstående genom parrelation":
        _pre + [4800, 4850, 4900, 5000, 5150, 5250, 5300],
    "Ofredande, närstående genom parrelation":
        _pre + [4200, 4300, 4400, 4500, 4600, 4650, 4700],
    "Olaga förföljelse, närstående genom parrelation":
        _pre + [1200, 1250, 1300, 1350, 1400, 1450, 1500],
    "Överträdelse av kontaktförbud": [4500, 4650, 4800, 5000, 5200, 5350, 5500, 5700,
                                      6000, 6250, 6500],
    "Barnfridsbrott": [None] * 6 + [3000, 7500, 8500, 9000, 9300],
}
DRUG_TOTAL = "Brott mot narkotikastrafflagen"
DRUG_PARTS = ["Narkotikabrott, eget bruk", "Narkotikabrott, innehav",
              "Narkotikabrott, överlåtelse m.m.", "Narkotikabrott, framställning"]
NATIONAL_DRUGS = [92000, 96000, 100500, 104500, 108000, 105500, 103000, 100000,
                  98000, 97000, 96000]
DRUG_SHARES = [0.56, 0.30, 0.11, 0.03]

RELATIONSHIP = [k for k in NATIONAL if k != "Totalt antal brott"]
MISSHANDEL_PARENT = "Misshandel inkl. grov"

# Crime order in the export (SOL echoes the parent node of the two misshandel types).
CRIME_ORDER = (["Totalt antal brott", "Grov kvinnofridskränkning",
                "Grov fridskränkning, närstående genom parrelation",
                MISSHANDEL_PARENT]
               + RELATIONSHIP[2:]
               + [DRUG_TOTAL] + DRUG_PARTS)

# Level of each kommun relative to the national per-capita rate, per area. Rural kommuner
# report less than the nation; Gävle (the county town) clearly more drug crime.
LEVELS = {  # name: (total, relationship, drugs)
    "Ockelbo":    (0.48, 0.70, 0.30),
    "Hofors":     (0.55, 0.80, 0.40),
    "Ovanåker":   (0.44, 0.62, 0.30),
    "Nordanstig": (0.50, 0.73, 0.32),
    "Ljusdal":    (0.50, 0.74, 0.36),
    "Gävle":      (0.76, 0.95, 0.80),
    "Sandviken":  (0.62, 0.88, 0.50),
    "Söderhamn":  (0.60, 0.86, 0.48),
    "Bollnäs":    (0.55, 0.78, 0.44),
    "Hudiksvall": (0.53, 0.75, 0.42),
}

# Nordanstig under the pledge (signed June 2023): more relationship crime reported and
# more drug offences found by police work. Multipliers on the expected value by year.
# Nordanstig's levels above and these lifts were picked from a small grid so that the
# seeded draws (Poisson noise is +-4-6 at these sizes) show the intended example pattern:
# relationship ~20-25 a year 2019-2022 with a 2021 spike, ~30-35 under the pledge; drugs
# ~22-43 before and ~39-44 under the pledge. They are illustration, not an estimate.
PLEDGE_LIFT = {
    "relationship": {2023: 1.05, 2024: 1.20, 2025: 1.20},
    "drugs_use":    {2023: 1.45, 2024: 1.65, 2025: 1.65},  # eget bruk, innehav
    "drugs_other":  {2023: 1.10, 2024: 1.15, 2025: 1.15},  # överlåtelse, framställning
}
# "One case with many crimes": Nordanstig 2021, Olaga hot partner, expected value x2.
SPIKE = ("Nordanstig", "Olaga hot, närstående genom parrelation", 2021, 2.0)


def type_jitter(region: str) -> float:
    """Small seeded per (kommun, crime type) difference in level. Nordanstig's levels are
    the hand-set reference and get none (Hela landet neither)."""
    if region in ("Hela landet", PLEDGE_REGION):
        return 1.0
    return rng.uniform(0.85, 1.15)


def series_rng() -> random.Random:
    """A generator of its own for one (region, crime type) series, seeded from the master
    generator in a fixed order, so changing one expected value does not reshuffle the
    draws of every other series."""
    return random.Random(rng.getrandbits(64))


def generate_counts() -> dict[tuple[str, str, int], int | None]:
    counts: dict[tuple[str, str, int], int | None] = {}
    regions = ["Hela landet"] + [name for _c, name, *_ in KOMMUNER]
    for region in regions:
        pop = POP[region]
        national = region == "Hela landet"
        lvl_total, lvl_rel, lvl_drug = (1.0, 1.0, 1.0) if national else LEVELS[region]
        # Context: total reported crime.
        jit = type_jitter(region)
        r = series_rng()
        for i, y in enumerate(YEARS):
            lam = NATIONAL["Totalt antal brott"][i] * (pop[i] / RIKET[i]) * lvl_total * jit
            counts[(region, "Totalt antal brott", y)] = poisson(lam, r)
        # Relationship crime.
        for crime in RELATIONSHIP:
            jit = type_jitter(region)
            r = series_rng()
            for i, y in enumerate(YEARS):
                nat = NATIONAL[crime][i]
                if nat is None:
                    counts[(region, crime, y)] = NA
                    continue
                lam = nat * (pop[i] / RIKET[i]) * lvl_rel * jit
                if region == PLEDGE_REGION:
                    lam *= PLEDGE_LIFT["relationship"].get(y, 1.0)
                if (region, crime, y) == SPIKE[:3]:
                    lam *= SPIKE[3]
                counts[(region, crime, y)] = poisson(lam, r)
        # Drug offences: draw the parts, the total is their exact sum.
        jits = [type_jitter(region) for _ in DRUG_PARTS]
        rs = [series_rng() for _ in DRUG_PARTS]
        for i, y in enumerate(YEARS):
            total = 0
            for j, part in enumerate(DRUG_PARTS):
                lam = (NATIONAL_DRUGS[i] * DRUG_SHARES[j] * (pop[i] / RIKET[i])
                       * lvl_drug * jits[j])
                if region == PLEDGE_REGION:
                    key = "drugs_use" if j < 2 else "drugs_other"
                    lam *= PLEDGE_LIFT[key].get(y, 1.0)
                n = poisson(lam, rs[j])
                counts[(region, part, y)] = n
                total += n
            counts[(region, DRUG_TOTAL, y)] = total
        # Parent node echoed by SOL.
        for y in YEARS:
            counts[(region, MISSHANDEL_PARENT, y)] = NA
    return counts


# --------------------------------------------------------------------------- writers
def rate(count: int, pop: int) -> int:
    """count per 100 000 inhabitants, rounded half up to an integer."""
    return (2 * count * 100000 + pop) // (2 * pop)


def write_sol(counts) -> None:
    regions = ["Hela landet"] + [name for _c, name, *_ in KOMMUNER]
    lines = ["Region;Brott;År;Period;Antal;/100 000 inv"]
    for region in regions:
        for crime in CRIME_ORDER:
            for i, y in enumerate(YEARS):
                period = f"{y} prel." if y == PRELIMINARY else str(y)
                n = counts[(region, crime, y)]
                if n is NA:
                    antal = per = ".."
                else:
                    antal, per = str(n), str(rate(n, POP[region][i]))
                lines.append(f"{region};{crime};År;{period};{antal};{per};")
    SOL_FILE.write_bytes(("\r\n".join(lines) + "\r\n").encode("iso-8859-1"))


def write_scb() -> None:
    lines = ['"Folkmängd efter region och år"', ""]
    lines.append(";".join(['"region"'] + [f'"{y}"' for y in YEARS]))

    def row(label: str, values: list[int]) -> str:
        return ";".join([f'"{label}"'] + [str(v) for v in values])

    lines.append(row("00 Riket", RIKET))
    lines.append(row("21 Gävleborgs län", LAN))
    for code, name, *_ in KOMMUNER:
        lines.append(row(f"{code} {name}", POP[name]))
    SCB_FILE.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------- monthly export
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
MONTH_YEARS = list(range(2019, 2027))
RUNNING_YEAR, RUNNING_MONTHS = 2026, 8
# Invented seasonality: relationship crime peaks in summer and at Christmas.
SEASON = [0.90, 0.85, 0.95, 0.95, 1.05, 1.15, 1.25, 1.10, 0.95, 0.95, 0.90, 1.00]
MONTH_CRIMES = RELATIONSHIP + [DRUG_TOTAL]
CODED = {"Grov kvinnofridskränkning": "0412 - Grov kvinnofridskränkning"}
# Region Mitt (Uppsala, Västmanland, Gävleborg): about 10.5 % of the nation (invented).
MITT_SHARE = 0.105


def split_year(n: int, r: random.Random) -> list[int]:
    """n crimes spread over the twelve months (multinomial with the seasonal weights)."""
    total = sum(SEASON)
    months = [0] * 12
    for _ in range(n):
        u, acc = r.random() * total, 0.0
        for i, w in enumerate(SEASON):
            acc += w
            if u < acc:
                months[i] += 1
                break
        else:
            months[11] += 1
    return months


def monthly_counts(counts) -> dict[tuple[str, str, int], list[int | None]]:
    """Per (region, crime, year): twelve monthly counts (None = '..'), months after
    August 2026 left out. A generator of its own so the yearly files do not change."""
    r = random.Random(21326)
    out: dict[tuple[str, str, int], list[int | None]] = {}
    for crime in MONTH_CRIMES:
        for y in MONTH_YEARS:
            if y < RUNNING_YEAR:
                n = counts[(PLEDGE_REGION, crime, y)]
                out[(PLEDGE_REGION, crime, y)] = [None] * 12 if n is None else split_year(n, r)
            else:
                last = counts[(PLEDGE_REGION, crime, RUNNING_YEAR - 1)] or 0
                out[(PLEDGE_REGION, crime, y)] = [
                    poisson(last / 12 * SEASON[m], r) for m in range(RUNNING_MONTHS)]
            i = min(y, 2025) - 2015
            nat = NATIONAL_DRUGS[i] if crime == DRUG_TOTAL else NATIONAL[crime][i]
            months = RUNNING_MONTHS if y == RUNNING_YEAR else 12
            out[("Region Mitt", crime, y)] = (
                [None] * months if nat is None
                else [poisson(nat * MITT_SHARE / 12 * SEASON[m], r) for m in range(months)])
    return out


def write_monthly(counts) -> None:
    months = monthly_counts(counts)
    lines = ["Region;Brott;År;Period;Antal;/100 000 inv"]
    for region in [PLEDGE_REGION, "Region Mitt"]:
        for crime in MONTH_CRIMES:
            label = CODED.get(crime, crime)
            for y in MONTH_YEARS:
                year = f"{y} prel." if y == RUNNING_YEAR else str(y)
                values = months[(region, crime, y)]
                pop = POP[region][min(y, 2025) - 2015] if region in POP else None
                cells = [(MONTHS[m], v) for m, v in enumerate(values)]
                if len(values) == 12:
                    known = [v for v in values if v is not None]
                    cells.append(("Helår", sum(known) if known else None))
                for period, n in cells:
                    if n is None:
                        antal = per = ".."
                    else:
                        antal = str(n)
                        per = str(rate(n, pop)) if pop else ".."
                    lines.append(f"{region};{label};{year};{period};{antal};{per};")
    MONTH_FILE.write_bytes(("\r\n".join(lines) + "\r\n").encode("iso-8859-1"))


def main() -> None:
    counts = generate_counts()
    DATA.mkdir(parents=True, exist_ok=True)
    write_sol(counts)
    write_scb()
    write_monthly(counts)
    print(f"wrote {MONTH_FILE.relative_to(ROOT)}")
    print(f"wrote {SOL_FILE.relative_to(ROOT)} and {SCB_FILE.relative_to(ROOT)}")
    print("Nordanstig (EXEMPELDATA): year  relationship  drugs  total")
    for y in YEARS:
        rel = [counts[(PLEDGE_REGION, c, y)] for c in RELATIONSHIP]
        rel_sum = sum(n for n in rel if n is not None)
        print(f"  {y}  {rel_sum:5d}  {counts[(PLEDGE_REGION, DRUG_TOTAL, y)]:5d}"
              f"  {counts[(PLEDGE_REGION, 'Totalt antal brott', y)]:5d}")


if __name__ == "__main__":
    main()
