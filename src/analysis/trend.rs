//! The trend of one area in the pledge kommun (`docs/methods.md`): a Poisson GLM with a
//! log-population offset and quasi-Poisson scale (statistics.md §3), with a step term for each
//! splitting break that affects only part of the basket (§8c), Mann–Kendall and the Sen slope
//! (§4) as a robustness check, the smallest detectable trend (§8f) and spikes from residuals
//! scaled by √φ* (§8i).

use crate::catalog;
use crate::config::SeriesBreak;
use crate::model::{Method, Sign, Step, Trend, TrendPoint, YearFigures};
use crate::notes::{self, Note};
use crate::stats::glm::{GlmFit, fit_poisson_glm};
use crate::stats::mann_kendall::{mann_kendall, sen_slope};
use crate::stats::power::detectable_from_se;

/// Where a trend starts and which breaks it models as steps.
#[derive(Debug, Clone)]
pub struct Plan {
    /// First year the trend may use.
    pub start: Option<i32>,
    /// Why it starts late (a break that affects every basket type).
    pub start_note: Option<Note>,
    /// Breaks affecting part of the basket: step terms from their first whole year.
    pub steps: Vec<Step>,
    /// Splitting breaks that affect every basket type.
    pub whole: Vec<SeriesBreak>,
}

/// Plans the trend: a splitting break that affects every type in `basket` ends the window
/// (the trend starts after the latest one); one that affects only some becomes a step.
/// `complete_from` is the first year every basket type has figures from.
pub fn plan(
    trend_from: Option<i32>,
    breaks: &[SeriesBreak],
    basket: &[String],
    complete_from: Option<i32>,
) -> Plan {
    let mut whole: Vec<SeriesBreak> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    for b in breaks.iter().filter(|b| b.splits_trend) {
        let one = std::slice::from_ref(b);
        let hit = basket
            .iter()
            .filter(|c| !catalog::area_breaks(one, std::slice::from_ref(*c)).is_empty())
            .count();
        if hit == basket.len() && hit > 0 {
            whole.push(b.clone());
        } else if hit > 0 {
            steps.push(Step {
                date: b.date_text(),
                from_year: b.first_clean_year(),
            });
        }
    }
    let latest = whole.iter().max_by_key(|b| b.first_clean_year());
    let (mut start, start_note) = match (trend_from, latest) {
        (Some(t), Some(b)) if t >= b.first_clean_year() => (Some(t), None),
        (_, Some(b)) => (
            Some(b.first_clean_year()),
            Some(Note::TrendAfterBreak {
                year: b.first_clean_year(),
                date: b.date_text(),
                what: b.what.clone(),
            }),
        ),
        (t, None) => (t, None),
    };
    if let Some(c) = complete_from {
        start = Some(start.map_or(c, |s| s.max(c)));
    }
    steps.retain(|s| start.is_none_or(|st| s.from_year > st));
    steps.sort_by_key(|s| s.from_year);
    steps.dedup_by_key(|s| s.from_year);
    Plan {
        start,
        start_note,
        steps,
        whole,
    }
}

