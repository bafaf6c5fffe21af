//! Totals and their parts among one area's crime labels: never count both.
//!
//! SOL's crime types form a tree, and its labels show it: a part is its total's label continued
//! by `, …` (`Brott mot narkotikastrafflagen, eget bruk` under `Brott mot
//! narkotikastrafflagen`, `Misshandel, därav grov` under `Misshandel`), and every type lies
//! under `Totalt antal brott`. A pattern such as `Brott mot narkotikastrafflagen*` or `*`
//! matches a total and its parts, and summing them counts every crime twice.
//!
//! The rule: count the total when the data has figures for it, and leave its parts out; count
//! the parts only when the total has none (SOL echoes the parents of the chosen types with
//! `..` in every cell). The total covers sub-types the export may not list, so it is the safer
//! of the two when both have figures.

use super::{TOTAL_CRIME_LABEL, strip_code};
use crate::model::nesting::{Counted, Nesting};

/// True when `part` lies under `total` in SOL's tree of crime types, judged by the labels:
/// `total` continued by `, ` (the police code and case do not matter), or `total` is
/// `Totalt antal brott`.
pub fn is_part_of(part: &str, total: &str) -> bool {
    let part = part.trim().to_lowercase();
    let total = total.trim().to_lowercase();
    let (part, total) = (strip_code(&part), strip_code(&total));
    if part == total {
        return false;
    }
    if total == TOTAL_CRIME_LABEL.to_lowercase() {
        return true;
    }
    part.strip_prefix(total)
        .is_some_and(|rest| rest.starts_with(", "))
}

/// The labels an area counts (in the order given) and the totals whose parts it also matched.
/// `has_figures` says whether the data has any count (not `..`) for a label.
pub fn resolve(
    crimes: &[String],
    has_figures: impl Fn(&str) -> bool,
) -> (Vec<String>, Vec<Nesting>) {
    let under_counted_total = |label: &str| {
        crimes
            .iter()
            .any(|t| is_part_of(label, t) && has_figures(t))
    };
    let parts_of = |total: &str| -> Vec<String> {
        let mut parts: Vec<String> = crimes
            .iter()
            .filter(|c| is_part_of(c, total))
            .cloned()
            .collect();
        parts.sort();
        parts
    };
    let mut kept = Vec::new();
    let mut nested = Vec::new();
    for label in crimes {
        if under_counted_total(label) {
            continue;
        }
        let parts = parts_of(label);
        if parts.is_empty() {
            kept.push(label.clone());
            continue;
        }
        let counted = if has_figures(label) {
            kept.push(label.clone());
            Counted::Total
        } else {
            Counted::Parts
        };
        nested.push(Nesting {
            total: label.clone(),
            parts,
            counted,
        });
    }
    (kept, nested)
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
