//! The surroundings of one area (statistics.md §8e, `docs/methods.md` § Surroundings). How the
//! kommun's change from the baseline to the pledge period compares with its comparison region's
//! and the nation's; context only — the verdict never reads it.

use crate::notes::Note;
use serde::Serialize;

/// The kommun's pledge-vs-baseline rate ratio divided by one region's (a difference in
/// differences on the log scale): 1 means the kommun changed as much as the region.
#[derive(Debug, Clone, Serialize)]
pub struct Surrounding {
    /// The region's level as in `YearFigures::level` (`county`, `police_region`, `nation`).
    pub level: String,
    /// SCB code of the region.
    pub region_code: String,
    /// Name of the region, as in the yearly figures.
    pub region_name: String,
    /// The region's own rate ratio, pledge years against baseline years (the same years as
    /// the kommun's comparison).
    pub region_rate_ratio: Option<f64>,
    /// The kommun's rate ratio divided by the region's.
    pub ratio: Option<f64>,
    /// Lower limit of the interval of `ratio` (scaled by √φ* of the kommun's comparison).
    pub ci_low: Option<f64>,
    /// Upper limit of that interval.
    pub ci_high: Option<f64>,
    /// Two-sided p-value for `ratio` = 1.
    pub p_value: Option<f64>,
    /// Why a value is missing.
    pub notes: Vec<Note>,
    /// The notes as one English sentence (`None` when there are none).
    pub note: Option<String>,
}
