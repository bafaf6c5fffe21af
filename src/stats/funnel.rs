//! Comparing kommuner: funnel plots (Spiegelhalter, D. J. 2005, "Funnel plots for
//! comparing institutional performance", Statistics in Medicine 24, 1185–1202).
//!
//! The target is θ0 = Σx/Σpop over the comparison group and a kommun with population
//! `pop` expects E = θ0·pop events. Its exact Poisson limit at probability p uses
//! Spiegelhalter's interpolation (`docs/statistics.md` §5): r_p is the smallest r with
//! F(r; E) ≥ p, a = (F(r_p) − p)/(F(r_p) − F(r_p − 1)), limit = r_p − a, clamped at 0.
//!
//! Rates between kommuner are over-dispersed, so with at least 10 kommuner an additive
//! random-effects variance τ² is estimated (Spiegelhalter 2005; also Spiegelhalter 2005,
//! "Handling over-dispersion of performance indicators", Qual Saf Health Care 14): z-scores
//! z_i = (y_i − θ0)/s_i with y_i = x_i/pop_i and s_i² = θ0/pop_i are Winsorised at their
//! 10th and 90th percentiles (linear interpolation between order statistics, as R's
//! default `quantile` and NumPy's `percentile`), φ = (1/k)Σz_w², and
//! τ² = max(0, (kφ − (k−1)) / (Σw − Σw²/Σw)) with w_i = 1/s_i². The widened limits are
//! then normal: θ0 ± z_p·√(θ0/pop + τ²).

use super::poisson::{normal_quantile, poisson_cdf};
use super::t_quantile;

/// Above this expected count the Poisson limit is taken as normal, E + z_p·√E.
const NORMAL_ABOVE: f64 = 1e12;
/// Largest probability used; keeps every limit finite.
const P_MAX: f64 = 1.0 - 1e-12;

/// Exact Poisson funnel limit for `expected` events at probability `p`, with
/// Spiegelhalter's interpolation, on the count scale, clamped at 0.
///
/// `p` ≥ 1 is treated as 1 − 10⁻¹²; `p` ≤ 0 or NaN, and `expected` that is negative,
/// NaN or infinite, give 0.
pub fn funnel_limit(expected: f64, p: f64) -> f64 {
    if p.is_nan() || p <= 0.0 || !expected.is_finite() || expected <= 0.0 {
        return 0.0;
    }
    let p = p.min(P_MAX);
    let z = normal_quantile(p);
    if expected > NORMAL_ABOVE {
        return (expected + z * expected.sqrt()).max(0.0);
    }
    let f = |r: i64| poisson_cdf(r, expected);
    // Bracket: f(lo) < p ≤ f(hi), starting from the normal approximation. Each end's value is
    // kept with it: the interpolation below needs f(hi) and f(hi − 1), and every evaluation
    // is an incomplete gamma function.
    let guess = (expected + z * expected.sqrt()).floor().max(0.0) as i64;
    let at_guess = f(guess);
    let (mut lo, mut f_lo, mut hi, mut f_hi);
    if at_guess >= p {
        (hi, f_hi) = (guess, at_guess);
        let mut step = 1i64;
        lo = guess - 1;
        f_lo = f(lo);
        while lo >= 0 && f_lo >= p {
            (hi, f_hi) = (lo, f_lo);
            lo = (hi - step).max(-1);
            f_lo = f(lo);
            step = step.saturating_mul(2);
        }
    } else {
        (lo, f_lo) = (guess, at_guess);
        let mut step = 1i64;
        hi = guess + 1;
        f_hi = f(hi);
        while f_hi < p {
            (lo, f_lo) = (hi, f_hi);
            hi = hi.saturating_add(step);
            step = step.saturating_mul(2);
            if hi == i64::MAX {
                return 0.0;
            }
            f_hi = f(hi);
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let at_mid = f(mid);
        if at_mid >= p {
            (hi, f_hi) = (mid, at_mid);
        } else {
            (lo, f_lo) = (mid, at_mid);
        }
    }
    // Here lo = hi − 1.
    let (f_r, f_prev) = (f_hi, f_lo);
    let denom = f_r - f_prev;
    let a = if denom > 0.0 { (f_r - p) / denom } else { 0.0 };
    let limit = hi as f64 - a.clamp(0.0, 1.0);
    if limit.is_finite() {
        limit.max(0.0)
    } else {
        0.0
    }
}

/// One kommun in a funnel plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelPoint {
    /// Observed count of events.
    pub observed: f64,
    /// Population (person-years).
    pub population: f64,
}

