//! A preliminary `Helår` of a year still running at export (issue #12): the months published
//! so far are not taken as the whole year's figure, and the run says so.

use crate::common::{analyze, copy_of, metrics, summary};
use std::path::Path;

const MONTHLY: &str = "sol_monthly_2026-04-10.csv";

/// Appends Latin-1 rows to the monthly export of `dir`.
fn append(dir: &Path, file: &str, rows: &str) {
    let path = dir.join("data").join(file);
    let mut bytes = std::fs::read(&path).expect("read");
    bytes.extend(rows.chars().map(|c| c as u32 as u8));
    std::fs::write(path, bytes).expect("write");
}

/// The `Helår` rows BRÅ gives for 2026 in an export of April 2026: January–March summed.
const HELAR_2026: &str = "Nordanstig;0412 - Grov kvinnofridskränkning;2026 prel.;Helår;3;32;\r\n\
Nordanstig;Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation;2026 prel.;Helår;4;42;\r\n";

fn year_rows(dir: &Path, year: &str) -> Vec<Vec<String>> {
    metrics(dir)
        .into_iter()
        .filter(|r| r[1] == "2132" && r[3] == year)
        .collect()
}

#[test]
fn a_preliminary_helar_of_a_running_year_is_not_taken_as_the_whole_year() {
    let plain = copy_of("monthly");
    let with_helar = copy_of("monthly");
    append(with_helar.path(), MONTHLY, HELAR_2026);
    let (code, _, _) = analyze(plain.path(), &[]);
    assert_eq!(code, 0);
    let (code, _, stderr) = analyze(with_helar.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    // No yearly 2026 figure of three months; the yearly view is as without the rows.
    assert!(year_rows(with_helar.path(), "2026").is_empty());
    let (a, b) = (summary(plain.path()), summary(with_helar.path()));
    assert_eq!(a["areas"][0]["years"], b["areas"][0]["years"]);
    assert_eq!(
        a["areas"][0]["pledge_vs_baseline"],
        b["areas"][0]["pledge_vs_baseline"]
    );
    // Said on stderr, in summary.json and in the report.
    assert!(stderr.contains("through 2026-03"), "{stderr}");
    let warnings = b["warnings"].to_string();
    assert!(warnings.contains(r#""code":"partial_year""#), "{warnings}");
    assert!(warnings.contains(r#""through":"2026-03""#), "{warnings}");
    let report = std::fs::read_to_string(with_helar.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains("till och med mars 2026"),
        "no Swedish warning"
    );
}

#[test]
fn a_preliminary_helar_without_months_exported_within_its_year_is_not_used() {
    let dir = copy_of("monthly");
    let data = dir.path().join("data");
    std::fs::remove_file(data.join(MONTHLY)).expect("rm");
    let header = "Region;Brott;År;Period;Antal;/100 000 inv\r\n";
    std::fs::write(data.join("sol_helar_2026-04-10.csv"), "").expect("create");
    append(
        dir.path(),
        "sol_helar_2026-04-10.csv",
        &format!("{header}{HELAR_2026}"),
    );
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(year_rows(dir.path(), "2026").is_empty());
    assert!(stderr.contains("exported before 2026 ended"), "{stderr}");
}

#[test]
fn a_preliminary_helar_of_a_finished_year_is_used() {
    let dir = copy_of("monthly");
    let data = dir.path().join("data");
    std::fs::remove_file(data.join(MONTHLY)).expect("rm");
    let rows = "Region;Brott;År;Period;Antal;/100 000 inv\r\n\
        Nordanstig;Grov kvinnofridskränkning;2026 prel.;Helår;9;95;\r\n";
    std::fs::write(data.join("sol_helar_2027-02-10.csv"), "").expect("create");
    append(dir.path(), "sol_helar_2027-02-10.csv", rows);
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains("not used as the year's figures"),
        "{stderr}"
    );
    let rows = year_rows(dir.path(), "2026");
    assert_eq!(rows.len(), 1, "{rows:?}");
}
