//! Every threshold of the analysis, in one place (`docs/methods.md` explains each).
//!
//! The analysis takes its decisions with a [`Method`] (by default [`DEFAULT`], built from the
//! constants below) and records it in `summary.json`, so the renderers print the same values
//! in the sentences and the method text: change a constant here and the verdicts, the
//! sentences and the method section change together.

use crate::model::Method;

/// Confidence level of every interval.
pub const LEVEL: f64 = 0.95;
/// Significance level for a sign of change, applied to Holm-adjusted p-values (§8d).
pub const ALPHA: f64 = 0.05;
/// Power for the smallest detectable trend (§8f).
pub const POWER: f64 = 0.80;
/// Fewest events in a window for a percentage change to be shown (RSE 1/√20 ≈ 22 %, §1).
pub const MIN_EVENTS_FOR_PERCENT: u64 = 20;
/// |Pearson residual| / √φ* above which a year is a possible single-case spike (§3, §8i).
pub const SPIKE_RESIDUAL: f64 = 3.0;
/// Fewest years a trend is fitted on.
pub const MIN_TREND_YEARS: usize = 5;
/// Fewest kommuner for a funnel position and an overdispersion estimate (§8h).
pub const MIN_FUNNEL_KOMMUNER: usize = 10;

/// The thresholds above as one value; `comparisons` is filled in by the analysis.
pub const DEFAULT: Method = Method {
    level: LEVEL,
    alpha: ALPHA,
    power: POWER,
    min_events_for_percent: MIN_EVENTS_FOR_PERCENT,
    spike_residual: SPIKE_RESIDUAL,
    min_trend_years: MIN_TREND_YEARS,
    min_funnel_kommuner: MIN_FUNNEL_KOMMUNER,
    comparisons: 0,
};
