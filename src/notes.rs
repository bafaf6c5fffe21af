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
    /// Fewer crimes in all than the threshold for a percentage.
    FewEvents {
        /// The threshold (`Method::min_events_for_percent`).
        below: u64,
    },
    /// A series break between the first baseline year and the last pledge year.
    BreakInComparison {
        /// Date of the break.
        date: String,
        /// What changed.
        what: String,
    },
    /// A break affecting part of the basket inside the compared years could not be modelled
    /// as a step (it coincides with the pledge years): the comparison spans it unadjusted.
    StepNotModelled {
        /// Date of the break.
        date: String,
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
    /// No spread between kommuner beyond chance: limits widened only for the target's
    /// uncertainty.
    FunnelNoOverdispersion,
    /// Fewer than three other kommuner with any crimes: exact limits.
    FunnelFewWithCrimes,
    /// Too few kommuner for the overdispersion adjustment.
    FunnelFewKommuner {
        /// Kommuner needed.
        needed: usize,
    },
    /// The kommun has no pledge-vs-baseline comparison to set against the surroundings.
    SurroundingsNoComparison,
    /// The region lacks a count or a population in years the kommun's comparison used.
    SurroundingsRegionIncomplete {
        /// How many such years.
        years: usize,
    },
    /// The region's figures are the kommun's own (no other kommun of it is in the data).
    SurroundingsOnlyKommun,
    /// The model of the ratio could not be fitted (e.g. no crimes in a cell).
    SurroundingsNotFitted,
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
            Note::FewEvents { below } => {
                format!("fewer than {below} crimes in all: very uncertain")
            }
            Note::BreakInComparison { date, what } => {
                format!("the series break of {date} ({what}) lies within the compared years")
            }
            Note::StepNotModelled { date } => {
                format!(
                    "the series break of {date} could not be modelled as a step: it coincides with the pledge years"
                )
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
                "limits widened for the spread between kommuner and the uncertainty of the average (prediction limits)".into()
            }
            Note::FunnelNoOverdispersion => {
                "no spread between kommuner beyond chance; limits widened only for the uncertainty of the average".into()
            }
            Note::FunnelFewWithCrimes => {
                "too few kommuner with crimes to estimate the spread between them: exact Poisson limits".into()
            }
            Note::FunnelFewKommuner { needed } => {
                format!(
                    "exact Poisson limits; fewer than {needed} kommuner in the data, so the spread between kommuner cannot be estimated and no position is given"
                )
            }
            Note::SurroundingsNoComparison => {
                "the kommun has no comparison of the pledge period with the baseline".into()
            }
            Note::SurroundingsRegionIncomplete { years } => {
                format!("the region lacks a count or a population in {years} of the compared years")
            }
            Note::SurroundingsOnlyKommun => {
                "the region's figures are the kommun's own: no other kommun of it is in the data"
                    .into()
            }
            Note::SurroundingsNotFitted => {
                "the ratio could not be estimated (e.g. no crimes in one period)".into()
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

/// A problem that did not stop the run. Structured like [`Note`], so the report words it in
/// its own language; `validate` and `summary.json` use [`Warning::english`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// A file holds preliminary years.
    Preliminary {
        /// File name.
        file: String,
        /// The preliminary years.
        years: Vec<i32>,
    },
    /// A crime pattern of an area matched nothing in the data.
    PatternUnmatched {
        /// Area id.
        area: String,
        /// The pattern.
        pattern: String,
    },
    /// A year without a figure inside the kommun's series.
    MissingYear {
        /// Area id.
        area: String,
        /// Kommun name.
        region: String,
        /// The missing year.
        year: i32,
        /// First year with a figure.
        first: i32,
        /// Last year with a figure.
        last: i32,
    },
    /// A year with a count but no population: no rate.
    MissingPopulation {
        /// Area id.
        area: String,
        /// Kommun name.
        region: String,
        /// The year.
        year: i32,
    },
    /// No population at all for the pledge kommun: no rate, comparison or trend.
    NoPopulation {
        /// Kommun name.
        region: String,
    },
    /// Kolada rates without a population: no count derived.
    KoladaWithoutPopulation {
        /// How many rates.
        rates: usize,
    },
    /// Police events at places that are not a kommun or county were skipped.
    PoliceUnknownPlaces {
        /// Events skipped.
        events: usize,
        /// The places, with their counts.
        places: String,
    },
    /// Police events seen twice were counted once.
    PoliceDuplicates {
        /// How many.
        events: usize,
    },
    /// The comparison county is a sum of only some of its kommuner (no county or police-region
    /// rows in the export): labelled as such, never shown as the county.
    PartialCounty {
        /// Area id.
        area: String,
        /// The county's name.
        county: String,
        /// Kommuner in the sum.
        present: usize,
        /// Kommuner the county has.
        total: usize,
    },
    /// A file's preliminary whole-year figures (`Helår`) for a year still running when it was
    /// exported: the months so far, not the year, so they are not used as the year's figures.
    PartialYear {
        /// File name.
        file: String,
        /// The year.
        year: i32,
        /// The file's last month of the year (`2026-08`); `None` when the export date told.
        through: Option<String>,
    },
    /// A file in the data folder that the tool does not read (a spreadsheet, a PDF, …): named
    /// so that a newcomer's `.xlsx` export is never silently left out.
    NotRead {
        /// File name.
        file: String,
        /// What kind of file it is, which decides the advice.
        kind: UnreadKind,
    },
}

/// The kinds of file in the data folder that are not read, each with its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnreadKind {
    /// A spreadsheet (`.xlsx`, `.xls`, `.ods`, `.numbers`, …): save it as CSV.
    Spreadsheet,
    /// A PDF: it holds no table the tool can read; export the table as CSV instead.
    Pdf,
    /// Any other file: only `.csv`, `.tsv`, `.txt` and `.json` are read.
    Other,
}

