//! Unit tests of `src/load/sub_year.rs`: groups settled one by one as the rows come give the
//! yearly view, the parts, the revisions and the partial years in key order.

use super::*;
use crate::load::merge::tests::source;

fn obs(region: &str, crime: &str, year: i32, period: Period, count: u64) -> Observation {
    let r = crate::regions::Regions::new()
        .resolve(region)
        .expect("a known region");
    Observation {
        region_code: r.code,
        region_name: r.name,
        level: r.level,
        crime: crime.to_owned(),
        year,
        period,
        preliminary: false,
        count: Some(count),
        source: 0,
        line: 1,
        derived: false,
    }
}

/// (region code, crime, year, period, count) of each row.
fn keys(rows: &[Observation]) -> Vec<(&str, &str, i32, Period, Option<u64>)> {
    rows.iter()
        .map(|o| {
            (
                o.region_code.as_str(),
                o.crime.as_str(),
                o.year,
                o.period,
                o.count,
            )
        })
        .collect()
}

#[test]
fn whole_years_alone_pass_through_in_key_order_and_a_running_year_is_set_aside() {
    let sources = [source("sol_2025-04-10.csv")];
    let mut rows = vec![
        obs("Gävle", "Stöld", 2024, Period::Year, 50),
        obs("Nordanstig", "Stöld", 2025, Period::Year, 3),
        obs("Nordanstig", "Rån", 2024, Period::Year, 1),
        obs("Nordanstig", "Stöld", 2024, Period::Year, 9),
    ];
    rows[1].preliminary = true;
    let out = reconcile(rows, &sources, &[]).unwrap();
    assert_eq!(
        keys(&out.years),
        [
            ("2132", "Rån", 2024, Period::Year, Some(1)),
            ("2132", "Stöld", 2024, Period::Year, Some(9)),
            ("2180", "Stöld", 2024, Period::Year, Some(50)),
        ]
    );
    assert!(out.sub_year.is_empty() && out.revisions.is_empty());
    assert_eq!(
        out.partial_years,
        [PartialYear {
            source: 0,
            year: 2025
        }]
    );
}

#[test]
fn months_fill_a_missing_year_and_a_differing_year_or_quarter_is_a_revision() {
    let sources = [source("sol_2026-03-26.csv")];
    let mut rows: Vec<Observation> = (1..=12)
        .map(|m| obs("Nordanstig", "Stöld", 2024, Period::Month(m), 1))
        .collect();
    rows.extend((1..=12).map(|m| obs("Nordanstig", "Stöld", 2023, Period::Month(m), 2)));
    rows.push(obs("Nordanstig", "Stöld", 2023, Period::Year, 25));
    rows.push(obs("Nordanstig", "Stöld", 2023, Period::Quarter(2), 7));
    // The last group of the input: settled after the rows end.
    rows.push(obs("Nordanstig", "Stöld", 2025, Period::Month(1), 4));
    let out = reconcile(rows, &sources, &[]).unwrap();
    assert_eq!(
        keys(&out.years),
        [
            ("2132", "Stöld", 2023, Period::Year, Some(25)),
            ("2132", "Stöld", 2024, Period::Year, Some(12)),
        ]
    );
    assert_eq!(out.sub_year.len(), 12 + 1 + 12 + 1);
    assert_eq!(out.sub_year[0].period, Period::Quarter(2));
    assert_eq!(out.sub_year.last().unwrap().year, 2025);
    let revised: Vec<(Option<&str>, &str, &str)> = out
        .revisions
        .iter()
        .map(|r| {
            (
                r.period.as_deref(),
                r.old_value.as_str(),
                r.new_value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        revised,
        [(Some("2023-Q2"), "6", "7"), (Some("2023"), "24", "25")]
    );
}

#[test]
fn a_second_yearly_row_of_a_key_replaces_the_first_as_before() {
    let sources = [source("sol_2026-03-26.csv")];
    let rows = vec![
        obs("Nordanstig", "Stöld", 2024, Period::Year, 1),
        obs("Gävle", "Stöld", 2024, Period::Year, 5),
        obs("Nordanstig", "Stöld", 2024, Period::Year, 2),
    ];
    let out = reconcile(rows, &sources, &[]).unwrap();
    assert_eq!(
        keys(&out.years),
        [
            ("2132", "Stöld", 2024, Period::Year, Some(2)),
            ("2180", "Stöld", 2024, Period::Year, Some(5)),
        ]
    );
}
