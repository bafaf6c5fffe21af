//! Where the pledge kommun lies among the kommuner in the data over the pledge period: a funnel
//! plot with exact Poisson limits, widened for overdispersion when there are at least 10
//! kommuner (Spiegelhalter 2005; statistics.md §5, §8h; `docs/methods.md` § Funnel). No ranking.
//!
//! The target and the spread come from the comparison group — every kommun in the data except
//! the pledge kommun — so the kommun being judged does not pull the target towards itself.

use super::sums::AreaYear;
use crate::model::{Funnel, FunnelLimit, FunnelPoint};
use crate::notes::{self, Note};
use crate::regions::Level;
use crate::stats::funnel::{self, LogSpread, log_funnel_position, target_rate};
use std::collections::BTreeMap;

/// The funnel of one area over `years` (the pledge years present for the pledge kommun).
pub fn funnel(rows: &[&AreaYear], years: &[i32], kommun_code: &str, min_kommuner: usize) -> Funnel {
    let points = kommun_points(rows, years);
    // The comparison group: every kommun but the pledge kommun.
    let others: Vec<funnel::FunnelPoint> = points
        .iter()
        .filter(|p| p.code != kommun_code)
        .map(|p| funnel::FunnelPoint {
            observed: p.count as f64,
            population: p.person_years,
        })
        .collect();
    let mut out = Funnel {
        kommuner: points.len(),
        position: None,
        target_rate: None,
        rate: None,
        tau2: None,
        spread: None,
        points: Vec::new(),
        limits: Vec::new(),
        note: None,
        notes: Vec::new(),
    };
    let Some(me) = points.iter().find(|p| p.code == kommun_code) else {
        out.notes = vec![if years.is_empty() {
            Note::NoPledgeYears
        } else {
            Note::FunnelKommunIncomplete
        }];
        out.note = notes::english(&out.notes);
        out.points = points;
        return out;
    };
    if others.is_empty() {
        out.notes = vec![Note::FunnelAlone];
        out.note = notes::english(&out.notes);
        out.points = points;
        return out;
    }
    let Some(target) = target_rate(&others) else {
        out.notes = vec![Note::FunnelNoCrimes];
        out.note = notes::english(&out.notes);
        out.points = points;
        return out;
    };
    let spread = if points.len() >= min_kommuner {
        spread(&others)
    } else {
        None
    };
    // With few kommuner the spread between them cannot be estimated, and exact Poisson
    // limits flag about a third of ordinary kommuner (see `docs/methods.md`): no position,
    // the chart is still drawn.
    let position = log_funnel_position(me.count as f64, me.person_years, target, spread);
    out.position = (points.len() >= min_kommuner).then_some(position);
    out.target_rate = Some(target * 1e5);
    out.rate = Some(me.count as f64 / me.person_years * 1e5);
    out.tau2 = spread.map(|s| s.tau2);
    out.spread = spread;
    out.notes = vec![match spread {
        Some(s) if s.tau2 > 0.0 => Note::FunnelWidened,
        Some(_) => Note::FunnelNoOverdispersion,
        // Enough kommuner, but fewer than three others with any event: exact limits.
        None if points.len() >= min_kommuner => Note::FunnelFewWithCrimes,
        None => Note::FunnelFewKommuner {
            needed: min_kommuner,
        },
    }];
    out.note = notes::english(&out.notes);
    out.limits = limits(&points, target, spread);
    out.points = points;
    out
}

/// Every kommun with a count and a population above 0 in each of `years`, summed over them.
fn kommun_points(rows: &[&AreaYear], years: &[i32]) -> Vec<FunnelPoint> {
    let mut sums: BTreeMap<&str, (u64, f64, usize)> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| r.level == Level::Kommun && years.contains(&r.year))
    {
        if let (Some(c), Some(p)) = (r.count, r.population) {
            let e = sums.entry(r.region_code.as_str()).or_default();
            e.0 += c;
            e.1 += p as f64;
            e.2 += 1;
        }
    }
    sums.into_iter()
        .filter(|(_, (_, p, n))| *n == years.len() && *p > 0.0)
        .map(|(code, (c, p, _))| FunnelPoint {
            code: code.to_owned(),
            count: c,
            person_years: p,
        })
        .collect()
}

/// Limits at 80 person-year sizes spread evenly on a log scale over the kommuner's range.
fn limits(points: &[FunnelPoint], target: f64, spread: Option<LogSpread>) -> Vec<FunnelLimit> {
    let sizes = points.iter().map(|p| p.person_years);
    let lo = sizes.clone().fold(f64::INFINITY, f64::min) * 0.8;
    let hi = sizes.fold(0.0, f64::max) * 1.25;
    if !(lo > 0.0 && hi > lo) {
        return Vec::new();
    }
    let steps = 80;
    (0..=steps)
        .map(|i| {
            let size = lo * (hi / lo).powf(f64::from(i) / f64::from(steps));
            let at = |p: f64| funnel::log_funnel_limits_rate(target, size, p, spread) * 1e5;
            FunnelLimit {
                person_years: size,
                low_998: at(0.001),
                low_95: at(0.025),
                high_95: at(0.975),
                high_998: at(0.999),
            }
        })
        .collect()
}

/// The spread of the comparison group's log rates (§8h): DerSimonian–Laird τ², the target's
/// variance and the t quantile's degrees of freedom ([`funnel::log_spread`]). A kommun with no
/// events has no log rate and is left out of that estimate (it still counts in the target);
/// `None` when fewer than three kommuner with events remain.
pub fn spread(others: &[funnel::FunnelPoint]) -> Option<LogSpread> {
    let (x, py): (Vec<f64>, Vec<f64>) = others.iter().map(|p| (p.observed, p.population)).unzip();
    funnel::log_spread(&x, &py)
}

#[cfg(test)]
#[path = "funnel_tests.rs"]
mod tests;
