//! Pledge period against baseline: exact conditional rate ratio.
//!
//! With x1 events over person-years t1 (pledge period) and x2 over t2 (baseline),
//! conditional on n = x1 + x2 the count x1 is Binomial(n, π) with π = t1/(t1+t2) when the
//! two rates are equal. The Clopper–Pearson limits for π,
//! p_L = Beta(x1, n−x1+1).quantile(α/2) and p_U = Beta(x1+1, n−x1).quantile(1−α/2),
//! become limits for the rate ratio as p/(1−p)·t2/t1. The two-sided p-value is the
//! *central* one, min(1, 2·min(P(X ≤ x1), P(X ≥ x1))).
//! Source: Fay, M. P. (2010), "Two-sided exact tests and matching confidence intervals
//! for discrete data", R Journal 2(1); R `exactci::rateratio.test`, as specified in
//! `docs/statistics.md` §2.
//!
//! Above 10⁸ events `statrs`' incomplete beta becomes unreliable (and slow), so there the
//! Wilson score interval and the continuity-corrected normal test replace the exact
//! ones; at that size they agree with the exact method to within about 1/n.

use statrs::distribution::{Beta, Binomial, ContinuousCDF, DiscreteCDF};

use super::alpha_from_level;
use super::poisson::{normal_cdf, normal_quantile};

/// Largest number of events for which the exact beta/binomial computations are used.
const EXACT_MAX_N: u64 = 100_000_000;

/// Result of [`exact_rate_ratio`].
#[derive(Debug, Clone, PartialEq)]
pub struct RateRatio {
    /// (x1/t1)/(x2/t2); `None` when x2 = 0 (division by zero) or nothing was observed.
    pub rate_ratio: Option<f64>,
    /// Lower confidence limit; 0 when x1 = 0; `None` when n = 0.
    pub ci_low: Option<f64>,
    /// Upper confidence limit; `None` when it is infinite (x1 = n) or n = 0.
    pub ci_high: Option<f64>,
    /// Central two-sided exact p-value for equal rates; 1 when n = 0.
    pub p_value: f64,
}

impl RateRatio {
    fn empty() -> Self {
        RateRatio {
            rate_ratio: None,
            ci_low: None,
            ci_high: None,
            p_value: 1.0,
        }
    }
}

