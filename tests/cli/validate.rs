//! `validate`: reads everything, prints what it found, writes nothing.

use crate::common::*;

#[test]
fn validate_lists_files_formats_encodings_years_and_problems() {
    let dir = copy_of("tiny");
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("sol_latin1_crlf_prel_2025-02-01.csv\n  format bra_sol_long, encoding ISO-8859-1, 73 rows"), "{stdout}");
    assert!(
        stdout.contains("years: 2019, 2020, 2021, 2022, 2023, 2024 prel."),
        "{stdout}"
    );
    assert!(
        stdout.contains("scb_population_long_comma.csv\n  format scb_population, encoding UTF-8"),
        "{stdout}"
    );
    assert!(stdout.contains("Nordanstig (2132)"), "{stdout}");
    assert!(
        stdout.contains("Grov kvinnofridskränkning  [→ relationship]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Misshandel inkl. grov  [not used]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("periods: months 2024-08 … 2024-08 (2024 prel.)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"Barnfridsbrott*\" matches no crime type"),
        "{stdout}"
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "validate writes nothing");
}

#[test]
fn validate_exits_2_on_unusable_input() {
    let dir = copy_of("tiny");
    std::fs::write(dir.path().join("data/tom.csv"), "").unwrap();
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_year_and_a_preliminary_year_are_warnings_not_errors() {
    let dir = copy_of("verdicts/constant_rate");
    let sol = dir.path().join("data/sol.csv");
    let text: String = std::fs::read_to_string(&sol)
        .unwrap()
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("Nordanstig;Grov kvinnofridskränkning;År;2020;"))
        .collect();
    std::fs::write(&sol, text).unwrap();
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "area `relationship`: Nordanstig has no figure for 2020, between 2015 and 2025"
        ),
        "{stdout}"
    );

    let tiny = copy_of("tiny");
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(tiny.path().join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("sol_latin1_crlf_prel_2025-02-01.csv: 2024 preliminary"),
        "{stdout}"
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    for args in [
        vec!["--help"],
        vec!["analyze", "--help"],
        vec!["validate", "--help"],
    ] {
        let out = brottstrend().args(&args).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout.contains("Example"), "{args:?}: {stdout}");
    }
}

#[test]
fn no_population_at_all_is_a_clear_warning() {
    let dir = copy_of("tiny");
    std::fs::remove_file(dir.path().join("data/scb_population_long_comma.csv")).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains("befolkning för Nordanstig saknas i alla filer"),
        "{report}"
    );
    assert!(summary(dir.path())["areas"][0]["pledge_vs_baseline"]["rate_ratio"].is_null());
}
