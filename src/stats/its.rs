//! Interrupted time series (statistics.md §8g) and the year-to-date rate ratio, both thin
//! designs over the general quasi-Poisson GLM of [`super::glm`].
//!
//! ITS model for monthly counts y_t, t = 0, 1, … (calendar months from the first):
//! log μ_t = offset_t + β0 + β1·t + β2·post + β3·(t − t0)·post + β4·sin(2πt/12) + β5·cos(2πt/12),
//! post = 1 from month t0 (the first month after the pledge was signed). exp(β2) is the level
//! change at t0 and exp(β3) the change in the monthly slope (Wagner et al. 2002, *Segmented
//! regression analysis of interrupted time series*, J Clin Pharm Ther 27:299; Bernal, Cummins
//! & Gasparrini 2017, Int J Epidemiol 46:348). φ* = max(1, X²/(n − 6)) as in §3.
//!
//! Year to date: one observation per year (the sum of the same months), log μ_i = log pop_i +
//! β0 + β1·running; exp(β1) is the rate ratio (§8a applied to parts of years).

use super::glm::{GlmFit, fit_poisson_glm};

/// Months needed before the first pledge month.
pub const MIN_BEFORE: usize = 24;
/// Months needed from the first pledge month on.
pub const MIN_AFTER: usize = 12;

/// The fitted ITS.
#[derive(Debug, Clone, PartialEq)]
pub struct ItsFit {
    /// The GLM (coefficients β0…β5).
    pub fit: GlmFit,
    /// exp(β2): level change at t0.
    pub level_change: f64,
    /// 95 % interval of the level change.
    pub level_ci: (f64, f64),
    /// p-value of β2.
    pub level_p: f64,
    /// exp(β3): change of the slope per month.
    pub slope_change: f64,
}

/// Fits the §8g model; `t` are calendar month indices (gaps allowed), `t0` the first month
/// after the start, `offset` log population per month (zeros for none). `None` when the
/// model cannot be fitted.
pub fn fit_its(t: &[f64], y: &[f64], offset: &[f64], t0: f64) -> Option<ItsFit> {
    if t.len() != y.len() || t.len() != offset.len() || t.len() < 7 {
        return None;
    }
    let design: Vec<Vec<f64>> = t
        .iter()
        .map(|&t| {
            let post = if t >= t0 { 1.0 } else { 0.0 };
            let angle = 2.0 * std::f64::consts::PI * t / 12.0;
            vec![1.0, t, post, (t - t0) * post, angle.sin(), angle.cos()]
        })
        .collect();
    let fit = fit_poisson_glm(&design, y, offset)?;
    let level = fit.coefficient(2, 0.95)?;
    let slope = *fit.coefficients.get(3)?;
    Some(ItsFit {
        level_change: level.estimate.exp(),
        level_ci: (level.ci_low.exp(), level.ci_high.exp()),
        level_p: level.p_value,
        slope_change: slope.exp(),
        fit,
    })
}

/// Year to date: a rate ratio with its interval and p-value.
#[derive(Debug, Clone, PartialEq)]
pub struct YtdFit {
    /// exp(β1).
    pub rate_ratio: f64,
    /// 95 % interval.
    pub ci: (f64, f64),
    /// Two-sided p-value.
    pub p_value: f64,
    /// Pearson φ (None when it cannot be estimated).
    pub dispersion: Option<f64>,
}

/// Fits the year-to-date model: `counts[i]` crimes in the same months of year i, whose
/// population is `population[i]`; `running[i]` is true for the running year.
pub fn fit_year_to_date(counts: &[f64], population: &[f64], running: &[bool]) -> Option<YtdFit> {
    if counts.len() != population.len() || counts.len() != running.len() || counts.len() < 2 {
        return None;
    }
    if population.iter().any(|p| *p <= 0.0 || !p.is_finite()) {
        return None;
    }
    let design: Vec<Vec<f64>> = running
        .iter()
        .map(|r| vec![1.0, if *r { 1.0 } else { 0.0 }])
        .collect();
    let offset: Vec<f64> = population.iter().map(|p| p.ln()).collect();
    let fit = fit_poisson_glm(&design, counts, &offset)?;
    let w = fit.coefficient(1, 0.95)?;
    Some(YtdFit {
        rate_ratio: w.estimate.exp(),
        ci: (w.ci_low.exp(), w.ci_high.exp()),
        p_value: w.p_value,
        dispersion: fit.dispersion,
    })
}

#[cfg(test)]
#[path = "its_tests.rs"]
mod tests;
