#!/usr/bin/env python3
"""Prints the README's Layout block: every module of src/ with the first sentence of its `//!`
header. `tests/cli/architecture.rs` checks that the README lists every module.

    python3 tools/layout.py   # paste between the ```text fences under "## Layout"
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
for path in sorted((root / "src").rglob("*.rs")):
    rel = path.relative_to(root).as_posix()
    if path.name == "tests.rs" or path.name.endswith("_tests.rs"):
        continue
    doc = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("//!"):
            doc.append(line[3:].strip())
        elif doc or line.strip():
            break
    text = " ".join(doc)
    first = re.split(r"(?<=[.:;])\s", text, maxsplit=1)[0].rstrip(".:;") if text else ""
    if len(first) > 70:
        first = first[:69].rsplit(" ", 1)[0] + " …"
    print(f"{rel:<36} {first}")
