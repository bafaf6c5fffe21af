//! Context series shown beside the pledge areas, never mixed into them: total reported crime
//! in the kommun, and the police events feed.

use super::index::DatasetIndex;
use super::sums::AreaYear;
use super::yearly;
use crate::catalog::{self, TOTAL_CRIME_LABEL};
use crate::config::SeriesBreak;
use crate::load::Dataset;
use crate::model::{PoliceEventCount, YearFigures};
use crate::regions::{Level, Region};

/// Total reported crimes in the kommun per year, with rates and intervals; no pooled rate
/// across a splitting break that affects the total.
pub fn total_crime(
    index: &DatasetIndex,
    kommun: &Region,
    baseline: [i32; 2],
    breaks: &[SeriesBreak],
) -> Vec<YearFigures> {
    let mut out: Vec<YearFigures> = index
        .rows_of_region(&kommun.code)
        .filter(|o| o.crime == TOTAL_CRIME_LABEL)
        .map(|o| {
            let population = index.population(&kommun.code, o.year);
            let row = AreaYear {
                area: "total_crime".to_owned(),
                level: Level::Kommun,
                region_code: kommun.code.clone(),
                year: o.year,
                preliminary: o.preliminary,
                count: o.count,
                population,
                parts: None,
            };
            yearly::figures(&row, kommun)
        })
        .collect();
    out.sort_by_key(|y| y.year);
    let total = [TOTAL_CRIME_LABEL.to_owned()];
    yearly::derive(
        &mut out,
        baseline,
        None,
        &catalog::area_breaks(breaks, &total),
    );
    out
}

/// The kommun's police events, per type and month (sorted by type, then month).
pub fn police_events(data: &Dataset, kommun: &Region) -> Vec<PoliceEventCount> {
    let mut out: Vec<PoliceEventCount> = data
        .events
        .iter()
        .filter(|e| e.region_code == kommun.code)
        .map(|e| PoliceEventCount {
            event_type: e.event_type.clone(),
            month: e.month.clone(),
            count: e.count,
        })
        .collect();
    out.sort_by(|a, b| (&a.event_type, &a.month).cmp(&(&b.event_type, &b.month)));
    out
}