fn valid_points(points: &[FunnelPoint]) -> bool {
    !points.is_empty()
        && points.iter().all(|q| {
            q.observed.is_finite()
                && q.observed >= 0.0
                && q.population.is_finite()
                && q.population > 0.0
        })
}

/// Target rate θ0 = Σx/Σpop (events per person) over the comparison group.
///
/// `None` when `points` is empty, any count is negative or not finite, any population
/// is not a positive finite number, or no events were observed at all (a zero target
/// gives a degenerate funnel with every limit at 0).
pub fn target_rate(points: &[FunnelPoint]) -> Option<f64> {
    if !valid_points(points) {
        return None;
    }
    let x: f64 = points.iter().map(|q| q.observed).sum();
    let pop: f64 = points.iter().map(|q| q.population).sum();
    let r = x / pop;
    (r.is_finite() && r > 0.0).then_some(r)
}

/// Linear-interpolation quantile of sorted data (R type 7).
fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let (i, frac) = (h.floor() as usize, h - h.floor());
    match sorted.get(i + 1) {
        Some(next) => sorted[i] + frac * (next - sorted[i]),
        None => sorted[i],
    }
}

/// Additive random-effects variance τ² of the rates (per person, squared), estimated
/// from 10 % Winsorised z-scores as described in the module documentation.
///
/// `None` when there are fewer than 10 points, `target` is not a positive finite number,
/// or any point is invalid (see [`target_rate`]). `Some(0.0)` means no over-dispersion.
pub fn overdispersion_tau2(points: &[FunnelPoint], target: f64) -> Option<f64> {
    let k = points.len();
    if k < 10 || !valid_points(points) || !(target.is_finite() && target > 0.0) {
        return None;
    }
    let z: Vec<f64> = points
        .iter()
        .map(|q| (q.observed / q.population - target) / (target / q.population).sqrt())
        .collect();
    let mut sorted = z.clone();
    sorted.sort_by(f64::total_cmp);
    let (low, high) = (quantile_sorted(&sorted, 0.1), quantile_sorted(&sorted, 0.9));
    let phi = z.iter().map(|v| v.clamp(low, high).powi(2)).sum::<f64>() / k as f64;
    let w: Vec<f64> = points.iter().map(|q| q.population / target).collect();
    let sw: f64 = w.iter().sum();
    let sw2: f64 = w.iter().map(|v| v * v).sum();
    let denom = sw - sw2 / sw;
    let kf = k as f64;
    let tau2 = if denom > 0.0 {
        ((kf * phi - (kf - 1.0)) / denom).max(0.0)
    } else {
        0.0
    };
    tau2.is_finite().then_some(tau2)
}

/// Between-kommun variance of the log rates by DerSimonian & Laird (1986, "Meta-analysis in
/// clinical trials", Controlled Clinical Trials 7, 177–188), `docs/statistics.md` §8h:
/// y_i = ln(x_i/py_i), v_i = 1/x_i, w_i = 1/v_i, Q = Σw(y − ȳ_w)²,
/// τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)). Returns (Q, τ²).
///
/// `None` with fewer than 2 kommuner, a count that is zero (its log rate is −∞), negative
/// or not finite, or a person-years value that is not a positive finite number.
pub fn dersimonian_laird_tau2(counts: &[f64], person_years: &[f64]) -> Option<(f64, f64)> {
    let k = counts.len();
    let valid = |x: f64, py: f64| x.is_finite() && x > 0.0 && py.is_finite() && py > 0.0;
    if k < 2
        || person_years.len() != k
        || !counts.iter().zip(person_years).all(|(x, p)| valid(*x, *p))
    {
        return None;
    }
    let y: Vec<f64> = counts
        .iter()
        .zip(person_years)
        .map(|(x, p)| (x / p).ln())
        .collect();
    let sw: f64 = counts.iter().sum();
    let sw2: f64 = counts.iter().map(|w| w * w).sum();
    let y_bar = counts.iter().zip(&y).map(|(w, v)| w * v).sum::<f64>() / sw;
    let q: f64 = counts
        .iter()
        .zip(&y)
        .map(|(w, v)| w * (v - y_bar).powi(2))
        .sum();
    let denom = sw - sw2 / sw;
    let tau2 = if denom > 0.0 {
        ((q - (k as f64 - 1.0)) / denom).max(0.0)
    } else {
        0.0
    };
    (q.is_finite() && tau2.is_finite()).then_some((q, tau2))
}

