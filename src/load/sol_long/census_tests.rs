//! Unit tests of `src/load/sol_long/census.rs`.

use super::*;

#[test]
fn a_key_with_two_counts_is_a_conflict_and_an_exact_repeat_is_not() {
    let mut c = Census::new(10);
    let a = label_hash(b"Bedr\xc3\xa4geri");
    c.row(a, "2132", (2020, Period::Year), Some(5), 2);
    c.row(a, "2132", (2021, Period::Year), Some(5), 3);
    c.row(a, "2132", (2020, Period::Year), Some(5), 4);
    c.row(a, "2184", (2020, Period::Year), None, 5);
    assert!(c.clone().conflicts().is_empty());
    c.row(a, "2132", (2021, Period::Year), Some(6), 9);
    assert_eq!(
        c.conflicts(),
        [Conflict {
            first: 3,
            second: 9
        }]
    );
}

#[test]
fn months_and_quarters_of_one_year_are_different_keys() {
    let mut c = Census::new(10);
    let a = label_hash(b"Skadeg\xc3\xb6relse");
    c.row(a, "2132", (2026, Period::Year), Some(40), 2);
    c.row(a, "2132", (2026, Period::Quarter(1)), Some(12), 3);
    c.row(a, "2132", (2026, Period::Month(1)), Some(3), 4);
    c.row(a, "2132", (2026, Period::Month(2)), Some(5), 5);
    assert!(c.clone().conflicts().is_empty());
    c.row(a, "2132", (2026, Period::Month(2)), Some(6), 9);
    assert_eq!(
        c.conflicts(),
        [Conflict {
            first: 5,
            second: 9
        }]
    );
}

#[test]
fn labels_beyond_the_kept_ones_are_counted_not_kept_whatever_the_order() {
    let labels: Vec<String> = (0..LABELS_KEPT + 50)
        .map(|i| format!("Brott {i:05}"))
        .collect();
    let mut forward = Census::new(0);
    let mut backward = Census::new(0);
    for label in &labels {
        forward.label(label, label_hash(label.as_bytes()));
        forward.label(label, label_hash(label.as_bytes()));
    }
    for label in labels.iter().rev() {
        backward.label(label, label_hash(label.as_bytes()));
    }
    assert_eq!(forward.labels.len(), LABELS_KEPT);
    assert_eq!(forward.more_labels(), 50);
    assert_eq!(forward.labels, backward.labels);
    assert_eq!(backward.more_labels(), 50);
    assert_eq!(
        forward.labels.last().unwrap(),
        &format!("Brott {:05}", LABELS_KEPT - 1)
    );
}
