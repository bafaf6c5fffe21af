//! The analysis result: the contract between the analysis and every renderer.
//!
//! `summary.json` is this struct serialised as it is; the Markdown report, `metrics.csv` and
//! the charts read their numbers from it and compute nothing of their own, so they can never
//! disagree with each other. Field order is the order of the JSON keys. A value that cannot be
//! computed is `None` (JSON `null`) and the `note` beside it says why.

/// The input formats, as recorded per source file.
pub use crate::load::Format;
/// The text encodings, as recorded per source file.
pub use crate::load::text::Encoding;
/// Where a kommun lies in the funnel, as recorded in `funnel.position`.
pub use crate::stats::funnel::FunnelPosition;

pub mod comparison;
pub mod monthly;
pub mod nesting;
pub mod surroundings;

use crate::notes::{Note, Warning};
pub use crate::regions::Level;
use serde::Serialize;

/// Everything one `analyze` run found, for one pledge kommun.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The pledge kommun.
    pub region: RegionRef,
    /// True when any input file is example data (its name starts with `exempel`).
    pub example_data: bool,
    /// First and last year of the pledge.
    pub pledge: [i32; 2],
    /// First and last year of the baseline the pledge period is compared with.
    pub baseline: [i32; 2],
    /// The latest year with data for the pledge kommun in any area.
    pub latest_year: Option<i32>,
    /// One entry per pledge area, in the order of `pledge.toml`.
    pub areas: Vec<AreaSummary>,
    /// The county the kommun belongs to.
    pub county: RegionRef,
    /// Every input file read, in file-name order.
    pub sources: Vec<SourceInfo>,
    /// Values that differ between input files, and which one was kept.
    pub revisions: Vec<Revision>,
    /// Problems that did not stop the run, in the order found.
    pub warnings: Vec<Warning>,
    /// Context, not a pledge area: total reported crimes in the kommun per year (`Totalt antal
    /// brott` from a SOL export or BRÅ's kommun CSV), when present.
    pub total_crime: Vec<YearFigures>,
    /// Context, never crime counts: the police events feed for the kommun, per type and month.
    pub police_events: Vec<PoliceEventCount>,
    /// The thresholds every decision above was taken with, and how many comparisons the
    /// multiple-testing adjustment covered; the method text prints these.
    pub method: Method,
    /// When the report was made, the export it rests on and when the next figures come.
    pub publication: Publication,
}

/// The thresholds of the analysis (`docs/methods.md`): one set, chosen in
/// `analysis::thresholds`, recorded here so that the verdicts, the sentences and the method
/// text always agree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Method {
    /// Confidence level of every interval (0.95).
    pub level: f64,
    /// Significance level a Holm-adjusted p-value must be below to count as a sign.
    pub alpha: f64,
    /// Power for the smallest detectable trend (0.80).
    pub power: f64,
    /// Fewest events in a comparison or trend window for a percentage change to be shown.
    pub min_events_for_percent: u64,
    /// |Pearson residual| / √φ* above which a year is flagged as a possible spike.
    pub spike_residual: f64,
    /// Fewest years a trend is fitted on.
    pub min_trend_years: usize,
    /// Fewest kommuner in the data for a funnel position (and an overdispersion estimate).
    pub min_funnel_kommuner: usize,
    /// Number of areas the Holm adjustment was taken over (areas that could be assessed).
    pub comparisons: usize,
}

impl Method {
    /// The thresholds the tool ships with (`analysis::thresholds::DEFAULT`), for code that
    /// builds a summary without running the analysis.
    pub const fn standard() -> Method {
        crate::analysis::thresholds::DEFAULT
    }
}

/// Direction of a change a test found, after the multiple-testing adjustment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Significantly upwards.
    Increase,
    /// No significant change.
    None,
    /// Significantly downwards.
    Decrease,
}

