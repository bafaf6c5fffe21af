//! Unit tests of `src/catalog/nesting.rs`.

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
