"""Writes the hand-checkable fixtures in tests/fixtures/verdicts/: one data folder per case,
each a SOL long export (UTF-8), a wide SCB population file, pledge.toml and breaks.toml.
Counts are chosen so the answer is known by hand. Run from the repository root."""
import os

YEARS = list(range(2015, 2026))
PLEDGE = """region = "2132"
pledge = [2023, 2026]
baseline = [2019, 2022]

[[area]]
id = "relationship"
title = "Brott i nära relation"
crimes = ["Grov kvinnofridskränkning"]

[[area]]
id = "drugs"
title = "Narkotikabrott"
crimes = ["Brott mot narkotikastrafflagen"]
police_effort = true
"""
NO_BREAKS = "# no series breaks in this fixture\n"

CASES = {
    # Same count and population every year: rate ratio 1, flat trend.
    "constant_rate": dict(rel=[20] * 11, drugs=[20] * 11),
    # Relationship doubles in the pledge years; drugs halve.
    "doubling": dict(rel=[20] * 8 + [40] * 3, drugs=[40] * 8 + [20] * 3),
    # A break on 1 January 2020 for grov kvinnofridskränkning: its trend starts 2020.
    "break_in_middle": dict(
        rel=[5] * 5 + [20, 21, 22, 23, 24, 25],
        drugs=[20] * 11,
        breaks='[[break]]\ndate = "2020-01-01"\ncrimes = ["Grov kvinnofridskränkning"]\n'
        'what = "Ny brottskod"\nsource = "Test"\n',
    ),
    # A rise and a fall the exact test only weakly supports (p < 0.10, interval spans 1).
    "possible_change": dict(rel=[20] * 8 + [27] * 3, drugs=[40] * 8 + [32] * 3),
    # Small counts: a rise of half that the data cannot show; drugs zero in the baseline.
    "underpowered": dict(rel=[3, 2, 4, 3, 3, 2, 4, 3, 5, 4, 5], drugs=[0] * 8 + [2, 1, 3]),
    # One year far above a flat series: a possible single-case spike.
    "spike": dict(rel=[20] * 6 + [60] + [20] * 4, drugs=[20] * 11),
    # Only one year of data.
    "one_year": dict(rel=[None] * 10 + [7], drugs=[None] * 10 + [9]),
    # Population missing for 2021.
    "missing_population": dict(rel=[20] * 11, drugs=[30] * 11, pop_gap=2021),
}


def cell(v):
    return ".." if v is None else str(v)


for name, case in CASES.items():
    folder = os.path.join("tests", "fixtures", "verdicts", name)
    os.makedirs(folder, exist_ok=True)
    lines = ["Region;Brott;År;Period;Antal;/100 000 inv"]
    for crime, values in [("Grov kvinnofridskränkning", case["rel"]),
                          ("Brott mot narkotikastrafflagen", case["drugs"])]:
        for year, v in zip(YEARS, values):
            rate = ".." if v is None else str(round(v / 10000 * 1e5))
            lines.append(f"Nordanstig;{crime};År;{year};{cell(v)};{rate};")
    with open(os.path.join(folder, "sol.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    gap = case.get("pop_gap")
    header = '"region";' + ";".join(f'"{y}"' for y in YEARS)
    row = '"2132 Nordanstig";' + ";".join(".." if y == gap else "10000" for y in YEARS)
    with open(os.path.join(folder, "population.csv"), "w", encoding="utf-8") as f:
        f.write(header + "\n" + row + "\n")
    with open(os.path.join(folder, "pledge.toml"), "w", encoding="utf-8") as f:
        f.write(PLEDGE)
    with open(os.path.join(folder, "breaks.toml"), "w", encoding="utf-8") as f:
        f.write(case.get("breaks", NO_BREAKS))
