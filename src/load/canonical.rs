//! The canonical table every loader produces: one row per region, crime type and period,
//! where a period is a whole year, a quarter of a year or a month of a year.

use crate::regions::Level;
use serde::Serialize;

/// The part of a year an observation covers; the year itself is in [`Observation::year`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Period {
    /// The whole year (`År;2025` or `2025;Helår`).
    Year,
    /// Quarter 1–4 (`Kvartal 1`).
    Quarter(u8),
    /// Month 1–12 (`Jan` … `Dec`).
    Month(u8),
}

impl Period {
    /// `2025`, `2025-Q3` or `2025-08` for a period of `year`.
    pub fn label(self, year: i32) -> String {
        match self {
            Period::Year => year.to_string(),
            Period::Quarter(q) => format!("{year}-Q{q}"),
            Period::Month(m) => format!("{year}-{m:02}"),
        }
    }

    /// The months the period covers (1-based).
    pub fn months(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Period::Year => 1..=12,
            Period::Quarter(q) => (3 * q - 2)..=(3 * q),
            Period::Month(m) => m..=m,
        }
    }
}

/// One count from an export: a region, a crime type, a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// SCB code of the region.
    pub region_code: String,
    /// SCB name of the region.
    pub region_name: String,
    /// Kommun, county or nation.
    pub level: Level,
    /// Crime label as in the export.
    pub crime: String,
    /// The year.
    pub year: i32,
    /// The whole year, a quarter or a month of `year`.
    pub period: Period,
    /// True when the export marks the year ` prel.`.
    pub preliminary: bool,
    /// The count; `None` for `..` (not available).
    pub count: Option<u64>,
    /// Index of the source file in `Dataset::sources`.
    pub source: usize,
    /// 1-based line in the source file.
    pub line: usize,
    /// True when the count was derived from a rate and a population (Kolada), not counted.
    pub derived: bool,
}

/// Population of a region in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationRow {
    /// SCB code of the region.
    pub region_code: String,
    /// The year.
    pub year: i32,
    /// Inhabitants (SCB: 31 December of the year).
    pub population: u64,
    /// Index of the source file.
    pub source: usize,
}
