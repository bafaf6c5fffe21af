//! The surroundings (issue #11 item 6, statistics.md §8e) through the binary: the kommun's
//! change against its county's and the nation's, recorded in `summary.json` and said in one
//! sentence; context only, never the verdict.

use crate::common::*;
use serde_json::Value;
use std::io::Write;

fn verdicts(s: &Value) -> Vec<String> {
    s["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["verdict"].as_str().unwrap().to_owned())
        .collect()
}

/// Appends lines to a file of a copied fixture.
fn append(path: &std::path::Path, lines: &str) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("open");
    f.write_all(lines.as_bytes()).expect("append");
}

/// `verdicts/doubling` (Nordanstig alone) plus Hudiksvall, another kommun of Gävleborgs län
/// (the county is then the labelled sum of 2 of its 10 kommuner),
/// at a constant 20 relationship and 40 drug crimes a year per 10 000.
fn with_a_neighbour() -> tempfile::TempDir {
    let dir = copy_of("verdicts/doubling");
    let mut sol = String::new();
    for year in 2015..=2025 {
        sol += &format!("Hudiksvall;Grov kvinnofridskränkning;År;{year};20;200;\n");
        sol += &format!("Hudiksvall;Brott mot narkotikastrafflagen;År;{year};40;400;\n");
    }
    append(&dir.path().join("data/sol.csv"), &sol);
    let pop: Vec<&str> = (2015..=2025).map(|_| "10000").collect();
    append(
        &dir.path().join("data/population.csv"),
        &format!("\"2184 Hudiksvall\";{}\n", pop.join(";")),
    );
    dir
}

/// Nordanstig's relationship crimes double (80 in four baseline years, 120 in three pledge
/// years, per 10 000), the county's (with Hudiksvall's constant 20) rise by half: ratio 4/3.
/// The four cells are Poisson with φ* = 1 (the kommun's years lie exactly on the two levels),
/// so by hand SE = √(1/80 + 1/120 + 1/160 + 1/180) and the 95 % interval is
/// exp(ln(4/3) ± 1.959964·SE) = [0.935747, 1.899848], p = 0.111301.
#[test]
fn the_ratio_against_the_county_matches_the_hand_computation() {
    let dir = with_a_neighbour();
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = summary(dir.path());
    let rel = &area(&s, "relationship")["surroundings"][0];
    assert_eq!(rel["level"], "county");
    assert_eq!(rel["region_code"], "21");
    close(rel["ratio"].as_f64().unwrap(), 4.0 / 3.0);
    close(rel["region_rate_ratio"].as_f64().unwrap(), 1.5);
    assert!((rel["ci_low"].as_f64().unwrap() - 0.935747).abs() < 1e-6);
    assert!((rel["ci_high"].as_f64().unwrap() - 1.899848).abs() < 1e-6);
    assert!((rel["p_value"].as_f64().unwrap() - 0.111301).abs() < 1e-6);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    // The report typesets "95 %" with no-break spaces.
    let line = "- Jämfört med omgivningen: förändringen i Nordanstig från jämförelseperioden till löftesperioden går inte att skilja från den i summan av 2 av 10 kommuner i Gävleborgs län (kvot 1,33; 95\u{a0}%\u{a0}KI 0,94–1,90).";
    assert!(report.contains(line), "{report}");
    assert!(report.contains("Det är sammanhang och ändrar inte bedömningen."));
}

/// The same pledge with and without a neighbour: the surroundings appear, the verdicts stay.
#[test]
fn the_verdict_is_the_same_with_and_without_the_surroundings() {
    let alone = copy_of("verdicts/doubling");
    let (code, _, stderr) = analyze(alone.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let without = summary(alone.path());
    let rel = &area(&without, "relationship")["surroundings"][0];
    assert_eq!(rel["ratio"], Value::Null);
    assert_eq!(rel["notes"][0]["code"], "surroundings_only_kommun");
    let with = with_a_neighbour();
    let (code, _, stderr) = analyze(with.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let with = summary(with.path());
    assert!(area(&with, "relationship")["surroundings"][0]["ratio"].is_number());
    assert_eq!(verdicts(&with), verdicts(&without));
    assert_eq!(verdicts(&with), ["clear_increase", "clear_decrease"]);
}

/// On the shipped example data every area has the county and the nation, each ratio the
/// kommun's rate ratio over the region's, inside its interval; the English report words it.
#[test]
fn the_example_data_sets_the_kommun_against_county_and_nation() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("en");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let run = brottstrend()
        .args(["analyze", "--lang", "en", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success());
    let s: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    for a in s["areas"].as_array().unwrap() {
        let levels: Vec<&str> = a["surroundings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["county", "nation"]);
        let rr = a["pledge_vs_baseline"]["rate_ratio"].as_f64().unwrap();
        for r in a["surroundings"].as_array().unwrap() {
            let ratio = r["ratio"].as_f64().unwrap();
            close(ratio, rr / r["region_rate_ratio"].as_f64().unwrap());
            assert!(
                r["ci_low"].as_f64().unwrap() < ratio && ratio < r["ci_high"].as_f64().unwrap()
            );
        }
    }
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("- Against the surroundings: the change in Nordanstig from the baseline to the pledge period"));
    assert!(report.contains("or in Sweden (ratio "));
}

/// When the police region is the comparison level (`tests/fixtures/comparison/police_region`),
/// the kommun is set against it and the nation.
#[test]
fn the_police_region_is_the_surrounding_when_it_is_the_comparison_level() {
    let dir = copy_of("comparison/police_region");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = summary(dir.path());
    let r = &s["areas"][0]["surroundings"];
    assert_eq!(r[0]["level"], "police_region");
    assert_eq!(r[0]["region_code"], "PR-MITT");
    assert_eq!(r[1]["level"], "nation");
    assert!(r[0]["ratio"].is_number());
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(report.contains("går inte att skilja från den i Region Mitt (kvot 1,20;"));
}
