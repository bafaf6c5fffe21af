//! The period of a SOL long row, from its `År` and `Period` cells, and the crime label's
//! canonical form. Kept apart from the parser's reading mechanics so both can change alone.
//!
//! ```text
//! Hela landet;Befogenhetsbedrägeri;År;2024;13816;131;          whole year (yearly menu)
//! Hela landet;0950 - Befogenhetsbedrägeri;2025;Jan;133;1;      a month
//! Region Mitt;0412 - Grov kvinnofridskränkning;2026 prel.;Kvartal 1;20;1;
//! Nordanstig;Grov kvinnofridskränkning;2025;Helår;14;148;      whole year (monthly menu)
//! ```

use crate::load::canonical::Period;
use crate::load::cells::{YEAR_EXPECTED, parse_year};

/// What the `Period` cell may hold when the `År` cell holds the year.
pub const PERIOD_EXPECTED: &str = "a month `Jan` … `Dec`, `Kvartal 1` … `Kvartal 4` or `Helår`";

/// Swedish month abbreviations as SOL writes them, January first.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// Full Swedish month names, for exports saved by hand.
const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Why a row's period could not be read, and which cell is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// The `År` cell is neither a year nor the literal `År`.
    Year,
    /// `År` holds `År` but `Period` is not a year.
    YearInPeriod,
    /// `År` holds a year but `Period` is not a month, quarter or `Helår`.
    SubPeriod,
}

impl PeriodError {
    /// What the faulty cell should have held.
    pub fn expected(&self) -> String {
        match self {
            PeriodError::Year => {
                format!("{YEAR_EXPECTED}, or `År` with the year in the Period column")
            }
            PeriodError::YearInPeriod => YEAR_EXPECTED.to_owned(),
            PeriodError::SubPeriod => PERIOD_EXPECTED.to_owned(),
        }
    }

    /// The problem in words.
    pub fn problem(&self) -> &'static str {
        match self {
            PeriodError::Year => "the year is not a year",
            PeriodError::YearInPeriod => "the period is not a year",
            PeriodError::SubPeriod => "the period is not a month, a quarter or Helår",
        }
    }

    /// True when the `Period` cell (not the `År` cell) is at fault.
    pub fn in_period_cell(&self) -> bool {
        !matches!(self, PeriodError::Year)
    }
}

/// True for the literal `År` (any case) of yearly rows.
pub fn is_ar(cell: &str) -> bool {
    matches!(cell, "År" | "år" | "ÅR" | "åR")
}

/// The year, preliminary flag and period of a row from its `År` and `Period` cells.
pub fn row_period(year_cell: &str, period_cell: &str) -> Result<(i32, bool, Period), PeriodError> {
    if let Some((year, prel)) = parse_year(year_cell) {
        // `2025;År` or `2025;` would be yearly too.
        if period_cell.is_empty() || is_ar(period_cell) {
            return Ok((year, prel, Period::Year));
        }
        return sub_period(period_cell)
            .map(|p| (year, prel, p))
            .ok_or(PeriodError::SubPeriod);
    }
    if is_ar(year_cell) || year_cell.is_empty() {
        return parse_year(period_cell)
            .map(|(y, prel)| (y, prel, Period::Year))
            .ok_or(PeriodError::YearInPeriod);
    }
    Err(PeriodError::Year)
}

/// `Jan` → month 1, `Kvartal 3` → quarter 3, `Helår` → the whole year.
pub fn sub_period(cell: &str) -> Option<Period> {
    let lower = cell.trim().to_lowercase();
    if lower == "helår" {
        return Some(Period::Year);
    }
    if let Some(q) = lower.strip_prefix("kvartal") {
        return match q.trim() {
            "1" => Some(Period::Quarter(1)),
            "2" => Some(Period::Quarter(2)),
            "3" => Some(Period::Quarter(3)),
            "4" => Some(Period::Quarter(4)),
            _ => None,
        };
    }
    let bare = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == bare)
        .or_else(|| MONTH_NAMES.iter().position(|m| *m == bare))
        .map(|i| Period::Month(i as u8 + 1))
}

/// The crime label without a leading police crime code: `0412 - Grov kvinnofridskränkning`
/// and `Grov kvinnofridskränkning` are the same type in different exports.
pub fn canonical_crime(label: &str) -> &str {
    match label.split_once(" - ") {
        Some((code, rest)) if code.len() == 4 && code.bytes().all(|c| c.is_ascii_digit()) => {
            rest.trim()
        }
        _ => label,
    }
}

#[cfg(test)]
#[path = "period_tests.rs"]
mod tests;
