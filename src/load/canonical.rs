//! The canonical table every loader produces: one row per region, crime type and year.

use crate::regions::Level;

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
