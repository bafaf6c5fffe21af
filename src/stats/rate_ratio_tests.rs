//! Unit tests for `rate_ratio.rs`: the reference values of `docs/statistics.md` and edge cases
//! (zero counts, too-short series, population 0, non-finite input; no NaN may escape).

use super::*;
use crate::stats::test_util::{assert_close, assert_doc};

fn some(v: Option<f64>) -> f64 {
    v.expect("value expected")
}

#[test]
fn rateratio_test_2_vs_9_matches_r_exactci() {
    let r = exact_rate_ratio(2, 17877.0, 9, 16660.0, 0.95);
    assert_doc(some(r.rate_ratio), 0.2070942, 7);
    assert_doc(some(r.ci_low), 0.02177406, 8);
    assert_doc(some(r.ci_high), 1.00054910, 8);
    assert_close(r.p_value, 0.05011, 5e-6);
}

#[test]
fn twenty_vs_twelve_with_equal_person_years_matches_reference() {
    let r = exact_rate_ratio(20, 1.0, 12, 1.0, 0.95);
    assert_close(some(r.rate_ratio), 1.6667, 5e-5);
    assert_doc(some(r.ci_low), 0.775954, 6);
    assert_doc(some(r.ci_high), 3.739329, 6);
    assert!(r.p_value > 0.05);
}

#[test]
fn thirty_over_9450_vs_eighteen_over_9500_matches_reference() {
    let r = exact_rate_ratio(30, 9450.0, 18, 9500.0, 0.95);
    assert_doc(some(r.rate_ratio), 1.675485, 6);
    assert_doc(some(r.ci_low), 0.904115, 6);
    assert_doc(some(r.ci_high), 3.191774, 6);
}

#[test]
fn p_value_is_central_twice_the_smaller_tail() {
    // 15 vs 5, equal time: X ~ Bin(20, ½), P(X ≥ 15) = 21700/2^20.
    let r = exact_rate_ratio(15, 1.0, 5, 1.0, 0.95);
    assert_close(r.p_value, 2.0 * 21700.0 / 1_048_576.0, 1e-12);
    // Equal counts and times: p = min(1, 2·P(X ≤ 5)) = 1.
    assert_eq!(exact_rate_ratio(5, 1.0, 5, 1.0, 0.95).p_value, 1.0);
}

#[test]
fn zero_events_in_both_periods_gives_nothing_and_p_1() {
    let r = exact_rate_ratio(0, 1.0, 0, 1.0, 0.95);
    assert_eq!(r, RateRatio::empty());
}

#[test]
fn zero_baseline_has_no_ratio_and_an_infinite_upper_limit() {
    let r = exact_rate_ratio(4, 1.0, 0, 1.0, 0.95);
    assert_eq!(r.rate_ratio, None);
    assert_eq!(r.ci_high, None);
    assert!(some(r.ci_low) > 0.0);
    // P(X ≥ 4 | Bin(4, ½)) = 1/16, so p = 1/8.
    assert_close(r.p_value, 0.125, 1e-12);
}

#[test]
fn zero_pledge_count_has_ratio_0_and_lower_limit_0() {
    let r = exact_rate_ratio(0, 1.0, 7, 1.0, 0.95);
    assert_eq!(r.rate_ratio, Some(0.0));
    assert_eq!(r.ci_low, Some(0.0));
    // p_U = 1 − 0.025^(1/7) (Clopper–Pearson with x = 0).
    let pu = 1.0 - 0.025f64.powf(1.0 / 7.0);
    assert_close(some(r.ci_high), pu / (1.0 - pu), 1e-9);
    assert_close(r.p_value, 2.0 / 128.0, 1e-12);
}

#[test]
fn invalid_person_years_give_nothing_and_p_1() {
    for (t1, t2) in [
        (0.0, 1.0),
        (1.0, 0.0),
        (-1.0, 1.0),
        (f64::NAN, 1.0),
        (1.0, f64::INFINITY),
    ] {
        assert_eq!(exact_rate_ratio(3, t1, 4, t2, 0.95), RateRatio::empty());
    }
    assert_eq!(
        exact_rate_ratio(u64::MAX, 1.0, 1, 1.0, 0.95),
        RateRatio::empty()
    );
}

