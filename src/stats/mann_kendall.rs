//! Mann–Kendall trend test and Sen slope: a rank-based robustness check on the trend.
//!
//! S = Σ_{k<j} sgn(x_j − x_k). Under no trend S has mean 0 and, with tie groups of sizes
//! t, variance Var S = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18. The continuity-corrected
//! z = (S−1)/σ for S > 0, (S+1)/σ for S < 0 and 0 otherwise gives the two-sided
//! p = 2(1 − Φ(|z|)); Kendall's τ_a = S/(n(n−1)/2).
//! Sources: Mann, H. B. (1945), "Nonparametric tests against trend", Econometrica 13;
//! Kendall, M. G. (1975), *Rank Correlation Methods*, 4th ed.; Sen, P. K. (1968),
//! "Estimates of the regression coefficient based on Kendall's tau", JASA 63 — the Sen
//! slope is the median of all pairwise slopes, with intercept median(y) − slope·median(t)
//! (`docs/statistics.md` §4).

use statrs::distribution::{ContinuousCDF, Normal};

use super::median;

/// Result of [`mann_kendall`].
#[derive(Debug, Clone, PartialEq)]
pub struct MannKendall {
    /// The Mann–Kendall statistic S (positive: upward trend).
    pub s: i64,
    /// Variance of S under no trend, corrected for ties.
    pub var_s: f64,
    /// Continuity-corrected standard normal score.
    pub z: f64,
    /// Two-sided p-value 2(1 − Φ(|z|)).
    pub p_value: f64,
    /// Kendall's τ_a = S/(n(n−1)/2).
    pub tau: f64,
}

/// Mann–Kendall test for a monotone trend in the series `y` (in time order).
///
/// `None` when n < 3, any value is not finite, or Var S = 0 (all values tied).
pub fn mann_kendall(y: &[f64]) -> Option<MannKendall> {
    let n = y.len();
    if n < 3 || y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut s: i64 = 0;
    for (k, xk) in y.iter().enumerate() {
        for xj in &y[k + 1..] {
            s += match xj.partial_cmp(xk) {
                Some(std::cmp::Ordering::Greater) => 1,
                Some(std::cmp::Ordering::Less) => -1,
                _ => 0,
            };
        }
    }
    let mut sorted = y.to_vec();
    sorted.sort_by(f64::total_cmp);
    let term = |t: f64| t * (t - 1.0) * (2.0 * t + 5.0);
    let ties: f64 = sorted
        .chunk_by(|a, b| a == b)
        .map(|group| term(group.len() as f64))
        .sum();
    let var_s = (term(n as f64) - ties) / 18.0;
    if !(var_s.is_finite() && var_s > 0.0) {
        return None;
    }
    let sigma = var_s.sqrt();
    let z = match s {
        0 => 0.0,
        s if s > 0 => (s as f64 - 1.0) / sigma,
        s => (s as f64 + 1.0) / sigma,
    };
    let p_value = (2.0 * Normal::standard().sf(z.abs())).clamp(0.0, 1.0);
    let pairs = n as f64 * (n as f64 - 1.0) / 2.0;
    Some(MannKendall {
        s,
        var_s,
        z,
        p_value,
        tau: s as f64 / pairs,
    })
}

/// Sen's robust slope estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct SenSlope {
    /// Median of the pairwise slopes (y_j − y_i)/(t_j − t_i).
    pub slope: f64,
    /// median(y) − slope·median(t).
    pub intercept: f64,
}

/// Sen slope of `y` against `t`: the median of all pairwise slopes over pairs with
/// different `t`, and intercept median(y) − slope·median(t).
///
/// `None` when the slices differ in length, n < 2, any value is not finite, or every
/// `t` is the same.
pub fn sen_slope(t: &[f64], y: &[f64]) -> Option<SenSlope> {
    let n = t.len();
    if n < 2 || y.len() != n || t.iter().chain(y).any(|v| !v.is_finite()) {
        return None;
    }
    let mut slopes = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            let dt = t[j] - t[i];
            if dt != 0.0 {
                slopes.push((y[j] - y[i]) / dt);
            }
        }
    }
    let slope = median(&mut slopes)?;
    let intercept = median(&mut y.to_vec())? - slope * median(&mut t.to_vec())?;
    (slope.is_finite() && intercept.is_finite()).then_some(SenSlope { slope, intercept })
}

#[cfg(test)]
#[path = "mann_kendall_tests.rs"]
mod tests;
