//! The pledge period against the baseline for the pledge kommun: exact conditional rate ratio
//! (statistics.md §2) and the smallest changes the data could have shown.

use crate::config::SeriesBreak;
use crate::model::{Comparison, YearFigures};
use crate::notes::{self, Note};
use crate::stats::rate_ratio::{detectable_counts, exact_rate_ratio};

/// Sum of counts and population over the years in `range` that have both.
fn period(years: &[&YearFigures], range: [i32; 2]) -> (Vec<i32>, u64, f64) {
    let mut used = Vec::new();
    let (mut count, mut persons) = (0u64, 0f64);
    for y in years
        .iter()
        .filter(|y| y.year >= range[0] && y.year <= range[1])
    {
        if let (Some(c), Some(p)) = (y.count, y.population) {
            used.push(y.year);
            count += c;
            persons += p as f64;
        }
    }
    (used, count, persons)
}

/// Compares the pledge years present with the baseline years.
pub fn compare(
    kommun_years: &[&YearFigures],
    pledge: [i32; 2],
    baseline: [i32; 2],
    breaks: &[&SeriesBreak],
) -> Comparison {
    let (pledge_used, x1, t1) = period(kommun_years, pledge);
    let (base_used, x2, t2) = period(kommun_years, baseline);
    let mut out = Comparison {
        pledge_years: pledge_used
            .first()
            .zip(pledge_used.last())
            .map(|(a, b)| [*a, *b]),
        pledge_count: (!pledge_used.is_empty()).then_some(x1),
        pledge_person_years: (!pledge_used.is_empty()).then_some(t1),
        baseline_count: (!base_used.is_empty()).then_some(x2),
        baseline_person_years: (!base_used.is_empty()).then_some(t2),
        rate_ratio: None,
        ci_low: None,
        ci_high: None,
        p_value: None,
        detectable_increase_count: None,
        detectable_decrease_count: None,
        note: None,
        notes: Vec::new(),
    };
    if pledge_used.is_empty() || base_used.is_empty() {
        out.notes = vec![if pledge_used.is_empty() {
            Note::NoPledgeYears
        } else {
            Note::NoBaselineYears
        }];
        out.note = notes::english(&out.notes);
        return out;
    }
    let rr = exact_rate_ratio(x1, t1, x2, t2, super::yearly::LEVEL);
    out.rate_ratio = rr.rate_ratio;
    out.ci_low = rr.ci_low;
    out.ci_high = rr.ci_high;
    out.p_value = Some(rr.p_value);
    let (up, down) = detectable_counts(x2, t1, t2, 1.0 - super::yearly::LEVEL);
    out.detectable_increase_count = up;
    out.detectable_decrease_count = down;
    let mut found = Vec::new();
    let missing_base = (baseline[1] - baseline[0] + 1) as usize - base_used.len();
    if missing_base > 0 {
        found.push(Note::BaselineYearsMissing {
            years: missing_base,
        });
    }
    if x2 == 0 {
        found.push(Note::ZeroBaseline);
    } else if x1 == 0 {
        found.push(Note::ZeroPledge);
    }
    if x1 + x2 < 20 {
        found.push(Note::FewEvents);
    }
    let last = pledge_used.last().copied().unwrap_or(pledge[1]);
    for b in breaks.iter().filter(|b| b.splits_trend) {
        // A break changes the series when it falls after the first baseline year began.
        if b.first_clean_year() > baseline[0] && b.first_clean_year() <= last {
            found.push(Note::BreakInComparison {
                date: b.date.clone(),
                what: b.what.clone(),
            });
        }
    }
    out.note = notes::english(&found);
    out.notes = found;
    out
}
