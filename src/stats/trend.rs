//! Trend: Poisson regression with a population offset and a quasi-Poisson scale.
//!
//! Model: log E(y_t) = log(pop_t) + β0 + β1·t, fitted by iteratively reweighted least
//! squares (Newton's method for the canonical log link) on the 2×2 normal equations.
//! Over-dispersion is handled as in quasi-Poisson models (McCullagh, P. & Nelder, J. A.
//! 1989, *Generalized Linear Models*, 2nd ed., chapters 6 and 9): the dispersion is
//! estimated from Pearson's X² as φ = X²/(n−2), and the standard error is multiplied by
//! √φ* with φ* = max(1, φ), so under-dispersion never narrows the interval
//! (`docs/statistics.md` §3).
//!
//! The interval for the annual change uses the normal quantile z₀.₉₇₅ = 1.959964 on the
//! scaled standard error, as statsmodels does (it reproduces the reference interval
//! [1.033213, 1.142294] for the IRR of data A; 1.96 gives [1.033212, 1.142295]);
//! the p-value uses Student's t with n−2 degrees of freedom when φ* > 1, the normal
//! distribution otherwise.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

use super::poisson::normal_quantile;

/// Largest number of IRLS iterations.
const MAX_ITER: usize = 100;
/// Convergence tolerance on the change of the coefficients.
const TOL: f64 = 1e-10;

/// A fitted Poisson trend with population offset (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct PoissonTrend {
    /// Intercept: log rate per person at t = 0.
    pub beta0: f64,
    /// Slope: change in log rate per unit of t (per year).
    pub beta1: f64,
    /// Model-based (Poisson) standard error of β1.
    pub se_poisson: f64,
    /// Standard error of β1 used for inference: `se_poisson·√dispersion_used`.
    pub se: f64,
    /// Poisson deviance 2·Σ[y·ln(y/μ) − (y − μ)].
    pub deviance: f64,
    /// Pearson's X² = Σ(y − μ)²/μ.
    pub pearson_chi2: f64,
    /// Estimated dispersion φ = X²/(n − 2).
    pub dispersion: f64,
    /// φ* = max(1, φ), the dispersion applied to the standard error.
    pub dispersion_used: f64,
    /// Annual change exp(β1) − 1 (0.08 means +8 % a year).
    pub annual_change: f64,
    /// Lower 95 % limit of the annual change, exp(β1 − z·SE) − 1.
    pub ci_low: f64,
    /// Upper 95 % limit of the annual change, exp(β1 + z·SE) − 1.
    pub ci_high: f64,
    /// Two-sided p-value for β1 = 0 (t with n − 2 df when φ* > 1, else normal).
    pub p_value: f64,
    /// Pearson residuals (y − μ)/√μ, one per point; |r| > 3 flags a possible spike.
    pub pearson_residuals: Vec<f64>,
    /// Fitted expected counts μ, one per point.
    pub fitted: Vec<f64>,
}

