//! Unit tests of `src/analysis/basket.rs`.

use super::*;
use crate::regions::Level;

fn obs(crime: &str, year: i32, count: Option<u64>) -> Observation {
    Observation {
        region_code: "2132".into(),
        region_name: "Nordanstig".into(),
        level: Level::Kommun,
        crime: crime.into(),
        year,
        period: crate::load::canonical::Period::Year,
        preliminary: false,
        count,
        source: 0,
        line: 1,
        derived: false,
    }
}

#[test]
fn a_new_offence_inside_the_window_is_left_out_with_its_counts() {
    let mut own = Vec::new();
    for year in 2015..=2025 {
        own.push(obs("Misshandel", year, (year >= 2019).then_some(10)));
        own.push(obs("Barnfridsbrott", year, (year >= 2021).then_some(3)));
    }
    let crimes = vec!["Misshandel".to_owned(), "Barnfridsbrott".to_owned()];
    let b = basket(&own, &crimes, 2019, [2023, 2026], [2019, 2022]);
    assert_eq!(b.crimes, vec!["Misshandel".to_owned()]);
    assert_eq!(b.left_out.len(), 1);
    assert_eq!(b.left_out[0].why, LeftOutWhy::StartsIn { year: 2021 });
    assert_eq!(b.left_out[0].pledge_count, Some(9));
    assert_eq!(b.left_out[0].baseline_count, Some(6));
    assert_eq!(b.complete_from, Some(2019));
}

#[test]
fn a_gap_year_of_one_type_leaves_it_out_but_a_year_missing_for_all_does_not() {
    let mut own = Vec::new();
    for year in 2019..=2025 {
        let all_missing = year == 2020;
        own.push(obs("A", year, (!all_missing).then_some(5)));
        own.push(obs("B", year, (!all_missing && year != 2023).then_some(2)));
    }
    let crimes = vec!["A".to_owned(), "B".to_owned()];
    let b = basket(&own, &crimes, 2019, [2023, 2026], [2019, 2022]);
    assert_eq!(b.crimes, vec!["A".to_owned()]);
    let why = LeftOutWhy::MissingYears { years: vec![2023] };
    assert_eq!(b.left_out[0].why, why);
    // 2020 has no figures for any type: the trend may still start in 2019.
    assert_eq!(b.complete_from, Some(2019));
}
