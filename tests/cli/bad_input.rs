//! Bad input: one clear error naming file, line, column and value, exit code 2, and the
//! previous reports left untouched.

use crate::common::*;
use brottstrend::output::manifest::{self, Manifest};
use std::path::Path;

const SOL_HEADER: &str = "Region;Brott;År;Period;Antal;/100 000 inv\r\n";

/// Writes `name` into a copy of the tiny fixture, with a previous report in place, runs
/// `analyze` and checks the failure; returns stderr.
fn fails_with(name: &str, bytes: &[u8], extra: &[&str]) -> String {
    let dir = copy_of("tiny");
    std::fs::write(dir.path().join("data").join(name), bytes).unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    std::fs::write(reports.join("report.md"), "previous report").unwrap();
    let manifest = Manifest::of(&[("report.md".into(), b"previous report".to_vec())]);
    std::fs::write(reports.join(manifest::NAME), manifest.render()).unwrap();
    let (code, _, stderr) = analyze(dir.path(), extra);
    assert_eq!(code, 2, "exit code; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(reports.join("report.md")).unwrap(),
        "previous report"
    );
    assert_eq!(
        std::fs::read_dir(&reports).unwrap().count(),
        2,
        "nothing else written"
    );
    assert_no_temp_left(dir.path());
    stderr
}

fn assert_no_temp_left(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains(".tmp-"),
            "temporary folder left behind: {name}"
        );
    }
}

fn sol(rows: &str) -> Vec<u8> {
    format!("{SOL_HEADER}{rows}").into_bytes()
}

#[test]
fn an_empty_file_is_refused() {
    let err = fails_with("tom.csv", b"", &[]);
    assert!(err.contains("tom.csv: the file is empty"), "{err}");
}

#[test]
fn a_binary_file_is_refused() {
    let err = fails_with(
        "bild.csv",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
        &[],
    );
    assert!(err.contains("bild.csv: the file is not text"), "{err}");
}

#[test]
fn a_comma_separated_sol_export_is_an_unrecognised_format() {
    let err = fails_with(
        "komma.csv",
        "Region,Brott,Ar,Period,Antal\nNordanstig,Rån,År,2020,3\n".as_bytes(),
        &[],
    );
    assert!(
        err.contains("komma.csv:1: unrecognised file format"),
        "{err}"
    );
    assert!(err.contains("is the delimiter `;`?"), "{err}");
}

#[test]
fn a_header_missing_a_column_names_the_column() {
    let err = fails_with(
        "utan_antal.csv",
        "Region;Brott;Period;/100 000 inv\r\nNordanstig;Rån;2020;3;\r\n".as_bytes(),
        &[],
    );
    assert!(
        err.contains("utan_antal.csv:1: the header lacks the column(s) År, Antal"),
        "{err}"
    );
}

#[test]
fn a_count_with_letters_names_line_column_and_value() {
    let err = fails_with(
        "bokstav.csv",
        &sol("Nordanstig;Rån;År;2020;12a;3;\r\n"),
        &[],
    );
    assert!(err.contains("bokstav.csv:2:5: the count is not a whole number: found \"12a\"; expected a whole number"), "{err}");
}

#[test]
fn a_negative_count_is_refused() {
    let err = fails_with("negativ.csv", &sol("Nordanstig;Rån;År;2020;-4;3;\r\n"), &[]);
    assert!(
        err.contains("negativ.csv:2:5: the count is negative: found \"-4\""),
        "{err}"
    );
}

#[test]
fn a_year_that_is_not_a_year_is_refused() {
    let err = fails_with("ar.csv", &sol("Nordanstig;Rån;År;20x3;4;3;\r\n"), &[]);
    assert!(
        err.contains(
            "ar.csv:2:4: the period is not a year: found \"20x3\"; expected a year like `2024`"
        ),
        "{err}"
    );
}

#[test]
fn an_unknown_kommun_gets_the_closest_names() {
    let err = fails_with("stavfel.csv", &sol("Nordanstg;Rån;År;2020;4;3;\r\n"), &[]);
    assert!(
        err.contains("stavfel.csv:2:1: unknown region: found \"Nordanstg\""),
        "{err}"
    );
    assert!(err.contains("closest: Nordanstig"), "{err}");
}

#[test]
fn the_same_key_twice_with_different_values_is_refused() {
    let rows = "Nordanstig;Grov kvinnofridskränkning;År;2015;4;3;\r\nNordanstig;Grov kvinnofridskränkning;År;2015;5;3;\r\n";
    let err = fails_with("dubbel.csv", &sol(rows), &[]);
    assert!(
        err.contains("dubbel.csv:3:5: Nordanstig / Grov kvinnofridskränkning / 2015 appears twice with different counts (line 2: 4)"),
        "{err}"
    );
}

#[test]
fn validate_checks_duplicates_even_in_crime_types_no_area_uses() {
    // `analyze` only keeps the crime types the areas use; `validate` reads every row.
    let dir = copy_of("tiny");
    let rows = "Nordanstig;Rån;År;2020;4;3;\r\nNordanstig;Rån;År;2020;5;3;\r\n";
    std::fs::write(dir.path().join("data/dubbel.csv"), sol(rows)).unwrap();
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("dubbel.csv:3:5: Nordanstig / Rån / 2020 appears twice"),
        "{err}"
    );
}

#[test]
fn a_truncated_last_line_is_refused() {
    let err = fails_with(
        "avbruten.csv",
        &sol("Nordanstig;Rån;År;2020;4;3;\r\nNordanstig;Rån;År;20"),
        &[],
    );
    assert!(
        err.contains("avbruten.csv:3:4: the line has 4 fields, the header has 6"),
        "{err}"
    );
}

#[test]
fn a_config_with_an_unknown_area_field_is_refused_with_its_line() {
    let dir = copy_of("tiny");
    let config = dir.path().join("data/pledge.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("trend_from = 2019", "trend_start = 2019");
    std::fs::write(&config, text).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("pledge.toml:10:1: unknown field `trend_start`"),
        "{err}"
    );
    assert!(!dir.path().join("reports").exists());
}

#[test]
fn a_region_absent_from_the_data_is_refused() {
    let dir = copy_of("tiny");
    let config = dir.path().join("data/pledge.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("region = \"Nordanstig\"", "region = \"Ljusdal\"");
    std::fs::write(&config, text).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("pledge.toml: the data has no crime figures for Ljusdal (2161)"),
        "{err}"
    );
}

#[test]
fn an_output_path_that_is_a_file_is_refused_before_any_work() {
    let dir = copy_of("tiny");
    std::fs::write(dir.path().join("reports"), "a file").unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("--out is a file, not a folder"), "{err}");
}

#[test]
fn an_output_folder_that_cannot_be_created_is_refused_before_any_work() {
    let dir = copy_of("tiny");
    std::fs::write(dir.path().join("a-file"), "not a folder").unwrap();
    let out = brottstrend()
        .args(["analyze", "--data"])
        .arg(dir.path().join("data"))
        .arg("--out")
        .arg(dir.path().join("a-file/reports"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a-file/reports: the output folder cannot be written"),
        "{err}"
    );
}