/// Funnel limit on the rate scale (events per person; multiply by 10⁵ for a rate per
/// 100 000) for a kommun of `population` at probability `p`.
///
/// Without `tau2` (or with τ² ≤ 0 or NaN) it is the exact limit
/// `funnel_limit(target·population, p)/population`. With τ² > 0 it is the normal
/// random-effects limit θ0 + z_p·√(θ0/population + τ²), clamped at 0 (Spiegelhalter
/// 2005). Returns 0 when `population` is not positive and finite or `target` is
/// negative or not finite: no limit can be drawn there.
pub fn funnel_limits_rate(target: f64, population: f64, p: f64, tau2: Option<f64>) -> f64 {
    if !(population.is_finite() && population > 0.0 && target.is_finite() && target >= 0.0) {
        return 0.0;
    }
    let limit = match tau2 {
        Some(t2) if t2 > 0.0 && t2.is_finite() => {
            if p.is_nan() || p <= 0.0 {
                return 0.0;
            }
            target + normal_quantile(p.min(P_MAX)) * (target / population + t2).sqrt()
        }
        _ => funnel_limit(target * population, p) / population,
    };
    if limit.is_finite() {
        limit.max(0.0)
    } else {
        0.0
    }
}

/// Where a kommun lies in the funnel: outside the 99.8 % limits (p = 0.001/0.999),
/// outside the 95 % limits (p = 0.025/0.975), or inside.
/// Serialised as [`FunnelPosition::as_str`] (`summary.json`'s `funnel.position`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum FunnelPosition {
    /// Above the upper 99.8 % limit.
    #[serde(rename = "above_99_8")]
    Above99_8,
    /// Above the upper 95 % limit (but not the 99.8 % one).
    #[serde(rename = "above_95")]
    Above95,
    /// Within the 95 % limits.
    #[serde(rename = "inside_95")]
    Inside95,
    /// Below the lower 95 % limit (but not the 99.8 % one).
    #[serde(rename = "below_95")]
    Below95,
    /// Below the lower 99.8 % limit.
    #[serde(rename = "below_99_8")]
    Below99_8,
}

impl FunnelPosition {
    /// Stable machine-readable name: "above_99_8", "above_95", "inside_95",
    /// "below_95" or "below_99_8".
    pub fn as_str(&self) -> &'static str {
        match self {
            FunnelPosition::Above99_8 => "above_99_8",
            FunnelPosition::Above95 => "above_95",
            FunnelPosition::Inside95 => "inside_95",
            FunnelPosition::Below95 => "below_95",
            FunnelPosition::Below99_8 => "below_99_8",
        }
    }
}

/// Position of a kommun with `observed` events and `population` against the target rate
/// `target` (per person), using [`funnel_limits_rate`] with the given `tau2`.
/// A point on a limit counts as inside. Invalid input (non-finite or negative counts or
/// target, population ≤ 0) gives [`FunnelPosition::Inside95`]: nothing to flag.
pub fn funnel_position(
    observed: f64,
    population: f64,
    target: f64,
    tau2: Option<f64>,
) -> FunnelPosition {
    if !valid_observation(observed, population, target) {
        return FunnelPosition::Inside95;
    }
    position_by(observed / population, |p| {
        funnel_limits_rate(target, population, p, tau2)
    })
}

/// How far a new kommun's log rate may lie from the target when nothing is unusual, estimated
/// from the comparison group (`docs/methods.md` § Funnel): the parts of a random-effects
/// prediction interval (Higgins, Thompson & Spiegelhalter 2009, "A re-evaluation of
/// random-effects meta-analysis", JRSS A 172, 137–159).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LogSpread {
    /// Between-kommun variance of the log rates, [`dersimonian_laird_tau2`].
    pub tau2: f64,
    /// Variance of the log of the pooled target Σx/Σpy, by the delta method:
    /// Σ(x + x²τ²)/(Σx)² (each kommun's count varies by x from chance and x²τ² from its
    /// own level).
    pub target_log_variance: f64,
    /// Degrees of freedom of the t quantile: kommuner with events in the group − 2.
    pub df: usize,
}

