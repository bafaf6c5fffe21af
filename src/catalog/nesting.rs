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
mod tests {
    use super::*;

    fn labels(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_label_continued_by_a_comma_is_a_part_of_it() {
        let total = "Brott mot narkotikastrafflagen";
        assert!(is_part_of(
            "Brott mot narkotikastrafflagen, eget bruk",
            total
        ));
        assert!(is_part_of("Misshandel, därav grov", "Misshandel"));
        assert!(is_part_of(
            "5011 - Brott mot narkotikastrafflagen, Eget bruk",
            total
        ));
        assert!(is_part_of("Misshandel inkl. grov", "Totalt antal brott"));
        assert!(!is_part_of(total, total));
        assert!(!is_part_of("Brott mot narkotikastrafflagen 2", total));
        assert!(!is_part_of("Narkotikabrott, eget bruk", total));
        assert!(!is_part_of("Misshandel inkl. grov", "Misshandel"));
    }

    #[test]
    fn a_total_with_figures_is_counted_and_its_parts_left_out() {
        let crimes = labels(&[
            "Brott mot narkotikastrafflagen",
            "Brott mot narkotikastrafflagen, eget bruk",
            "Brott mot narkotikastrafflagen, innehav",
            "Dopningsbrott",
        ]);
        let (kept, nested) = resolve(&crimes, |_| true);
        assert_eq!(
            kept,
            labels(&["Brott mot narkotikastrafflagen", "Dopningsbrott"])
        );
        assert_eq!(nested.len(), 1);
        assert_eq!(nested[0].counted, Counted::Total);
        assert_eq!(nested[0].parts.len(), 2);
    }

    #[test]
    fn a_total_without_figures_gives_way_to_its_parts() {
        let crimes = labels(&[
            "Brott mot narkotikastrafflagen",
            "Brott mot narkotikastrafflagen, eget bruk",
            "Brott mot narkotikastrafflagen, innehav",
        ]);
        let (kept, nested) = resolve(&crimes, |l| l.contains(','));
        assert_eq!(kept, crimes[1..].to_vec());
        assert_eq!(nested[0].counted, Counted::Parts);
    }

    #[test]
    fn the_total_of_all_crime_swallows_everything_under_it() {
        let crimes = labels(&[
            "Misshandel",
            "Misshandel, därav grov",
            "Rån",
            "Totalt antal brott",
        ]);
        let (kept, nested) = resolve(&crimes, |_| true);
        assert_eq!(kept, labels(&["Totalt antal brott"]));
        assert_eq!(
            nested.len(),
            1,
            "one record, for the outermost counted total"
        );
        assert_eq!(nested[0].parts.len(), 3);
    }

    #[test]
    fn three_levels_count_the_highest_level_with_figures_only() {
        let crimes = labels(&["A", "A, b", "A, b, c", "A, d"]);
        // `A` is only `..`: its parts `A, b` (with its own part) and `A, d` are counted.
        let (kept, nested) = resolve(&crimes, |l| l != "A");
        assert_eq!(kept, labels(&["A, b", "A, d"]));
        let totals: Vec<(&str, Counted)> = nested
            .iter()
            .map(|n| (n.total.as_str(), n.counted))
            .collect();
        assert_eq!(totals, [("A", Counted::Parts), ("A, b", Counted::Total)]);
    }
}
