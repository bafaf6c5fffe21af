//! Impossible input stops with exit 2, naming the file and the value, and writes nothing
//! (issue #10).

use crate::common::{analyze, copy_of};
use std::path::Path;

const SOL: &str = "sol_latin1_crlf_prel_2025-02-01.csv";

/// Runs analyze and checks exit 2, no report, and that the message holds every `needle`.
fn refused(dir: &Path, needles: &[&str]) {
    let (code, _, stderr) = analyze(dir, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!dir.join("reports").exists(), "nothing is written");
    for n in needles {
        assert!(stderr.contains(n), "{n:?} not in: {stderr}");
    }
}

fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("data").join(file);
    let text = std::fs::read_to_string(&path).expect("utf-8 fixture");
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Replaces the first count `3` of the tiny SOL export (Latin-1) with `cell`.
fn sol_count(dir: &Path, cell: &str) {
    let path = dir.join("data").join(SOL);
    let bytes = std::fs::read(&path).expect("read");
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let text = text.replacen(";2019;3;32;", &format!(";2019;{cell};32;"), 1);
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    std::fs::write(&path, bytes).expect("write");
}

#[test]
fn a_count_of_two_to_the_64_minus_one_is_refused() {
    let dir = copy_of("tiny");
    sol_count(dir.path(), "18446744073709551615");
    refused(
        dir.path(),
        &[SOL, "18446744073709551615", "impossibly large"],
    );
}

#[test]
fn a_decimal_count_says_the_export_was_per_100_000() {
    let dir = copy_of("tiny");
    sol_count(dir.path(), "64,3");
    refused(dir.path(), &[SOL, "\"64,3\"", "per 100 000", "Antal"]);
}

#[test]
fn a_population_of_zero_is_refused() {
    let dir = copy_of("tiny");
    let file = "scb_population_long_comma.csv";
    replace_in(
        dir.path(),
        file,
        "\"2132 Nordanstig\",\"2019\",9500",
        "\"2132 Nordanstig\",\"2019\",0",
    );
    refused(dir.path(), &[file, "population is 0"]);
}

#[test]
fn a_baseline_overlapping_the_pledge_is_refused() {
    let dir = copy_of("tiny");
    replace_in(
        dir.path(),
        "pledge.toml",
        "baseline = [2019, 2022]",
        "baseline = [2019, 2023]",
    );
    refused(dir.path(), &["pledge.toml", "overlaps", "[2019, 2023]"]);
}

#[test]
fn a_pledge_of_three_years_is_refused() {
    let dir = copy_of("tiny");
    replace_in(
        dir.path(),
        "pledge.toml",
        "pledge = [2023, 2026]",
        "pledge = [2023, 2024, 2026]",
    );
    refused(dir.path(), &["pledge.toml", "[2023, 2024, 2026]"]);
}

#[test]
fn a_sources_entry_naming_no_file_is_refused() {
    let dir = copy_of("tiny");
    replace_in(
        dir.path(),
        "pledge.toml",
        "baseline = [2019, 2022]",
        "baseline = [2019, 2022]\nsources = [\"gammal.csv\"]",
    );
    refused(dir.path(), &["pledge.toml", "gammal.csv", "sources"]);
}

#[test]
fn an_impossible_break_date_is_refused() {
    let dir = copy_of("tiny");
    replace_in(dir.path(), "breaks.toml", "2015-01-01", "2019-13-45");
    refused(dir.path(), &["breaks.toml", "2019-13-45"]);
}

#[test]
fn a_latin1_breaks_file_is_refused_not_replaced_by_the_built_in_list() {
    let dir = copy_of("tiny");
    let path = dir.path().join("data/breaks.toml");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"# \xC5ndrad\n");
    std::fs::write(&path, bytes).unwrap();
    refused(dir.path(), &["breaks.toml", "not UTF-8", "0xC5"]);
}

#[test]
fn a_breaks_toml_that_is_a_folder_is_refused() {
    let dir = copy_of("tiny");
    let path = dir.path().join("data/breaks.toml");
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    refused(dir.path(), &["breaks.toml", "not a regular file"]);
}

#[test]
fn dev_zero_as_config_is_refused_without_reading_it() {
    let dir = copy_of("tiny");
    let (code, _, stderr) = analyze(dir.path(), &["--config", "/dev/zero"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("/dev/zero") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_utf16_file_is_named_with_how_to_re_export() {
    let dir = copy_of("tiny");
    let mut bytes = vec![0xFF, 0xFE];
    for c in "Region;Brott;År;Period;Antal;/100 000 inv\n".encode_utf16() {
        bytes.extend_from_slice(&c.to_le_bytes());
    }
    std::fs::write(dir.path().join("data/unicode.txt"), bytes).unwrap();
    refused(dir.path(), &["unicode.txt", "UTF-16", "CSV UTF-8"]);
}

#[test]
fn example_data_mixed_with_a_real_export_is_refused_naming_the_example_files() {
    let dir = copy_of("tiny");
    let data = dir.path().join("data");
    std::fs::copy(data.join(SOL), data.join("exempel_bra_sol_2026-03-26.csv")).unwrap();
    refused(
        dir.path(),
        &["exempel_bra_sol_2026-03-26.csv", "remove", SOL],
    );
}

#[test]
fn a_missing_data_folder_names_the_current_folder_and_the_options() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = crate::common::brottstrend()
        .current_dir(dir.path())
        .arg("analyze")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("current folder"), "{stderr}");
    assert!(
        stderr.contains("--data") && stderr.contains("--config"),
        "{stderr}"
    );
    assert!(!dir.path().join("reports").exists());
}
