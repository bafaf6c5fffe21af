#!/usr/bin/env python3
"""One pledge file per kommun, for `brottstrend analyze --pledges` on the national export.

    python3 benches/generate_pledges.py --out benches/data/pledges

Writes `<kommun>.toml` (the name in ASCII: `nordanstig.toml`, `are.toml`, `malung-salen.toml`; the second of two
equal names gets its code: `habo-0643.toml`)
for every kommun of assets/kommuner.csv: data/pledge.toml with its `region` line replaced, so
every pledge has the shipped pledge's two areas and years. Deterministic; standard library only.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "benches" / "data" / "pledges")
    args = ap.parse_args()
    template = (ROOT / "data" / "pledge.toml").read_text(encoding="utf-8")
    assert re.search(r'(?m)^region = .*$', template), "data/pledge.toml has no region line"
    args.out.mkdir(parents=True, exist_ok=True)
    lines = (ROOT / "assets" / "kommuner.csv").read_text(encoding="utf-8").splitlines()[1:]
    n, used = 0, set()
    for line in lines:
        code, name = line.split(";")[:2]
        text = re.sub(r'(?m)^region = .*$', f'region = "{code}"    # {name}', template, count=1)
        stem = slug(name) if slug(name) not in used else f"{slug(name)}-{code}"  # Håbo, Habo
        used.add(stem)
        (args.out / f"{stem}.toml").write_text(text, encoding="utf-8")
        n += 1
    print(f"{n} pledge files in {args.out}")


if __name__ == "__main__":
    main()
