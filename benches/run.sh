#!/usr/bin/env bash
# Benchmarks: brottstrend against pandas + matplotlib (see benches/README.md): the shipped data,
# the national export (and a half-size one), validate on the national export, and all 290
# kommuner's pledges in one batch run.
#
#   bash benches/run.sh                 # everything: build, generate data if absent, measure
#   RUNS=5 RUNS_NATIONAL=3 bash benches/run.sh
#   CASES="small national validate batch" bash benches/run.sh
#   SKIP_BUILD=1 NO_PANDAS=1 bash benches/run.sh
#   PANDAS_PLAIN=1 bash benches/run.sh  # pandas with default dtypes (slower, as a first script)
#
# Prints median / min / max wall time, median CPU time (user + system) and peak RSS per case and
# tool, then a Markdown table (also written to benches/data/results.md) with the ratios
# pandas / brottstrend and a line per target saying whether it is met.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUNS=${RUNS:-5}                    # runs per small case
RUNS_NATIONAL=${RUNS_NATIONAL:-3}  # runs per national case
RUNS_BATCH=${RUNS_BATCH:-1}        # runs of the 290-pledge batch (pandas: minutes a run)
CASES=${CASES:-"small national national_half validate batch"}
RUN_TIMEOUT=${RUN_TIMEOUT:-1800}   # seconds per run before it counts as failed
RUN_TIMEOUT_BATCH=${RUN_TIMEOUT_BATCH:-5400}  # the same for the batch (pandas: 30+ min under load)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/brottstrend"
DATA="$ROOT/benches/data"
NATIONAL_ROWS=9603000              # 291 regions x 1 100 crime types x 30 years
HALF_ROWS=4801500                  # 291 x 550 x 30: same rows kept, half the file

say() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    say "installing GNU time (apt-get install time)"
    (apt-get update -qq && apt-get install -y -qq time) >&2
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    say "building release (cargo build --release)"
    cargo build --release --quiet
fi
[[ -x "$BIN" ]] || { say "no release binary at $BIN"; exit 1; }
# What was measured: the commit, whether src/ had uncommitted changes, when the binary was built.
REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null)" ]]; then
    REVISION="$REVISION + uncommitted changes in src/"
fi
REVISION="$REVISION; binary built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC')"
[[ "${SKIP_BUILD:-0}" == 1 ]] && REVISION="$REVISION (SKIP_BUILD: it may predate this commit)"

HAVE_PANDAS=0
if [[ "${NO_PANDAS:-0}" != 1 ]]; then
    if ! python3 -c 'import pandas, matplotlib, scipy' 2>/dev/null; then
        say "installing pandas, matplotlib, scipy (pip)"
        python3 -m pip install --quiet pandas matplotlib scipy >&2 || true
    fi
    if python3 -c 'import pandas, matplotlib, scipy' 2>/dev/null; then
        HAVE_PANDAS=1
    else
        say "pandas + matplotlib + scipy not available: the baseline is skipped"
    fi
fi

# --- data ------------------------------------------------------------------------------------
generate() { # folder rows
    if [[ ! -f "$1/expected/totals.json" ]]; then
        say "generating $1 ($2 rows)"
        python3 benches/generate_national.py --rows "$2" --out "$1" >&2
    fi
}
case_dir() {
    case "$1" in
        small) echo "$ROOT/data" ;;
        national | validate | batch) echo "$DATA/national" ;;
        national_half) echo "$DATA/national_half" ;;
        *) say "unknown case $1"; exit 1 ;;
    esac
}
for c in $CASES; do
    case "$c" in
        national | validate | batch) generate "$DATA/national" "$NATIONAL_ROWS" ;;
        national_half) generate "$DATA/national_half" "$HALF_ROWS" ;;
    esac
done
if [[ " $CASES " == *" batch "* && ! -f "$DATA/pledges/nordanstig.toml" ]]; then
    say "writing 290 pledge files into $DATA/pledges"
    python3 benches/generate_pledges.py --out "$DATA/pledges" >&2
fi

# --- measuring -------------------------------------------------------------------------------
RESULTS=$(mktemp)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$RESULTS"' EXIT
# Measure a private copy: a rebuild of target/release during the run must not change the binary.
cp "$BIN" "$WORK/brottstrend"
BIN="$WORK/brottstrend"

