//! What `validate` learns from the rows of crime types no area uses, in bounded memory: a
//! 64-bit hash of each row's key (region, crime type, year) with its count and line, to find a
//! key given twice with different counts (16 bytes a row, not the row), the crime labels (the
//! first [`LABELS_KEPT`] by name, the rest only counted) and the regions.

use crate::load::canonical::Period;
use crate::load::word_hash::mix;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Crime labels of unused rows kept by name; more are counted, not kept.
pub const LABELS_KEPT: usize = 2_000;
/// Distinct further labels counted (by hash) before the count stops growing.
const LABELS_COUNTED: usize = 1_000_000;
/// Buckets by the top bits of the key hash: each sorted on its own, and a growing bucket
/// reallocates only its share of the keys.
const BUCKETS: usize = 256;

/// One row's key hash, count and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct KeyRow {
    key: u64,
    line: u32,
    count: u32,
}

/// A key given twice with different counts (or a 64-bit hash collision: the caller checks the
/// two lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The first line with the key.
    pub first: usize,
    /// The later line, with another count.
    pub second: usize,
}

/// Row keys, labels and regions of the unused rows of one file (or one part of it).
#[derive(Debug, Clone)]
pub struct Census {
    buckets: Vec<Vec<KeyRow>>,
    /// Labels kept by name (the first [`LABELS_KEPT`] seen).
    pub labels: BTreeSet<String>,
    more_labels: HashSet<u64>,
    /// Whether more labels were seen than could be counted.
    pub labels_overflow: bool,
    /// Every region of the file's rows: code → name.
    pub regions: BTreeMap<String, String>,
    /// Years of the rows as bits from 1900 (parse_year accepts 1900–2100).
    years: [u64; 4],
    /// Preliminary years, the same way.
    preliminary: [u64; 4],
}

impl Census {
    /// An empty census expecting about `rows` rows (space is reserved up front, so the keys
    /// take 16 bytes a row and never twice that while growing).
    pub fn new(rows: usize) -> Self {
        let per = rows / BUCKETS + rows / BUCKETS / 8 + 16;
        Census {
            buckets: (0..BUCKETS).map(|_| Vec::with_capacity(per)).collect(),
            labels: BTreeSet::new(),
            more_labels: HashSet::new(),
            labels_overflow: false,
            regions: BTreeMap::new(),
            years: [0; 4],
            preliminary: [0; 4],
        }
    }

    /// Records the year of a row.
    pub fn year(&mut self, year: i32, preliminary: bool) {
        let bit = (year - 1900).clamp(0, 255) as usize;
        self.years[bit / 64] |= 1 << (bit % 64);
        if preliminary {
            self.preliminary[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// The years of the rows, and those of them that were preliminary.
    pub fn years(&self) -> (Vec<i32>, Vec<i32>) {
        let list = |bits: &[u64; 4]| {
            (0..256)
                .filter(|b| bits[b / 64] & (1 << (b % 64)) != 0)
                .map(|b| 1900 + b as i32)
                .collect()
        };
        (list(&self.years), list(&self.preliminary))
    }

    /// Records one unused row: `crime` is [`label_hash`] of its decoded label.
    pub fn row(
        &mut self,
        crime: u64,
        region_code: &str,
        (year, period): (i32, Period),
        count: Option<u64>,
        line: usize,
    ) {
        let mut key = crime;
        for b in region_code.bytes() {
            key = (key ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        // Months and quarters of one year are different rows: the period is part of the key.
        let period = match period {
            Period::Year => 0,
            Period::Quarter(q) => 16 + u64::from(q),
            Period::Month(m) => 32 + u64::from(m),
        };
        key = mix(key ^ ((year as u64) << 8 | period).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        // Counts above 4 294 967 293 are told apart from each other by nothing: none exist.
        let count = count.map_or(u32::MAX, |c| c.min(u64::from(u32::MAX - 1)) as u32);
        let bucket = &mut self.buckets[(key >> 56) as usize];
        if bucket.len() == bucket.capacity() {
            // Grow by a quarter, not double: the keys stay near 16 bytes a row.
            bucket.reserve_exact(bucket.capacity() / 4 + 16);
        }
        bucket.push(KeyRow {
            key,
            line: line.min(u32::MAX as usize) as u32,
            count,
        });
    }

    /// Records a label of unused rows (once per label and run of rows is enough). The labels
    /// first in sort order are kept, whatever order the parts of the file were read in.
    pub fn label(&mut self, label: &str, hash: u64) {
        if self.labels.contains(label) {
            return;
        }
        if self.labels.len() < LABELS_KEPT {
            self.labels.insert(label.to_owned());
            return;
        }
        let later = self.labels.last().is_some_and(|last| label > last.as_str());
        if later {
            self.count_more(hash);
        } else if let Some(last) = self.labels.pop_last() {
            // A label once pushed out is never smaller than the kept ones: counted once.
            self.count_more(label_hash(last.as_bytes()));
            self.labels.insert(label.to_owned());
        }
    }

    fn count_more(&mut self, hash: u64) {
        if self.more_labels.len() < LABELS_COUNTED {
            self.more_labels.insert(hash);
        } else if !self.more_labels.contains(&hash) {
            self.labels_overflow = true;
        }
    }

    /// Distinct unused labels seen beyond those kept by name (a lower bound when
    /// [`Census::labels_overflow`]).
    pub fn more_labels(&self) -> usize {
        self.more_labels.len()
    }

    /// Takes in the census of a later part of the same file.
    pub fn absorb(&mut self, other: Census) {
        for (mine, theirs) in self.buckets.iter_mut().zip(other.buckets) {
            mine.extend(theirs);
        }
        for label in other.labels {
            let hash = label_hash(label.as_bytes());
            self.label(&label, hash);
        }
        for hash in other.more_labels {
            self.count_more(hash);
        }
        self.labels_overflow |= other.labels_overflow;
        self.regions.extend(other.regions);
        for i in 0..4 {
            self.years[i] |= other.years[i];
            self.preliminary[i] |= other.preliminary[i];
        }
    }

    /// Keys given twice with different counts, earliest second line first; frees the keys.
    pub fn conflicts(&mut self) -> Vec<Conflict> {
        let mut found = Vec::new();
        for bucket in &mut self.buckets {
            bucket.sort_unstable();
            for pair in bucket.windows(2) {
                if pair[0].key == pair[1].key && pair[0].count != pair[1].count {
                    found.push(Conflict {
                        first: pair[0].line as usize,
                        second: pair[1].line as usize,
                    });
                }
            }
            *bucket = Vec::new();
        }
        found.sort_by_key(|c| (c.second, c.first));
        found
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A 64-bit hash of a crime label's text (FNV-1a, then mixed): the same label always gives the
/// same hash, whatever thread or run.
pub fn label_hash(label: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for b in label {
        h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

#[cfg(test)]
#[path = "census_tests.rs"]
mod tests;
