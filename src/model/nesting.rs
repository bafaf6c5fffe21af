//! A total and its parts both matched by one area's patterns, and which of them the area
//! counts. Serialised as `nested` in each area of `summary.json`.
//!
//! SOL's crime labels form a tree: `Brott mot narkotikastrafflagen, eget bruk` lies under
//! `Brott mot narkotikastrafflagen`, and everything lies under `Totalt antal brott`. Summing a
//! total and its parts counts every crime twice. The rule (`catalog::nesting`): count the total
//! when the data has figures for it, else its parts; never both.

use serde::Serialize;

/// One total whose parts the area's patterns also matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nesting {
    /// The total's label.
    pub total: String,
    /// Its parts among the matched labels, sorted.
    pub parts: Vec<String>,
    /// Which of the two the area counts.
    pub counted: Counted,
}

/// Which side of a total and its parts an area counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// The total (it has figures): the parts are left out.
    Total,
    /// The parts: the total has no figures in the data (`..` only, as SOL echoes the parents
    /// of the chosen types).
    Parts,
}
