#!/usr/bin/env bash
# Peak memory against input size (issue #10, "memory stays bounded"): many distinct crime labels
# no area uses, and many areas in one pledge. Prints one line per run: what, size, wall time,
# peak RSS (`/usr/bin/time -v`). Data goes to a temporary folder, removed at the end.
#
#   bash benches/memory_bounds.sh                      # debug binary, 1 M and 6 M labels
#   BIN=target/release/brottstrend LABELS="1000000 6000000" AREAS="20 200 2000" bash benches/memory_bounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/brottstrend}
LABELS=${LABELS-"1000000 6000000"}   # empty: skip
AREAS=${AREAS-"20 200 2000"}   # empty: skip
TINY=tests/fixtures/tiny
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

measure() { # label command...
    local label=$1
    shift
    /usr/bin/time -v -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { echo "$label: failed"; tail -3 "$WORK/stderr"; return; }
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/time")
    wall=$(awk -F': ' '/Elapsed/ {print $2}' "$WORK/time")
    echo "$label: $wall wall, $rss MB peak RSS"
}

for n in $LABELS; do
    d="$WORK/labels$n"
    mkdir -p "$d/data"
    cp "$TINY"/{pledge.toml,breaks.toml,scb_population_long_comma.csv} "$d/data/"
    # The tiny export, then N distinct crime labels no area uses (Latin-1, like BRÅ's file).
    python3 - "$n" "$TINY/sol_latin1_crlf_prel_2025-02-01.csv" "$d/data/sol_labels_2025-02-01.csv" <<'PY'
import sys
n, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(out, "wb") as f:
    f.write(open(base, "rb").read())
    for start in range(0, n, 100_000):
        f.write(b"".join(b"Hudiksvall;Ok\xe4nt brott nr %08d;\xc5r;2020;1;3;\r\n" % i
                         for i in range(start, min(n, start + 100_000))))
PY
    measure "analyze, $n unused labels" "$BIN" analyze --data "$d/data" --out "$d/out"
    measure "validate, $n unused labels" "$BIN" validate --data "$d/data"
    rm -rf "$d"
done

for n in $AREAS; do
    d="$WORK/areas$n"
    mkdir -p "$d/data"
    cp "$TINY"/{breaks.toml,scb_population_long_comma.csv,sol_latin1_crlf_prel_2025-02-01.csv} "$d/data/"
    python3 - "$n" "$d/data/pledge.toml" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
head = 'region = "Nordanstig"\npledge = [2023, 2026]\nbaseline = [2019, 2022]\n'
area = '\n[[area]]\nid = "a{0:05d}"\ntitle = "Område {0}"\ncrimes = ["Grov kvinnofridskränkning", "Brott mot narkotikastrafflagen", "Mönster {0}*"]\n'
open(out, "w").write(head + "".join(area.format(i) for i in range(n)))
PY
    measure "validate, $n areas" "$BIN" validate --data "$d/data"
    rm -rf "$d"
done