/// What the verdict's comparison takes into account beyond the exact test of the two totals
/// (`Comparison::adjusted_for`), so the report can say why the two may disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustment {
    /// The yearly counts vary more than Poisson (φ > 1): intervals widened by √φ*.
    Overdispersion,
    /// Splitting breaks inside the compared years entered the model as step terms.
    Steps,
    /// Several areas are tested at once: Holm's adjustment.
    SeveralAreas,
}

/// A crime type of the area left out of its like-for-like basket, with its own counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// The crime type.
    pub crime: String,
    /// Why it is left out.
    pub why: LeftOutWhy,
    /// Its own count over the pledge years of the comparison (`None` when it has none).
    pub pledge_count: Option<u64>,
    /// Its own count over the baseline years (`None` when it has none).
    pub baseline_count: Option<u64>,
}

/// Why a crime type is not in the basket.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum LeftOutWhy {
    /// The type has no figures before this year (a new offence or a new breakdown).
    StartsIn {
        /// First year of the window with figures.
        year: i32,
    },
    /// The type is `..` (no figures) in these years of the window.
    MissingYears {
        /// The years without figures.
        years: Vec<i32>,
    },
}

/// A splitting break that affects only part of the basket, modelled as a step term.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// Date of the break, `YYYY-MM-DD`.
    pub date: String,
    /// First whole year after the break: the step term is 1 from this year on.
    pub from_year: i32,
}

/// The report's date and the releases to expect (see `analysis::publication`).
#[derive(Debug, Clone, Serialize)]
pub struct Publication {
    /// The report's date, `YYYY-MM-DD`; never the clock, so runs stay byte-identical.
    pub report_date: Option<String>,
    /// Where `report_date` comes from.
    pub date_from: DateFrom,
    /// The newest crime export read (file name), the one the report rests on.
    pub export_file: Option<String>,
    /// Its export date, from the file name.
    pub export_date: Option<String>,
    /// Brå's next releases after the latest year in the data, in time order.
    pub next: Vec<Release>,
}

/// The origin of the report's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// The `SOURCE_DATE_EPOCH` environment variable.
    SourceDateEpoch,
    /// The newest export date among the crime exports.
    NewestExport,
    /// Neither is known: the report has no date.
    Unknown,
}

/// One coming release of Brå's yearly figures.
#[derive(Debug, Clone, Serialize)]
pub struct Release {
    /// The year the figures describe.
    pub year: i32,
    /// Preliminary or final figures.
    pub status: ReleaseStatus,
    /// The month they are expected, `YYYY-MM`.
    pub month: String,
}

/// Brå's two yearly releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseStatus {
    /// Preliminary figures (January).
    Preliminary,
    /// Final figures (March).
    Final,
}

/// Events of one type in one month from the police events feed.
#[derive(Debug, Clone, Serialize)]
pub struct PoliceEventCount {
    /// The event type, e.g. `Narkotikabrott`.
    pub event_type: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Number of events.
    pub count: usize,
}

/// A value that differs between two files, and which one was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Region name.
    pub region: String,
    /// Crime label, or `Folkmängd` for population.
    pub crime: String,
    /// The year.
    pub year: i32,
    /// The quarter or month (`2025-Q3`, `2025-08`) when the revision is about a part of the
    /// year; absent for whole years between files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// True when one of the two values is the sum of the period's months or quarters (its file
    /// is then the file of those parts): a yearly figure that disagrees with its months.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_parts: bool,
    /// The value set aside (`..` for not available).
    pub old_value: String,
    /// The value kept.
    pub new_value: String,
    /// File of the value set aside.
    pub old_file: String,
    /// File of the value kept.
    pub new_file: String,
}

/// A region by SCB code and name (`00` is the nation, two digits a county, four a kommun).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionRef {
    /// SCB code.
    pub code: String,
    /// Name as in SCB's list.
    pub name: String,
}

