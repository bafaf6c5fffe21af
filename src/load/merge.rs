//! Merging overlapping exports into one truth, by rules that are the same every run.
//!
//! 1. Exact duplicates (same value, same status) are merged silently.
//! 2. A final figure is never replaced by a preliminary one.
//! 3. Between two figures of the same status the newer export wins: the export date in the file
//!    name (`YYYY-MM-DD`), else the order of `sources = [...]` in `pledge.toml` (oldest first).
//!    When neither tells, loading stops with an error that names both files: there is no
//!    silent tie-breaking.
//! 4. Every value that differs between files is kept as a [`Revision`] for the report.

use super::canonical::{Observation, Period, PopulationRow};
use crate::error::InputError;
use crate::model::{Format, Revision, SourceInfo};
use std::collections::BTreeMap;
use std::path::Path;

/// The merged tables.
#[derive(Debug, Default)]
pub struct Merged {
    /// Observations, one per region, crime, year and period, sorted.
    pub observations: Vec<Observation>,
    /// Population, one per region and year, sorted.
    pub population: Vec<PopulationRow>,
    /// Differences between files.
    pub revisions: Vec<Revision>,
}

/// The export date in a file name (`…_2026-03-26.csv`), as `YYYY-MM-DD`.
pub fn export_date(file_name: &str) -> Option<String> {
    let b = file_name.as_bytes();
    (0..b.len().saturating_sub(9)).rev().find_map(|i| {
        let s = &b[i..i + 10];
        let shape = s.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        shape.then(|| String::from_utf8_lossy(s).into_owned())
    })
}

/// Merges observations and population from several files.
pub fn merge(
    observations: Vec<Observation>,
    population: Vec<PopulationRow>,
    sources: &[SourceInfo],
    order: &[String],
) -> Result<Merged, InputError> {
    let mut revisions = Vec::new();
    let observations = merge_observations(observations, sources, order, &mut revisions)?;
    let population = merge_population(population, sources, order, &mut revisions)?;
    Ok(Merged {
        observations,
        population,
        revisions,
    })
}

/// One observation per region, crime, year and period, by the rules of the module docs;
/// differing values are pushed to `revisions`.
///
/// The rows are sorted by key (stably: the rows of one key stay in input order) and each key's
/// rows folded in turn, instead of a map with a copy of every key: a national export keeps
/// hundreds of thousands of rows. Revisions and the first error come in input order, as if
/// the rows had been taken one by one.
fn merge_observations(
    observations: Vec<Observation>,
    sources: &[SourceInfo],
    order: &[String],
    revisions: &mut Vec<Revision>,
) -> Result<Vec<Observation>, InputError> {
    let mut observations: Vec<Option<Observation>> = observations
        .into_iter()
        .map(|mut obs| {
            // `0412 - Grov kvinnofridskränkning` and `Grov kvinnofridskränkning` are one type:
            // keep one label, the one without the code, so it is counted once whichever export
            // has it.
            let bare = crate::catalog::strip_code(&obs.crime);
            if bare.len() != obs.crime.len() {
                obs.crime = bare.to_owned();
            }
            Some(obs)
        })
        .collect();
    // Sorting the indices by the ranks of their region codes and labels compares integers
    // instead of strings and moves a word a swap instead of a whole observation; the index
    // breaks ties, so the order is the stable sort's by `key`. Equal ranks are equal texts, so
    // the ranked key also tells where one key's rows end, without comparing the texts again.
    let (regions, crimes) = ranks(observations.iter().flatten());
    let mut order_of: Vec<(u32, u32, i32, Period, usize)> = observations
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, o)| (regions[i], crimes[i], o.year, o.period, i))
        .collect();
    order_of.sort_unstable();
    let mut kept: Vec<Observation> = Vec::with_capacity(observations.len());
    let tagged = order_of.into_iter().filter_map(|(r, c, y, p, i)| {
        let obs = observations[i].take()?;
        Some(((r, c, y, p), i, obs))
    });
    let mut found: Vec<(usize, Revision)> = Vec::new();
    let mut first_error: Option<(usize, InputError)> = None;
    let mut key_failed = false;
    let mut last_key = None;
    for (ranked, index, obs) in tagged {
        let Some(last) = kept.last_mut().filter(|_| last_key == Some(ranked)) else {
            kept.push(obs);
            last_key = Some(ranked);
            key_failed = false;
            continue;
        };
        if key_failed || (last.count == obs.count && last.preliminary == obs.preliminary) {
            continue;
        }
        match fold(last, obs, sources, order) {
            Ok(Some(revision)) => found.push((index, revision)),
            Ok(None) => {}
            Err(e) => {
                key_failed = true;
                if first_error.as_ref().is_none_or(|(i, _)| index < *i) {
                    first_error = Some((index, e));
                }
            }
        }
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    found.sort_by_key(|(index, _)| *index);
    revisions.extend(found.into_iter().map(|(_, r)| r));
    Ok(kept)
}

