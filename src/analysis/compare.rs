//! The pledge period against the baseline for the pledge kommun (`docs/methods.md`).
//!
//! Two answers side by side: the exact conditional rate ratio (statistics.md §2, the
//! figures R's `poisson.test` gives), and a quasi-Poisson GLM over the yearly counts with a
//! pledge indicator (§8a), whose interval widens when the years scatter more than Poisson
//! counts would. The verdict uses the quasi-Poisson one: with overdispersion the exact test
//! claims changes that are not there. Breaks that affect only part of the basket and fall
//! inside the compared years enter that model as step terms (§8c).

use crate::config::SeriesBreak;
use crate::model::{Comparison, Method, Step, YearFigures};
use crate::notes::{self, Note};
use crate::stats::glm::fit_poisson_glm;
use crate::stats::rate_ratio::{detectable_counts, exact_rate_ratio};

/// The years in `range` that have a count and a population above 0.
fn period(years: &[&YearFigures], range: [i32; 2]) -> Vec<(i32, u64, f64)> {
    years
        .iter()
        .filter(|y| y.year >= range[0] && y.year <= range[1])
        .filter_map(|y| Some((y.year, y.count?, y.population.filter(|p| *p > 0)? as f64)))
        .collect()
}

/// Compares the pledge years present with the baseline years. `breaks` are the splitting
/// breaks affecting every basket type (noted, not modelled); `steps` those affecting part of
/// it (modelled when they fall inside the compared years).
pub fn compare(
    kommun_years: &[&YearFigures],
    pledge: [i32; 2],
    baseline: [i32; 2],
    breaks: &[&SeriesBreak],
    steps: &[Step],
    method: &Method,
) -> Comparison {
    let p_rows = period(kommun_years, pledge);
    let b_rows = period(kommun_years, baseline);
    let sum = |rows: &[(i32, u64, f64)]| -> (u64, f64) {
        rows.iter().fold((0, 0.0), |(c, t), r| (c + r.1, t + r.2))
    };
    let ((x1, t1), (x2, t2)) = (sum(&p_rows), sum(&b_rows));
    let mut out = Comparison::empty();
    out.pledge_years = p_rows.first().zip(p_rows.last()).map(|(a, b)| [a.0, b.0]);
    out.pledge_years_used = p_rows.len();
    out.baseline_years_used = b_rows.len();
    if !p_rows.is_empty() {
        out.pledge_count = Some(x1);
        out.pledge_person_years = Some(t1);
        out.pledge_mean = Some(x1 as f64 / p_rows.len() as f64);
    }
    if !b_rows.is_empty() {
        out.baseline_count = Some(x2);
        out.baseline_person_years = Some(t2);
        out.baseline_mean = Some(x2 as f64 / b_rows.len() as f64);
    }
    if p_rows.is_empty() || b_rows.is_empty() {
        let why = if p_rows.is_empty() {
            Note::NoPledgeYears
        } else {
            Note::NoBaselineYears
        };
        out.notes = vec![why];
        out.note = notes::english(&out.notes);
        return out;
    }
    let rr = exact_rate_ratio(x1, t1, x2, t2, method.level);
    out.rate_ratio = rr.rate_ratio;
    out.ci_low = rr.ci_low;
    out.ci_high = rr.ci_high;
    out.p_value = Some(rr.p_value);
    let last = p_rows[p_rows.len() - 1].0;
    let inside: Vec<Step> = steps
        .iter()
        .filter(|s| s.from_year > b_rows[0].0 && s.from_year <= last)
        .cloned()
        .collect();
    let mut found = quasi(&mut out, &b_rows, &p_rows, &inside, method);
    widen_detectable(&mut out, x2, t1, t2, method);
    let missing_base = (baseline[1] - baseline[0] + 1) as usize - b_rows.len();
    if missing_base > 0 {
        found.insert(
            0,
            Note::BaselineYearsMissing {
                years: missing_base,
            },
        );
    }
    if x2 == 0 {
        found.push(Note::ZeroBaseline);
    } else if x1 == 0 {
        found.push(Note::ZeroPledge);
    }
    if x1 + x2 < method.min_events_for_percent {
        found.push(Note::FewEvents {
            below: method.min_events_for_percent,
        });
    }
    for b in breaks.iter().filter(|b| b.splits_trend) {
        // A break changes the series when it falls after the first baseline year began.
        if b.first_clean_year() > baseline[0] && b.first_clean_year() <= last {
            found.push(Note::BreakInComparison {
                date: b.date_text(),
                what: b.what.clone(),
            });
        }
    }
    out.note = notes::english(&found);
    out.notes = found;
    out
}