/// Fits log E(y) = log(population) + β0 + β1·t by IRLS (`docs/statistics.md` §3).
///
/// `None` when the slices differ in length, n < 3, any value is not finite, a count is
/// negative, a population is ≤ 0, all counts are zero (β0 diverges), all `t` are equal,
/// or the fit does not converge within 100 iterations (for example when all events sit
/// at the last time point, where β1 diverges).
pub fn fit_poisson_trend(t: &[f64], y: &[f64], population: &[f64]) -> Option<PoissonTrend> {
    let n = t.len();
    if n < 3 || y.len() != n || population.len() != n {
        return None;
    }
    let all_finite = t.iter().chain(y).chain(population).all(|v| v.is_finite());
    if !all_finite || y.iter().any(|&v| v < 0.0) || population.iter().any(|&p| p <= 0.0) {
        return None;
    }
    let (sum_y, sum_pop): (f64, f64) = (y.iter().sum(), population.iter().sum());
    if sum_y <= 0.0 {
        return None;
    }
    // Centre t for a well-conditioned fit; β0 is shifted back at the end.
    let t_mean = t.iter().sum::<f64>() / n as f64;
    let tc: Vec<f64> = t.iter().map(|v| v - t_mean).collect();
    let mu_at = |a: f64, b: f64| -> Vec<f64> {
        population
            .iter()
            .zip(&tc)
            .map(|(p, x)| p * (a + b * x).exp())
            .collect()
    };

    let (mut a, mut b) = ((sum_y / sum_pop).ln(), 0.0);
    let mut converged = false;
    for _ in 0..MAX_ITER {
        let mu = mu_at(a, b);
        let [i00, i01, i11] = information(&mu, &tc);
        let det = i00 * i11 - i01 * i01;
        if !(det.is_finite() && det > 0.0) {
            return None;
        }
        let (mut u0, mut u1) = (0.0, 0.0);
        for ((yi, mi), xi) in y.iter().zip(&mu).zip(&tc) {
            u0 += yi - mi;
            u1 += xi * (yi - mi);
        }
        let da = (i11 * u0 - i01 * u1) / det;
        let db = (i00 * u1 - i01 * u0) / det;
        if !(da.is_finite() && db.is_finite()) {
            return None;
        }
        a += da;
        b += db;
        if da.abs() + db.abs() < TOL {
            converged = true;
            break;
        }
    }
    if !converged {
        return None;
    }

    let mu = mu_at(a, b);
    let [i00, i01, i11] = information(&mu, &tc);
    let det = i00 * i11 - i01 * i01;
    let se_poisson = (i00 / det).sqrt();
    let mut deviance = 0.0;
    let mut pearson_chi2 = 0.0;
    let mut pearson_residuals = Vec::with_capacity(n);
    for (&yi, &mi) in y.iter().zip(&mu) {
        let unit = if yi > 0.0 { yi * (yi / mi).ln() } else { 0.0 };
        deviance += 2.0 * (unit - (yi - mi));
        let r = (yi - mi) / mi.sqrt();
        pearson_chi2 += r * r;
        pearson_residuals.push(r);
    }
    let df = (n - 2) as f64;
    let dispersion = pearson_chi2 / df;
    let dispersion_used = dispersion.max(1.0);
    let se = se_poisson * dispersion_used.sqrt();
    let z = normal_quantile(0.975);
    let stat = (b / se).abs();
    let p_value = if dispersion_used > 1.0 {
        StudentsT::new(0.0, 1.0, df).ok()?.sf(stat) * 2.0
    } else {
        Normal::standard().sf(stat) * 2.0
    };
    let fit = PoissonTrend {
        beta0: a - b * t_mean,
        beta1: b,
        se_poisson,
        se,
        deviance,
        pearson_chi2,
        dispersion,
        dispersion_used,
        annual_change: b.exp_m1(),
        ci_low: (b - z * se).exp_m1(),
        ci_high: (b + z * se).exp_m1(),
        p_value: p_value.clamp(0.0, 1.0),
        pearson_residuals,
        fitted: mu,
    };
    let scalars = [
        fit.beta0,
        fit.se,
        fit.deviance,
        fit.dispersion,
        fit.annual_change,
        fit.ci_low,
        fit.ci_high,
        fit.p_value,
    ];
    let ok = scalars.iter().all(|v| v.is_finite())
        && fit.pearson_residuals.iter().all(|v| v.is_finite())
        && fit.fitted.iter().all(|v| v.is_finite());
    ok.then_some(fit)
}

/// Fisher information [Σμ, Σμt, Σμt²] for the centred design.
fn information(mu: &[f64], tc: &[f64]) -> [f64; 3] {
    mu.iter().zip(tc).fold([0.0; 3], |[s0, s1, s2], (m, x)| {
        [s0 + m, s1 + m * x, s2 + m * x * x]
    })
}

#[cfg(test)]
#[path = "trend_tests.rs"]
mod tests;
