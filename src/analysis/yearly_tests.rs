use super::*;
use crate::model::Level;
use chrono::NaiveDate;

/// Ten years 2015–2024 with counts 10, 20, … and 1 000 inhabitants each.
fn years() -> Vec<YearFigures> {
    (2015..=2024)
        .map(|year| {
            figures(
                &AreaYear {
                    area: "a".to_owned(),
                    level: Level::Kommun,
                    region_code: "2132".to_owned(),
                    year,
                    preliminary: false,
                    count: Some(10 * (year - 2014) as u64),
                    population: Some(1000),
                    parts: None,
                },
                &Region {
                    code: "2132".to_owned(),
                    name: "Nordanstig".to_owned(),
                    level: Level::Kommun,
                },
            )
        })
        .collect()
}

fn brk(date: &str, splits_trend: bool) -> SeriesBreak {
    SeriesBreak {
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date"),
        crimes: vec!["*".to_owned()],
        what: "ny räkneregel".to_owned(),
        source: "Brå".to_owned(),
        splits_trend,
        what_en: None,
    }
}

fn pooled(years: &[YearFigures], year: i32) -> (Option<f64>, Option<String>) {
    let f = years.iter().find(|f| f.year == year).expect("the year");
    (f.pooled_rate, f.pooled_rate_break.clone())
}

#[test]
fn a_pooled_rate_is_the_three_years_counts_over_their_population() {
    let mut y = years();
    derive(&mut y, [2019, 2022], None, &[]);
    // 2016 pools 2015–2017: (10 + 20 + 30) / 3 000 × 100 000 = 2 000.
    assert_eq!(pooled(&y, 2016), (Some(2000.0), None));
    assert_eq!(pooled(&y, 2015).0, None, "no year before the first");
    assert_eq!(pooled(&y, 2024).0, None, "no year after the last");
}

#[test]
fn no_pooled_rate_spans_a_splitting_break_and_the_break_is_recorded() {
    let mut y = years();
    let b = brk("2019-01-01", true);
    derive(&mut y, [2019, 2022], None, &[&b]);
    // 2018 pools 2017–2019 and 2019 pools 2018–2020: both straddle 1 January 2019.
    for year in [2018, 2019] {
        assert_eq!(pooled(&y, year), (None, Some("2019-01-01".to_owned())));
    }
    assert_eq!(pooled(&y, 2017), (Some(3000.0), None));
    assert_eq!(pooled(&y, 2020), (Some(6000.0), None));
}

#[test]
fn a_mid_year_break_splits_at_the_first_whole_year_after_it() {
    let mut y = years();
    let b = brk("2020-06-30", true);
    derive(&mut y, [2019, 2022], None, &[&b]);
    // 2020 itself is counted partly the old way: 2021 is the first clean year.
    assert!(pooled(&y, 2019).0.is_some());
    assert_eq!(pooled(&y, 2020), (None, Some("2020-06-30".to_owned())));
    assert_eq!(pooled(&y, 2021), (None, Some("2020-06-30".to_owned())));
    assert!(pooled(&y, 2022).0.is_some());
}

#[test]
fn a_break_that_changes_no_counting_rule_leaves_the_pooled_rates() {
    let mut y = years();
    let b = brk("2019-01-01", false);
    derive(&mut y, [2019, 2022], None, &[&b]);
    assert!(
        y[1..9]
            .iter()
            .all(|f| f.pooled_rate.is_some() && f.pooled_rate_break.is_none())
    );
}
