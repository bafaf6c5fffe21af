//! Snapshot tests of `report.md` (insta), in Swedish and English, for the shipped example data
//! and for fixtures that produce each verdict. Review changes with `cargo insta review` or
//! accept them with `INSTA_UPDATE=always cargo test`.

use crate::common::*;
use std::path::Path;

/// The report for a data folder, with the command line (which names temporary paths) masked.
fn report(data: &Path, lang: &str) -> String {
    let out = tempfile::TempDir::new().unwrap();
    let status = brottstrend()
        .args(["analyze", "--lang", lang, "--data"])
        .arg(data)
        .arg("--out")
        .arg(out.path().join("r"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    masked(&std::fs::read_to_string(out.path().join("r/report.md")).unwrap())
}

fn example_data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn report_sv_example_data() {
    insta::assert_snapshot!(report(&example_data(), "sv"));
}

#[test]
fn report_en_example_data() {
    insta::assert_snapshot!(report(&example_data(), "en"));
}

#[test]
fn report_sv_clear_increase_and_decrease() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/doubling"), "sv"));
}

#[test]
fn report_en_clear_increase_and_decrease() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/doubling"), "en"));
}

#[test]
fn report_sv_underpowered() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/underpowered"), "sv"));
}

#[test]
fn report_en_underpowered() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/underpowered"), "en"));
}

#[test]
fn report_sv_no_detectable_change() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/constant_rate"), "sv"));
}

#[test]
fn report_sv_possible_increase_and_decrease() {
    insta::assert_snapshot!(report(&fixtures().join("verdicts/possible_change"), "sv"));
}

#[test]
fn the_html_report_is_one_self_contained_file() {
    let dir = copy_of("tiny");
    let (code, _, err) = analyze(dir.path(), &["--report-format", "html"]);
    assert_eq!(code, 0, "{err}");
    let reports = dir.path().join("reports");
    assert!(!reports.join("report.md").exists());
    let html = std::fs::read_to_string(reports.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(html.contains("<h2>Sammanfattning</h2>"));
    assert!(html.contains("@media print"));
    assert_eq!(
        html.matches("src=\"data:image/png;base64,").count(),
        9,
        "four charts per area and one monthly chart (drugs has a monthly row), embedded"
    );
    assert!(
        !html.contains("src=\"charts/"),
        "no chart is linked from outside the file"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing is fetched"
    );
}
