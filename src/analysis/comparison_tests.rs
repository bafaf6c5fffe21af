//! Unit tests of `src/analysis/comparison.rs`.

use super::*;

#[test]
fn a_partial_sum_is_labelled_with_how_many_kommuner_it_holds() {
    let label = partial_label(
        KommunCount {
            present: 8,
            total: 10,
        },
        "Gävleborgs län",
    );
    assert_eq!(label, "summan av 8 av 10 kommuner i Gävleborgs län");
}