/// One input file as it was read.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    /// File name (relative to the data folder).
    pub file: String,
    /// Detected format, serialised by its JSON name, e.g. `bra_sol_long` or `scb_population`.
    pub format: Format,
    /// Detected text encoding, serialised as `ISO-8859-1`, `UTF-8` or `UTF-8 with BOM`.
    pub encoding: Encoding,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Number of data rows read (header and title lines not counted).
    pub rows: usize,
    /// Years present, ascending.
    pub years: Vec<i32>,
    /// Years marked preliminary (` prel.`), ascending.
    pub preliminary_years: Vec<i32>,
    /// True when the file is example data (name starts with `exempel`).
    pub example_data: bool,
    /// The export date in the file name (`YYYY-MM-DD`), when there is one.
    pub export_date: Option<String>,
}

/// The results for one pledge area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaSummary {
    /// Stable id from `pledge.toml`.
    pub id: String,
    /// Title from `pledge.toml`.
    pub title: String,
    /// The crime types the comparison and the trend use: those with figures in every year of
    /// the window (the like-for-like basket).
    pub basket: Vec<String>,
    /// The area's other crime types, left out of the basket, with why and their own counts.
    pub left_out: Vec<LeftOut>,
    /// Pledge period against baseline for the pledge kommun.
    pub pledge_vs_baseline: Comparison,
    /// Trend over the years after the latest series break.
    pub trend: Trend,
    /// Years whose Pearson residual from the trend, divided by √φ*, exceeds
    /// `Method::spike_residual` in absolute value.
    pub spikes: Vec<i32>,
    /// Series breaks that affect this area's crime types, oldest first.
    pub breaks: Vec<BreakRef>,
    /// Where the kommun lies among the kommuner in the data over the pledge period.
    pub funnel: Funnel,
    /// The kommun's change against its comparison region's and the nation's (§8e); context
    /// only, never read by the verdict.
    pub surroundings: Vec<surroundings::Surrounding>,
    /// The overall verdict (see `analysis::verdict`).
    pub verdict: Verdict,
    /// The comparison and verdict without the preliminary years of the pledge period (issue
    /// #11 item 7), when the pledge period has any; the report names it when the verdict
    /// changes.
    pub without_preliminary: Option<WithoutPreliminary>,
    /// The promise as worded in the pledge, when given.
    pub promise: Option<String>,
    /// True for crimes found by police work: a rise may reflect more police work.
    pub police_effort: bool,
    /// Why these crime types make up the area (from `pledge.toml`).
    pub about: Option<String>,
    /// The crime types in the data that the area's patterns matched and the basket uses, sorted
    /// (the order of `YearFigures::by_crime`).
    pub crimes: Vec<String>,
    /// Patterns from `pledge.toml` that matched no crime type in the data.
    pub unmatched_patterns: Vec<String>,
    /// Yearly figures for the kommun, its comparison region (`comparison`) and the nation.
    pub years: Vec<YearFigures>,
    /// English title (`title_en` in `pledge.toml`), for `--lang en`.
    pub title_en: Option<String>,
    /// English promise (`promise_en`).
    pub promise_en: Option<String>,
    /// English about-text (`about_en`).
    pub about_en: Option<String>,
    /// The monthly or quarterly part (`grain` `year` and `null`s when there is none).
    pub monthly: monthly::Monthly,
    /// The region `years` sets beside the kommun (county or police region) and where its
    /// figures come from; `None` when the data has neither.
    pub comparison: Option<comparison::ComparisonRegion>,
    /// Totals whose parts the patterns also matched, and which side is counted (never both).
    pub nested: Vec<nesting::Nesting>,
}

/// The sensitivity of a verdict to the preliminary years in the pledge period: the same
/// comparison over the final years only, Holm-adjusted with the other areas' comparisons made
/// the same way; the trend is the area's own.
#[derive(Debug, Clone, Serialize)]
pub struct WithoutPreliminary {
    /// The preliminary years left out.
    pub left_out: Vec<i32>,
    /// The comparison over the pledge years before them (no years: cannot be assessed).
    pub comparison: Comparison,
    /// The verdict it gives.
    pub verdict: Verdict,
    /// True when that verdict differs from the area's.
    pub changes_verdict: bool,
}

