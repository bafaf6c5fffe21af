//! The control chart (statistics.md §6): counts per period against c̄ ± 3√(φ*·c̄), with c̄ and
//! φ from the periods before the pledge. Poisson limits are widened by φ* = max(1, φ) so an
//! overdispersed series does not flag ordinary months; with fewer than ~3 crimes a month the
//! chart uses quarters, where a single case is not a signal (Montgomery 2019, *Introduction to
//! Statistical Quality Control*, 8th ed., §7.3).

use super::series::month_index;
use crate::model::monthly::{Control, Grain, PeriodPoint};

/// Below this mean per month the chart uses quarters.
pub const MIN_MONTHLY_MEAN: f64 = 3.0;

/// Centre, lower and upper limit and φ* from the baseline counts; `None` without counts.
pub fn limits(counts: &[f64]) -> Option<(f64, f64, f64, f64)> {
    let n = counts.len();
    if n < 2 {
        return None;
    }
    let centre = counts.iter().sum::<f64>() / n as f64;
    if centre <= 0.0 {
        return None;
    }
    let x2: f64 = counts.iter().map(|c| (c - centre).powi(2) / centre).sum();
    let phi_star = (x2 / (n - 1) as f64).max(1.0);
    let half = 3.0 * (phi_star * centre).sqrt();
    Some((centre, (centre - half).max(0.0), centre + half, phi_star))
}

/// Quarters summed from complete months.
fn quarters(months: &[PeriodPoint]) -> Vec<PeriodPoint> {
    let mut out: Vec<PeriodPoint> = Vec::new();
    let quarter_of = |p: &PeriodPoint| p.month.map(|m| m.div_ceil(3));
    for q in months.chunk_by(|a, b| a.year == b.year && quarter_of(a) == quarter_of(b)) {
        if q.len() == 3 && q.iter().all(|p| p.count.is_some()) {
            let mut p = q[0].clone();
            p.month = None;
            p.quarter = quarter_of(&q[0]);
            p.count = Some(q.iter().filter_map(|p| p.count).sum());
            p.preliminary = q.iter().any(|p| p.preliminary);
            p.rolling_12 = None;
            (p.rate_per_100k, p.count_ci, p.rate_ci) = (None, None, None);
            out.push(p);
        }
    }
    out
}

/// The control chart of a series; `start` is the month index of the first pledge month
/// (`None`: every period is baseline).
pub fn control(points: &[PeriodPoint], grain: Grain, start: Option<i64>) -> Option<Control> {
    let known: Vec<PeriodPoint> = points
        .iter()
        .filter(|p| p.count.is_some())
        .cloned()
        .collect();
    let before = |p: &PeriodPoint| start.is_none_or(|s| month_index(p) < s);
    let base: Vec<f64> = known
        .iter()
        .filter(|p| before(p))
        .filter_map(|p| p.count)
        .map(|c| c as f64)
        .collect();
    let monthly_mean = base.iter().sum::<f64>() / base.len().max(1) as f64;
    let (grain, chart) = if grain == Grain::Month && monthly_mean < MIN_MONTHLY_MEAN {
        (Grain::Quarter, quarters(&known))
    } else {
        (grain, known)
    };
    // A quarter counts as baseline only when all its months are before the start.
    let base: Vec<f64> = chart
        .iter()
        .filter(|p| start.is_none_or(|s| month_index(p) + i64::from(p.quarter.is_some()) * 2 < s))
        .filter_map(|p| p.count)
        .map(|c| c as f64)
        .collect();
    let (centre, lower, upper, dispersion) = limits(&base)?;
    let outside = chart
        .iter()
        .filter(|p| {
            p.count
                .is_some_and(|c| (c as f64) > upper || (c as f64) < lower)
        })
        .map(PeriodPoint::label)
        .collect();
    Some(Control {
        grain,
        centre,
        lower,
        upper,
        dispersion,
        outside,
        points: chart,
    })
}

#[cfg(test)]
#[path = "control_tests.rs"]
mod tests;
