//! `validate` keeps only the rows an area uses and checks the others on the way, in bounded
//! memory (issue #10): a crime type no area uses, given twice with different counts, is still
//! an error naming both lines; exact repeats are not; thousands of unused labels are counted,
//! not all listed. The memory bound itself is measured by `benches/run.sh` (case `validate`).

use crate::common::*;
use std::io::Write;

fn validate(dir: &std::path::Path) -> (i32, String, String) {
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.join("data"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Appends Latin-1 lines to the tiny fixture's SOL export.
fn append(dir: &std::path::Path, lines: &[String]) {
    let path = dir.join("data/sol_latin1_crlf_prel_2025-02-01.csv");
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    for line in lines {
        let latin1: Vec<u8> = line.chars().map(|c| c as u32 as u8).collect();
        file.write_all(&latin1).unwrap();
        file.write_all(b"\r\n").unwrap();
    }
}

fn lines_of(dir: &std::path::Path) -> usize {
    let bytes = std::fs::read(dir.join("data/sol_latin1_crlf_prel_2025-02-01.csv")).unwrap();
    bytes.iter().filter(|b| **b == b'\n').count()
}

#[test]
fn an_unused_crime_type_given_twice_with_different_counts_is_an_error_naming_both_lines() {
    let dir = copy_of("tiny");
    let before = lines_of(dir.path());
    append(
        dir.path(),
        &[
            "Hudiksvall;Bedrägeri, påhittat;År;2020;14;95;".to_owned(),
            "Hudiksvall;Bedrägeri, påhittat;År;2021;15;95;".to_owned(),
            "Hudiksvall;Bedrägeri, påhittat;År;2020;17;95;".to_owned(),
        ],
    );
    let (code, _, err) = validate(dir.path());
    assert_eq!(code, 2, "{err}");
    let second = before + 3;
    assert!(
        err.contains(&format!(":{second}:5:"))
            && err.contains(&format!("(line {}: 14)", before + 1)),
        "{err}"
    );
    assert!(
        err.contains("Hudiksvall / Bedrägeri, påhittat / 2020 appears twice"),
        "{err}"
    );
    // analyze keeps only what the areas use and does not look at these rows' keys.
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn exact_repeats_of_unused_rows_are_accepted_and_their_labels_and_years_listed() {
    let dir = copy_of("tiny");
    append(
        dir.path(),
        &[
            "Hudiksvall;Bedrägeri, påhittat;År;2018;14;95;".to_owned(),
            "Hudiksvall;Bedrägeri, påhittat;År;2018;14;95;".to_owned(),
        ],
    );
    let (code, out, err) = validate(dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Bedrägeri, påhittat  [not used]"), "{out}");
    assert!(out.contains("years: 2018, 2019"), "{out}");
}

#[test]
fn thousands_of_unused_crime_labels_are_counted_not_all_listed() {
    let dir = copy_of("tiny");
    let lines: Vec<String> = (0..2500)
        .map(|i| format!("Hudiksvall;Påhittad brottstyp {i:05};År;2020;{};95;", i % 7))
        .collect();
    append(dir.path(), &lines);
    let (code, out, err) = validate(dir.path());
    assert_eq!(code, 0, "{err}");
    // The fixture's own unused label comes first; 1 999 of ours are listed, 501 counted.
    let listed = out
        .lines()
        .filter(|l| l.contains("Påhittad brottstyp"))
        .count();
    assert_eq!(listed, 1999);
    assert!(
        out.contains("… and 501 more crime types no area uses (not listed)"),
        "{}",
        out.lines().rev().take(20).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn months_of_an_unused_crime_type_are_no_duplicates_but_a_month_given_twice_is() {
    let dir = copy_of("tiny");
    let before = lines_of(dir.path());
    let months = ["Jan", "Feb", "Mar", "Kvartal 1", "Helår"];
    let rows: Vec<String> = months
        .iter()
        .enumerate()
        .map(|(i, m)| format!("Hudiksvall;Bedrägeri, påhittat;2021;{m};{};95;", i + 3))
        .collect();
    append(dir.path(), &rows);
    let (code, out, err) = validate(dir.path());
    assert_eq!(code, 0, "{out}{err}");
    append(
        dir.path(),
        &["Hudiksvall;Bedrägeri, påhittat;2021;Feb;9;95;".to_owned()],
    );
    let (code, _, err) = validate(dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(":{}:5:", before + 6))
            && err.contains(&format!("(line {}: 4)", before + 2)),
        "{err}"
    );
    assert!(
        err.contains("Hudiksvall / Bedrägeri, påhittat / 2021-02 appears twice"),
        "{err}"
    );
}
