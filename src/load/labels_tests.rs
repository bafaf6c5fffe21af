//! Unit tests of `src/load/labels.rs`: every label once, sorted, and the labels with a figure
//! in some row, however the rows of a label come (in runs or apart, `..` first or last).

use super::Dataset;
use crate::load::canonical::{Observation, Period};
use crate::regions::Level;
use std::collections::BTreeSet;

fn row(crime: &str, count: Option<u64>) -> Observation {
    Observation {
        region_code: "2132".to_owned(),
        region_name: "Nordanstig".to_owned(),
        level: Level::Kommun,
        crime: crime.to_owned(),
        year: 2024,
        period: Period::Year,
        preliminary: false,
        count,
        source: 0,
        line: 1,
        derived: false,
    }
}

#[test]
fn labels_are_listed_once_sorted_with_those_that_have_a_figure() {
    let data = Dataset {
        observations: vec![
            row("Stöld", None),
            row("Stöld", None),
            row("Stöld", Some(3)),
            row("Rån", Some(1)),
            row("Rån", None),
            row("Bedrägeri", None),
            row("Stöld", None),
        ],
        sub_year: vec![
            row("Bedrägeri", None),
            row("Åverkan", None),
            row("Åverkan", Some(0)),
            row("Arson", None),
        ],
        ..Dataset::default()
    };
    let labels = data.labels();
    assert_eq!(
        labels.all,
        ["Arson", "Bedrägeri", "Rån", "Stöld", "Åverkan"]
    );
    let figured: BTreeSet<String> = ["Rån", "Stöld", "Åverkan"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(labels.with_figures, figured);
}
