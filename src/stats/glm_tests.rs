//! Unit tests for `glm.rs`: the reference values of `docs/statistics.md` §3 (data A and
//! B), §8a, §8c, §8e and §8g (statsmodels GLM), and hostile input.

use super::*;
use crate::stats::test_util::{assert_close, assert_doc};

const POP10: [f64; 10] = [
    9550.0, 9520.0, 9480.0, 9470.0, 9460.0, 9450.0, 9430.0, 9420.0, 9400.0, 9390.0,
];
const A: [f64; 10] = [14.0, 11.0, 17.0, 15.0, 19.0, 22.0, 18.0, 25.0, 23.0, 27.0];
const B: [f64; 10] = [14.0, 6.0, 21.0, 9.0, 25.0, 12.0, 30.0, 15.0, 33.0, 20.0];

fn log(v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| x.ln()).collect()
}

fn trend_design(n: usize) -> Vec<Vec<f64>> {
    (0..n).map(|t| vec![1.0, t as f64]).collect()
}

#[test]
fn section_3_data_a_matches_statsmodels() {
    let f = fit_poisson_glm(&trend_design(10), &A, &log(&POP10)).expect("fit");
    assert_doc(f.coefficients[0], -6.604672, 6);
    assert_doc(f.coefficients[1], 0.082856, 6);
    assert_doc(f.se_poisson[1], 0.025604, 6);
    assert_doc(f.deviance, 2.325287, 6);
    assert_doc(f.pearson_chi2, 2.279643, 6);
    assert_doc(f.dispersion.expect("df 8"), 0.284955, 6);
    assert_eq!(f.dispersion_used, 1.0);
    assert_eq!(f.df_resid, 8);
    let w = f.coefficient(1, 0.95).expect("wald");
    assert_doc(w.estimate.exp(), 1.086385, 6);
    assert_doc(w.ci_low.exp(), 1.033213, 6);
    assert_doc(w.ci_high.exp(), 1.142294, 6);
}

#[test]
fn section_3_data_b_loses_significance_after_quasi_scaling() {
    let f = fit_poisson_glm(&trend_design(10), &B, &log(&POP10)).expect("fit");
    assert_doc(f.coefficients[1], 0.088945, 6);
    assert_doc(f.se_poisson[1], 0.026082, 6);
    let z = f.coefficients[1] / f.se_poisson[1];
    assert_doc(2.0 * Normal::standard().sf(z), 0.000649, 6);
    assert_close(f.dispersion.expect("df 8"), 3.4656, 5e-5);
    assert!(f.uses_t());
    assert_doc(f.se[1], 0.048554, 6);
    assert_close(f.coefficient(1, 0.95).expect("wald").p_value, 0.1043, 5e-5);
}

#[test]
fn general_fit_agrees_with_the_two_parameter_trend() {
    let g = fit_poisson_glm(&trend_design(10), &B, &log(&POP10)).expect("glm");
    let years: Vec<f64> = (0..10).map(f64::from).collect();
    let t = crate::stats::trend::fit_poisson_trend(&years, &B, &POP10).expect("trend");
    assert_close(g.coefficients[1], t.beta1, 1e-9);
    assert_close(g.se[1], t.se, 1e-9);
    assert_close(g.coefficient(1, 0.95).unwrap().p_value, t.p_value, 1e-9);
}

/// §8a: baseline 2019–2022 and pledge 2023–2025 in one model with a pledge indicator.
#[test]
fn section_8a_period_comparison_with_overdispersion() {
    let y = [43.0, 29.0, 31.0, 24.0, 44.0, 40.0, 39.0];
    let pop = [9477.0, 9474.0, 9480.0, 9487.0, 9452.0, 9456.0, 9450.0];
    let design: Vec<Vec<f64>> = (0..7).map(|i| vec![1.0, f64::from(i >= 4)]).collect();
    let f = fit_poisson_glm(&design, &y, &log(&pop)).expect("fit");
    assert_doc(f.coefficients[1].exp(), 1.295004, 6);
    assert_doc(f.dispersion.expect("df 5"), 1.298033, 6);
    assert_doc(f.se[1], 0.144131, 6);
    assert_eq!(f.df_resid, 5);
    let w = f.coefficient(1, 0.95).expect("wald");
    assert_doc(w.ci_low.exp(), 0.894056, 6);
    assert_doc(w.ci_high.exp(), 1.875763, 6);
    assert_doc(w.p_value, 0.132848, 6);
}

