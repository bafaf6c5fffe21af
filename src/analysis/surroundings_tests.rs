//! Unit tests of `src/analysis/surroundings.rs`.

use super::*;
use crate::analysis::sums::AreaYear;
use crate::analysis::yearly;
use crate::regions::{Level, Region};
use crate::stats::test_util::assert_doc;

/// §8e's four cells spread over two baseline and two pledge years.
fn years() -> Vec<YearFigures> {
    let rows: [(Level, &str, i32, u64, u64); 8] = [
        (Level::Kommun, "2132", 2021, 63, 18_959),
        (Level::Kommun, "2132", 2022, 64, 18_959),
        (Level::Kommun, "2132", 2023, 61, 14_179),
        (Level::Kommun, "2132", 2024, 62, 14_179),
        (Level::County, "21", 2021, 3_400, 572_973),
        (Level::County, "21", 2022, 3_400, 572_973),
        (Level::County, "21", 2023, 2_400, 431_313),
        (Level::County, "21", 2024, 2_400, 431_314),
    ];
    rows.iter()
        .map(|&(level, code, year, count, population)| {
            let row = AreaYear {
                area: "a".into(),
                level,
                region_code: code.into(),
                year,
                preliminary: false,
                count: Some(count),
                population: Some(population),
                parts: None,
            };
            let region = Region {
                code: code.into(),
                name: if code == "21" {
                    "Gävleborgs län"
                } else {
                    "Nordanstig"
                }
                .into(),
                level,
            };
            yearly::figures(&row, &region)
        })
        .collect()
}

fn comparison(dispersion: Option<f64>) -> Comparison {
    let mut c = Comparison::empty();
    c.pledge_years = Some([2023, 2024]);
    c.pledge_years_used = 2;
    c.baseline_years_used = 2;
    c.rate_ratio = Some(1.0);
    c.dispersion = dispersion;
    c
}

#[test]
fn section_8e_ratio_against_the_county_through_the_yearly_figures() {
    let s = surroundings(
        &years(),
        &comparison(None),
        [2021, 2022],
        &Method::standard(),
    );
    assert_eq!(s.len(), 1);
    let r = &s[0];
    assert_eq!((r.level.as_str(), r.region_code.as_str()), ("county", "21"));
    assert_doc(r.ratio.unwrap(), 1.381013, 6);
    assert_doc(r.ci_low.unwrap(), 1.074795, 6);
    assert_doc(r.ci_high.unwrap(), 1.774476, 6);
    assert_doc(r.p_value.unwrap(), 0.011606, 6);
    assert_doc(
        r.region_rate_ratio.unwrap(),
        (4800.0 / 862_627.0) / (6800.0 / 1_145_946.0),
        9,
    );
    assert!(r.notes.is_empty());
}

/// The kommun's φ* = 2 on 4 − 2 = 2 df widens the interval with t(2); reference from
/// statsmodels (the §8e GLM, bse·√2, scipy's t quantile).
#[test]
fn the_kommuns_overdispersion_widens_the_interval() {
    let s = surroundings(
        &years(),
        &comparison(Some(2.0)),
        [2021, 2022],
        &Method::standard(),
    );
    let r = &s[0];
    assert_doc(r.ratio.unwrap(), 1.381013, 6);
    assert_doc(r.ci_low.unwrap(), 0.634154, 6);
    assert_doc(r.ci_high.unwrap(), 3.007466, 6);
    assert_doc(r.p_value.unwrap(), 0.216243, 6);
}

#[test]
fn a_region_year_missing_or_no_comparison_gives_null_and_a_note() {
    let mut ys = years();
    ys.retain(|y| !(y.level == Level::County && y.year == 2022));
    let s = surroundings(&ys, &comparison(None), [2021, 2022], &Method::standard());
    assert_eq!(s[0].ratio, None);
    assert_eq!(
        s[0].notes,
        vec![Note::SurroundingsRegionIncomplete { years: 1 }]
    );
    assert!(s[0].note.is_some());
    let s = surroundings(
        &years(),
        &Comparison::empty(),
        [2021, 2022],
        &Method::standard(),
    );
    assert_eq!(s[0].ratio, None);
    assert_eq!(s[0].notes, vec![Note::SurroundingsNoComparison]);
}