/// Fits the trend on the kommun's years from the plan's start; also returns the spike years.
pub fn trend(years: &[&YearFigures], plan: &Plan, method: &Method) -> (Trend, Vec<i32>) {
    let first_with_data = years.iter().find(|y| y.count.is_some()).map(|y| y.year);
    let Some(first_with_data) = first_with_data else {
        return (Trend::none(vec![Note::NoData]), Vec::new());
    };
    let from = plan
        .start
        .map_or(first_with_data, |s| s.max(first_with_data));
    // Say why the trend starts late only when the break moved the start.
    let start_note = plan.start_note.clone().filter(|_| from > first_with_data);
    let used: Vec<(i32, u64, u64)> = years
        .iter()
        .filter(|y| y.year >= from)
        .filter_map(|y| Some((y.year, y.count?, y.population.filter(|p| *p > 0)?)))
        .collect();
    if used.len() < method.min_trend_years {
        let mut found: Vec<Note> = start_note.into_iter().collect();
        found.push(Note::TooFewYears {
            years: used.len(),
            from,
            needed: method.min_trend_years,
        });
        return (Trend::none(found), Vec::new());
    }
    let last = used[used.len() - 1].0;
    let Some((steps, design, fit)) = fit(&used, plan) else {
        return (Trend::none(vec![Note::TrendNotFitted]), Vec::new());
    };
    let Some(w) = fit.coefficient(1, method.level) else {
        return (Trend::none(vec![Note::TrendNotFitted]), Vec::new());
    };
    let rates: Vec<f64> = used.iter().map(|u| u.1 as f64 / u.2 as f64 * 1e5).collect();
    let years_used: Vec<f64> = used.iter().map(|u| f64::from(u.0)).collect();
    let mk = mann_kendall(&rates);
    let sen = sen_slope(&years_used, &rates);
    let spikes = spikes(&used, &fit, method.spike_residual);
    let mut found: Vec<Note> = start_note.into_iter().collect();
    let gaps = (last - used[0].0 + 1) as usize - used.len();
    if gaps > 0 {
        found.push(Note::TrendGaps { years: gaps });
    }
    let events: u64 = used.iter().map(|u| u.1).sum();
    let trend = Trend {
        from: Some(used[0].0),
        to: Some(last),
        annual_change: Some(w.estimate.exp_m1()),
        ci_low: Some(w.ci_low.exp_m1()),
        ci_high: Some(w.ci_high.exp_m1()),
        dispersion: fit.dispersion,
        p_value: Some(w.p_value),
        holm_p_value: None,
        sign: Sign::None,
        events,
        percent_shown: events >= method.min_events_for_percent,
        detectable_annual_change: detectable_from_se(w.se, 1.0 - method.level, method.power),
        steps,
        mann_kendall_s: mk.as_ref().map(|m| m.s),
        mann_kendall_z: mk.as_ref().map(|m| m.z),
        mann_kendall_p: mk.as_ref().map(|m| m.p_value),
        sen_slope: sen.map(|s| s.slope),
        line: band(&used, &design, &fit, method),
        note: notes::english(&found),
        notes: found,
    };
    (trend, spikes)
}

/// Years whose Pearson residual divided by √φ* exceeds `limit` (§8i). φ* is estimated
/// leaving the year itself out, φ₍ᵢ₎ = (X² − rᵢ²)/(n − p − 1): a single large spike inflates
/// the full-sample φ so much that |rᵢ|/√φ can never exceed √(n − p) — 3 with 11 years — and
/// no spike could ever be flagged (the "deleted residual" idea; Cook & Weisberg 1982, ch. 2).
fn spikes(used: &[(i32, u64, u64)], fit: &GlmFit, limit: f64) -> Vec<i32> {
    let df = fit.df_resid as f64 - 1.0;
    used.iter()
        .zip(&fit.pearson_residuals)
        .filter(|(_, r)| {
            let phi = if df > 0.0 {
                (fit.pearson_chi2 - r.powi(2)) / df
            } else {
                1.0
            };
            r.abs() / phi.max(1.0).sqrt() > limit
        })
        .map(|(u, _)| u.0)
        .collect()
}

/// The GLM on the years used: intercept, years since the first, and the plan's steps that
/// fall inside; returns the steps used, the design and the fit.
fn fit(used: &[(i32, u64, u64)], plan: &Plan) -> Option<(Vec<Step>, Vec<Vec<f64>>, GlmFit)> {
    let (first, last) = (used[0].0, used[used.len() - 1].0);
    let steps: Vec<Step> = plan
        .steps
        .iter()
        .filter(|s| s.from_year > first && s.from_year <= last)
        .cloned()
        .collect();
    let design: Vec<Vec<f64>> = used
        .iter()
        .map(|u| {
            let mut x = vec![1.0, f64::from(u.0 - first)];
            x.extend(steps.iter().map(|s| f64::from(u.0 >= s.from_year)));
            x
        })
        .collect();
    let y: Vec<f64> = used.iter().map(|u| u.1 as f64).collect();
    let offset: Vec<f64> = used.iter().map(|u| (u.2 as f64).ln()).collect();
    let fit = fit_poisson_glm(&design, &y, &offset)?;
    Some((steps, design, fit))
}

/// The fitted line with a band for the mean: Var(η) = xᵀ Cov(β) x with
/// Cov(β) = φ*·(XᵀWX)⁻¹ (McCullagh & Nelder 1989, §2.5); the step terms are part of x.
fn band(
    used: &[(i32, u64, u64)],
    design: &[Vec<f64>],
    fit: &GlmFit,
    m: &Method,
) -> Vec<TrendPoint> {
    used.iter()
        .zip(design.iter().zip(&fit.fitted))
        .map(|(u, (x, mu))| {
            // The contrast's interval is η ± q·SE; only its half-width is needed here.
            let half = fit
                .contrast(x, m.level)
                .map_or(0.0, |w| (w.ci_high - w.ci_low) / 2.0);
            TrendPoint {
                year: u.0,
                fitted: *mu,
                low: mu * (-half).exp(),
                high: mu * half.exp(),
            }
        })
        .collect()
}