impl UnreadKind {
    /// The kind of an unread file, from its extension (lower case, without the dot).
    pub fn of_extension(ext: &str) -> UnreadKind {
        match ext {
            "xlsx" | "xls" | "xlsm" | "xlsb" | "ods" | "numbers" => UnreadKind::Spreadsheet,
            "pdf" => UnreadKind::Pdf,
            _ => UnreadKind::Other,
        }
    }
}

impl Warning {
    /// The warning as an English sentence.
    pub fn english(&self) -> String {
        match self {
            Warning::Preliminary { file, years } => format!(
                "{file}: {} preliminary (BRÅ revises the figures until the final statistics)",
                years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Warning::PatternUnmatched { area, pattern } => {
                format!(
                    "area `{area}`: the pattern \"{pattern}\" matches no crime type in the data"
                )
            }
            Warning::MissingYear {
                area,
                region,
                year,
                first,
                last,
            } => {
                format!(
                    "area `{area}`: {region} has no figure for {year}, between {first} and {last}"
                )
            }
            Warning::MissingPopulation { area, region, year } => {
                format!(
                    "area `{area}`: no population for {region} {year}: its rate is not computed"
                )
            }
            Warning::NoPopulation { region } => format!(
                "no population for {region} in any file: rates, the comparison with the baseline and trends need SCB's population export (see README)"
            ),
            Warning::KoladaWithoutPopulation { rates } => {
                format!(
                    "{rates} Kolada rate(s) without a population for their region and year: no count derived"
                )
            }
            Warning::PoliceUnknownPlaces { events, places } => {
                format!(
                    "{events} police events skipped: their place is not a kommun or county: {places}"
                )
            }
            Warning::PoliceDuplicates { events } => {
                format!("{events} police events appeared twice and were counted once")
            }
            Warning::PartialYear {
                file,
                year,
                through,
            } => partial_year(file, *year, through.as_deref()),
            Warning::NotRead { file, kind } => not_read(file, *kind),
            Warning::PartialCounty {
                area,
                county,
                present,
                total,
            } => format!(
                "area `{area}`: the data has {present} of the {total} municipalities of {county} and no county or police-region rows: the comparison is shown as the sum of {present} of {total} municipalities, not as the county"
            ),
        }
    }
}

/// [`Warning::PartialYear`] in English.
fn partial_year(file: &str, year: i32, through: Option<&str>) -> String {
    match through {
        Some(through) => format!(
            "{file}: the whole-year figures of {year} (prel.) cover only the months through {through}, those published when the file was exported: they are not used as the year's figures (the year to date is in the monthly part)"
        ),
        None => format!(
            "{file}: exported before {year} ended, so its whole-year figures of {year} (prel.) cover only part of the year: they are not used as the year's figures"
        ),
    }
}

/// [`Warning::NotRead`] in English, with what to do for the kind of file.
fn not_read(file: &str, kind: UnreadKind) -> String {
    let advice = match kind {
        UnreadKind::Spreadsheet => {
            "save the sheet as CSV (in Excel: File → Save As → CSV) and put the CSV in the data folder"
        }
        UnreadKind::Pdf => {
            "a PDF holds no table the tool can read; export the table from Brå's or SCB's database as CSV"
        }
        UnreadKind::Other => "only .csv, .tsv, .txt and .json files are read",
    };
    format!("{file}: not read: {advice}")
}
