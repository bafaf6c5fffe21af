//! The region the pledge kommun's yearly figures are set beside, and where its figures come
//! from. Serialised as `comparison` in each area of `summary.json`.
//!
//! The rule (chosen in `analysis::comparison`): the county's own figure when the export has
//! county rows for every year the sum of its kommuner covers; else the sum of the county's kommuner when the data has every one of them;
//! else the police region when the export has it; else the sum of the kommuner there are,
//! labelled as such ("summan av 8 av 10 kommuner") and never named as the county.

use serde::Serialize;

/// The comparison region of one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComparisonRegion {
    /// A county or a police region.
    pub level: ComparisonLevel,
    /// SCB code of the county; `PR-MITT` etc. for a police region.
    pub code: String,
    /// Name as in SCB's list (`Gävleborgs län`) or as BRÅ writes it (`Region Mitt`).
    pub name: String,
    /// Where the yearly figures come from.
    pub source: ComparisonSource,
    /// For a sum of kommuner: how many of the county's kommuner are in the data (in every
    /// year with a figure) and how many the county has. `None` for figures from the export.
    pub kommuner: Option<KommunCount>,
}

impl ComparisonRegion {
    /// True when the figures stand for the whole region: the export's own, or a sum of every
    /// kommun of the county.
    pub fn is_whole(&self) -> bool {
        self.kommuner.is_none_or(|k| k.present == k.total)
    }
}

/// The level of the comparison region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonLevel {
    /// The kommun's county (län).
    County,
    /// The kommun's police region (`Region Mitt`).
    PoliceRegion,
}

impl ComparisonLevel {
    /// `county` or `police_region`, as in `YearFigures::level`.
    pub fn as_str(self) -> &'static str {
        match self {
            ComparisonLevel::County => "county",
            ComparisonLevel::PoliceRegion => "police_region",
        }
    }
}

/// Where a comparison region's yearly figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonSource {
    /// The region's own rows in the export (`Gävleborgs län`, `Region Mitt`).
    Export,
    /// The sum of the county's kommuner in the data.
    SumOfKommuner,
}

/// How many of a county's kommuner a sum covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KommunCount {
    /// Kommuner of the county with a figure in every summed year.
    pub present: usize,
    /// Kommuner the county has (SCB's list).
    pub total: usize,
}
