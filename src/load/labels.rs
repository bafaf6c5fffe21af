//! The crime labels of a dataset, listed once for all the pledges analysed on it.

use super::Dataset;
use super::canonical::Observation;
use super::word_hash::WordHash;
use std::collections::{BTreeSet, HashMap};

/// The crime labels of a dataset's rows (yearly and sub-year).
#[derive(Debug, Default)]
pub struct Labels {
    /// Every label, sorted, once.
    pub all: Vec<String>,
    /// The labels with a figure in some row.
    pub with_figures: BTreeSet<String>,
}

impl Dataset {
    /// The crime labels of the rows, sorted; computed once per dataset, so the rows must not
    /// change after the first call (they don't: a dataset is finished when it is assembled).
    pub fn labels(&self) -> &Labels {
        self.labels.get_or_init(|| {
            let rows = self.observations.iter().chain(&self.sub_year);
            let figured = labels_figured(rows);
            let mut all: Vec<&str> = figured.keys().copied().collect();
            all.sort_unstable();
            Labels {
                all: all.into_iter().map(str::to_owned).collect(),
                with_figures: figured
                    .into_iter()
                    .filter(|(_, f)| *f)
                    .map(|(l, _)| l.to_owned())
                    .collect(),
            }
        })
    }
}

/// Each distinct crime label of `rows`, and whether some row of it has a figure. The rows come
/// in runs of one label: a row that can change nothing for the label of the row before is
/// passed over without a look-up (a national dataset has about a hundred thousand rows and a
/// few dozen labels).
fn labels_figured<'a>(
    rows: impl Iterator<Item = &'a Observation>,
) -> HashMap<&'a str, bool, WordHash> {
    let mut figured = HashMap::default();
    let mut last: Option<(&str, bool)> = None;
    for o in rows {
        let has = o.count.is_some();
        if last.is_some_and(|(label, f)| (f || !has) && label == o.crime) {
            continue;
        }
        let f = figured.entry(o.crime.as_str()).or_insert(false);
        *f |= has;
        last = Some((o.crime.as_str(), *f));
    }
    figured
}

#[cfg(test)]
#[path = "labels_tests.rs"]
mod tests;
