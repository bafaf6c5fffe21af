//! `analyze` on fixtures built so the statistical answer is known by hand
//! (`tests/fixtures/verdicts/`, made by `tools/make_verdict_fixtures.py`).

use crate::common::*;
use serde_json::Value;

fn run_case(case: &str) -> (tempfile::TempDir, Value) {
    let dir = copy_of(&format!("verdicts/{case}"));
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = summary(dir.path());
    (dir, s)
}

#[test]
fn a_constant_rate_gives_rate_ratio_one_and_a_flat_trend() {
    let (_dir, s) = run_case("constant_rate");
    let rel = area(&s, "relationship");
    let c = &rel["pledge_vs_baseline"];
    assert_eq!(c["pledge_years"], serde_json::json!([2023, 2025]));
    assert_eq!(c["pledge_count"], 60);
    assert_eq!(c["baseline_count"], 80);
    assert_eq!(c["pledge_person_years"], 30000.0);
    close(c["rate_ratio"].as_f64().unwrap(), 1.0);
    assert!(c["ci_low"].as_f64().unwrap() < 1.0 && c["ci_high"].as_f64().unwrap() > 1.0);
    assert!(rel["trend"]["annual_change"].as_f64().unwrap().abs() < 1e-9);
    assert_eq!(rel["trend"]["from"], 2015);
    assert_eq!(rel["verdict"], "no_detectable_change");
    assert_eq!(s["latest_year"], 2025);
}

#[test]
fn a_doubling_is_a_clear_increase_and_a_halving_a_clear_decrease() {
    let (_dir, s) = run_case("doubling");
    let rel = area(&s, "relationship");
    close(
        rel["pledge_vs_baseline"]["rate_ratio"].as_f64().unwrap(),
        2.0,
    );
    assert!(rel["pledge_vs_baseline"]["ci_low"].as_f64().unwrap() > 1.0);
    assert_eq!(rel["verdict"], "clear_increase");
    let drugs = area(&s, "drugs");
    close(
        drugs["pledge_vs_baseline"]["rate_ratio"].as_f64().unwrap(),
        0.5,
    );
    assert_eq!(drugs["verdict"], "clear_decrease");
}

#[test]
fn a_break_in_the_middle_starts_the_trend_after_it() {
    let (_dir, s) = run_case("break_in_middle");
    let rel = area(&s, "relationship");
    assert_eq!(rel["trend"]["from"], 2020);
    assert_eq!(rel["trend"]["to"], 2025);
    assert_eq!(rel["breaks"][0]["date"], "2020-01-01");
    assert!(
        rel["trend"]["note"]
            .as_str()
            .unwrap()
            .contains("series break of 2020-01-01")
    );
    // The break concerns only grov kvinnofridskränkning.
    let drugs = area(&s, "drugs");
    assert_eq!(drugs["trend"]["from"], 2015);
    assert_eq!(drugs["breaks"].as_array().unwrap().len(), 0);
}

#[test]
fn no_pooled_rate_in_summary_json_spans_a_splitting_break_and_the_break_is_named() {
    let (_dir, s) = run_case("break_in_middle");
    let pooled = |area_id: &str, level: &str, year: i64| {
        let y = area(&s, area_id)["years"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["level"] == level && y["year"] == year)
            .cloned()
            .unwrap_or_else(|| panic!("{area_id} {level} {year}"));
        (y["pooled_rate"].as_f64(), y["pooled_rate_break"].clone())
    };
    for level in ["kommun", "county"] {
        // 2019 pools 2018–2020 and 2020 pools 2019–2021: the break of 1 January 2020 lies
        // inside both, so neither has a pooled rate, and the break says why.
        for year in [2019, 2020] {
            let (rate, why) = pooled("relationship", level, year);
            assert_eq!(rate, None, "{level} {year}");
            assert_eq!(why, "2020-01-01", "{level} {year}");
        }
        for year in [2018, 2021] {
            let (rate, why) = pooled("relationship", level, year);
            assert!(rate.is_some() && why.is_null(), "{level} {year}");
        }
        // The break does not touch the drug offences.
        let (rate, why) = pooled("drugs", level, 2020);
        assert!(rate.is_some() && why.is_null(), "drugs {level}");
    }
}

#[test]
fn small_numbers_report_what_could_have_been_detected_instead_of_no_change() {
    let (dir, s) = run_case("underpowered");
    let rel = area(&s, "relationship");
    let c = &rel["pledge_vs_baseline"];
    assert_eq!(c["pledge_count"], 14);
    assert_eq!(c["baseline_count"], 12);
    assert_eq!(rel["verdict"], "no_detectable_change");
    let up = c["detectable_increase_count"].as_u64().unwrap();
    assert!(
        up > 14,
        "a significant increase needs more than the observed 14, got {up}"
    );
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains("Underlaget räcker inte för att påvisa en förändring av denna storlek")
    );
    assert!(!report.to_lowercase().contains("ingen förändring"));
}