/// §8c: a trend with a step term from the first whole year after a break.
#[test]
fn section_8c_step_term_across_a_break() {
    let y = [21.0, 20.0, 28.0, 25.0, 32.0, 34.0, 35.0];
    let pop = [9477.0, 9474.0, 9480.0, 9487.0, 9452.0, 9456.0, 9450.0];
    let design: Vec<Vec<f64>> = (0..7)
        .map(|i| vec![1.0, f64::from(i), f64::from(2019 + i >= 2022)])
        .collect();
    let f = fit_poisson_glm(&design, &y, &log(&pop)).expect("fit");
    assert_doc(f.coefficients[1], 0.114177, 6);
    assert_doc(f.se[1], 0.070430, 6);
    assert_doc(f.coefficients[2], -0.087086, 6);
    assert_doc(f.se[2], 0.292344, 6);
    assert_doc(f.dispersion.expect("df 4"), 0.254800, 6);
    assert_eq!(f.dispersion_used, 1.0);
    let w = f.coefficient(1, 0.95).expect("wald");
    assert_doc(w.estimate.exp_m1() * 100.0, 12.095, 3);
    assert_doc(w.ci_low.exp_m1() * 100.0, -2.358, 3);
    assert_doc(w.ci_high.exp_m1() * 100.0, 28.687, 3);
    assert_doc(w.p_value, 0.104986, 6);
}

/// §8e: kommun × period interaction on the four cells (saturated, so φ* = 1).
#[test]
fn section_8e_ratio_of_rate_ratios_against_the_county() {
    let y = [127.0, 123.0, 6800.0, 4800.0];
    let py = [37_918.0, 28_358.0, 1_145_946.0, 862_627.0];
    let cells = [(1.0, 0.0), (1.0, 1.0), (0.0, 0.0), (0.0, 1.0)];
    let design: Vec<Vec<f64>> = cells
        .iter()
        .map(|&(k, post)| vec![1.0, k, post, k * post])
        .collect();
    let f = fit_poisson_glm(&design, &y, &log(&py)).expect("fit");
    assert_eq!(f.dispersion, None);
    assert_eq!(f.df_resid, 0);
    let w = f.coefficient(3, 0.95).expect("wald");
    assert_doc(w.estimate.exp(), 1.381013, 6);
    assert_doc(w.ci_low.exp(), 1.074795, 6);
    assert_doc(w.ci_high.exp(), 1.774476, 6);
    assert_doc(w.p_value, 0.011606, 6);
    // An estimated φ from a finer model widens the interval by √φ* and switches to t.
    let wide = f.clone().with_dispersion(2.0, 10);
    let ww = wide.coefficient(3, 0.95).expect("wald");
    assert_close(ww.se, w.se * 2f64.sqrt(), 1e-12);
    assert!(ww.ci_low < w.ci_low && ww.p_value > w.p_value);
    let under = f.with_dispersion(0.5, 10);
    assert_eq!(under.coefficient(3, 0.95), Some(w));
}

/// §8g: the monthly interrupted time series design (the #12 model) gives statsmodels' β.
#[test]
fn section_8g_interrupted_time_series_coefficients() {
    let y = [
        4, 2, 2, 5, 2, 3, 5, 1, 2, 2, 1, 2, 3, 1, 3, 6, 4, 4, 4, 4, 4, 3, 4, 3, 1, 4, 2, 3, 0, 4,
        3, 4, 2, 0, 0, 1, 0, 3, 5, 3, 5, 0, 0, 3, 3, 2, 2, 3, 3, 0, 0, 2, 2, 3, 2, 3, 1, 0, 2, 0,
    ]
    .map(f64::from);
    let t0 = 30.0;
    let design: Vec<Vec<f64>> = (0..60)
        .map(|i| {
            let t = f64::from(i);
            let post = f64::from(t >= t0);
            let angle = 2.0 * std::f64::consts::PI * t / 12.0;
            vec![1.0, t, post, (t - t0) * post, angle.sin(), angle.cos()]
        })
        .collect();
    let f = fit_poisson_glm(&design, &y, &[0.0; 60]).expect("fit");
    let expected = [
        1.047273, -0.000152, -0.186276, -0.015503, 0.168091, -0.200455,
    ];
    for (b, e) in f.coefficients.iter().zip(expected) {
        assert_doc(*b, e, 6);
    }
    assert_doc(f.se[2], 0.329966, 6);
    assert_doc(f.dispersion.expect("df 54"), 0.908200, 6);
    let w = f.coefficient(2, 0.95).expect("wald");
    assert_doc(w.estimate.exp(), 0.830045, 6);
    // The printed limits imply an SE of 0.3299652 where ours (and the printed SE, 0.329966)
    // is 0.3299660: 2.5e-6 relative, the size of statsmodels' IRLS stopping tolerance
    // (1e-8 on the deviance). So the limits are checked to 2e-6 absolute, not 1e-6.
    assert_close(w.ci_low.exp(), 0.434745, 2e-6);
    assert_close(w.ci_high.exp(), 1.584779, 2e-6);
    assert_doc(f.coefficients[3].exp(), 0.984616, 6);
}