fn valid_time(t: f64) -> bool {
    t.is_finite() && t > 0.0
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Central two-sided p-value of x1 ~ Binomial(n, pi).
fn central_p_value(x1: u64, n: u64, pi: f64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if n > EXACT_MAX_N {
        let nf = n as f64;
        let mean = nf * pi;
        let sd = (nf * pi * (1.0 - pi)).sqrt();
        let dev = ((x1 as f64 - mean).abs() - 0.5).max(0.0);
        let p = 2.0 * (1.0 - normal_cdf(dev / sd));
        return if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            1.0
        };
    }
    let Ok(b) = Binomial::new(pi, n) else {
        return 1.0;
    };
    let lower = b.cdf(x1);
    let upper = if x1 == 0 { 1.0 } else { b.sf(x1 - 1) };
    let p = 2.0 * lower.min(upper);
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Limits (p_L, p_U) for the binomial proportion x1/n; p_U = 1 when x1 = n.
fn proportion_limits(x1: u64, n: u64, alpha: f64) -> (f64, f64) {
    if n > EXACT_MAX_N {
        // Wilson score interval.
        let (nf, z) = (n as f64, normal_quantile(1.0 - alpha / 2.0));
        let ph = x1 as f64 / nf;
        let denom = 1.0 + z * z / nf;
        let centre = (ph + z * z / (2.0 * nf)) / denom;
        let half = z / denom * (ph * (1.0 - ph) / nf + z * z / (4.0 * nf * nf)).sqrt();
        let lo = if x1 == 0 {
            0.0
        } else {
            (centre - half).max(0.0)
        };
        let hi = if x1 == n {
            1.0
        } else {
            (centre + half).min(1.0)
        };
        return (lo, hi);
    }
    let lo = if x1 == 0 {
        0.0
    } else {
        Beta::new(x1 as f64, (n - x1 + 1) as f64).map_or(0.0, |b| b.inverse_cdf(alpha / 2.0))
    };
    let hi = if x1 == n {
        1.0
    } else {
        Beta::new(x1 as f64 + 1.0, (n - x1) as f64)
            .map_or(1.0, |b| b.inverse_cdf(1.0 - alpha / 2.0))
    };
    (lo, hi)
}

/// Exact conditional comparison of two Poisson rates (`docs/statistics.md` §2):
/// `x1` events over person-years `t1` (pledge period) against `x2` over `t2` (baseline).
///
/// A `level` outside (0, 1) falls back to 0.95. When n = x1 + x2 is 0, or `t1`/`t2`
/// is not a positive finite number, everything is `None` and the p-value is 1.
pub fn exact_rate_ratio(x1: u64, t1: f64, x2: u64, t2: f64, level: f64) -> RateRatio {
    let Some(n) = x1.checked_add(x2) else {
        return RateRatio::empty();
    };
    if n == 0 || !valid_time(t1) || !valid_time(t2) {
        return RateRatio::empty();
    }
    let alpha = alpha_from_level(level);
    let rate_ratio = if x2 == 0 {
        None
    } else {
        finite((x1 as f64 / t1) / (x2 as f64 / t2))
    };
    let (p_lo, p_hi) = proportion_limits(x1, n, alpha);
    let odds = |p: f64| p / (1.0 - p) * t2 / t1;
    let ci_low = if x1 == 0 {
        Some(0.0)
    } else {
        finite(odds(p_lo))
    };
    let ci_high = if p_hi >= 1.0 {
        None
    } else {
        finite(odds(p_hi))
    };
    let pi = t1 / (t1 + t2);
    RateRatio {
        rate_ratio,
        ci_low,
        ci_high,
        p_value: central_p_value(x1, n, pi),
    }
}

/// The smallest detectable change against a baseline (`docs/statistics.md` §2).
///
/// Given the baseline count `baseline_count` (x2) over person-years `t2` and the
/// pledge-period person-years `t1`, returns `(increase, decrease)`:
/// * `increase` — the smallest pledge-period count x1 with x1/t1 > x2/t2 whose central
///   two-sided p-value (as in [`exact_rate_ratio`]) is below `alpha`;
/// * `decrease` — the largest x1 with x1/t1 < x2/t2 and p < `alpha`; `None` when even
///   x1 = 0 is not significant.
///
/// `(None, None)` when `alpha` is not in (0, 1] or `t1`/`t2` is not a positive finite
/// number; `increase` is `None` only if it would exceed 2⁵³.
///
/// The search starts at the expected count x2·t1/t2 and moves outwards by doubling
/// steps, then bisects. That is exact, not a heuristic: above the expected count the
/// p-value is 2·P(X ≥ x1) (the lower tail is at least ½ there), and
/// P(Bin(n+1, π) ≥ x1+1) = P(Bin(n, π) ≥ x1+1) + π·P(Bin(n, π) = x1) ≤ P(Bin(n, π) ≥ x1),
/// so it falls as x1 grows; by the mirror argument it rises with x1 below the expected
/// count. With t1 = t2 this rule reproduces the reference thresholds of the doc
/// (baseline 5 → 15, 10 → 23, 15 → 29, 20 → 36, 30 → 49, 50 → 73).
pub fn detectable_counts(
    baseline_count: u64,
    t1: f64,
    t2: f64,
    alpha: f64,
) -> (Option<u64>, Option<u64>) {
    if !(alpha > 0.0 && alpha <= 1.0 && valid_time(t1) && valid_time(t2)) {
        return (None, None);
    }
    let x2 = baseline_count as f64;
    let pi = t1 / (t1 + t2);
    let significant = |x1: u64| match x1.checked_add(baseline_count) {
        Some(n) => central_p_value(x1, n, pi) < alpha,
        None => false,
    };
    let above = |x1: u64| x1 as f64 * t2 > x2 * t1;
    const LIMIT: u64 = 1 << 53;
    let expected = x2 * t1 / t2;
    if !expected.is_finite() || expected >= LIMIT as f64 {
        return (None, None);
    }

    // Increase: the first x1 above the expected count, then gallop and bisect.
    let mut start = expected.floor() as u64;
    while !above(start) && start < LIMIT {
        start += 1;
    }
    let increase = if significant(start) {
        Some(start)
    } else {
        // Invariant: !significant(lo) && significant(hi) once found.
        let (mut lo, mut hi, mut step) = (start, start, 1u64);
        while hi < LIMIT && !significant(hi) {
            lo = hi;
            hi = start.saturating_add(step).min(LIMIT);
            step = step.saturating_mul(2);
        }
        significant(hi).then(|| {
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if significant(mid) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            hi
        })
    };

    // Decrease: the largest x1 below the expected count with p < alpha.
    let below = |x1: u64| (x1 as f64) * t2 < x2 * t1;
    let decrease = if !below(0) || !significant(0) {
        None
    } else {
        let mut top = expected.ceil() as u64;
        while top > 0 && !below(top) {
            top -= 1;
        }
        // Invariant: significant(lo) && !significant(hi).
        let (mut lo, mut hi) = (0u64, top);
        if significant(top) {
            lo = top;
        }
        while hi > lo + 1 {
            let mid = lo + (hi - lo) / 2;
            if significant(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(lo)
    };
    (increase, decrease)
}

#[cfg(test)]
#[path = "rate_ratio_tests.rs"]
mod tests;