# measure CASE TOOL RUNS CMD...   (the string @OUT@ in CMD is replaced by a fresh folder)
measure() {
    local case=$1 tool=$2 runs=$3
    shift 3
    local i
    for ((i = 1; i <= runs; i++)); do
        local out="$WORK/out-$case-$tool-$i" tv="$WORK/time-$case-$tool-$i"
        local cmd=()
        local a
        for a in "$@"; do cmd+=("${a//@OUT@/$out}"); done
        local t0 t1 rc=0
        t0=$(date +%s.%N)
        local limit=$RUN_TIMEOUT
        [[ "$case" == batch ]] && limit=$RUN_TIMEOUT_BATCH
        timeout "$limit" /usr/bin/time -v -o "$tv" "${cmd[@]}" >"$WORK/stdout" 2>"$WORK/stderr" || rc=$?
        t1=$(date +%s.%N)
        local rss cpu
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv" 2>/dev/null || true)
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.3f", s}' "$tv" 2>/dev/null || true)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$tool" "$i" \
            "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')" "${rss:-0}" "$rc" "${cpu:-0}" >>"$RESULTS"
        if [[ $rc != 0 ]]; then
            say "  $case/$tool run $i failed (exit $rc):"
            tail -5 "$WORK/stderr" >&2 || true
        else
            say "  $case/$tool run $i: $(tail -1 "$RESULTS" | cut -f4) s wall, ${cpu:-0} s CPU, $(( ${rss:-0} / 1024 )) MB"
        fi
        rm -rf "$out"
    done
}

