//! Unit tests of `src/load/merge.rs`.

use super::*;

#[test]
fn export_dates_are_found_anywhere_in_the_file_name() {
    assert_eq!(
        export_date("exempel_bra_sol_2026-03-26.csv").as_deref(),
        Some("2026-03-26")
    );
    assert_eq!(
        export_date("2025-01-02 sol.csv").as_deref(),
        Some("2025-01-02")
    );
    assert_eq!(export_date("sol_2015-2025.csv"), None);
}

/// A SOL source named `file` (its export date from the name), for the merge and reconcile tests.
pub(in crate::load) fn source(file: &str) -> SourceInfo {
    SourceInfo {
        file: file.to_owned(),
        format: Format::SolLong,
        encoding: crate::load::text::Encoding::Latin1,
        sha256: String::new(),
        rows: 0,
        years: Vec::new(),
        preliminary_years: Vec::new(),
        example_data: false,
        export_date: export_date(file),
    }
}

fn obs(region: &str, crime: &str, year: i32, count: u64, source: usize) -> Observation {
    let regions = crate::regions::Regions::new();
    let r = regions.resolve(region).expect("a known region");
    Observation {
        region_code: r.code,
        region_name: r.name,
        level: r.level,
        crime: crime.to_owned(),
        year,
        period: Period::Year,
        preliminary: false,
        count: Some(count),
        source,
        line: year as usize,
        derived: false,
    }
}

/// Rows of two files, keys out of order: Gävle (2180) differs first, then Nordanstig (2132);
/// 2021 before 2020; one label with its police code.
fn rows() -> Vec<Observation> {
    vec![
        obs("Gävle", "Stöld", 2020, 5, 0),
        obs("Nordanstig", "Stöld", 2021, 10, 0),
        obs("Gävle", "Stöld", 2020, 6, 1),
        obs("Nordanstig", "0412 - Stöld", 2021, 12, 1),
        obs("Nordanstig", "Stöld", 2020, 7, 1),
        obs("Nordanstig", "Stöld", 2020, 7, 0),
    ]
}

#[test]
fn merged_rows_come_sorted_once_per_key_with_revisions_in_input_order() {
    let sources = [source("a_2026-01-01.csv"), source("b_2026-02-01.csv")];
    let merged = merge(rows(), Vec::new(), &sources, &[]).unwrap();
    let got: Vec<(&str, &str, i32, Option<u64>, usize)> = merged
        .observations
        .iter()
        .map(|o| {
            (
                o.region_code.as_str(),
                o.crime.as_str(),
                o.year,
                o.count,
                o.source,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2132", "Stöld", 2020, Some(7), 1),
            ("2132", "Stöld", 2021, Some(12), 1),
            ("2180", "Stöld", 2020, Some(6), 1),
        ]
    );
    // Gävle (third row) before Nordanstig (fourth row): input order, not key order.
    let revised: Vec<(&str, &str, &str)> = merged
        .revisions
        .iter()
        .map(|r| {
            (
                r.region.as_str(),
                r.old_value.as_str(),
                r.new_value.as_str(),
            )
        })
        .collect();
    assert_eq!(revised, [("Gävle", "5", "6"), ("Nordanstig", "10", "12")]);
}

#[test]
fn the_first_undecidable_difference_in_input_order_is_the_error() {
    let sources = [source("a.csv"), source("b.csv")];
    let e = merge(rows(), Vec::new(), &sources, &[]).unwrap_err();
    assert!(e.to_string().contains("Gävle / Stöld / 2020"), "{e}");
}

#[test]
fn ranks_compare_and_repeat_as_their_texts() {
    // Runs of one text, as an export's rows come, and the same texts again after others.
    let texts = [
        "Stöld",
        "Stöld",
        "Misshandel",
        "",
        "Stöld",
        "misshandel",
        "misshandel",
        "Misshandel inkl. grov",
        "Å",
        "Misshandel",
    ];
    let mut column = super::Ranks::default();
    for t in texts {
        column.push(t);
    }
    let ranks = column.ranks();
    for (a, ra) in texts.iter().zip(&ranks) {
        for (b, rb) in texts.iter().zip(&ranks) {
            assert_eq!(ra.cmp(rb), a.cmp(b), "{a} against {b}");
        }
    }
}