#[test]
fn huge_counts_use_the_normal_approximation_without_nan() {
    let r = exact_rate_ratio(600_000_000, 1.0, 500_000_000, 1.0, 0.95);
    assert_close(some(r.rate_ratio), 1.2, 1e-12);
    assert!(some(r.ci_low) < 1.2 && some(r.ci_high) > 1.2);
    assert!(r.p_value < 1e-10);
    let same = exact_rate_ratio(500_000_000, 1.0, 500_000_000, 1.0, 0.95);
    assert_eq!(same.p_value, 1.0);
    let zero = exact_rate_ratio(0, 1.0, 500_000_000, 1.0, 0.95);
    assert_eq!(zero.ci_low, Some(0.0));
    assert!(some(zero.ci_high) > 0.0);
}

#[test]
fn detectable_increase_matches_the_doc_for_all_six_baselines() {
    for (base, need) in [(5, 15), (10, 23), (15, 29), (20, 36), (30, 49), (50, 73)] {
        let (inc, _) = detectable_counts(base, 1.0, 1.0, 0.05);
        assert_eq!(inc, Some(need), "baseline {base}");
    }
}

#[test]
fn detectable_decrease_is_none_when_even_zero_is_not_significant() {
    // Baseline 5: P(X ≤ 0 | Bin(5, ½)) = 1/32, p = 1/16 > 0.05.
    assert_eq!(detectable_counts(5, 1.0, 1.0, 0.05).1, None);
    assert_eq!(detectable_counts(0, 1.0, 1.0, 0.05).1, None);
    // Baseline 6: 0 gives p = 2/64 < 0.05, 1 gives p = 2·8/128 > 0.05.
    assert_eq!(detectable_counts(6, 1.0, 1.0, 0.05).1, Some(0));
}

#[test]
fn detectable_counts_agree_with_a_brute_force_scan() {
    for (t1, t2) in [(1.0, 1.0), (1.0, 3.0), (9450.0, 9500.0), (2.0, 1.0)] {
        for base in 0..60u64 {
            let p = |x1: u64| exact_rate_ratio(x1, t1, base, t2, 0.95).p_value;
            let rate2 = base as f64 / t2;
            let inc = (0..2000u64).find(|&x| x as f64 / t1 > rate2 && p(x) < 0.05);
            let dec = (0..2000u64)
                .rev()
                .find(|&x| (x as f64 / t1) < rate2 && p(x) < 0.05);
            assert_eq!(
                detectable_counts(base, t1, t2, 0.05),
                (inc, dec),
                "{base} {t1} {t2}"
            );
        }
    }
}

#[test]
fn detectable_counts_handle_zero_baseline_and_bad_input() {
    // Baseline 0, equal time: x1 events, P(X ≥ x1) = 2^-x1, p = 2^(1-x1) < 0.05 at 6.
    assert_eq!(detectable_counts(0, 1.0, 1.0, 0.05), (Some(6), None));
    assert_eq!(detectable_counts(10, 0.0, 1.0, 0.05), (None, None));
    assert_eq!(detectable_counts(10, 1.0, f64::NAN, 0.05), (None, None));
    assert_eq!(detectable_counts(10, 1.0, 1.0, 0.0), (None, None));
    assert_eq!(detectable_counts(10, 1.0, 1.0, f64::NAN), (None, None));
    let (inc, dec) = detectable_counts(u64::MAX, 1.0, 1.0, 0.05);
    assert!(inc.is_none() && dec.is_none());
    let (inc, dec) = detectable_counts(10_000_000, 1.0, 1.0, 0.05);
    assert!(inc.is_some_and(|x| x > 10_000_000) && dec.is_some_and(|x| x < 10_000_000));
}