/// The [`LogSpread`] of a comparison group of kommuner with `counts` events over
/// `person_years`. Kommuner without events have no log rate and are left out of τ² and the
/// degrees of freedom (they add nothing to the target's variance either). `None` with fewer
/// than three kommuner with events, or input [`dersimonian_laird_tau2`] refuses.
pub fn log_spread(counts: &[f64], person_years: &[f64]) -> Option<LogSpread> {
    let (x, py): (Vec<f64>, Vec<f64>) = counts
        .iter()
        .zip(person_years)
        .filter(|(c, _)| **c > 0.0)
        .map(|(c, p)| (*c, *p))
        .unzip();
    if x.len() < 3 {
        return None;
    }
    let (_, tau2) = dersimonian_laird_tau2(&x, &py)?;
    let total: f64 = x.iter().sum();
    let target_log_variance = x.iter().map(|c| c + c * c * tau2).sum::<f64>() / (total * total);
    Some(LogSpread {
        tau2,
        target_log_variance,
        df: x.len() - 2,
    })
}

/// Funnel limit on the rate scale (events per person) for a kommun of `population` at
/// probability `p`, against the pooled `target` of a comparison group with `spread`
/// (`docs/methods.md` § Funnel).
///
/// Without `spread` it is the exact Poisson limit (as [`funnel_limits_rate`]). With it, it is
/// the wider of the exact limit and the prediction limit
/// θ0·exp(t_{df,p}·√(1/(θ0·population) + τ² + Var(ln θ0))): the random-effects limit of
/// Spiegelhalter (2005) on the log scale, widened for the uncertainty in τ² and in the target
/// as a prediction interval is. Taking the wider keeps Poisson's exactness for small expected
/// counts. Returns 0 for a population that is not positive and finite, a target that is not a
/// positive finite number, or p ≤ 0 or NaN.
pub fn log_funnel_limits_rate(
    target: f64,
    population: f64,
    p: f64,
    spread: Option<LogSpread>,
) -> f64 {
    let exact = funnel_limits_rate(target, population, p, None);
    let Some(s) = spread else {
        return exact;
    };
    let valid = population.is_finite() && population > 0.0 && target.is_finite() && target > 0.0;
    let variance = 1.0 / (target * population) + s.tau2.max(0.0) + s.target_log_variance;
    if !valid || p.is_nan() || p <= 0.0 || !variance.is_finite() || s.df == 0 {
        return exact;
    }
    let Some(quantile) = t_quantile(s.df, p.min(P_MAX)) else {
        return exact;
    };
    let limit = target * (quantile * variance.sqrt()).exp();
    match (limit.is_finite(), p < 0.5) {
        (false, _) => exact,
        (true, true) => limit.min(exact),
        (true, false) => limit.max(exact),
    }
}

/// Position of a kommun against [`log_funnel_limits_rate`]; invalid input gives
/// [`FunnelPosition::Inside95`], as in [`funnel_position`].
pub fn log_funnel_position(
    observed: f64,
    population: f64,
    target: f64,
    spread: Option<LogSpread>,
) -> FunnelPosition {
    if !valid_observation(observed, population, target) {
        return FunnelPosition::Inside95;
    }
    position_by(observed / population, |p| {
        log_funnel_limits_rate(target, population, p, spread)
    })
}

/// Finite, non-negative counts and target and a positive population: something to place.
fn valid_observation(observed: f64, population: f64, target: f64) -> bool {
    observed.is_finite()
        && observed >= 0.0
        && population.is_finite()
        && population > 0.0
        && target.is_finite()
        && target >= 0.0
}

/// Where `rate` lies against `limit(p)` at the four funnel probabilities; on a limit is inside.
fn position_by(rate: f64, limit: impl Fn(f64) -> f64) -> FunnelPosition {
    if rate > limit(0.999) {
        FunnelPosition::Above99_8
    } else if rate > limit(0.975) {
        FunnelPosition::Above95
    } else if rate < limit(0.001) {
        FunnelPosition::Below99_8
    } else if rate < limit(0.025) {
        FunnelPosition::Below95
    } else {
        FunnelPosition::Inside95
    }
}

#[cfg(test)]
#[path = "funnel_tests.rs"]
mod tests;
