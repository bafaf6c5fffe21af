//! A total and its parts matched by one area's patterns are never summed (#10): the total is
//! counted when it has figures, else its parts. Fixture: `tests/fixtures/nested/`, where
//! `Brott mot narkotikastrafflagen*` matches the total (30 in 2019) and its parts eget bruk
//! (20) and innehav (10), and `Misshandel inkl. grov*` matches a total that is `..` in every
//! cell and its parts against women (12) and men (5).

use crate::common::{analyze, fixtures, metrics, metrics_row, summary};
use tempfile::TempDir;

fn run(extra: &[&str]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    std::os::unix::fs::symlink(fixtures().join("nested"), dir.path().join("data"))
        .expect("link data");
    let (code, _, stderr) = analyze(dir.path(), extra);
    assert_eq!(code, 0, "{stderr}");
    dir
}

#[test]
fn a_total_with_figures_is_counted_without_its_parts() {
    let dir = run(&[]);
    let rows = metrics(dir.path());
    assert_eq!(metrics_row(&rows, "drugs", "2132", "2019")[5], "30");
    assert_eq!(metrics_row(&rows, "drugs", "00", "2019")[5], "30000");
    let json = summary(dir.path());
    let drugs = &json["areas"][0];
    assert_eq!(
        drugs["crimes"],
        serde_json::json!(["Brott mot narkotikastrafflagen"])
    );
    assert_eq!(
        drugs["nested"][0]["total"],
        "Brott mot narkotikastrafflagen"
    );
    assert_eq!(drugs["nested"][0]["counted"], "total");
    assert_eq!(
        drugs["nested"][0]["parts"],
        serde_json::json!([
            "Brott mot narkotikastrafflagen, eget bruk",
            "Brott mot narkotikastrafflagen, innehav"
        ])
    );
}

#[test]
fn a_total_without_figures_gives_way_to_its_parts() {
    let dir = run(&[]);
    let rows = metrics(dir.path());
    assert_eq!(metrics_row(&rows, "assault", "2132", "2019")[5], "17");
    let json = summary(dir.path());
    let assault = &json["areas"][1];
    assert_eq!(assault["nested"][0]["counted"], "parts");
    assert_eq!(assault["crimes"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_report_says_which_side_of_a_total_and_its_parts_is_counted() {
    let dir = run(&[]);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(report.contains("Totaler och delar:"), "{report}");
    assert!(
        report.contains(
            "Totalen räknas och delarna lämnas utanför, så att inget brott räknas två gånger."
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "Totalen saknar siffror i underlaget (`..`), så delarna räknas i stället för den."
        ),
        "{report}"
    );
    let en = run(&["--lang", "en"]);
    let report = std::fs::read_to_string(en.path().join("reports/report.md")).expect("report");
    assert!(
        report.contains("The total is counted and the parts are left out"),
        "{report}"
    );
}
