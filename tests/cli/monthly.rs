//! Monthly and quarterly exports (issue #12): the real layouts are read, months make whole
//! years, a yearly figure that disagrees with its months is a listed revision, and the monthly
//! block, CSV and chart are written.

use crate::common::{analyze, brottstrend, copy_of, fixtures, metrics, metrics_row, summary};

/// Nordanstig's yearly totals (both crime types) that the fixture's months add up to.
const YEARLY_EQUIVALENT: &str = "Region;Brott;År;Period;Antal;/100 000 inv\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2023;6;63;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2024;11;116;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2025;5;53;\r\n\
Nordanstig;Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation;År;2023;15;158;\r\n\
Nordanstig;Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation;År;2024;14;147;\r\n\
Nordanstig;Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation;År;2025;14;147;\r\n";

#[test]
fn validate_lists_the_months_and_quarters_of_each_file() {
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(fixtures().join("monthly"))
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("periods: months 2023-01 … 2026-03 (2026 prel.), quarters 2023-Q1 … 2026-Q1 (2026 prel.)"),
        "{stdout}"
    );
    assert!(stdout.contains("Region Mitt (PR-MITT)"), "{stdout}");
    // The label with its code (monthly) and without (yearly) are one crime type.
    assert!(stdout.contains("crime types (2)"), "{stdout}");
    assert!(
        stdout.contains("Nordanstig / Grov kvinnofridskränkning / 2024: 10 (sol_yearly_2026-03-01.csv) → 11 (sol_monthly_2026-04-10.csv)"),
        "{stdout}"
    );
}

#[test]
fn a_monthly_export_alone_gives_the_yearly_exports_totals_for_complete_years() {
    let monthly = copy_of("monthly");
    std::fs::remove_file(monthly.path().join("data/sol_yearly_2026-03-01.csv")).expect("rm");
    let yearly = copy_of("monthly");
    let data = yearly.path().join("data");
    std::fs::remove_file(data.join("sol_yearly_2026-03-01.csv")).expect("rm");
    std::fs::remove_file(data.join("sol_monthly_2026-04-10.csv")).expect("rm");
    std::fs::write(data.join("sol_yearly_2026-04-10.csv"), YEARLY_EQUIVALENT).expect("write");
    for dir in [&monthly, &yearly] {
        let (code, _, stderr) = analyze(dir.path(), &["--period", "year"]);
        assert_eq!(code, 0, "{stderr}");
    }
    let (m, y) = (metrics(monthly.path()), metrics(yearly.path()));
    for year in ["2023", "2024", "2025"] {
        let from_months = metrics_row(&m, "relationship", "2132", year);
        assert_eq!(from_months, metrics_row(&y, "relationship", "2132", year));
    }
    // 2026 has three months only: no yearly figure is made of them.
    assert!(!m.iter().any(|r| r[1] == "2132" && r[3] == "2026"));
}

#[test]
fn the_monthly_block_records_latest_preliminary_year_to_date_and_too_few_months() {
    let dir = copy_of("monthly");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = summary(dir.path());
    let m = &s["areas"][0]["monthly"];
    assert_eq!(m["grain"], "month");
    assert_eq!(m["latest"], "2026-03");
    assert_eq!(m["preliminary_from"], "2026-01");
    let ytd = &m["year_to_date"];
    assert_eq!(ytd["months"], serde_json::json!(["01", "03"]));
    assert_eq!(ytd["year"], 2026);
    // January–March 2026: 1+0+2 and 2+1+1; 2023: 1+0+0 and 2+1+1.
    assert_eq!(
        (ytd["count"].as_u64(), ytd["baseline_count"].as_u64()),
        (Some(7), Some(5))
    );
    assert!(m["its"].is_null());
    let notes = m["notes"].as_array().expect("notes");
    let few = notes
        .iter()
        .find(|n| n["code"] == "too_few_months")
        .expect("too few months");
    // 2023-01 … 2024-06 before (18), 2024-07 … 2026-03 after (21).
    assert_eq!(
        (few["before"].as_u64(), few["more_before"].as_u64()),
        (Some(18), Some(6))
    );
    assert_eq!(
        (few["after"].as_u64(), few["more_after"].as_u64()),
        (Some(21), Some(0))
    );
    let revision = s["revisions"]
        .as_array()
        .expect("revisions")
        .iter()
        .find(|r| r["from_parts"] == true)
        .expect("a yearly figure against its months");
    assert_eq!(
        (
            revision["old_value"].as_str(),
            revision["new_value"].as_str()
        ),
        (Some("10"), Some("11"))
    );
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(report.contains("### Månad för månad"), "{report}");
    assert!(
        report.contains("Hittills i år (januari–mars 2026, preliminärt): 7 brott"),
        "{report}"
    );
    assert!(
        report.contains("det behövs minst 24 före och 12 efter (6 respektive 0 till)"),
        "{report}"
    );
    assert!(
        dir.path()
            .join("reports/charts/relationship-monthly.png")
            .is_file()
    );
}

#[test]
fn metrics_monthly_csv_has_the_kommun_by_month_and_the_police_region_by_quarter() {
    let dir = copy_of("monthly");
    let (code, _, stderr) = analyze(dir.path(), &["--period", "quarter"]);
    assert_eq!(code, 0, "{stderr}");
    let text =
        std::fs::read_to_string(dir.path().join("reports/metrics-monthly.csv")).expect("csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "area,region_code,region_name,year,month,quarter,preliminary,count,population,rate_per_100k,count_ci_low,count_ci_high,rate_ci_low,rate_ci_high"
        )
    );
    // Q1 2023 summed from months: 1+0+0 + 2+1+1 = 5, population the year's 9 500.
    assert!(
        text.contains("\nrelationship,2132,Nordanstig,2023,,1,false,5,9500,"),
        "{text}"
    );
    // Region Mitt from its quarterly rows; its population is unknown here (no county rows).
    assert!(
        text.contains("\nrelationship,PR-MITT,Region Mitt,2026,,1,true,41,,"),
        "{text}"
    );
}

#[test]
fn asking_for_months_the_data_does_not_have_is_a_clear_error() {
    let dir = copy_of("monthly");
    std::fs::remove_file(dir.path().join("data/sol_monthly_2026-04-10.csv")).expect("rm");
    let (code, _, stderr) = analyze(dir.path(), &["--period", "month"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("--period month: the data has no monthly figures for Nordanstig"),
        "{stderr}"
    );
}

#[test]
fn a_period_label_that_is_neither_month_quarter_nor_helar_is_located() {
    let dir = copy_of("monthly");
    let path = dir.path().join("data/sol_monthly_2026-04-10.csv");
    // The file is ISO-8859-1: change the bytes, not a decoded copy.
    let mut bytes = std::fs::read(&path).expect("read");
    let at = bytes
        .windows(10)
        .position(|w| w == b";2023;Maj;")
        .expect("May 2023");
    bytes[at + 6..at + 9].copy_from_slice(b"May");
    std::fs::write(&path, bytes).expect("write");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("sol_monthly_2026-04-10.csv:6:4"),
        "{stderr}"
    );
    assert!(stderr.contains("May"), "{stderr}");
    assert!(stderr.contains("Kvartal 1"), "{stderr}");
}