#[test]
fn contrast_equals_the_sum_of_coefficients_with_the_covariance() {
    let f = fit_poisson_glm(&trend_design(10), &A, &log(&POP10)).expect("fit");
    let c = f.contrast(&[1.0, 9.0], 0.95).expect("contrast");
    assert_close(
        c.estimate,
        f.coefficients[0] + 9.0 * f.coefficients[1],
        1e-12,
    );
    let v = f.cov_unscaled[0][0] + 81.0 * f.cov_unscaled[1][1] + 18.0 * f.cov_unscaled[0][1];
    assert_close(c.se, v.sqrt(), 1e-12);
    assert_eq!(f.contrast(&[1.0], 0.95), None);
    assert_eq!(f.coefficient(2, 0.95), None);
}

#[test]
fn invalid_or_degenerate_input_gives_none() {
    let d = trend_design(4);
    let off = [0.0; 4];
    assert!(fit_poisson_glm(&d, &[0.0; 4], &off).is_none(), "all zero");
    assert!(
        fit_poisson_glm(&d, &[1.0, -1.0, 2.0, 3.0], &off).is_none(),
        "negative"
    );
    assert!(fit_poisson_glm(&d, &[1.0, f64::NAN, 2.0, 3.0], &off).is_none());
    assert!(
        fit_poisson_glm(&d, &[1.0, 2.0, 3.0], &off).is_none(),
        "lengths"
    );
    assert!(fit_poisson_glm(&[], &[], &[]).is_none());
    assert!(
        fit_poisson_glm(&[vec![1.0]], &[1.0], &[0.0]).is_some(),
        "n = p = 1"
    );
    assert!(fit_poisson_glm(&d[..1], &[1.0], &[0.0]).is_none(), "n < p");
    // Collinear columns: rank deficient.
    let twin: Vec<Vec<f64>> = (0..4)
        .map(|t| vec![1.0, t as f64, 2.0 * t as f64])
        .collect();
    assert!(fit_poisson_glm(&twin, &[1.0, 2.0, 3.0, 4.0], &off).is_none());
    // A step whose years all have zero counts: γ → −∞, no convergence.
    let step: Vec<Vec<f64>> = (0..4).map(|t| vec![1.0, f64::from(t >= 2)]).collect();
    assert!(fit_poisson_glm(&step, &[3.0, 4.0, 0.0, 0.0], &off).is_none());
    // An offset of −∞ (population 0) is not finite.
    assert!(fit_poisson_glm(&d, &[1.0, 2.0, 3.0, 4.0], &[f64::NEG_INFINITY; 4]).is_none());
}

#[test]
fn no_nan_escapes_on_hostile_values() {
    let reals: [f64; 6] = [0.0, 1e-300, 0.5, 9500.0, 1e12, 1e300];
    for &r in &reals {
        let y = [3.0, r, 5.0, 4.0, 0.0];
        let d: Vec<Vec<f64>> = (0..5)
            .map(|t| vec![1.0, t as f64, (t * t) as f64])
            .collect();
        for off in [0.0, r.ln(), -r, r] {
            if let Some(f) = fit_poisson_glm(&d, &y, &[off; 5]) {
                assert!(f.coefficients.iter().chain(&f.se).all(|v| v.is_finite()));
                if let Some(w) = f.coefficient(1, 0.95) {
                    assert!((0.0..=1.0).contains(&w.p_value));
                }
            }
        }
    }
}