/// The pledge period against the baseline (exact conditional rate ratio).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// First and last pledge year present in the data.
    pub pledge_years: Option<[i32; 2]>,
    /// Crimes in the pledge years present.
    pub pledge_count: Option<u64>,
    /// Sum of the yearly population over the pledge years present.
    pub pledge_person_years: Option<f64>,
    /// Crimes in the baseline years.
    pub baseline_count: Option<u64>,
    /// Sum of the yearly population over the baseline years.
    pub baseline_person_years: Option<f64>,
    /// Number of pledge years with counts and population (the divisor of `pledge_mean`).
    pub pledge_years_used: usize,
    /// Number of baseline years with counts and population.
    pub baseline_years_used: usize,
    /// Mean count per pledge year actually used.
    pub pledge_mean: Option<f64>,
    /// Mean count per baseline year actually used.
    pub baseline_mean: Option<f64>,
    /// Rate in the pledge period divided by the rate in the baseline.
    pub rate_ratio: Option<f64>,
    /// Lower limit of the exact 95 % interval of the rate ratio.
    pub ci_low: Option<f64>,
    /// Upper limit of the exact 95 % interval of the rate ratio.
    pub ci_high: Option<f64>,
    /// Central two-sided exact p-value.
    pub p_value: Option<f64>,
    /// Smallest pledge-period count that would have been a significant increase.
    pub detectable_increase_count: Option<u64>,
    /// Largest pledge-period count that would have been a significant decrease.
    pub detectable_decrease_count: Option<u64>,
    /// Pearson dispersion φ of the yearly counts around the two-period model (quasi-Poisson);
    /// the intervals below use φ* = max(1, φ).
    pub dispersion: Option<f64>,
    /// Lower limit of the quasi-Poisson 95 % interval of the rate ratio (the verdict's).
    pub adjusted_ci_low: Option<f64>,
    /// Upper limit of the quasi-Poisson 95 % interval of the rate ratio.
    pub adjusted_ci_high: Option<f64>,
    /// Quasi-Poisson p-value of the rate ratio (t with n − p df when φ* > 1).
    pub adjusted_p_value: Option<f64>,
    /// The quasi-Poisson model's rate ratio (the verdict's): the exact `rate_ratio` unless
    /// step terms are in the model.
    pub adjusted_rate_ratio: Option<f64>,
    /// What the verdict's comparison takes into account beyond the exact test of the totals.
    pub adjusted_for: Vec<Adjustment>,
    /// `adjusted_p_value` after Holm's adjustment across the pledge's assessed areas.
    pub holm_p_value: Option<f64>,
    /// Splitting breaks inside the compared years modelled as step terms in the comparison.
    pub steps: Vec<Step>,
    /// What the comparison shows after the adjustment: the verdict's input.
    pub sign: Sign,
    /// Why a value is missing, or a caveat about the comparison.
    pub note: Option<String>,
    /// The same notes as codes, for renderers to word in their language.
    pub notes: Vec<Note>,
}

impl Comparison {
    /// An empty comparison: nothing computed yet.
    pub fn empty() -> Self {
        Comparison {
            pledge_years: None,
            pledge_count: None,
            pledge_person_years: None,
            baseline_count: None,
            baseline_person_years: None,
            pledge_years_used: 0,
            baseline_years_used: 0,
            pledge_mean: None,
            baseline_mean: None,
            rate_ratio: None,
            ci_low: None,
            ci_high: None,
            p_value: None,
            detectable_increase_count: None,
            detectable_decrease_count: None,
            dispersion: None,
            adjusted_ci_low: None,
            adjusted_ci_high: None,
            adjusted_p_value: None,
            adjusted_rate_ratio: None,
            adjusted_for: Vec::new(),
            holm_p_value: None,
            steps: Vec::new(),
            sign: Sign::None,
            note: None,
            notes: Vec::new(),
        }
    }
}

