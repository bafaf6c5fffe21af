//! Unit tests for `trend.rs`: the reference values of `docs/statistics.md` and edge cases
//! (zero counts, too-short series, population 0, non-finite input; no NaN may escape).

use super::*;
use crate::stats::test_util::{assert_close, assert_doc};

const POP: [f64; 10] = [
    9550.0, 9520.0, 9480.0, 9470.0, 9460.0, 9450.0, 9430.0, 9420.0, 9400.0, 9390.0,
];
const A: [f64; 10] = [14.0, 11.0, 17.0, 15.0, 19.0, 22.0, 18.0, 25.0, 23.0, 27.0];
const B: [f64; 10] = [14.0, 6.0, 21.0, 9.0, 25.0, 12.0, 30.0, 15.0, 33.0, 20.0];

fn years(n: usize) -> Vec<f64> {
    (0..n).map(|i| i as f64).collect()
}

#[test]
fn data_a_matches_statsmodels_poisson_glm() {
    let f = fit_poisson_trend(&years(10), &A, &POP).expect("fit");
    assert_doc(f.beta0, -6.604672, 6);
    assert_doc(f.beta1, 0.082856, 6);
    assert_doc(f.se_poisson, 0.025604, 6);
    assert_doc(f.deviance, 2.325287, 6);
    assert_doc(f.pearson_chi2, 2.279643, 6);
    assert_doc(f.dispersion, 0.284955, 6);
    assert_eq!(f.dispersion_used, 1.0);
    assert_eq!(f.se, f.se_poisson);
}

#[test]
fn data_a_irr_interval_matches_with_the_exact_normal_quantile() {
    let f = fit_poisson_trend(&years(10), &A, &POP).expect("fit");
    assert_doc(f.annual_change + 1.0, 1.086385, 6);
    assert_doc(f.ci_low + 1.0, 1.033213, 6);
    assert_doc(f.ci_high + 1.0, 1.142294, 6);
    // Under-dispersed, so the p-value is from the normal distribution.
    let z = f.beta1 / f.se;
    assert_close(f.p_value, 2.0 * Normal::standard().sf(z), 1e-15);
}

#[test]
fn data_b_is_significant_as_poisson_but_not_after_quasi_scaling() {
    let f = fit_poisson_trend(&years(10), &B, &POP).expect("fit");
    assert_doc(f.beta1, 0.088945, 6);
    assert_doc(f.se_poisson, 0.026082, 6);
    let p_poisson = 2.0 * Normal::standard().sf(f.beta1 / f.se_poisson);
    assert_doc(p_poisson, 0.000649, 6);
    assert_close(f.dispersion, 3.4656, 5e-5);
    assert_eq!(f.dispersion_used, f.dispersion);
    assert_doc(f.se, 0.048554, 6);
    assert_close(f.p_value, 0.1043, 5e-5);
}

#[test]
fn residuals_and_fitted_values_are_consistent() {
    let f = fit_poisson_trend(&years(10), &B, &POP).expect("fit");
    assert_eq!(f.fitted.len(), 10);
    assert_eq!(f.pearson_residuals.len(), 10);
    // Score equations: Σ(y − μ) = 0 at the MLE.
    let resid_sum: f64 = B.iter().zip(&f.fitted).map(|(y, m)| y - m).sum();
    assert_close(resid_sum, 0.0, 1e-8);
    let x2: f64 = f.pearson_residuals.iter().map(|r| r * r).sum();
    assert_close(x2, f.pearson_chi2, 1e-10);
}

#[test]
fn a_flat_series_has_zero_change() {
    let f = fit_poisson_trend(&[0.0, 1.0, 2.0], &[5.0, 5.0, 5.0], &[100.0; 3]).expect("fit");
    assert_close(f.beta1, 0.0, 1e-12);
    assert_close(f.annual_change, 0.0, 1e-12);
    assert_close(f.beta0, (0.05f64).ln(), 1e-12);
    assert!(f.p_value > 0.99);
}

#[test]
fn zeros_in_the_series_are_fine() {
    let y = [0.0, 2.0, 0.0, 1.0, 3.0];
    let f = fit_poisson_trend(&years(5), &y, &[9500.0; 5]).expect("fit");
    assert!(f.beta1 > 0.0 && f.ci_low < f.annual_change && f.annual_change < f.ci_high);
}

#[test]
fn too_short_or_all_zero_series_give_none() {
    assert!(fit_poisson_trend(&[], &[], &[]).is_none());
    assert!(fit_poisson_trend(&[0.0], &[3.0], &[100.0]).is_none());
    assert!(fit_poisson_trend(&[0.0, 1.0], &[3.0, 4.0], &[100.0; 2]).is_none());
    assert!(fit_poisson_trend(&years(5), &[0.0; 5], &[100.0; 5]).is_none());
}

#[test]
fn bad_populations_or_values_give_none() {
    let t = years(3);
    assert!(fit_poisson_trend(&t, &[1.0, 2.0, 3.0], &[100.0, 0.0, 100.0]).is_none());
    assert!(fit_poisson_trend(&t, &[1.0, 2.0, 3.0], &[100.0, -5.0, 100.0]).is_none());
    assert!(fit_poisson_trend(&t, &[1.0, f64::NAN, 3.0], &[100.0; 3]).is_none());
    assert!(fit_poisson_trend(&t, &[1.0, -2.0, 3.0], &[100.0; 3]).is_none());
    assert!(fit_poisson_trend(&t, &[1.0, 2.0], &[100.0; 3]).is_none());
    assert!(fit_poisson_trend(&[1.0; 3], &[1.0, 2.0, 3.0], &[100.0; 3]).is_none());
    assert!(fit_poisson_trend(&t, &[1.0, 2.0, 3.0], &[f64::INFINITY; 3]).is_none());
}

#[test]
fn events_only_at_the_last_point_do_not_converge() {
    assert!(fit_poisson_trend(&years(4), &[0.0, 0.0, 0.0, 5.0], &[100.0; 4]).is_none());
    assert!(fit_poisson_trend(&years(4), &[5.0, 0.0, 0.0, 0.0], &[100.0; 4]).is_none());
}
