//! The kommun's change against its surroundings (statistics.md §8e, `docs/methods.md`
//! § Surroundings). The ratio of the kommun's pledge-vs-baseline rate ratio to that of each
//! other region in the area's yearly figures (the comparison region — county or police
//! region — and the nation).
//!
//! A Poisson GLM on four cells (kommun/region × baseline/pledge) with the interaction as the
//! ratio. The four cells are saturated, so the dispersion comes from the kommun's own yearly
//! comparison (φ* of `pledge_vs_baseline`): the kommun's small counts dominate the variance,
//! and its year-to-year scatter is what widens the interval. A break affecting the whole
//! country shifts kommun and region alike and cancels in the ratio. The region includes the
//! kommun (as in the yearly table); its share is small and pulls the ratio slightly towards 1.
//!
//! Context only: nothing here feeds the verdict.

use crate::model::surroundings::Surrounding;
use crate::model::{Comparison, Level, Method, YearFigures};
use crate::notes::{self, Note};
use crate::stats::glm::fit_poisson_glm;

/// One entry per non-kommun region in `years`, in their order there, over the years the
/// kommun's comparison `cmp` used (`baseline` as in the pledge).
pub fn surroundings(
    years: &[YearFigures],
    cmp: &Comparison,
    baseline: [i32; 2],
    method: &Method,
) -> Vec<Surrounding> {
    let mut regions: Vec<(Level, &str)> = Vec::new();
    for y in years.iter().filter(|y| y.level != Level::Kommun) {
        if !regions.contains(&(y.level, y.region_code.as_str())) {
            regions.push((y.level, y.region_code.as_str()));
        }
    }
    regions
        .into_iter()
        .map(|(level, code)| {
            let of = |y: &&YearFigures| y.level == level && y.region_code == code;
            let rows: Vec<&YearFigures> = years.iter().filter(of).collect();
            let kommun: Vec<&YearFigures> =
                years.iter().filter(|y| y.level == Level::Kommun).collect();
            against(&kommun, &rows, cmp, baseline, method)
        })
        .collect()
}

/// The ratio against one region's rows.
fn against(
    kommun: &[&YearFigures],
    region: &[&YearFigures],
    cmp: &Comparison,
    baseline: [i32; 2],
    method: &Method,
) -> Surrounding {
    let first = region[0];
    let mut out = Surrounding {
        level: first.level.as_str().to_owned(),
        region_code: first.region_code.clone(),
        region_name: first.region_name.clone(),
        region_rate_ratio: None,
        ratio: None,
        ci_low: None,
        ci_high: None,
        p_value: None,
        notes: Vec::new(),
        note: None,
    };
    match cells(kommun, region, cmp, baseline) {
        Err(why) => out.notes.push(why),
        Ok(cells) => fill(&mut out, &cells, cmp, method),
    }
    out.note = notes::english(&out.notes);
    out
}

/// Counts and person-years: kommun baseline, kommun pledge, region baseline, region pledge.
type Cells = [(f64, f64); 4];

/// The four cells over the years the kommun's comparison used (those with a count and a
/// population above 0, as in `compare`); the region must have both in each of them.
fn cells(
    kommun: &[&YearFigures],
    region: &[&YearFigures],
    cmp: &Comparison,
    baseline: [i32; 2],
) -> Result<Cells, Note> {
    let Some(pledge) = cmp.pledge_years else {
        return Err(Note::SurroundingsNoComparison);
    };
    if cmp.rate_ratio.is_none() || cmp.baseline_years_used == 0 {
        return Err(Note::SurroundingsNoComparison);
    }
    let used = |y: &YearFigures| y.count.is_some() && y.population.is_some_and(|p| p > 0);
    let mut out = [(0.0, 0.0); 4];
    let mut missing = 0;
    let mut own_only = true;
    for k in kommun.iter().filter(|y| used(y)) {
        let in_pledge = k.year >= pledge[0] && k.year <= pledge[1];
        let in_base = k.year >= baseline[0] && k.year <= baseline[1];
        if !(in_pledge || in_base) {
            continue;
        }
        let Some(r) = region.iter().find(|r| r.year == k.year && used(r)) else {
            missing += 1;
            continue;
        };
        own_only &= r.count == k.count && r.population == k.population;
        let i = usize::from(in_pledge);
        let add = |cell: &mut (f64, f64), y: &YearFigures| {
            cell.0 += y.count.unwrap_or(0) as f64;
            cell.1 += y.population.unwrap_or(0) as f64;
        };
        add(&mut out[i], k);
        add(&mut out[2 + i], r);
    }
    if missing > 0 {
        return Err(Note::SurroundingsRegionIncomplete { years: missing });
    }
    if own_only {
        // A county summed from the kommuner in the data, when the kommun is its only one:
        // the ratio would be 1 by construction.
        return Err(Note::SurroundingsOnlyKommun);
    }
    Ok(out)
}

/// Fits the four cells (§8e) and fills the ratio, its interval and the region's own ratio.
fn fill(out: &mut Surrounding, cells: &Cells, cmp: &Comparison, method: &Method) {
    let (rb, rp) = (cells[2], cells[3]);
    if rb.0 > 0.0 {
        out.region_rate_ratio = Some((rp.0 / rp.1) / (rb.0 / rb.1));
    }
    let design: Vec<Vec<f64>> = [(1.0, 0.0), (1.0, 1.0), (0.0, 0.0), (0.0, 1.0)]
        .iter()
        .map(|&(k, post)| vec![1.0, k, post, k * post])
        .collect();
    let y: Vec<f64> = cells.iter().map(|c| c.0).collect();
    let offset: Vec<f64> = cells.iter().map(|c| c.1.ln()).collect();
    let wald = fit_poisson_glm(&design, &y, &offset).and_then(|fit| {
        let df =
            (cmp.pledge_years_used + cmp.baseline_years_used).saturating_sub(2 + cmp.steps.len());
        let phi = cmp.dispersion.unwrap_or(1.0);
        fit.with_dispersion(phi, df).coefficient(3, method.level)
    });
    match wald {
        Some(w) => {
            out.ratio = Some(w.estimate.exp());
            out.ci_low = Some(w.ci_low.exp());
            out.ci_high = Some(w.ci_high.exp());
            out.p_value = Some(w.p_value);
        }
        None => out.notes.push(Note::SurroundingsNotFitted),
    }
}

#[cfg(test)]
#[path = "surroundings_tests.rs"]
mod tests;
