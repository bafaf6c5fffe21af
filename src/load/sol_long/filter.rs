//! Which crime labels a run keeps: decided once per label, remembered for runs of rows.

use crate::catalog;
use std::collections::HashMap;

/// Labels whose decision is remembered.
const DECIDED_KEPT: usize = 100_000;

/// Which crime labels to keep: those matching any pattern (decided once per label).
#[derive(Debug, Clone, Default)]
pub struct CrimeFilter {
    patterns: Vec<String>,
    decided: HashMap<String, bool>,
    /// Exports are sorted by crime within a region: the last label decides most rows.
    pub(super) last: Option<(String, bool)>,
}

impl CrimeFilter {
    /// Keeps the labels matching any of `patterns` (`*` = any text, see [`catalog::matches`]).
    pub fn new(patterns: Vec<String>) -> Self {
        CrimeFilter {
            patterns,
            decided: HashMap::new(),
            last: None,
        }
    }

    /// True when rows of this crime label are kept.
    pub fn keeps(&mut self, label: &str) -> bool {
        if let Some((last, keep)) = &self.last
            && last == label
        {
            return *keep;
        }
        let keep = match self.decided.get(label) {
            Some(keep) => *keep,
            None => {
                let keep = self.patterns.iter().any(|p| catalog::matches(p, label));
                // Millions of distinct labels must not grow memory: beyond this many, labels
                // are matched again each time (runs of rows still hit `last`).
                if self.decided.len() < DECIDED_KEPT {
                    self.decided.insert(label.to_owned(), keep);
                }
                keep
            }
        };
        self.last = Some((label.to_owned(), keep));
        keep
    }
}
