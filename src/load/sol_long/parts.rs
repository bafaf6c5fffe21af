//! The parts of one file read in ranges by several workers, taken in in file order.

use super::{Parser, SolLong};
use crate::error::InputError;
use crate::load::canonical::Observation;
use crate::load::word_hash::WordHash;
use std::hash::BuildHasher;

impl Parser<'_> {
    /// Takes in every range's result in file order, as [`Parser::absorb`] of each in turn
    /// would, stopping at the first error (a range's own, or a key given twice across ranges).
    /// Each range is free of repeated keys already (its worker checked it), so when no key
    /// comes twice across ranges (a sorted export: always) the parts are joined without the
    /// key-by-key check; otherwise they are absorbed one by one.
    pub fn absorb_all(
        &mut self,
        parts: Vec<Result<SolLong, InputError>>,
    ) -> Result<(), InputError> {
        let read = parts.iter().take_while(|p| p.is_ok()).count();
        let unique = {
            let ok = parts[..read].iter().filter_map(|p| p.as_ref().ok());
            no_key_twice(ok.flat_map(|p| p.observations.iter()))
        };
        if !unique || !self.out.observations.is_empty() {
            for part in parts {
                self.absorb(part?)?;
            }
            return Ok(());
        }
        let total: usize = parts[..read]
            .iter()
            .filter_map(|p| p.as_ref().ok())
            .map(|p| p.observations.len())
            .sum();
        self.out.observations.reserve(total);
        for part in parts {
            let part = part?;
            self.out.rows_read += part.rows_read;
            self.out.helar_lines.extend(part.helar_lines);
            self.out.observations.extend(part.observations);
        }
        Ok(())
    }
}

/// True when no two observations share region, crime, year and period.
///
/// Each key is hashed to one word and the words sorted: with no two words equal no key can
/// come twice, and that is all a sorted export ever needs. Only when two words are equal (a
/// key given twice, or two keys with one hash) are the keys themselves compared.
fn no_key_twice<'a>(observations: impl Iterator<Item = &'a Observation> + Clone) -> bool {
    let mut words: Vec<u64> = observations.clone().map(key_word).collect();
    words.sort_unstable();
    if words.windows(2).all(|w| w[0] != w[1]) {
        return true;
    }
    let mut keys =
        std::collections::HashSet::with_capacity_and_hasher(words.len(), WordHash::default());
    observations
        .into_iter()
        .all(|o| keys.insert((o.region_code.as_str(), o.crime.as_str(), o.year, o.period)))
}

/// One word for an observation's region, crime, year and period: equal keys, equal words.
fn key_word(o: &Observation) -> u64 {
    WordHash::default().hash_one((o.region_code.as_str(), o.crime.as_str(), o.year, o.period))
}

#[cfg(test)]
#[path = "parts_tests.rs"]
mod tests;