for c in $CASES; do
    dir=$(case_dir "$c")
    runs=$RUNS
    [[ "$c" == small ]] || runs=$RUNS_NATIONAL
    [[ "$c" == batch ]] && runs=$RUNS_BATCH
    cat "$dir"/*.csv >/dev/null   # warm page cache, as the targets assume
    say "case $c ($dir)"
    if [[ "$c" == small ]]; then   # one warm-up run (binary and fonts into the page cache)
        "$BIN" analyze --data "$dir" --out "$WORK/warmup" >/dev/null 2>&1 || true
        rm -rf "$WORK/warmup"
    fi
    plain=()
    [[ "${PANDAS_PLAIN:-0}" == 1 ]] && plain=(--plain)
    case "$c" in
        validate)  # no pandas counterpart: validate checks every row and writes nothing
            measure "$c" brottstrend "$runs" "$BIN" validate --data "$dir" ;;
        batch)
            measure "$c" brottstrend "$runs" "$BIN" analyze --data "$dir" --pledges "$DATA/pledges" --out @OUT@
            if [[ $HAVE_PANDAS == 1 ]]; then
                measure "$c" pandas "$runs" python3 benches/pandas_baseline.py --data "$dir" \
                    --pledges "$DATA/pledges" --out @OUT@ "${plain[@]}"
            fi ;;
        *)
            measure "$c" brottstrend "$runs" "$BIN" analyze --data "$dir" --out @OUT@
            if [[ $HAVE_PANDAS == 1 ]]; then
                measure "$c" pandas "$runs" python3 benches/pandas_baseline.py --data "$dir" --out @OUT@ "${plain[@]}"
            fi ;;
    esac
done

# The floor on this machine, now: one pass of grep -F over the national file, and its SHA-256
# on one core (Python's hashlib over a memory map: OpenSSL with the CPU's SHA extensions, no
# copy): the fastest of 3 each.
FLOOR=""
if [[ " $CASES " == *" national "* ]]; then
    file=$(ls "$DATA"/national/*.csv | grep -v scb | head -1)
    fastest() { # CMD... : the fastest wall time of 3 runs, in seconds
        local best="" t0 t1 t i
        for i in 1 2 3; do
            t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
            t=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
            if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$t; fi
        done
        echo "$best"
    }
    grep_s=$(fastest grep -cF "no such text in the export" "$file")
    # hashlib over a memory map of the file: the digest on one core, without copying the bytes.
    sha_s=$(fastest python3 -c 'import hashlib, mmap, sys
with open(sys.argv[1], "rb") as f:
    hashlib.sha256(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))' "$file")
    FLOOR="one pass of \`grep -F\` over the national file ${grep_s} s, its SHA-256 on one core ${sha_s} s"
fi

# --- report ----------------------------------------------------------------------------------
mkdir -p "$DATA"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$RESULTS" "$DATA" "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)" "$REVISION" "${PANDAS_PLAIN:-0}" "$LOAD_BEFORE" "$FLOOR" <<'PY' | tee "$DATA/results.md"
import csv, json, os, statistics, sys
from pathlib import Path
results, data, cores, mem, revision, plain, load, floor = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6] == "1", sys.argv[7], sys.argv[8]
runs = {}
for case, tool, _i, wall, rss, rc, cpu in csv.reader(open(results), delimiter="\t"):
    runs.setdefault((case, tool), []).append((float(wall), int(rss or 0), int(rc), float(cpu or 0)))
order = [c for c in ["small", "national", "national_half", "validate", "batch"] if any(k[0] == c for k in runs)]
def describe(case):
    if case == "small":
        return "small: shipped `data/`", "1 936", os.path.getsize("data/exempel_bra_sol_2026-03-26.csv")
    folder = data / ("national_half" if case == "national_half" else "national")
    t = json.load(open(folder / "expected" / "totals.json"))
    name = {"national": "national", "national_half": "half national", "validate": "validate, national",
            "batch": "290 pledges (2 areas each), national"}[case]
    return f"{name}: {t['regions']} regions × {t['crime_types']} types × 30 years", f"{t['rows']:,}".replace(",", " "), t["bytes"]
def fmt_mb(kb): return f"{kb / 1024:,.0f}".replace(",", " ")
def fmt_size(b): return f"{b / 1e6:,.0f} MB".replace(",", " ") if b >= 1e6 else f"{b / 1e3:.0f} kB"
print(f"brottstrend {revision}. Machine: {cores} cores, {mem} GB RAM, load average {load} when the "
      f"run ended (other work on the machine slows wall times); release build; page cache warm; "
      f"wall time, CPU time (user + system) and peak RSS (`/usr/bin/time -v`) over N runs; pandas "
      f"{'with default dtypes (--plain)' if plain else 'reading categoricals and numbers directly'}.\n")
print("| case | rows | file | tool | runs | median s | min s | max s | CPU s | peak RSS MB | pandas ÷ brottstrend (time) | brottstrend ÷ pandas (memory) |")
print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
summary = {}
for case in order:
    label, rows, size = describe(case)
    for tool in ["brottstrend", "pandas"]:
        r = runs.get((case, tool))
        if not r:
            continue
        ok = [x for x in r if x[2] == 0]
        if not ok:
            print(f"| {label} | {rows} | {fmt_size(size)} | {tool} | {len(r)} | failed (exit {r[0][2]}) | | | | {fmt_mb(max(x[1] for x in r))} | | |")
            continue
        walls = [x[0] for x in ok]
        cpu = statistics.median(x[3] for x in ok)
        rss = max(x[1] for x in ok)
        summary[(case, tool)] = (statistics.median(walls), rss, cpu)
        ratio_t = ratio_m = ""
        if tool == "pandas" and (case, "brottstrend") in summary:
            bt, bm, _ = summary[(case, "brottstrend")]
            speed = statistics.median(walls) / bt
            ratio_t = f"{speed:.1f}×" if speed >= 1 else f"{speed:.2f}×"
            ratio_m = f"{bm / rss:.2f}"
        fails = f" ({len(r) - len(ok)} failed)" if len(ok) < len(r) else ""
        print(f"| {label} | {rows} | {fmt_size(size)} | {tool} | {len(ok)}{fails} | {statistics.median(walls):.2f} | "
              f"{min(walls):.2f} | {max(walls):.2f} | {cpu:.2f} | {fmt_mb(rss)} | {ratio_t} | {ratio_m} |")
print()
def check(what, ok): print(f"- {'met' if ok else 'NOT met'}: {what}")
def got(case): return summary.get((case, "brottstrend"))
if got("small"):
    t, _, _ = got("small")
    check(f"small (every chart) median ≤ 0.1 s ({t:.2f} s)", t <= 0.1)
if got("national"):
    t, m, c = got("national")
    check(f"national median ≤ 0.6 s wall ({t:.2f} s)", t <= 0.6)
    check(f"national median ≤ 1.2 s CPU ({c:.2f} s)", c <= 1.2)
    check(f"national peak RSS ≤ 100 MB ({m / 1024:.0f} MB)", m / 1024 <= 100)
if got("national") and ("national", "pandas") in summary:
    bt, _, _ = got("national")
    pt, _, _ = summary[("national", "pandas")]
    check(f"national: ≥ 15× faster than pandas in wall time ({pt / bt:.1f}×)", pt / bt >= 15)
if got("validate"):
    t, m, _ = got("validate")
    check(f"validate on the national file ≤ 3 s ({t:.2f} s)", t <= 3)
    check(f"validate on the national file ≤ 300 MB ({m / 1024:.0f} MB)", m / 1024 <= 300)
if got("batch"):
    t, m, _ = got("batch")
    check(f"290 pledges in one run ≤ 15 s ({t:.2f} s)", t <= 15)
    check(f"290 pledges in one run ≤ 500 MB ({m / 1024:.0f} MB)", m / 1024 <= 500)
if got("national") and got("national_half"):
    (_, m1, _), (_, m2, _) = got("national"), got("national_half")
    check(f"memory grows with rows kept, not file size (half file {m2 / 1024:.0f} MB vs full {m1 / 1024:.0f} MB: "
          f"ratio {m2 / m1:.2f}, ~1 expected)", m2 / m1 > 0.8)
if floor:
    print(f"\nThe floor on this machine during the run: {floor} (the fastest of 3 runs each).")
PY
say "table written to benches/data/results.md; reproduce with: bash benches/run.sh"
