//! Unit tests of `src/stats/multiple.rs`.

use super::*;
use crate::stats::test_util::assert_close;

#[test]
fn section_8d_reference_values() {
    let adj = holm(&[0.012, 0.04, 0.30, 0.02]);
    for (a, e) in adj.iter().zip([0.048, 0.08, 0.30, 0.06]) {
        assert_close(*a, e, 1e-12);
    }
}

#[test]
fn one_comparison_is_unchanged_and_nan_counts_as_one() {
    assert_eq!(holm(&[0.03]), vec![0.03]);
    assert_eq!(holm(&[]), Vec::<f64>::new());
    assert_eq!(holm(&[f64::NAN, 0.01]), vec![1.0, 0.02]);
    assert_eq!(holm(&[0.9, 0.3]), vec![0.9, 0.6]);
}
