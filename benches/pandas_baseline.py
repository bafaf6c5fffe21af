#!/usr/bin/env python3
"""The "usual alternative" to brottstrend: the same work with pandas + matplotlib + scipy.

    python3 benches/pandas_baseline.py --data benches/data/national [--out DIR] [--keep] [-v]

On the same data folder as `brottstrend analyze --data DIR`:

1. read the BRÅ SOL "Databasfil" export (ISO-8859-1, `;`, trailing `;`, `..` = missing) with
   pandas.read_csv (Region/Brott/År/Period as categoricals, Antal as a number: a sensible,
   not a naive, read), keep the yearly rows (`År` in column 3, the year or `2025 prel.` in 4);
2. match the crime types of each area of pledge.toml (same rule: `*` any text, case ignored,
   a leading `0412 - ` ignored) and keep their rows;
3. sum per area x region x year (null when every cell is `..`), the pledge kommun's county as
   the sum of its kommuner, the nation (`Hela landet`);
4. join the SCB PxWeb population (wide or long), rates per 100 000, exact Poisson (Garwood)
   intervals for counts and rates (scipy.stats.chi2), the pledge period against the baseline
   as a rate ratio with its exact conditional (binomial) interval;
5. per area a trend chart with interval bars, a rates chart (kommun, county, nation with
   intervals), a composition chart (crime types of the kommun) and a funnel of all kommuner
   over the pledge years with exact Poisson limits; PNG via matplotlib (Agg);
6. write metrics.csv and the charts to a temporary folder (removed unless --keep or --out).

Prints one line per phase with -v. Needs pandas, matplotlib and scipy (benches/run.sh
installs them with pip when missing).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

T0 = time.perf_counter()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy.stats import beta, chi2  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KOMMUNER_CSV = ROOT / "assets" / "kommuner.csv"
NATION_NAMES = {"hela landet", "riket", "sverige", "hela riket"}


def log(verbose: bool, what: str, t: float) -> float:
    now = time.perf_counter()
    if verbose:
        print(f"  {what:<34} {now - t:7.2f} s", file=sys.stderr)
    return now


# ------------------------------------------------------------------------ matching (as brottstrend)
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
    p, l = pattern.strip().lower(), label.strip().lower()
    return glob(p, l) or glob(p, strip_code(l))


# ------------------------------------------------------------------------ inputs
def find_inputs(data: Path) -> tuple[list[Path], list[Path]]:
    sol, pop = [], []
    for path in sorted(data.iterdir()):
        if path.suffix.lower() not in (".csv", ".tsv", ".txt") or not path.is_file():
            continue
        with open(path, "rb") as f:
            head = f.read(4096).decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
        lines = [l.strip().strip('"').lower() for l in head.splitlines() if l.strip()]
        if lines and lines[0].startswith("region;brott"):
            sol.append(path)
        elif any(l.startswith("region") for l in lines[:4]):
            pop.append(path)
    return sol, pop


def read_sol(path: Path, plain: bool = False) -> pd.DataFrame:
    with open(path, "rb") as f:
        raw = f.read(4096)
    try:
        raw.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "latin-1"
    if plain:  # the first thing one writes: default dtypes, every column as read
        df = pd.read_csv(path, sep=";", encoding=encoding, index_col=False)
        df = df.iloc[:, :5]
        df.columns = ["Region", "Brott", "Ar", "Period", "Antal"]
        df["Antal"] = pd.to_numeric(df["Antal"], errors="coerce")
    else:
        df = pd.read_csv(
            path, sep=";", encoding=encoding, index_col=False, usecols=[0, 1, 2, 3, 4],
            header=0, names=["Region", "Brott", "Ar", "Period", "Antal"],
            dtype={"Region": "category", "Brott": "category", "Ar": "category",
                   "Period": "category", "Antal": "float64"},
            na_values=[".."], keep_default_na=False,
        )
    yearly = df["Ar"].astype(str).str.lower() == "år"
    df = df[yearly.to_numpy()]
    period = df["Period"].astype(str)
    df = df.assign(year=period.str.slice(0, 4).astype("int32"),
                   preliminary=period.str.contains("prel", regex=False))
    return df[["Region", "Brott", "year", "preliminary", "Antal"]]


def read_population(path: Path) -> pd.DataFrame:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    header = next(i for i, l in enumerate(lines) if l.strip().strip('"').lower().startswith("region"))
    sep = max([";", "\t", ","], key=lambda c: lines[header].count(c))
    df = pd.read_csv(path, sep=sep, skiprows=header, encoding="utf-8-sig", dtype=str)
    df = df.rename(columns={df.columns[0]: "region"})
    years = [c for c in df.columns[1:] if str(c).strip()[-4:].isdigit()]
    if len(years) > 1:  # wide
        long = df.melt(id_vars="region", value_vars=years, var_name="year", value_name="population")
        long["year"] = long["year"].str.strip().str[-4:].astype(int)
    else:  # long: region;år;Folkmängd
        long = df.iloc[:, [0, 1, -1]]
        long.columns = ["region", "year", "population"]
        long["year"] = long["year"].str[:4].astype(int)
    long["region_code"] = long["region"].str.split(" ").str[0]
    long["region_code"] = long["region_code"].where(long["region_code"] != "0000", "00")
    long["population"] = pd.to_numeric(long["population"].str.replace(" ", ""), errors="coerce")
    return long[["region_code", "year", "population"]].dropna()


# ------------------------------------------------------------------------ statistics
def garwood(k: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    a = 1 - level
    k = np.asarray(k, dtype=float)
    lo = np.where(k > 0, chi2.ppf(a / 2, 2 * k) / 2, 0.0)
    hi = chi2.ppf(1 - a / 2, 2 * k + 2) / 2
    return lo, hi


def rate_ratio(c1: float, p1: float, c0: float, p0: float, level: float = 0.95):
    """Exact conditional (binomial) interval for (c1/p1)/(c0/p0)."""
    n = c1 + c0
    if n == 0 or p1 == 0 or p0 == 0:
        return None
    a = 1 - level
    lo = beta.ppf(a / 2, c1, c0 + 1) if c1 > 0 else 0.0
    hi = beta.ppf(1 - a / 2, c1 + 1, c0) if c0 > 0 else float("inf")
    f = p0 / p1
    conv = lambda p: p / (1 - p) * f if p < 1 else float("inf")
    return (c1 / p1) / (c0 / p0) if c0 > 0 else float("inf"), conv(lo), conv(hi)


# ------------------------------------------------------------------------ charts
def chart_trend(path, title, kommun):
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    k = kommun.dropna(subset=["count"])
    err = np.vstack([k["count"] - k["count_ci_low"], k["count_ci_high"] - k["count"]])
    colors = ["#999999" if p else "#1f5fa0" for p in k["preliminary"]]
    ax.bar(k["year"], k["count"], color=colors)
    ax.errorbar(k["year"], k["count"], yerr=err, fmt="none", ecolor="black", capsize=3)
    ax.set_title(title)
    ax.set_xlabel("År")
    ax.set_ylabel("Antal anmälda brott")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def chart_rates(path, title, series):
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    for name, s in series:
        s = s.dropna(subset=["rate"])
        err = np.vstack([s["rate"] - s["rate_ci_low"], s["rate_ci_high"] - s["rate"]])
        ax.errorbar(s["year"], s["rate"], yerr=err, marker="o", capsize=3, label=name)
    ax.set_title(title)
    ax.set_xlabel("År")
    ax.set_ylabel("Per 100 000 invånare")
    ax.set_ylim(bottom=0)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def chart_composition(path, title, comp):
    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    bottom = np.zeros(len(comp.index))
    for crime in comp.columns:
        vals = comp[crime].fillna(0).to_numpy()
        ax.bar(comp.index, vals, bottom=bottom, label=crime[:40])
        bottom += vals
    ax.set_title(title)
    ax.set_xlabel("År")
    ax.set_ylabel("Antal")
    ax.legend(fontsize=6, loc="upper left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def chart_funnel(path, title, points, me_code):
    fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
    target = points["count"].sum() / points["person_years"].sum()
    x = np.geomspace(max(1.0, points["person_years"].min() * 0.8), points["person_years"].max() * 1.2, 200)
    for level, style in ((0.95, "--"), (0.998, ":")):
        lo, hi = garwood(np.round(target * x), level)
        ax.plot(x, lo / x * 1e5, "k" + style, linewidth=0.8)
        ax.plot(x, hi / x * 1e5, "k" + style, linewidth=0.8)
    ax.axhline(target * 1e5, color="grey", linewidth=0.8)
    ax.scatter(points["person_years"], points["rate"], s=8, color="#1f5fa0")
    me = points[points["region_code"] == me_code]
    ax.scatter(me["person_years"], me["rate"], s=40, color="#d62728", zorder=3)
    ax.set_xscale("log")
    ax.set_title(title)
    ax.set_xlabel("Personår")
    ax.set_ylabel("Per 100 000 invånare och år")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# ------------------------------------------------------------------------ main
def read_kept(data: Path, pledges: list[dict], kommuner: pd.DataFrame, plain: bool, v: bool, t: float):
    """The SOL rows of every crime type some area of `pledges` uses, with region codes."""
    sol_files, pop_files = find_inputs(data)
    frames = [read_sol(p, plain) for p in sol_files]
    sol = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    del frames
    t = log(v, f"read SOL ({len(sol):,} yearly rows)", t)
    labels = ([str(c) for c in sol["Brott"].cat.categories] if isinstance(sol["Brott"].dtype, pd.CategoricalDtype)
              else sorted(str(c) for c in sol["Brott"].unique()))
    patterns = {p for pledge in pledges for a in pledge["area"] for p in a["crimes"]}
    used = [l for l in labels if any(matches(p, l) for p in patterns)]
    kept = sol[sol["Brott"].isin(used)].copy()
    del sol
    kept["Brott"] = kept["Brott"].astype(str)
    kept["Region"] = kept["Region"].astype(str)
    kept = kept.drop_duplicates(subset=["Region", "Brott", "year"], keep="last")
    names = {n.lower(): c for c, n in zip(kommuner["kommun_code"], kommuner["kommun_name"])}
    kept["region_code"] = kept["Region"].map(lambda r: "00" if r.lower() in NATION_NAMES else names.get(r.lower().removesuffix(" kommun")))
    kept = kept.dropna(subset=["region_code"])
    kept["level"] = np.where(kept["region_code"] == "00", "nation", "kommun")
    pop = pd.concat([read_population(p) for p in pop_files]).drop_duplicates(["region_code", "year"], keep="last")
    t = log(v, f"filter areas ({len(kept):,} rows)", t)
    return kept, pop, labels, t


def follow_up(pledge: dict, kept_all: pd.DataFrame, pop: pd.DataFrame, labels: list[str],
              kommuner: pd.DataFrame, out: Path, v: bool, t: float):
    """One pledge: aggregate, population, rates, intervals, rate ratios, metrics.csv, charts."""
    region = str(pledge["region"])
    me = kommuner[(kommuner["kommun_code"] == region) | (kommuner["kommun_name"].str.lower() == region.lower())].iloc[0]
    me_code, me_name, county_code, county_name = me["kommun_code"], me["kommun_name"], me["lan_code"], me["lan_name"]
    p0, p1 = pledge["pledge"]
    b0, b1 = pledge["baseline"]
    # Crime types of each area (each type once per area).
    area_map = pd.DataFrame(
        [(a["id"], l) for a in pledge["area"] for l in labels if any(matches(p, l) for p in a["crimes"])],
        columns=["area", "Brott"])
    kept = kept_all.merge(area_map, on="Brott")

    # Aggregate per area x region x year; the county as the sum of its kommuner.
    by_region = (kept.groupby(["area", "level", "region_code", "year"], as_index=False)
                 .agg(count=("Antal", lambda s: s.sum(min_count=1)), preliminary=("preliminary", "any")))
    lan = kommuner.set_index("kommun_code")["lan_code"]
    in_county = by_region[(by_region["level"] == "kommun") & (by_region["region_code"].map(lan) == county_code)]
    in_county = in_county.merge(pop, on=["region_code", "year"], how="left")
    county = (in_county.groupby(["area", "year"], as_index=False)
              .agg(count=("count", lambda s: s.sum(min_count=1)), preliminary=("preliminary", "any"),
                   population=("population", lambda s: s.sum(min_count=1))))
    county["level"], county["region_code"] = "county", county_code
    by_region = by_region.merge(pop, on=["region_code", "year"], how="left")
    metrics = pd.concat([by_region, county], ignore_index=True).sort_values(["area", "level", "region_code", "year"])
    t = log(v, "aggregate + population", t)

    # Rates and exact intervals.
    k = metrics["count"].fillna(0).to_numpy()
    lo, hi = garwood(k)
    has = metrics["count"].notna().to_numpy()
    metrics["count_ci_low"] = np.where(has, lo, np.nan)
    metrics["count_ci_high"] = np.where(has, hi, np.nan)
    per = 1e5 / metrics["population"]
    metrics["rate"] = metrics["count"] * per
    metrics["rate_ci_low"] = metrics["count_ci_low"] * per
    metrics["rate_ci_high"] = metrics["count_ci_high"] * per

    (out / "charts").mkdir(parents=True, exist_ok=True)
    metrics.to_csv(out / "metrics.csv", index=False)
    summary = {}
    for area in pledge["area"]:
        aid = area["id"]
        m = metrics[metrics["area"] == aid]
        km = m[m["region_code"] == me_code]
        base = km[(km["year"] >= b0) & (km["year"] <= b1)].dropna(subset=["count", "population"])
        plg = km[(km["year"] >= p0) & (km["year"] <= p1)].dropna(subset=["count", "population"])
        summary[aid] = {"pledge_vs_baseline": rate_ratio(plg["count"].sum(), plg["population"].sum(),
                                                         base["count"].sum(), base["population"].sum())}
    t = log(v, "statistics + metrics.csv", t)

    for area in pledge["area"]:
        aid, title = area["id"], area["title"]
        m = metrics[metrics["area"] == aid]
        km = m[m["region_code"] == me_code]
        chart_trend(out / "charts" / f"{aid}-trend.png", f"{title}, {me_name}", km)
        series = [(me_name, km), (county_name, m[m["level"] == "county"]), ("Riket", m[m["level"] == "nation"])]
        chart_rates(out / "charts" / f"{aid}-rates.png", f"{title} per 100 000 invånare", series)
        comp = (kept[(kept["area"] == aid) & (kept["region_code"] == me_code)]
                .pivot_table(index="year", columns="Brott", values="Antal", aggfunc="sum"))
        chart_composition(out / "charts" / f"{aid}-composition.png", f"{title}: brottstyper, {me_name}", comp)
        years = km[(km["year"] >= p0) & (km["year"] <= p1) & km["count"].notna()]["year"]
        f = m[(m["level"] == "kommun") & m["year"].isin(years)].dropna(subset=["count", "population"])
        f = f.groupby("region_code", as_index=False).agg(count=("count", "sum"), person_years=("population", "sum"), n=("year", "size"))
        f = f[f["n"] == len(years)]
        f["rate"] = f["count"] / f["person_years"] * 1e5
        if len(f):
            chart_funnel(out / "charts" / f"{aid}-funnel.png", f"{title}: alla kommuner {p0}–{p1}", f, me_code)
    t = log(v, "charts", t)
    (out / "summary.json").write_text(json.dumps(summary, default=float, indent=1))
    return len(metrics), len(list((out / "charts").glob("*.png"))), t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "data")
    ap.add_argument("--config", type=Path)
    ap.add_argument("--pledges", type=Path,
                    help="every *.toml pledge in this folder, the SOL export read once "
                         "(as brottstrend analyze --pledges); one sub-folder per pledge")
    ap.add_argument("--out", type=Path, help="output folder (default: a temporary folder, removed)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary output folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="time each phase (stderr)")
    ap.add_argument("--plain", action="store_true",
                    help="read the SOL file with pandas' default dtypes (object/str columns), as a "
                         "first script would; the default reads categoricals and numbers directly")
    args = ap.parse_args()
    v = args.verbose
    t = log(v, "imports", T0)

    if args.pledges:
        files = sorted(args.pledges.glob("*.toml"))
        pledges = [tomllib.loads(p.read_text(encoding="utf-8")) for p in files]
    else:
        files = [args.config or args.data / "pledge.toml"]
        pledges = [tomllib.loads(files[0].read_text(encoding="utf-8"))]
    kommuner = pd.read_csv(KOMMUNER_CSV, sep=";", dtype=str)
    kept, pop, labels, t = read_kept(args.data, pledges, kommuner, args.plain, v, t)

    out = args.out or Path(tempfile.mkdtemp(prefix="pandas_baseline-"))
    rows = charts = 0
    for path, pledge in zip(files, pledges):
        folder = out / f"{pledge['region']}-{path.stem}" if args.pledges else out
        r, c, t = follow_up(pledge, kept, pop, labels, kommuner, folder, v and not args.pledges, t)
        rows, charts = rows + r, charts + c
    print(f"pandas baseline: {len(pledges)} pledge(s), {rows} metric rows, {charts} charts in {out} "
          f"({time.perf_counter() - T0:.2f} s)")
    if args.out is None and not args.keep:
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
