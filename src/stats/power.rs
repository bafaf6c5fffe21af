//! What the data could have shown: the smallest annual change a Poisson trend could detect
//! (`docs/statistics.md` §8f).
//!
//! For log μ_t = log pop_t + β0 + β1·t the information about β1 is Σ μ_t (t − t̄)², so
//! SE(β1) = √φ* / √(Σ μ_t (t − t̄)²), and a two-sided test at level α has power `power`
//! against |β1| ≥ (z_{1−α/2} + z_{power})·SE (the usual normal approximation, e.g.
//! Cohen 1988 ch. 12; here on the log-rate scale). Reporting exp(that) − 1 tells the
//! reader how large a yearly change would have been seen, instead of "no trend".

use super::poisson::normal_quantile;

/// The smallest annual change (as a fraction, +0.10 = +10 % a year) that a trend over the
/// years `t` with expected counts `mu` detects with probability `power` at two-sided
/// level `alpha`, with dispersion φ* = max(1, `phi`).
///
/// `None` when the slices differ in length, fewer than 3 points, any value is not finite,
/// an expected count is negative, or all `t` are equal.
pub fn detectable_trend(t: &[f64], mu: &[f64], phi: f64, alpha: f64, power: f64) -> Option<f64> {
    if t.len() != mu.len() || t.len() < 3 {
        return None;
    }
    if !t.iter().chain(mu).all(|v| v.is_finite()) || mu.iter().any(|m| *m < 0.0) {
        return None;
    }
    let sum_mu: f64 = mu.iter().sum();
    if sum_mu <= 0.0 {
        return None;
    }
    // The μ-weighted mean of t: the slope's information once β0 is estimated.
    let t_bar = t.iter().zip(mu).map(|(a, m)| a * m).sum::<f64>() / sum_mu;
    let info: f64 = t.iter().zip(mu).map(|(a, m)| m * (a - t_bar).powi(2)).sum();
    if info.is_nan() || info <= 0.0 {
        return None;
    }
    let phi_star = if phi.is_finite() { phi.max(1.0) } else { 1.0 };
    detectable_from_se((phi_star / info).sqrt(), alpha, power)
}

/// The smallest change exp((z_{1−α/2} + z_{power})·`se`) − 1 detectable for a log-scale
/// coefficient with (dispersion-scaled) standard error `se`; with a plain trend this equals
/// [`detectable_trend`], and it also covers trends with step terms, whose slope SE the GLM
/// gives directly. `None` when `se` is not a positive finite number.
pub fn detectable_from_se(se: f64, alpha: f64, power: f64) -> Option<f64> {
    if !(se.is_finite() && se > 0.0) {
        return None;
    }
    let z = normal_quantile(1.0 - alpha / 2.0) + normal_quantile(power);
    let change = (z * se).exp_m1();
    change.is_finite().then_some(change)
}

#[cfg(test)]
#[path = "power_tests.rs"]
mod tests;