/// The quasi-Poisson comparison (§8a): log μ = log pop + β0 + β1·pledge (+ γ·step). Fills
/// the adjusted fields and the steps used; returns notes for steps that could not be
/// modelled (a step that coincides with the pledge indicator cannot be told apart from it).
fn quasi(
    out: &mut Comparison,
    base: &[(i32, u64, f64)],
    pledge: &[(i32, u64, f64)],
    steps: &[Step],
    method: &Method,
) -> Vec<Note> {
    let rows: Vec<(i32, u64, f64, f64)> = base
        .iter()
        .map(|r| (r.0, r.1, r.2, 0.0))
        .chain(pledge.iter().map(|r| (r.0, r.1, r.2, 1.0)))
        .collect();
    let y: Vec<f64> = rows.iter().map(|r| r.1 as f64).collect();
    let offset: Vec<f64> = rows.iter().map(|r| r.2.ln()).collect();
    let design = |with: &[Step]| -> Vec<Vec<f64>> {
        rows.iter()
            .map(|r| {
                let mut x = vec![1.0, r.3];
                x.extend(with.iter().map(|s| f64::from(r.0 >= s.from_year)));
                x
            })
            .collect()
    };
    let mut notes = Vec::new();
    let mut fit = fit_poisson_glm(&design(steps), &y, &offset);
    if fit.is_some() {
        out.steps = steps.to_vec();
    } else if !steps.is_empty() {
        notes.extend(steps.iter().map(|s| Note::StepNotModelled {
            date: s.date.clone(),
        }));
        fit = fit_poisson_glm(&design(&[]), &y, &offset);
    }
    let Some(fit) = fit else {
        return notes;
    };
    out.dispersion = fit.dispersion;
    if let Some(w) = fit.coefficient(1, method.level) {
        out.adjusted_ci_low = Some(w.ci_low.exp());
        out.adjusted_ci_high = Some(w.ci_high.exp());
        out.adjusted_p_value = Some(w.p_value);
        out.adjusted_rate_ratio = Some(w.estimate.exp());
    }
    notes
}

/// The detectable counts of the exact test, widened for overdispersion: the distance from
/// the expected count grows with the standard deviation, √φ* (§8a).
fn widen_detectable(out: &mut Comparison, x2: u64, t1: f64, t2: f64, method: &Method) {
    let (up, down) = detectable_counts(x2, t1, t2, 1.0 - method.level);
    let phi_star = out.dispersion.map_or(1.0, |d| d.max(1.0));
    let expected = x2 as f64 * t1 / t2;
    let scale = phi_star.sqrt();
    out.detectable_increase_count =
        up.map(|u| (expected + (u as f64 - expected) * scale).ceil() as u64);
    out.detectable_decrease_count = down.and_then(|d| {
        let v = expected - (expected - d as f64) * scale;
        (v >= 0.0).then(|| v.floor() as u64)
    });
    // These limits come from the exact test of the totals. When the observed count already
    // reaches one of them but the verdict's model (step terms, φ*) still finds no change,
    // saying "only N would have shown a change" would contradict the result: leave them out.
    let x1 = out.pledge_count.unwrap_or(0);
    let reached = out.detectable_increase_count.is_some_and(|u| x1 >= u)
        || out.detectable_decrease_count.is_some_and(|d| x1 <= d);
    if reached {
        out.detectable_increase_count = None;
        out.detectable_decrease_count = None;
    }
}
