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

use crate::model::{AreaSummary, Comparison, Method, Sign, Trend, Verdict};
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
        c.sign = sign(c.holm_p_value, c.rate_ratio.map(|r| r - 1.0), method.alpha);
        t.holm_p_value = t.p_value.map(|_| tp);
        t.sign = sign(t.holm_p_value, t.annual_change, method.alpha);
    }
    pairs.iter().map(|(c, t)| verdict(c, t)).collect()
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
mod tests {
    use super::*;
    use crate::render::charts::fixtures;

    fn area(adjusted_p: Option<f64>, ratio: f64, years_used: usize) -> AreaSummary {
        let mut a = fixtures::area("a", "A", &["X"], Vec::new());
        let c = &mut a.pledge_vs_baseline;
        c.pledge_years_used = years_used;
        c.baseline_years_used = 4;
        c.rate_ratio = Some(ratio);
        c.adjusted_p_value = adjusted_p;
        a
    }

    #[test]
    fn holm_across_areas_decides_the_signs() {
        let mut method = Method::standard();
        // Alone, p = 0.03 would be a clear increase; with two areas Holm makes it 0.06.
        let mut two = vec![area(Some(0.03), 1.4, 3), area(Some(0.04), 1.3, 3)];
        adjust(&mut two, &mut method);
        assert_eq!(method.comparisons, 2);
        assert!(two.iter().all(|a| a.verdict == Verdict::NoDetectableChange));
        let mut one = vec![area(Some(0.03), 1.4, 3)];
        adjust(&mut one, &mut method);
        assert_eq!(one[0].verdict, Verdict::ClearIncrease);
        assert_eq!(one[0].pledge_vs_baseline.holm_p_value, Some(0.03));
    }

    #[test]
    fn a_missing_input_cannot_be_assessed_and_is_not_counted_as_a_comparison() {
        let mut method = Method::standard();
        let mut areas = vec![area(None, 1.0, 0), area(Some(0.03), 0.6, 3)];
        adjust(&mut areas, &mut method);
        assert_eq!(areas[0].verdict, Verdict::CannotAssess);
        assert_eq!(method.comparisons, 1);
        assert_eq!(areas[1].verdict, Verdict::ClearDecrease);
    }

    #[test]
    fn a_trend_alone_gives_a_possible_change_and_conflicts_give_none() {
        let mut method = Method::standard();
        let mut a = vec![area(Some(0.5), 1.1, 3)];
        a[0].trend.p_value = Some(0.001);
        a[0].trend.annual_change = Some(0.1);
        adjust(&mut a, &mut method);
        assert_eq!(a[0].verdict, Verdict::PossibleIncrease);
        let mut b = vec![area(Some(0.001), 0.5, 3)];
        b[0].trend.p_value = Some(0.001);
        b[0].trend.annual_change = Some(0.1);
        adjust(&mut b, &mut method);
        assert_eq!(b[0].verdict, Verdict::NoDetectableChange);
    }

    /// The surroundings are context: an extreme ratio against the county changes no verdict.
    #[test]
    fn the_surroundings_never_change_the_verdict() {
        let mut method = Method::standard();
        let base = || vec![area(Some(0.03), 1.4, 3), area(Some(0.5), 0.9, 3)];
        let mut without = base();
        adjust(&mut without, &mut method);
        for ratio in [0.1, 1.0, 10.0] {
            let mut with = base();
            for a in &mut with {
                a.surroundings = vec![crate::model::surroundings::Surrounding {
                    level: "county".into(),
                    region_code: "21".into(),
                    region_name: "Gävleborgs län".into(),
                    region_rate_ratio: Some(1.4 / ratio),
                    ratio: Some(ratio),
                    ci_low: Some(ratio * 0.9),
                    ci_high: Some(ratio * 1.1),
                    p_value: Some(1e-9),
                    notes: Vec::new(),
                    note: None,
                }];
            }
            adjust(&mut with, &mut method);
            let verdicts = |v: &[AreaSummary]| v.iter().map(|a| a.verdict).collect::<Vec<_>>();
            assert_eq!(verdicts(&with), verdicts(&without));
        }
    }
}
