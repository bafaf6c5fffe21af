//! Unit tests of `src/analysis/publication.rs`.

use super::*;

fn source(file: &str, format: Format, date: Option<&str>, prel: &[i32]) -> SourceInfo {
    SourceInfo {
        file: file.to_owned(),
        format,
        encoding: crate::model::Encoding::Utf8,
        sha256: String::new(),
        rows: 1,
        years: vec![2024, 2025],
        preliminary_years: prel.to_vec(),
        example_data: false,
        export_date: date.map(str::to_owned),
    }
}

#[test]
fn epoch_seconds_become_utc_dates() {
    assert_eq!(date_of_epoch(0), "1970-01-01");
    assert_eq!(date_of_epoch(951_782_400), "2000-02-29");
    assert_eq!(date_of_epoch(1_774_483_200), "2026-03-26");
    assert_eq!(date_of_epoch(1_774_569_599), "2026-03-26");
    assert_eq!(date_of_epoch(-1), "1969-12-31");
}

#[test]
fn the_date_is_the_epoch_when_set_else_the_newest_crime_export() {
    let sources = [
        source(
            "bra_2026-01-20.csv",
            Format::SolLong,
            Some("2026-01-20"),
            &[2025],
        ),
        source(
            "bra_2026-03-26.csv",
            Format::SolLong,
            Some("2026-03-26"),
            &[],
        ),
        source(
            "scb_2026-09-01.csv",
            Format::ScbPopulation,
            Some("2026-09-01"),
            &[],
        ),
    ];
    let p = publication(&sources, Some(2025), None);
    assert_eq!(p.report_date.as_deref(), Some("2026-03-26"));
    assert_eq!(p.date_from, DateFrom::NewestExport);
    assert_eq!(p.export_file.as_deref(), Some("bra_2026-03-26.csv"));
    let p = publication(&sources, Some(2025), Some(0));
    assert_eq!(p.report_date.as_deref(), Some("1970-01-01"));
    assert_eq!(p.date_from, DateFrom::SourceDateEpoch);
    let p = publication(&sources[2..], Some(2025), None);
    assert_eq!((p.report_date, p.date_from), (None, DateFrom::Unknown));
}

#[test]
fn a_preliminary_latest_year_is_followed_by_its_final_figures_in_march() {
    let next = next_releases(2025, true, None);
    assert_eq!(next[0].year, 2025);
    assert_eq!(next[0].status, ReleaseStatus::Final);
    assert_eq!(next[0].month, "2026-03");
    assert_eq!(next[1].year, 2026);
    assert_eq!(next[1].status, ReleaseStatus::Preliminary);
    assert_eq!(next[1].month, "2027-01");
    let next = next_releases(2025, false, None);
    assert_eq!((next[0].year, next[0].month.as_str()), (2026, "2027-01"));
    assert_eq!((next[1].year, next[1].month.as_str()), (2026, "2027-03"));
}

#[test]
fn releases_already_out_on_the_report_date_are_not_named() {
    // March 2026 is still ahead on 26 March (Brå publishes late in the month) ...
    let next = next_releases(2025, true, Some("2026-03-26"));
    assert_eq!(
        (next[0].status, next[0].month.as_str()),
        (ReleaseStatus::Final, "2026-03")
    );
    // ... but not in September: then the next are 2026's preliminary and final figures.
    let next = next_releases(2025, true, Some("2026-09-15"));
    assert_eq!(
        (next[0].year, next[0].status),
        (2026, ReleaseStatus::Preliminary)
    );
    assert_eq!((next[1].year, next[1].month.as_str()), (2026, "2027-03"));
    // A report dated long after the data still names two releases to come.
    let next = next_releases(2020, false, Some("2026-02-01"));
    assert_eq!(next.len(), 2);
    assert_eq!(next[0].month, "2026-03");
}
