//! The national case in small: a file made by `benches/generate_national.py --small`
//! (15 regions, 41 crime types of which most no area uses, 1996–2025, Latin-1) whose totals
//! the generator wrote to `expected_totals.json`. The benchmark runs the same code on the
//! ten-million-row version.

use crate::common::*;
use serde_json::Value;

#[test]
fn a_generated_national_export_gives_the_known_totals() {
    let dir = copy_of("national_small");
    std::fs::remove_file(dir.path().join("data/expected_totals.json")).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let text =
        std::fs::read_to_string(fixtures().join("national_small/expected_totals.json")).unwrap();
    let expected: Value = serde_json::from_str(&text).unwrap();
    let rows = metrics(dir.path());
    let s = summary(dir.path());
    let mut checked = 0;
    for (area, spec) in expected["areas"].as_object().unwrap() {
        // The generator's totals include every type; the area's figures are its like-for-like
        // basket (issue #11), so a type left out from year Y makes the figures smaller from Y.
        let info = s["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *area)
            .unwrap();
        let from = info["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["why"]["year"].as_i64())
            .min()
            .unwrap_or(i64::MAX);
        for (year, totals) in spec["years"].as_object().unwrap() {
            for (level, code) in [("kommun", "2132"), ("county", "21"), ("nation", "00")] {
                let row = metrics_row(&rows, area, code, year);
                let total = totals[level].as_u64().unwrap();
                if year.parse::<i64>().unwrap() < from {
                    assert_eq!(row[5], total.to_string(), "{area} {level} {year}");
                } else {
                    let shown: u64 = row[5].parse().unwrap();
                    assert!(shown <= total, "{area} {level} {year}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 2 * 30 * 3, "checked {checked} figures");
    // Rows of crime types no area uses are read and checked but not kept.
    let sol = s["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["format"] == "bra_sol_long")
        .unwrap();
    assert_eq!(sol["rows"], expected["rows"]);
    assert_eq!(sol["encoding"], "ISO-8859-1");
}
