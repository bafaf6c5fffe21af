//! Counts and rates: exact Poisson confidence intervals (Garwood 1936).
//!
//! For an observed count `x` the exact two-sided interval for the Poisson mean is
//! lower = ½·χ²(α/2; 2x) (0 when x = 0) and upper = ½·χ²(1−α/2; 2x+2), which equals
//! `Gamma(x, 1).quantile(α/2)` and `Gamma(x+1, 1).quantile(1−α/2)`
//! (Garwood, F. 1936, "Fiducial limits for the Poisson distribution", Biometrika 28,
//! 437–442; the same interval as R `poisson.test`). Quantiles come from `statrs`, whose
//! gamma quantile agrees with the table in `docs/statistics.md` to better than 1e-6
//! relative, so no refinement is needed. Above 10⁶ events `statrs` becomes slow and
//! inaccurate, so the Wilson–Hilferty (1931) cube-root approximation is used instead:
//! its relative error there is below 2e-11.

use statrs::distribution::{ContinuousCDF, Gamma, Normal};
use statrs::function::gamma::checked_gamma_ur;

use super::alpha_from_level;
use std::collections::HashMap;

/// Above this size (shape, count or mean) the Wilson–Hilferty approximation replaces
/// the exact incomplete-gamma computations.
pub(crate) const LARGE: f64 = 1e6;

/// Standard normal quantile for `p` in (0, 1); `p` is clamped into that interval.
pub(crate) fn normal_quantile(p: f64) -> f64 {
    let p = if p.is_nan() {
        0.5
    } else {
        p.clamp(1e-300, 1.0 - 1e-16)
    };
    Normal::standard().inverse_cdf(p)
}

/// Standard normal cumulative distribution function.
pub(crate) fn normal_cdf(z: f64) -> f64 {
    Normal::standard().cdf(z)
}

/// Wilson–Hilferty approximation to the `p`-quantile of Gamma(shape, 1).
fn wilson_hilferty_quantile(shape: f64, p: f64) -> f64 {
    let z = normal_quantile(p);
    let c = 1.0 / (9.0 * shape);
    shape * (1.0 - c + z * c.sqrt()).powi(3)
}

/// `p`-quantile of Gamma(shape, 1) for shape ≥ 1 and `p` in (0, 1).
fn gamma_quantile(shape: f64, p: f64) -> f64 {
    if shape > LARGE {
        return wilson_hilferty_quantile(shape, p);
    }
    match Gamma::new(shape, 1.0) {
        Ok(g) => {
            let q = g.inverse_cdf(p);
            if q.is_finite() {
                q
            } else {
                wilson_hilferty_quantile(shape, p)
            }
        }
        Err(_) => wilson_hilferty_quantile(shape, p),
    }
}

/// Exact (Garwood) two-sided confidence interval for a Poisson mean, given the
/// observed count `x` and a confidence `level` such as 0.95.
///
/// Returns `(lower, upper)`; `lower` is 0 when `x` is 0. A `level` outside (0, 1)
/// falls back to 0.95. Both ends are always finite.
pub fn garwood_interval(x: u64, level: f64) -> (f64, f64) {
    // The same counts come back again and again (the nation's and a county's yearly and
    // pooled counts in every pledge of a batch), and a quantile of a large count costs
    // hundreds of incomplete-gamma evaluations: remember them, per thread (no lock).
    let key = (x, level.to_bits());
    if let Some(known) = GARWOOD.with_borrow(|m| m.get(&key).copied()) {
        return known;
    }
    let interval = garwood_uncached(x, level);
    GARWOOD.with_borrow_mut(|m| {
        if m.len() < GARWOOD_KEPT {
            m.insert(key, interval);
        }
    });
    interval
}

thread_local! {
    /// [`garwood_interval`]'s results by count and level (the level's bits).
    static GARWOOD: std::cell::RefCell<HashMap<(u64, u64), (f64, f64)>> =
        std::cell::RefCell::new(HashMap::new());
}

/// At most this many intervals are remembered per thread (about 1.5 MB).
const GARWOOD_KEPT: usize = 1 << 16;

/// [`garwood_interval`] computed.
fn garwood_uncached(x: u64, level: f64) -> (f64, f64) {
    let alpha = alpha_from_level(level);
    let xf = x as f64;
    let lower = if x == 0 {
        0.0
    } else {
        gamma_quantile(xf, alpha / 2.0).max(0.0)
    };
    let upper = gamma_quantile(xf + 1.0, 1.0 - alpha / 2.0);
    (lower, upper.max(lower))
}

/// Exact interval for a rate: the Garwood interval for `x` divided by `exposure`
/// (person-years, or population for a yearly rate). Multiply by 100 000 for a rate per
/// 100 000. `None` when `exposure` is not a positive finite number.
///
/// This is R `poisson.test(x, T)$conf.int`.
pub fn garwood_rate_interval(x: u64, exposure: f64, level: f64) -> Option<(f64, f64)> {
    if !(exposure.is_finite() && exposure > 0.0) {
        return None;
    }
    let (lo, hi) = garwood_interval(x, level);
    let (lo, hi) = (lo / exposure, hi / exposure);
    (lo.is_finite() && hi.is_finite()).then_some((lo, hi))
}

/// Rate per 100 000 people: `count / population × 100 000`.
///
/// `None` when `population` is not a positive finite number, or `count` is negative
/// or not finite.
pub fn rate_per_100k(count: f64, population: f64) -> Option<f64> {
    if !(population.is_finite() && population > 0.0 && count.is_finite() && count >= 0.0) {
        return None;
    }
    let r = count / population * 100_000.0;
    r.is_finite().then_some(r)
}

/// Poisson cumulative distribution function P(X ≤ k) for X ~ Poisson(`mean`).
///
/// 0 for `k < 0`; 1 for `k ≥ 0` when `mean` is 0, negative or NaN (a degenerate
/// distribution at 0); 0 for `k ≥ 0` when `mean` is +∞. Computed as the regularized
/// upper incomplete gamma Q(k+1, mean); above 10⁶ it uses the Wilson–Hilferty
/// approximation, which is accurate to far better than the funnel plot needs.
pub fn poisson_cdf(k: i64, mean: f64) -> f64 {
    if k < 0 {
        return 0.0;
    }
    if mean.is_nan() || mean <= 0.0 {
        return 1.0;
    }
    if mean.is_infinite() {
        return 0.0;
    }
    let a = k as f64 + 1.0;
    if a > LARGE || mean > LARGE {
        // P(Gamma(a, 1) > mean) by Wilson–Hilferty.
        let c = 1.0 / (9.0 * a);
        let z = ((mean / a).cbrt() - (1.0 - c)) / c.sqrt();
        return (1.0 - normal_cdf(z)).clamp(0.0, 1.0);
    }
    match checked_gamma_ur(a, mean) {
        Ok(v) if v.is_finite() => v.clamp(0.0, 1.0),
        _ => 0.0,
    }
}

#[cfg(test)]
#[path = "poisson_tests.rs"]
mod tests;