/// Poisson trend with quasi-Poisson scale, and Mann–Kendall as a robustness check.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// First year used.
    pub from: Option<i32>,
    /// Last year used.
    pub to: Option<i32>,
    /// exp(β1) − 1: the estimated change per year, as a fraction.
    pub annual_change: Option<f64>,
    /// Lower limit of the 95 % interval of the annual change.
    pub ci_low: Option<f64>,
    /// Upper limit of the 95 % interval of the annual change.
    pub ci_high: Option<f64>,
    /// Pearson dispersion φ = X²/(n − p) (the scale used is max(1, φ)).
    pub dispersion: Option<f64>,
    /// Two-sided p-value of β1 (t with n − p df when φ > 1, normal otherwise).
    pub p_value: Option<f64>,
    /// `p_value` after Holm's adjustment across the pledge's assessed areas.
    pub holm_p_value: Option<f64>,
    /// What the trend shows after the adjustment: the verdict's input.
    pub sign: Sign,
    /// Events in the years used; below `Method::min_events_for_percent` no percentage is shown.
    pub events: u64,
    /// Whether the annual change may be shown as a percentage (enough events).
    pub percent_shown: bool,
    /// Smallest annual change the series could detect (80 % power, two-sided 5 %, φ*).
    pub detectable_annual_change: Option<f64>,
    /// Splitting breaks affecting part of the basket, modelled as step terms.
    pub steps: Vec<Step>,
    /// Mann–Kendall S statistic on the yearly rates.
    pub mann_kendall_s: Option<i64>,
    /// Mann–Kendall z (continuity corrected).
    pub mann_kendall_z: Option<f64>,
    /// Mann–Kendall two-sided p-value.
    pub mann_kendall_p: Option<f64>,
    /// Sen slope of the yearly rate per 100 000, per year.
    pub sen_slope: Option<f64>,
    /// The fitted trend line with its 95 % band, one point per year used.
    pub line: Vec<TrendPoint>,
    /// Why there is no trend, or which break it starts after.
    pub note: Option<String>,
    /// The same notes as codes, for renderers to word in their language.
    pub notes: Vec<Note>,
}

impl Trend {
    /// No trend, with the notes that say why.
    pub fn none(notes: Vec<Note>) -> Self {
        Trend {
            from: None,
            to: None,
            annual_change: None,
            ci_low: None,
            ci_high: None,
            dispersion: None,
            p_value: None,
            holm_p_value: None,
            sign: Sign::None,
            events: 0,
            percent_shown: false,
            detectable_annual_change: None,
            steps: Vec::new(),
            mann_kendall_s: None,
            mann_kendall_z: None,
            mann_kendall_p: None,
            sen_slope: None,
            line: Vec::new(),
            note: crate::notes::english(&notes),
            notes,
        }
    }
}

/// A series break as the charts and the report show it.
#[derive(Debug, Clone, Serialize)]
pub struct BreakRef {
    /// Date of the change, `YYYY-MM-DD`.
    pub date: String,
    /// One line of what changed.
    pub what: String,
    /// Where the change is documented.
    pub source: String,
    /// Whether a trend may span this break (false: the trend starts after it).
    pub splits_trend: bool,
    /// What changed, in English (`what_en` in `breaks.toml`).
    pub what_en: Option<String>,
}

/// Position in the funnel of the kommuner in the data.
#[derive(Debug, Clone, Serialize)]
pub struct Funnel {
    /// Number of kommuner compared.
    pub kommuner: usize,
    /// `above_99_8`, `above_95`, `inside_95`, `below_95` or `below_99_8`.
    pub position: Option<FunnelPosition>,
    /// Pooled rate per 100 000 over the comparison group, every kommun but the pledge
    /// kommun (the target).
    pub target_rate: Option<f64>,
    /// The kommun's rate per 100 000 over the pledge years present.
    pub rate: Option<f64>,
    /// Between-kommun variance τ² of the log rates (DerSimonian–Laird, over the comparison
    /// group) when at least 10 kommuner.
    pub tau2: Option<f64>,
    /// The comparison group's spread behind the limits (τ², the target's log variance, the t
    /// quantile's degrees of freedom) when at least 10 kommuner; `docs/methods.md` § Funnel.
    pub spread: Option<crate::stats::funnel::LogSpread>,
    /// Every kommun as (code, count, person-years), for the funnel chart.
    pub points: Vec<FunnelPoint>,
    /// Control limits (rate per 100 000) at a grid of person-years, for the funnel chart.
    pub limits: Vec<FunnelLimit>,
    /// Why the position is missing, or how the limits were widened.
    pub note: Option<String>,
    /// The same notes as codes, for renderers to word in their language.
    pub notes: Vec<Note>,
}

