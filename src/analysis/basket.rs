//! The like-for-like basket of an area (`docs/methods.md`, statistics.md §8b).
//!
//! An area sums several crime types. When one of them has no figures in part of the window
//! — a new offence such as barnfridsbrott from July 2021, or a breakdown that is `..` in some
//! year — summing it in would compare years with it against years without it, and a new
//! offence alone then looks like an increase. So the comparison and the trend use only the
//! types that have figures in every year of the window, and the others are listed with why
//! and their own counts. A year in which no type has figures is a missing year of the area,
//! not a change of composition, and does not exclude anything.

use crate::load::canonical::Observation;
use crate::model::{LeftOut, LeftOutWhy};

/// The basket of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct Basket {
    /// Types with figures in every year of the window, in the input order.
    pub crimes: Vec<String>,
    /// The others, with why and their own counts.
    pub left_out: Vec<LeftOut>,
    /// The first year from which every basket type has figures in every later year with data
    /// (the earliest year a trend may use); `None` when the area has no figures at all.
    pub complete_from: Option<i32>,
}

/// The pledge kommun's counts of `crime`, by year.
fn counts(own: &[Observation], crime: &str, year: i32) -> Option<u64> {
    own.iter()
        .find(|o| o.year == year && o.crime == crime)
        .and_then(|o| o.count)
}

/// Splits `crimes` into the basket and the left-out types over the years from `window_from`
/// (the first baseline year) to the last year with data; `own` holds the pledge kommun's rows.
pub fn basket(
    own: &[Observation],
    crimes: &[String],
    window_from: i32,
    pledge: [i32; 2],
    baseline: [i32; 2],
) -> Basket {
    let mut all_years: Vec<i32> = own
        .iter()
        .filter(|o| o.count.is_some() && crimes.contains(&o.crime))
        .map(|o| o.year)
        .collect();
    all_years.sort_unstable();
    all_years.dedup();
    let window: Vec<i32> = all_years
        .iter()
        .copied()
        .filter(|y| *y >= window_from)
        .collect();
    let (mut kept, mut left_out) = (Vec::new(), Vec::new());
    for crime in crimes {
        let missing: Vec<i32> = window
            .iter()
            .copied()
            .filter(|y| counts(own, crime, *y).is_none())
            .collect();
        if missing.is_empty() {
            kept.push(crime.clone());
            continue;
        }
        let first_present = window.iter().find(|y| !missing.contains(y));
        let why = match first_present {
            Some(&first) if missing.iter().all(|m| *m < first) => {
                LeftOutWhy::StartsIn { year: first }
            }
            _ => LeftOutWhy::MissingYears { years: missing },
        };
        let sum = |range: [i32; 2]| -> Option<u64> {
            let years = window.iter().filter(|y| **y >= range[0] && **y <= range[1]);
            let found: Vec<u64> = years.filter_map(|y| counts(own, crime, *y)).collect();
            (!found.is_empty()).then(|| found.iter().sum())
        };
        left_out.push(LeftOut {
            crime: crime.clone(),
            why,
            pledge_count: sum(pledge),
            baseline_count: sum(baseline),
        });
    }
    // Walk back from the last year while every basket type has figures.
    let mut complete_from = None;
    for y in all_years.iter().rev() {
        if kept.iter().all(|c| counts(own, c, *y).is_some()) {
            complete_from = Some(*y);
        } else {
            break;
        }
    }
    Basket {
        crimes: kept,
        left_out,
        complete_from,
    }
}

#[cfg(test)]
#[path = "basket_tests.rs"]
mod tests;
