#!/usr/bin/env python3
"""Lists every Rust function longer than the limit (default 80 lines) outside src/stats/.

Issue #14: functions are short, split along their natural seams; the statistics kernels in
src/stats/ are exempt (a numerical routine reads best whole). Unit-test files (`tests.rs`,
`*_tests.rs`) are exempt too. CI runs this script; it exits 1 when a function is too long.

    python3 tools/fn_lengths.py [--limit 80] [--all]
"""
import argparse
import pathlib
import re
import sys

FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def code_only(line, state):
    """The line without comments, strings and char literals; `state` carries a block comment
    or a string across lines."""
    out, i = [], 0
    while i < len(line):
        if state["block"]:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            state["block"], i = False, end + 2
        elif state["string"]:
            c = line[i]
            if c == "\\" and not state["raw"]:
                i += 2
            elif c == '"' and line.startswith("#" * state["hashes"], i + 1):
                state["string"], i = False, i + 1 + state["hashes"]
            else:
                i += 1
        elif line.startswith("//", i):
            break
        elif line.startswith("/*", i):
            state["block"], i = True, i + 2
        else:
            raw = re.match(r'(b?r)(#*)"', line[i:])
            if raw:
                state.update(string=True, raw=True, hashes=len(raw.group(2)))
                i += raw.end()
            elif line[i] == '"':
                state.update(string=True, raw=False, hashes=0)
                i += 1
            elif re.match(r"'(\\.|[^\\'])'", line[i:]):
                i += len(re.match(r"'(\\.|[^\\'])'", line[i:]).group(0))
            else:
                out.append(line[i])
                i += 1
    return "".join(out)


def functions(path):
    """(name, first line, length) of every function with a body in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    state = {"block": False, "string": False, "raw": False, "hashes": 0}
    code = [code_only(l, state) for l in lines]
    found = []
    for start, text in enumerate(code):
        m = FN.match(text)
        if not m:
            continue
        depth, opened = 0, False
        for end in range(start, len(code)):
            for ch in code[end]:
                if ch == "{":
                    depth, opened = depth + 1, True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened and depth == 0:
                    break  # a declaration without a body (trait item)
            else:
                if opened and depth == 0:
                    found.append((m.group(6), start + 1, end - start + 1))
                    break
                continue
            break
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--all", action="store_true", help="print every function's length")
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    too_long = []
    for path in sorted((root / "src").rglob("*.rs")):
        rel = path.relative_to(root)
        if rel.parts[:2] == ("src", "stats") or path.name == "tests.rs" or path.name.endswith("_tests.rs"):
            continue
        for name, line, length in functions(path):
            if args.all:
                print(f"{length:4} {rel}:{line} {name}")
            if length > args.limit:
                too_long.append(f"{rel}:{line} {name}: {length} lines")
    for t in too_long:
        print(t)
    if too_long:
        print(f"{len(too_long)} function(s) over {args.limit} lines outside src/stats/", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
