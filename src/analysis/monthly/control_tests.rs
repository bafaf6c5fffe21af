//! Unit tests of `src/analysis/monthly/control.rs`.

use super::*;
use crate::stats::test_util::assert_doc;

/// statistics.md §6: 24 months → c̄ 2.041667, UCL 6.328274, LCL 0 (φ ≤ 1 here).
#[test]
fn c_chart_limits_match_section_6() {
    let y = [
        2, 1, 3, 0, 2, 4, 1, 2, 3, 1, 0, 2, 5, 2, 1, 3, 2, 2, 1, 4, 3, 2, 1, 2,
    ]
    .map(f64::from);
    let (centre, lower, upper, phi) = limits(&y).expect("limits");
    assert_doc(centre, 2.041667, 6);
    assert_doc(upper, 6.328274, 6);
    assert_eq!((lower, phi), (0.0, 1.0));
}

#[test]
fn overdispersed_counts_widen_the_limits() {
    let y = [0.0, 10.0, 0.0, 10.0, 0.0, 10.0];
    let (centre, _, upper, phi) = limits(&y).expect("limits");
    assert_doc(phi, 6.0, 9);
    assert_doc(upper, centre + 3.0 * (6.0 * 5.0f64).sqrt(), 9);
    assert!(limits(&[0.0, 0.0]).is_none());
}
