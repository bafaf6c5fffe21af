//! The verdict on an area (`docs/methods.md`), from the quasi-Poisson period comparison and
//! the trend, after Holm's adjustment across the pledge's areas (statistics.md §8d).
//!
//! The rule, also printed in the report's method section:
//! - `cannot_assess` when an input is missing: no pledge or no baseline year with both a
//!   count and a population above 0 (no counts, no population, population 0, no baseline);
//! - a *sign* is a Holm-adjusted p-value below α (`Method::alpha`): for the comparison the
//!   quasi-Poisson p (§8a), for the trend its quasi-Poisson p; the comparisons and the trends
//!   are each adjusted over the areas that can be assessed;
//! - `clear_increase`: the comparison shows an increase and the trend no decrease
//!   (`clear_decrease` likewise);
//! - `possible_increase`: only the trend shows an increase and the comparison no decrease
//!   (`possible_decrease` likewise); a *clear* change becomes *possible* when a series break
//!   that affects every type in the basket lies inside the compared years;
//! - otherwise `no_detectable_change` (including conflicting signs).

use crate::model::{Adjustment, AreaSummary, Comparison, Method, Sign, Trend, Verdict};
use crate::notes::Note;
use crate::stats::multiple::holm;

/// Whether the inputs allow a verdict: both periods have a year with count and population.
pub fn assessable(cmp: &Comparison) -> bool {
    cmp.pledge_years_used > 0 && cmp.baseline_years_used > 0
}

/// The direction a Holm-adjusted p-value shows for an estimate `effect` (ratio − 1 or annual
/// change: its sign gives the direction).
fn sign(holm_p: Option<f64>, effect: Option<f64>, alpha: f64) -> Sign {
    match (holm_p, effect) {
        (Some(p), Some(e)) if p < alpha && e > 0.0 => Sign::Increase,
        (Some(p), Some(e)) if p < alpha && e < 0.0 => Sign::Decrease,
        _ => Sign::None,
    }
}

/// Holm-adjusts the comparisons and the trends across the assessable areas, sets their
/// signs and every area's verdict, and records the number of comparisons in `method`.
pub fn adjust(areas: &mut [AreaSummary], method: &mut Method) {
    let mut pairs: Vec<(&mut Comparison, &mut Trend)> = areas
        .iter_mut()
        .map(|a| (&mut a.pledge_vs_baseline, &mut a.trend))
        .collect();
    let verdicts = adjust_tests(&mut pairs, method);
    for (a, v) in areas.iter_mut().zip(verdicts) {
        a.verdict = v;
    }
}

/// [`adjust`] on bare (comparison, trend) pairs, one per area; returns the verdicts. The
/// calibration simulation (`examples/calibrate.rs`) calls this directly.
pub fn adjust_tests(
    pairs: &mut [(&mut Comparison, &mut Trend)],
    method: &mut Method,
) -> Vec<Verdict> {
    let idx: Vec<usize> = (0..pairs.len())
        .filter(|&i| assessable(pairs[i].0))
        .collect();
    method.comparisons = idx.len();
    let cmp_p: Vec<f64> = idx
        .iter()
        .map(|&i| pairs[i].0.adjusted_p_value.unwrap_or(1.0))
        .collect();
    let trend_p: Vec<f64> = idx
        .iter()
        .map(|&i| pairs[i].1.p_value.unwrap_or(1.0))
        .collect();
    for ((&i, cp), tp) in idx.iter().zip(holm(&cmp_p)).zip(holm(&trend_p)) {
        let (c, t) = &mut pairs[i];
        c.holm_p_value = c.adjusted_p_value.map(|_| cp);
        let ratio = c.adjusted_rate_ratio.or(c.rate_ratio);
        c.sign = sign(c.holm_p_value, ratio.map(|r| r - 1.0), method.alpha);
        c.adjusted_for = adjusted_for(c, idx.len());
        t.holm_p_value = t.p_value.map(|_| tp);
        t.sign = sign(t.holm_p_value, t.annual_change, method.alpha);
    }
    pairs.iter().map(|(c, t)| verdict(c, t)).collect()
}

/// What the comparison's model adds to the exact test of the totals among `comparisons`
/// assessed areas: overdispersion (φ > 1), step terms, Holm's adjustment.
fn adjusted_for(c: &Comparison, comparisons: usize) -> Vec<Adjustment> {
    let mut out = Vec::new();
    if c.dispersion.is_some_and(|d| d > 1.0) {
        out.push(Adjustment::Overdispersion);
    }
    if !c.steps.is_empty() {
        out.push(Adjustment::Steps);
    }
    if comparisons > 1 {
        out.push(Adjustment::SeveralAreas);
    }
    out
}

/// Applies the rule above to a comparison and a trend whose signs are set.
pub fn verdict(cmp: &Comparison, trend: &Trend) -> Verdict {
    if !assessable(cmp) {
        return Verdict::CannotAssess;
    }
    let break_inside = cmp
        .notes
        .iter()
        .any(|n| matches!(n, Note::BreakInComparison { .. }));
    match (cmp.sign, trend.sign) {
        (Sign::Increase, Sign::Increase | Sign::None) if break_inside => Verdict::PossibleIncrease,
        (Sign::Increase, Sign::Increase | Sign::None) => Verdict::ClearIncrease,
        (Sign::Decrease, Sign::Decrease | Sign::None) if break_inside => Verdict::PossibleDecrease,
        (Sign::Decrease, Sign::Decrease | Sign::None) => Verdict::ClearDecrease,
        (Sign::None, Sign::Increase) => Verdict::PossibleIncrease,
        (Sign::None, Sign::Decrease) => Verdict::PossibleDecrease,
        _ => Verdict::NoDetectableChange,
    }
}

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
