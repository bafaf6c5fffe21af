//! Unit tests of `src/analysis/frames.rs`: the polars totals against the plain loop they
//! replace (a running sum per crime type and slot-year in table order), through
//! [`DatasetIndex`] on the example data, the fixtures and rows made to hit every edge
//! (duplicate rows, `..`, preliminary years), and the pipeline alone on hand-made rows.

use super::*;
use crate::analysis::index::DatasetIndex;
use crate::analysis::sums::tests::{people, row};
use crate::load::canonical::{Observation, PopulationRow};
use crate::load::{LoadOptions, load_dir};
use crate::regions::{Level, Regions};
use std::collections::BTreeMap;
use std::path::Path;

/// Per (crime type, slot-year): the total count (`None` when every row is `..`) and whether
/// any row is preliminary.
type Totals = BTreeMap<(String, u32), (Option<u64>, bool)>;

/// The loop the pipeline replaces: every row added to its crime type and slot-year in turn.
fn looped_totals(index: &DatasetIndex) -> Totals {
    let mut out = Totals::new();
    for o in index.observations {
        let slot = index
            .slots
            .iter()
            .position(|s| *s == (o.level, o.region_code.as_str()))
            .expect("a slot");
        let at = (slot * index.years + (o.year - index.first_year) as usize) as u32;
        let total = out.entry((o.crime.clone(), at)).or_insert((None, false));
        total.0 = match (total.0, o.count) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        total.1 |= o.preliminary;
    }
    out
}

/// The index's cells (from polars), one per crime type and slot-year.
fn indexed_totals(index: &DatasetIndex) -> Totals {
    let mut out = Totals::new();
    for o in index.observations {
        for cell in index.cells_of_crime(&o.crime) {
            out.insert((o.crime.clone(), cell.at), (cell.count, cell.preliminary));
        }
    }
    let cells: usize = out
        .keys()
        .map(|k| &k.0)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|c| index.cells_of_crime(c).len())
        .sum();
    assert_eq!(cells, out.len(), "one cell per crime type and slot-year");
    out
}

/// The polars totals equal the loop over the same rows; the table of population by slot and
/// year equals the look-up by code and year.
fn assert_same(obs: &[Observation], pop: &[PopulationRow]) {
    let index = DatasetIndex::of_rows(obs, pop, &Regions::new()).expect("index");
    let looped = looped_totals(&index);
    assert!(!looped.is_empty() || obs.is_empty());
    assert_eq!(indexed_totals(&index), looped);
    assert_eq!(index.population_at.len(), index.slots.len() * index.years);
    for (slot, (_, code)) in index.slots.iter().enumerate() {
        for y in 0..index.years {
            let year = index.first_year + y as i32;
            let looked_up = index.population(code, year);
            assert_eq!(index.population_at[slot * index.years + y], looked_up);
        }
    }
}

fn folder_rows(name: &str) -> (Vec<Observation>, Vec<PopulationRow>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let data = load_dir(&dir, &Regions::new(), &LoadOptions::default()).expect("data");
    (data.observations, data.population)
}

#[test]
fn the_polars_totals_equal_the_loop_on_the_example_data_and_the_fixtures() {
    for name in [
        "data",
        "tests/fixtures/comparison/sum_of_kommuner",
        "tests/fixtures/comparison/with_county_rows",
        "tests/fixtures/verdicts/missing_population",
        "tests/fixtures/nested",
        "tests/fixtures/monthly",
    ] {
        let (obs, pop) = folder_rows(name);
        assert_same(&obs, &pop);
    }
}

/// Rows with `..` cells, a gap year, a preliminary year, the same code at two levels, the same
/// row twice (two sources), and a population outside the rows' years or without any row.
fn edge_rows() -> (Vec<Observation>, Vec<PopulationRow>) {
    let mut obs = Vec::new();
    for code in ["2132", "2101"] {
        for year in [2019, 2020, 2022, 2025] {
            let dots = year == 2020 && code == "2101";
            obs.push(row(
                Level::Kommun,
                code,
                "Misshandel",
                year,
                (!dots).then_some(7),
            ));
            obs.push(row(Level::Kommun, code, "Olaga hot", year, None));
        }
    }
    obs.push(row(Level::Kommun, "2132", "Misshandel", 2019, Some(5)));
    obs.push(row(Level::Kommun, "2132", "Olaga hot", 2019, Some(2)));
    obs.push(row(Level::Kommun, "2101", "Misshandel", 2020, None));
    obs.push(row(Level::County, "21", "Misshandel", 2025, Some(900)));
    obs.push(row(Level::Nation, "21", "Misshandel", 2024, Some(1)));
    let mut pop = vec![people("2132", 1990, 1), people("0180", 2020, 2)];
    for year in 2019..=2026 {
        pop.push(people("2101", year, 8_000 + year as u64));
        if year != 2022 {
            pop.push(people("21", year, 280_000));
        }
    }
    (obs, pop)
}

#[test]
fn the_polars_totals_equal_the_loop_at_every_edge() {
    let (obs, pop) = edge_rows();
    assert_same(&obs, &pop);
    assert_same(&obs, &[]);
    assert_same(&[], &pop);
}

#[test]
fn a_total_is_the_sum_of_the_counted_rows_and_none_when_every_row_is_dots() {
    let mut totals = Vec::new();
    yearly_totals(
        vec![
            cell(0, 3),
            cell(1, 3),
            cell(0, 3),
            cell(0, 4),
            cell(0, 3),
            cell(0, 4),
        ],
        vec![Some(2), Some(1), None, None, Some(5), None],
        vec![false, false, true, false, false, false],
        |t| totals.push(t),
    )
    .expect("totals");
    let total = |crime, at, count, preliminary| Total {
        crime,
        at,
        count,
        preliminary,
    };
    // In the order of each group's first row.
    assert_eq!(
        totals,
        [
            total(0, 3, Some(7), true),
            total(1, 3, Some(1), false),
            total(0, 4, None, false),
        ]
    );
    let mut none = 0;
    yearly_totals(vec![], vec![], vec![], |_| none += 1).expect("none");
    assert_eq!(none, 0);
    // The largest numbers survive the key.
    let mut last = Vec::new();
    let (crime, at) = (u32::MAX, u32::MAX - 1);
    yearly_totals(vec![cell(crime, at)], vec![Some(1)], vec![true], |t| {
        last.push(t)
    })
    .expect("ok");
    assert_eq!(last, [total(crime, at, Some(1), true)]);
}