/// One point of the fitted trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    /// The year.
    pub year: i32,
    /// Fitted count.
    pub fitted: f64,
    /// Lower limit of the 95 % band of the fitted count (scale φ* included).
    pub low: f64,
    /// Upper limit of the 95 % band of the fitted count.
    pub high: f64,
}

/// Funnel limits at one size, as rates per 100 000.
#[derive(Debug, Clone, Serialize)]
pub struct FunnelLimit {
    /// Person-years.
    pub person_years: f64,
    /// Lower 99.8 % limit.
    pub low_998: f64,
    /// Lower 95 % limit.
    pub low_95: f64,
    /// Upper 95 % limit.
    pub high_95: f64,
    /// Upper 99.8 % limit.
    pub high_998: f64,
}

/// One kommun in the funnel.
#[derive(Debug, Clone, Serialize)]
pub struct FunnelPoint {
    /// SCB code.
    pub code: String,
    /// Crimes over the pledge years present.
    pub count: u64,
    /// Person-years over the same years.
    pub person_years: f64,
}

/// The overall verdict on an area, from the rate ratio's interval and the trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The rate ratio interval lies above 1 and the trend (if any) does not contradict it.
    ClearIncrease,
    /// Some, but not conclusive, sign of an increase.
    PossibleIncrease,
    /// Neither test shows a change the data could detect.
    NoDetectableChange,
    /// An input is missing (no counts, no population, population 0 or no baseline years):
    /// nothing can be said, which is not the same as "no change".
    CannotAssess,
    /// Some, but not conclusive, sign of a decrease.
    PossibleDecrease,
    /// The rate ratio interval lies below 1 and the trend (if any) does not contradict it.
    ClearDecrease,
}

/// One year of one region in one area.
#[derive(Debug, Clone, Serialize)]
pub struct YearFigures {
    /// `kommun`, `county`, `police_region` or `nation`.
    pub level: Level,
    /// SCB code of the region.
    pub region_code: String,
    /// Name of the region; for a county summed from only some of its kommuner the label
    /// `summan av 8 av 10 kommuner i Gävleborgs län`, never the county's bare name.
    pub region_name: String,
    /// The year.
    pub year: i32,
    /// True when any figure of the year is preliminary.
    pub preliminary: bool,
    /// Sum of the crime types' counts (`None` when every cell was `..`).
    pub count: Option<u64>,
    /// Population of the region that year.
    pub population: Option<u64>,
    /// Count per 100 000 inhabitants.
    pub rate_per_100k: Option<f64>,
    /// Exact 95 % interval of the count.
    pub count_ci: Option<[f64; 2]>,
    /// Exact 95 % interval of the rate.
    pub rate_ci: Option<[f64; 2]>,
    /// 3-year centred pooled rate per 100 000 (years y−1, y, y+1); `None` at the ends and when
    /// a splitting series break lies inside the three years (`pooled_rate_break`).
    pub pooled_rate: Option<f64>,
    /// Exact 95 % interval of the pooled rate.
    pub pooled_rate_ci: Option<[f64; 2]>,
    /// Date (`YYYY-MM-DD`) of the series break that splits the three pooled years, when that
    /// is why `pooled_rate` is `None`: a pooled rate never averages two ways of counting.
    pub pooled_rate_break: Option<String>,
    /// Rate as an index, the mean rate of the baseline years = 100.
    pub index: Option<f64>,
    /// True when some of the area's crime types are `..` this year while others have numbers.
    pub partial: bool,
    /// Count per crime type, in the order of `AreaSummary::crimes` (`None` for `..`).
    pub by_crime: Vec<Option<u64>>,
}
