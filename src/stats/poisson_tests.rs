//! Unit tests for `poisson.rs`: the reference values of `docs/statistics.md` and edge cases
//! (zero counts, too-short series, population 0, non-finite input; no NaN may escape).

use super::*;
use crate::stats::test_util::assert_close;

const TABLE: [(u64, f64, f64); 8] = [
    (0, 0.0, 3.688879),
    (1, 0.025318, 5.571643),
    (2, 0.242209, 7.224688),
    (5, 1.623486, 11.668332),
    (10, 4.795389, 18.390356),
    (20, 12.216520, 30.888378),
    (50, 37.110964, 65.918767),
    (100, 81.363991, 121.626794),
];

#[test]
fn garwood_interval_matches_the_table_for_every_count() {
    // The table has 6 decimals: test to half a unit in the last place.
    for (x, lo, hi) in TABLE {
        let (l, h) = garwood_interval(x, 0.95);
        assert_close(l, lo, 5e-7);
        assert_close(h, hi, 5e-7);
    }
}

#[test]
fn garwood_interval_is_exact_in_closed_form_for_x_0_and_1() {
    // Gamma(1,1) is exponential: quantiles are −ln(1−p).
    let (l0, h0) = garwood_interval(0, 0.95);
    assert_eq!(l0, 0.0);
    let (l1, _) = garwood_interval(1, 0.95);
    assert_close(l1, -(0.975f64).ln(), 1e-12);
    assert_close(h0, -(0.025f64).ln(), 1e-9);
}

#[test]
fn poisson_test_137_over_24_19893_matches_r() {
    let t = 24.19893;
    assert_close(137.0 / t, 5.661407, 5e-7);
    let (lo, hi) = garwood_rate_interval(137, t, 0.95).expect("valid exposure");
    assert_close(lo, 4.753125, 5e-7);
    assert_close(hi, 6.692709, 5e-7);
}

#[test]
fn garwood_interval_for_huge_counts_is_finite_and_close_to_normal() {
    for x in [1_000_000u64, 2_000_000, 10_u64.pow(12), u64::MAX] {
        let (l, h) = garwood_interval(x, 0.95);
        let xf = x as f64;
        assert!(l.is_finite() && h.is_finite() && l < xf && h > xf);
        assert!((l - (xf - 1.959964 * xf.sqrt())).abs() < 1e-3 * xf.sqrt() + 2.0);
    }
    // Both sides of the switch to Wilson–Hilferty agree.
    let (l, h) = garwood_interval(1_000_000, 0.95);
    assert_close(l, 998_040.983_340_293_9, 1e-4);
    assert_close(h, 1_001_961.911_945_432_2, 1e-4);
}

#[test]
fn garwood_interval_with_invalid_level_uses_95_percent() {
    assert_eq!(garwood_interval(10, f64::NAN), garwood_interval(10, 0.95));
    assert_eq!(garwood_interval(10, 1.5), garwood_interval(10, 0.95));
    let (l, h) = garwood_interval(10, 0.999_999_999);
    assert!(l.is_finite() && h.is_finite() && l > 0.0);
}

#[test]
fn rate_per_100k_scales_and_rejects_zero_population() {
    assert_close(rate_per_100k(19.0, 9500.0).expect("valid"), 200.0, 1e-9);
    assert_eq!(rate_per_100k(0.0, 9500.0), Some(0.0));
    assert_eq!(rate_per_100k(5.0, 0.0), None);
    assert_eq!(rate_per_100k(5.0, -3.0), None);
    assert_eq!(rate_per_100k(5.0, f64::NAN), None);
    assert_eq!(rate_per_100k(f64::NAN, 100.0), None);
    assert_eq!(rate_per_100k(-1.0, 100.0), None);
    assert_eq!(garwood_rate_interval(5, 0.0, 0.95), None);
}

#[test]
fn poisson_cdf_matches_closed_form_and_edges() {
    // P(X ≤ 2 | 3) = e^-3 (1 + 3 + 4.5)
    assert_close(poisson_cdf(2, 3.0), (-3.0f64).exp() * 8.5, 1e-12);
    assert_close(poisson_cdf(0, 10.0), (-10.0f64).exp(), 1e-15);
    assert_eq!(poisson_cdf(-1, 3.0), 0.0);
    assert_eq!(poisson_cdf(0, 0.0), 1.0);
    assert_eq!(poisson_cdf(5, f64::NAN), 1.0);
    assert_eq!(poisson_cdf(5, f64::INFINITY), 0.0);
    let big = poisson_cdf(1_000_000_000, 1e9);
    assert!((big - 0.5).abs() < 1e-3);
    assert!(poisson_cdf(i64::MAX, 1e300).is_finite());
}

#[test]
fn a_remembered_interval_is_the_one_computed() {
    // Twice each (the second from the cache), at two levels: the same bits as computed.
    for x in [0, 1, 7, 137, 52_345, 2_000_000] {
        for level in [0.95, 0.8] {
            let computed = garwood_uncached(x, level);
            assert_eq!(garwood_interval(x, level), computed);
            assert_eq!(garwood_interval(x, level), computed);
        }
    }
}