/// Each observation's rank of its region code and of its crime label among the distinct ones
/// in sorted order, in the order given: equal texts get equal ranks, and ranks compare as the
/// texts do.
fn ranks<'a>(observations: impl Iterator<Item = &'a Observation>) -> (Vec<u32>, Vec<u32>) {
    let mut regions = Ranks::default();
    let mut crimes = Ranks::default();
    for o in observations {
        regions.push(&o.region_code);
        crimes.push(&o.crime);
    }
    (regions.ranks(), crimes.ranks())
}

/// The distinct texts of a column met so far, and each row's id among them (by first sight).
#[derive(Default)]
struct Ranks<'a> {
    ids: std::collections::HashMap<&'a str, u32, super::word_hash::WordHash>,
    rows: Vec<u32>,
    /// The last row's text and id: an export's rows come in runs of one region and one
    /// label, and comparing with the row before is cheaper than hashing.
    last: Option<(&'a str, u32)>,
}

impl<'a> Ranks<'a> {
    fn push(&mut self, text: &'a str) {
        let id = match self.last {
            Some((last, id)) if last == text => id,
            _ => {
                let next = self.ids.len() as u32;
                let id = *self.ids.entry(text).or_insert(next);
                self.last = Some((text, id));
                id
            }
        };
        self.rows.push(id);
    }

    /// The rows' ids turned into ranks in the texts' sorted order.
    fn ranks(self) -> Vec<u32> {
        let mut distinct: Vec<(&str, u32)> = self.ids.into_iter().collect();
        distinct.sort_unstable();
        let mut rank = vec![0; distinct.len()];
        for (r, (_, id)) in distinct.iter().enumerate() {
            rank[*id as usize] = r as u32;
        }
        self.rows.into_iter().map(|id| rank[id as usize]).collect()
    }
}

/// Folds `obs` into `kept` (same key, another value or status): the winner stays in `kept`;
/// the revision when the counts differ.
fn fold(
    kept: &mut Observation,
    obs: Observation,
    sources: &[SourceInfo],
    order: &[String],
) -> Result<Option<Revision>, InputError> {
    let new_wins = if kept.preliminary != obs.preliminary {
        kept.preliminary
    } else {
        newer(
            sources,
            order,
            kept.source,
            obs.source,
            &obs.region_name,
            &obs.crime,
            obs.year,
        )?
    };
    let (old, new) = if new_wins {
        (std::mem::replace(kept, obs), &*kept)
    } else {
        (obs, &*kept)
    };
    Ok((old.count != new.count).then(|| Revision {
        region: new.region_name.clone(),
        crime: new.crime.clone(),
        year: new.year,
        period: (new.period != Period::Year).then(|| new.period.label(new.year)),
        from_parts: false,
        old_value: show(old.count, old.preliminary),
        new_value: show(new.count, new.preliminary),
        old_file: sources[old.source].file.clone(),
        new_file: sources[new.source].file.clone(),
    }))
}