#[test]
fn zero_crimes_in_the_baseline_give_null_with_a_note() {
    let (_dir, s) = run_case("underpowered");
    let c = &area(&s, "drugs")["pledge_vs_baseline"];
    assert_eq!(c["baseline_count"], 0);
    assert!(c["rate_ratio"].is_null());
    assert!(
        c["note"]
            .as_str()
            .unwrap()
            .contains("no crimes in the baseline")
    );
}

#[test]
fn one_year_of_data_gives_no_trend_and_says_why() {
    let (_dir, s) = run_case("one_year");
    let rel = area(&s, "relationship");
    assert!(rel["trend"]["annual_change"].is_null());
    assert!(
        rel["trend"]["note"]
            .as_str()
            .unwrap()
            .contains("a trend needs at least 5")
    );
    assert!(rel["pledge_vs_baseline"]["rate_ratio"].is_null());
    assert!(rel["pledge_vs_baseline"]["note"].as_str().is_some());
    assert!(rel["funnel"]["position"].is_null());
    assert!(rel["funnel"]["note"].as_str().is_some());
    // No baseline year: a missing input, never "no detectable change".
    assert_eq!(rel["verdict"], "cannot_assess");
}

#[test]
fn a_missing_population_year_leaves_its_rate_empty_and_warns() {
    let (dir, s) = run_case("missing_population");
    let warnings = s["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["code"] == "missing_population"
        && w["region"] == "Nordanstig"
        && w["year"] == 2021));
    let c = &area(&s, "relationship")["pledge_vs_baseline"];
    assert_eq!(c["baseline_person_years"], 30000.0);
    assert!(
        c["note"]
            .as_str()
            .unwrap()
            .contains("1 baseline year(s) lack")
    );
    let rows = metrics(dir.path());
    let r = metrics_row(&rows, "relationship", "2132", "2021");
    assert_eq!(r[6], "");
    assert_eq!(r[7], "");
}

#[test]
fn no_summary_ever_holds_nan_or_infinity() {
    for case in [
        "constant_rate",
        "doubling",
        "break_in_middle",
        "underpowered",
        "one_year",
        "missing_population",
    ] {
        let dir = copy_of(&format!("verdicts/{case}"));
        assert_eq!(analyze(dir.path(), &[]).0, 0);
        let text = std::fs::read_to_string(dir.path().join("reports/summary.json")).unwrap();
        assert!(
            !text.contains("NaN") && !text.contains("Infinity"),
            "{case}"
        );
    }
}

#[test]
fn a_weakly_supported_rise_and_fall_are_no_longer_claimed() {
    // p between 0.05 and 0.10 used to give "possible"; the 10 % level is gone (issue #11).
    let (_dir, s) = run_case("possible_change");
    let rel = area(&s, "relationship");
    let c = &rel["pledge_vs_baseline"];
    assert!(c["ci_low"].as_f64().unwrap() < 1.0, "{c}");
    assert!(c["p_value"].as_f64().unwrap() < 0.10, "{c}");
    assert!(c["holm_p_value"].as_f64().unwrap() >= 0.05, "{c}");
    assert_eq!(rel["verdict"], "no_detectable_change");
    assert_eq!(area(&s, "drugs")["verdict"], "no_detectable_change");
}

#[test]
fn a_year_far_from_the_trend_is_flagged_as_a_possible_spike() {
    let (dir, s) = run_case("spike");
    assert_eq!(
        area(&s, "relationship")["spikes"],
        serde_json::json!([2021])
    );
    assert_eq!(area(&s, "drugs")["spikes"], serde_json::json!([]));
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report
            .contains("Möjliga toppar (Pearson-residual, skalad för överspridning, över 3): 2021.")
    );
}

#[test]
fn a_break_inside_the_compared_years_turns_a_clear_change_into_a_possible_one() {
    // The doubling fixture, with a break for its crime type in 2021 (inside 2019–2025).
    let dir = copy_of("verdicts/doubling");
    std::fs::write(
        dir.path().join("data/breaks.toml"),
        "[[break]]\ndate = \"2021-07-01\"\ncrimes = [\"Grov kvinnofridskränkning\"]\nwhat = \"Ny brottstyp\"\nsource = \"Test\"\n",
    )
    .unwrap();
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let s = summary(dir.path());
    let rel = area(&s, "relationship");
    assert!(rel["pledge_vs_baseline"]["ci_low"].as_f64().unwrap() > 1.0);
    assert_eq!(
        rel["pledge_vs_baseline"]["notes"][0]["code"],
        "break_in_comparison"
    );
    assert_eq!(rel["verdict"], "possible_increase");
    assert_eq!(
        area(&s, "drugs")["verdict"],
        "clear_decrease",
        "no break for drugs"
    );
}
