//! The trend of one area in the pledge kommun: Poisson regression with a log-population offset
//! and quasi-Poisson scale, Mann–Kendall and the Sen slope, over the years after the latest
//! series break (statistics.md §3–4).

use crate::config::SeriesBreak;
use crate::model::{Trend, TrendPoint, YearFigures};
use crate::notes::{self, Note};
use crate::stats::mann_kendall::{mann_kendall, sen_slope};
use crate::stats::trend::fit_poisson_trend;

/// Fewer years than this give no trend.
pub const MIN_YEARS: usize = 5;

/// |Pearson residual| above this flags a possible single-case spike.
pub const SPIKE_RESIDUAL: f64 = 3.0;

fn empty(found: Vec<Note>) -> Trend {
    Trend::none(found)
}

/// The first year a trend may use: after `trend_from` and the latest break that splits trends.
pub fn start_year(trend_from: Option<i32>, breaks: &[&SeriesBreak]) -> (Option<i32>, Option<Note>) {
    let latest = breaks
        .iter()
        .filter(|b| b.splits_trend)
        .max_by_key(|b| b.first_clean_year());
    match (trend_from, latest) {
        (Some(t), Some(b)) if t >= b.first_clean_year() => (Some(t), None),
        (_, Some(b)) => (
            Some(b.first_clean_year()),
            Some(Note::TrendAfterBreak {
                year: b.first_clean_year(),
                date: b.date.clone(),
                what: b.what.clone(),
            }),
        ),
        (t, None) => (t, None),
    }
}

/// Fits the trend on the kommun's years from `start` on; also returns the spike years.
pub fn trend(
    years: &[&YearFigures],
    start: Option<i32>,
    start_note: Option<Note>,
) -> (Trend, Vec<i32>) {
    let first_with_data = years.iter().find(|y| y.count.is_some()).map(|y| y.year);
    let Some(first_with_data) = first_with_data else {
        return (empty(vec![Note::NoData]), Vec::new());
    };
    let from = start.map_or(first_with_data, |s| s.max(first_with_data));
    // Say why the trend starts late only when the break moved the start.
    let start_note = start_note.filter(|_| from > first_with_data);
    let used: Vec<(i32, u64, u64)> = years
        .iter()
        .filter(|y| y.year >= from)
        .filter_map(|y| Some((y.year, y.count?, y.population.filter(|p| *p > 0)?)))
        .collect();
    if used.len() < MIN_YEARS {
        let mut found: Vec<Note> = start_note.into_iter().collect();
        found.push(Note::TooFewYears {
            years: used.len(),
            from,
            needed: MIN_YEARS,
        });
        return (empty(found), Vec::new());
    }
    let t: Vec<f64> = used.iter().map(|u| f64::from(u.0 - used[0].0)).collect();
    let y: Vec<f64> = used.iter().map(|u| u.1 as f64).collect();
    let pop: Vec<f64> = used.iter().map(|u| u.2 as f64).collect();
    let rates: Vec<f64> = used.iter().map(|u| u.1 as f64 / u.2 as f64 * 1e5).collect();
    let years_used: Vec<f64> = used.iter().map(|u| f64::from(u.0)).collect();
    let Some(fit) = fit_poisson_trend(&t, &y, &pop) else {
        return (empty(vec![Note::TrendNotFitted]), Vec::new());
    };
    let mk = mann_kendall(&rates);
    let sen = sen_slope(&years_used, &rates);
    let spikes = used
        .iter()
        .zip(&fit.pearson_residuals)
        .filter(|(_, r)| r.abs() > SPIKE_RESIDUAL)
        .map(|(u, _)| u.0)
        .collect();
    let mut found: Vec<Note> = start_note.into_iter().collect();
    let gaps = (used[used.len() - 1].0 - used[0].0 + 1) as usize - used.len();
    if gaps > 0 {
        found.push(Note::TrendGaps { years: gaps });
    }
    let trend = Trend {
        from: Some(used[0].0),
        to: Some(used[used.len() - 1].0),
        annual_change: Some(fit.annual_change),
        ci_low: Some(fit.ci_low),
        ci_high: Some(fit.ci_high),
        dispersion: Some(fit.dispersion),
        p_value: Some(fit.p_value),
        mann_kendall_s: mk.as_ref().map(|m| m.s),
        mann_kendall_z: mk.as_ref().map(|m| m.z),
        mann_kendall_p: mk.as_ref().map(|m| m.p_value),
        sen_slope: sen.map(|s| s.slope),
        line: band(&used, &t, &fit.fitted, fit.dispersion_used),
        note: notes::english(&found),
        notes: found,
    };
    (trend, spikes)
}

/// The fitted line with a 95 % band for the mean: Var(η) = x′ Cov(β) x with
/// Cov(β) = φ*·(X′WX)⁻¹, W = diag(μ) (McCullagh & Nelder 1989, §2.5).
fn band(used: &[(i32, u64, u64)], t: &[f64], fitted: &[f64], scale: f64) -> Vec<TrendPoint> {
    let (mut s0, mut s1, mut s2) = (0.0, 0.0, 0.0);
    for (ti, mu) in t.iter().zip(fitted) {
        s0 += mu;
        s1 += mu * ti;
        s2 += mu * ti * ti;
    }
    let det = s0 * s2 - s1 * s1;
    used.iter()
        .zip(t.iter().zip(fitted))
        .map(|(u, (ti, mu))| {
            let var = if det > 0.0 {
                scale * (s2 - 2.0 * ti * s1 + ti * ti * s0) / det
            } else {
                0.0
            };
            let half = Z95 * var.max(0.0).sqrt();
            TrendPoint {
                year: u.0,
                fitted: *mu,
                low: mu * (-half).exp(),
                high: mu * half.exp(),
            }
        })
        .collect()
}

/// The 97.5 % quantile of the standard normal distribution.
const Z95: f64 = 1.959_963_984_540_054;