/// One population per region and year, the newer export's when two differ (pushed to
/// `revisions`).
fn merge_population(
    population: Vec<PopulationRow>,
    sources: &[SourceInfo],
    order: &[String],
    revisions: &mut Vec<Revision>,
) -> Result<Vec<PopulationRow>, InputError> {
    let mut pop: BTreeMap<(String, i32), PopulationRow> = BTreeMap::new();
    for row in population {
        let key = (row.region_code.clone(), row.year);
        let Some(kept) = pop.get(&key) else {
            pop.insert(key, row);
            continue;
        };
        if kept.population == row.population {
            continue;
        }
        let new_wins = newer(
            sources,
            order,
            kept.source,
            row.source,
            &row.region_code,
            "Folkmängd",
            row.year,
        )?;
        let (old, new) = if new_wins {
            (kept.clone(), row)
        } else {
            (row, kept.clone())
        };
        revisions.push(Revision {
            region: new.region_code.clone(),
            crime: "Folkmängd".to_owned(),
            year: new.year,
            period: None,
            from_parts: false,
            old_value: old.population.to_string(),
            new_value: new.population.to_string(),
            old_file: sources[old.source].file.clone(),
            new_file: sources[new.source].file.clone(),
        });
        pop.insert(key, new);
    }
    Ok(pop.into_values().collect())
}

fn show(count: Option<u64>, preliminary: bool) -> String {
    let value = count.map_or("..".to_owned(), |c| c.to_string());
    if preliminary {
        format!("{value} (prel.)")
    } else {
        value
    }
}

/// Example data (`exempel_*`) must never be mixed with a real export of crime counts: its
/// invented figures could win over real ones by date. Names the files to remove.
pub fn refuse_mixed_example(dir: &Path, sources: &[SourceInfo]) -> Result<(), InputError> {
    const COUNTS: [Format; 4] = [
        Format::SolLong,
        Format::SolWide,
        Format::BraKommun,
        Format::Kolada,
    ];
    let real = sources
        .iter()
        .find(|s| !s.example_data && COUNTS.contains(&s.format));
    let examples: Vec<&str> = sources
        .iter()
        .filter(|s| s.example_data)
        .map(|s| s.file.as_str())
        .collect();
    match real {
        Some(real) if !examples.is_empty() => Err(InputError::file(
            dir,
            format!(
                "example data is mixed with a real export ({}): the invented figures would be counted as real",
                real.file
            ),
        )
        .value(examples.join(", "))
        .expected(format!(
            "only real exports in the data folder: remove {} (or move the real export elsewhere to try the example)",
            examples.join(", ")
        ))),
        _ => Ok(()),
    }
}

/// True when source `b` is a newer export than source `a`; an error when nothing tells.
pub(super) fn newer(
    sources: &[SourceInfo],
    order: &[String],
    a: usize,
    b: usize,
    region: &str,
    what: &str,
    year: i32,
) -> Result<bool, InputError> {
    let (fa, fb) = (&sources[a].file, &sources[b].file);
    if let (Some(da), Some(db)) = (export_date(fa), export_date(fb))
        && da != db
    {
        return Ok(db > da);
    }
    let rank = |f: &str| order.iter().position(|o| o == f);
    if let (Some(ra), Some(rb)) = (rank(fa), rank(fb)) {
        return Ok(rb > ra);
    }
    Err(InputError::file(
        Path::new(fb),
        format!("{fa} and {fb} give different values for {region} / {what} / {year}, and nothing tells which export is newer"),
    )
    .expected(format!(
        "the export date in each file name (e.g. `sol_2026-03-26.csv`), or `sources = [\"{fa}\", \"{fb}\"]` (oldest first) in pledge.toml, or remove the older file"
    )))
}

#[cfg(test)]
#[path = "merge_tests.rs"]
pub(super) mod tests;
