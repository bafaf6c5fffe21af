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

#[test]
fn a_fifo_as_config_is_refused_without_hanging() {
    let dir = copy_of("tiny");
    let fifo = dir.path().join("pledge.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Nobody ever writes to the FIFO: opening it for reading would block for ever, so the
    // timeout (far above the run's usual second) turns a hang into a failure.
    let out = crate::common::brottstrend()
        .arg("analyze")
        .arg("--data")
        .arg(dir.path().join("data"))
        .arg("--config")
        .arg(&fifo)
        .arg("--out")
        .arg(dir.path().join("reports"))
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("pledge.fifo"), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(!dir.path().join("reports").exists());
}

/// A stray quote after Nordanstig's name joins the label with the year cell, so that every
/// later cell of the row moves one column to the left.
#[test]
fn a_stray_quote_in_the_scb_file_is_refused_not_shifted_onto_another_kommun() {
    let dir = copy_of("tiny");
    let file = "scb_population_long_comma.csv";
    replace_in(
        dir.path(),
        file,
        "\"2132 Nordanstig\",\"2024\",9500\n",
        "\"2132 Nordanstig,\"2024\",9500\n",
    );
    // Line 15 of the file is Nordanstig's 2024 row.
    refused(
        dir.path(),
        &[&format!("{file}:15:1"), "stray quote", "2132 Nordanstig"],
    );
}

/// In the wide layout the unclosed quote runs on to the next line's opening quote: Nordanstig's
/// label would head Hudiksvall's 37 000 inhabitants.
#[test]
fn a_stray_quote_in_a_wide_scb_file_is_refused_naming_the_line() {
    let dir = copy_of("tiny");
    let file = "scb_population_long_comma.csv";
    std::fs::remove_file(dir.path().join("data").join(file)).expect("remove");
    let wide = "\"region\",\"2019\",\"2020\",\"2021\",\"2022\",\"2023\",\"2024\"\n\
        \"00 Riket\",10000000,10000000,10000000,10000000,10000000,10000000\n\
        \"2132 Nordanstig,9500,9500,9500,9500,9500,9500\n\
        \"2184 Hudiksvall\",37000,37000,37000,37000,37000,37000\n";
    std::fs::write(dir.path().join("data/scb_wide.csv"), wide).expect("write");
    refused(
        dir.path(),
        &["scb_wide.csv:3:1", "stray quote", "2132 Nordanstig"],
    );
}

#[test]
fn a_kolada_rate_of_1e26_is_named_as_impossible_not_as_missing_population() {
    let dir = copy_of("tiny");
    let source = crate::common::fixtures().join("formats/kolada_api_N07544.json");
    let text = std::fs::read_to_string(source).expect("fixture");
    assert!(text.contains("\"value\": 463.2"));
    let text = text.replacen("\"value\": 463.2", "\"value\": 1e26", 1);
    std::fs::write(dir.path().join("data/kolada_N07544.json"), text).expect("write");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("kolada_N07544.json:4"), "{stderr}");
    assert!(stderr.contains("impossibly large"), "{stderr}");
    assert!(stderr.contains("100000000000000000000000000"), "{stderr}");
    assert!(!stderr.contains("population"), "{stderr}");
    assert!(!dir.path().join("reports").exists());
}

/// A UTF-8 export whose first 64 KiB are UTF-8 and whose later line is Latin-1 (`\xC5r` for
/// `År`): one error naming the line, not rows dropped or read in a guessed encoding.
#[test]
fn invalid_utf8_after_the_first_64_kib_is_refused_naming_the_line() {
    let dir = copy_of("tiny");
    let path = dir.path().join("data").join(SOL);
    let latin1 = std::fs::read(&path).expect("read");
    let mut text: String = latin1.iter().map(|&b| b as char).collect();
    // Filler rows of a crime type no area uses, well past 64 KiB.
    for i in 0..2_500 {
        text.push_str(&format!("Hudiksvall;Stöld nr {i};År;2020;1;3;\r\n"));
    }
    let mut bytes = text.into_bytes();
    let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    bytes.extend_from_slice(b"Hudiksvall;St\xF6ld sist;\xC5r;2020;1;3;\r\n");
    for i in 0..100 {
        bytes.extend_from_slice(format!("Hudiksvall;Rån nr {i};År;2020;1;3;\r\n").as_bytes());
    }
    assert!(line > 2_000 && bytes.len() > 64 * 1024);
    std::fs::write(&path, bytes).expect("write");
    refused(
        dir.path(),
        &[
            &format!("{SOL}:{line}:"),
            "not UTF-8",
            "0xF6",
            "one encoding",
        ],
    );
}
