//! The verdict without the preliminary pledge years (issue #11 item 7): recorded for every
//! area whose pledge period has preliminary years, and said in the report when it differs.

use crate::common::*;
use serde_json::Value;

/// The `constant_rate` case (20 a year) with the relationship area's 2023–2025 counts set
/// and 2025 marked preliminary.
fn case(counts: [u32; 3]) -> tempfile::TempDir {
    let dir = copy_of("verdicts/constant_rate");
    let path = dir.path().join("data/sol.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (year, count) in ["2023", "2024", "2025"].iter().zip(counts) {
        let row = format!("Nordanstig;Grov kvinnofridskränkning;År;{year};20;");
        assert!(text.contains(&row), "{row}");
        let label = if *year == "2025" { "2025 prel." } else { year };
        let new = format!("Nordanstig;Grov kvinnofridskränkning;År;{label};{count};");
        text = text.replace(&row, &new);
    }
    std::fs::write(&path, text).unwrap();
    dir
}

fn relationship(s: &Value) -> &Value {
    &s["areas"][0]
}

#[test]
fn a_verdict_that_rests_on_the_preliminary_year_says_so() {
    let dir = case([25, 25, 38]);
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let s = summary(dir.path());
    let a = relationship(&s);
    assert_eq!(a["verdict"], "clear_increase");
    let w = &a["without_preliminary"];
    assert_eq!(w["left_out"], serde_json::json!([2025]));
    assert_eq!(
        w["comparison"]["pledge_years"],
        serde_json::json!([2023, 2024])
    );
    assert_eq!(w["comparison"]["pledge_count"], 50);
    assert_eq!(w["verdict"], "possible_increase");
    assert_eq!(w["changes_verdict"], true);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains(
            "Utan de preliminära siffrorna för 2025 blir bedömningen en annan: möjlig ökning."
        ),
        "{report}"
    );
    let (code, _, err) = analyze(dir.path(), &["--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains("Without the preliminary figures for 2025 the verdict would be another: possible increase."),
        "{report}"
    );
}

#[test]
fn a_verdict_that_holds_without_the_preliminary_year_gets_no_line() {
    let dir = case([30, 30, 30]);
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let s = summary(dir.path());
    let a = relationship(&s);
    assert_eq!(a["verdict"], "clear_increase");
    assert_eq!(a["without_preliminary"]["verdict"], "clear_increase");
    assert_eq!(a["without_preliminary"]["changes_verdict"], false);
    // The drugs area has no preliminary year: nothing to compare.
    assert_eq!(s["areas"][1]["without_preliminary"], Value::Null);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        !report.contains("Utan de preliminära siffrorna"),
        "{report}"
    );
}
