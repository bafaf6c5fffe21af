//! Notes: why a value is missing, or a caveat about it. Structured, so each renderer can word
//! them in its language; `summary.json` carries both the codes and an English sentence.

use serde::Serialize;

/// One note on a comparison, a trend or a funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Note {
    /// No pledge year has both a count and a population yet.
    NoPledgeYears,
    /// No baseline year has both a count and a population.
    NoBaselineYears,
    /// Some baseline years lack a count or a population.
    BaselineYearsMissing {
        /// How many.
        years: usize,
    },
    /// No crimes in the baseline: the rate ratio is undefined.
    ZeroBaseline,
    /// No crimes in the pledge period: the interval's lower limit is 0.
    ZeroPledge,
    /// Fewer than 20 crimes in all.
    FewEvents,
    /// A series break between the first baseline year and the last pledge year.
    BreakInComparison {
        /// Date of the break.
        date: String,
        /// What changed.
        what: String,
    },
    /// The trend starts after a series break.
    TrendAfterBreak {
        /// First year of the trend.
        year: i32,
        /// Date of the break.
        date: String,
        /// What changed.
        what: String,
    },
    /// Too few years for a trend.
    TooFewYears {
        /// Years with data.
        years: usize,
        /// From which year.
        from: i32,
        /// Years needed.
        needed: usize,
    },
    /// No year has data.
    NoData,
    /// The Poisson model could not be fitted (e.g. every count is zero).
    TrendNotFitted,
    /// Years inside the trend period lack a count or a population.
    TrendGaps {
        /// How many.
        years: usize,
    },
    /// The pledge kommun lacks a count or population in a pledge year.
    FunnelKommunIncomplete,
    /// Only the pledge kommun is in the data.
    FunnelAlone,
    /// No crimes in any kommun.
    FunnelNoCrimes,
    /// Limits widened for overdispersion.
    FunnelWidened,
    /// Overdispersion estimated as none: exact limits.
    FunnelNoOverdispersion,
    /// Too few kommuner for the overdispersion adjustment.
    FunnelFewKommuner {
        /// Kommuner needed.
        needed: usize,
    },
}

impl Note {
    /// The note as an English sentence fragment (for `summary.json`).
    pub fn english(&self) -> String {
        match self {
            Note::NoPledgeYears => "no pledge year has both a count and a population yet".into(),
            Note::NoBaselineYears => "no baseline year has both a count and a population".into(),
            Note::BaselineYearsMissing { years } => {
                format!("{years} baseline year(s) lack a count or a population")
            }
            Note::ZeroBaseline => "no crimes in the baseline: the rate ratio is undefined".into(),
            Note::ZeroPledge => "no crimes in the pledge period: the lower limit is 0".into(),
            Note::FewEvents => "fewer than 20 crimes in all: very uncertain".into(),
            Note::BreakInComparison { date, what } => {
                format!("the series break of {date} ({what}) lies within the compared years")
            }
            Note::TrendAfterBreak { year, date, what } => {
                format!("the trend starts {year} after the series break of {date} ({what})")
            }
            Note::TooFewYears {
                years,
                from,
                needed,
            } => {
                format!(
                    "only {years} year(s) with count and population from {from}; a trend needs at least {needed}"
                )
            }
            Note::NoData => "no year has data".into(),
            Note::TrendNotFitted => {
                "the Poisson trend could not be fitted (e.g. every count is zero)".into()
            }
            Note::TrendGaps { years } => {
                format!("{years} year(s) in the period lack a count or a population")
            }
            Note::FunnelKommunIncomplete => {
                "the kommun lacks a count or population in a pledge year".into()
            }
            Note::FunnelAlone => {
                "only the pledge kommun is in the data: nothing to compare with".into()
            }
            Note::FunnelNoCrimes => "no crimes in any kommun".into(),
            Note::FunnelWidened => {
                "limits widened for overdispersion between kommuner (random effects)".into()
            }
            Note::FunnelNoOverdispersion => "no overdispersion found: exact Poisson limits".into(),
            Note::FunnelFewKommuner { needed } => {
                format!(
                    "exact Poisson limits; fewer than {needed} kommuner, so no overdispersion adjustment"
                )
            }
        }
    }
}

/// The English `note` string for a list of notes (`None` when empty).
pub fn english(notes: &[Note]) -> Option<String> {
    (!notes.is_empty()).then(|| {
        notes
            .iter()
            .map(Note::english)
            .collect::<Vec<_>>()
            .join("; ")
    })
}
