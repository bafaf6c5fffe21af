//! The verdict without the pledge period's preliminary years (issue #11 item 7,
//! `docs/methods.md` § Preliminary years): BRÅ revises preliminary figures in March, so a
//! verdict that rests on them is worth a line. The comparison is made again over the final
//! pledge years only and adjusted across the areas like the main one; the trend is the area's.

use super::{compare, verdict};
use crate::config::SeriesBreak;
use crate::model::{AreaSummary, Comparison, Method, Step, Trend, WithoutPreliminary, YearFigures};

/// The comparison without the preliminary pledge years, when there are any; its verdict is set
/// by [`adjust`] once every area's is known.
pub fn without_preliminary(
    kommun: &[&YearFigures],
    pledge: [i32; 2],
    baseline: [i32; 2],
    breaks: &[&SeriesBreak],
    steps: &[Step],
    method: &Method,
) -> Option<WithoutPreliminary> {
    let in_pledge = |y: &&&YearFigures| (pledge[0]..=pledge[1]).contains(&y.year);
    let left_out: Vec<i32> = kommun
        .iter()
        .filter(in_pledge)
        .filter(|y| y.preliminary && y.count.is_some())
        .map(|y| y.year)
        .collect();
    let first = *left_out.iter().min()?;
    let final_years = [pledge[0], first - 1];
    let comparison = compare::compare(kommun, final_years, baseline, breaks, steps, method);
    Some(WithoutPreliminary {
        left_out,
        comparison,
        verdict: crate::model::Verdict::CannotAssess,
        changes_verdict: false,
    })
}

/// Sets each area's verdict without its preliminary years: the comparisons made without them
/// (the others as they are) Holm-adjusted together, as [`verdict::adjust`] does for the main
/// verdicts, which must be set already.
pub fn adjust(areas: &mut [AreaSummary], method: &Method) {
    if areas.iter().all(|a| a.without_preliminary.is_none()) {
        return;
    }
    let mut alt: Vec<(Comparison, Trend)> = areas
        .iter()
        .map(|a| {
            let cmp = a
                .without_preliminary
                .as_ref()
                .map_or(&a.pledge_vs_baseline, |w| &w.comparison);
            (cmp.clone(), a.trend.clone())
        })
        .collect();
    let verdicts = {
        let mut pairs: Vec<(&mut Comparison, &mut Trend)> =
            alt.iter_mut().map(|(c, t)| (c, t)).collect();
        verdict::adjust_tests(&mut pairs, &mut method.clone())
    };
    for ((a, (cmp, _)), v) in areas.iter_mut().zip(alt).zip(verdicts) {
        let main = a.verdict;
        if let Some(w) = a.without_preliminary.as_mut() {
            w.comparison = cmp;
            w.verdict = v;
            w.changes_verdict = v != main;
        }
    }
}
