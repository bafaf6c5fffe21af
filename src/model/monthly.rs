//! The monthly (or quarterly) part of an area's result: the series, year to date, the
//! interrupted time series around the pledge's start and the control chart. Serialised as
//! `monthly` in each area of `summary.json`.

use serde::Serialize;

/// The finest period the analysis uses (`--period`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// Whole years only.
    Year,
    /// Quarters.
    Quarter,
    /// Months.
    Month,
}

impl Grain {
    /// `year`, `quarter` or `month`.
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Year => "year",
            Grain::Quarter => "quarter",
            Grain::Month => "month",
        }
    }

    /// Periods per year: 1, 4 or 12.
    pub fn per_year(self) -> u8 {
        match self {
            Grain::Year => 1,
            Grain::Quarter => 4,
            Grain::Month => 12,
        }
    }
}

/// Why a part of the monthly analysis is missing or how to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum MonthlyNote {
    /// The data has no monthly or quarterly figures for the pledge kommun (or `--period year`).
    NoSubYearData,
    /// A month's population is its year's figure (SCB gives 31 December only).
    PopulationFromYear,
    /// The latest year has no population yet; the latest known year's figure is used.
    PopulationCarried {
        /// The year without population.
        year: i32,
        /// The year whose figure is used.
        from: i32,
    },
    /// The latest year is complete: the yearly comparison applies, no year to date.
    LatestYearComplete,
    /// The baseline years lack some of the months so far.
    BaselineMonthsMissing,
    /// `pledge.toml` names no `signed` month: no interrupted time series.
    NoSignedMonth,
    /// The interrupted time series needs months rather than quarters.
    ItsNeedsMonths,
    /// Too few months around the pledge's start.
    TooFewMonths {
        /// Months before the first pledge month.
        before: usize,
        /// Months from the first pledge month.
        after: usize,
        /// More months needed before.
        more_before: usize,
        /// More months needed after.
        more_after: usize,
    },
    /// Fewer than ~3 a month: the control chart uses quarters.
    ControlByQuarter,
    /// The model could not be fitted (e.g. no events at all).
    NotFitted,
}

/// The monthly block of one area (see the module documentation).
#[derive(Debug, Clone, Serialize)]
pub struct Monthly {
    /// The finest grain used.
    pub grain: Grain,
    /// The latest period with a figure (`2026-08`, `2026-Q3`).
    pub latest: Option<String>,
    /// The first preliminary period, if any.
    pub preliminary_from: Option<String>,
    /// The first month after `signed` in `pledge.toml` (`2023-07`), if it names one.
    pub first_pledge_month: Option<String>,
    /// The running year's periods so far against the same periods of the baseline years.
    pub year_to_date: Option<YearToDate>,
    /// Level and slope change at the pledge's start (statistics.md §8g).
    pub its: Option<Its>,
    /// The control chart (statistics.md §6, limits widened by φ*).
    pub control: Option<Control>,
    /// The pledge kommun's series, oldest first.
    pub points: Vec<PeriodPoint>,
    /// The comparison region's series (police region, else county), when the data has one.
    pub comparison: Vec<PeriodPoint>,
    /// Notes on what is missing and how to read it.
    pub notes: Vec<MonthlyNote>,
}

impl Monthly {
    /// A block at `grain` with nothing computed yet.
    pub fn empty(grain: Grain) -> Self {
        Monthly {
            grain,
            latest: None,
            preliminary_from: None,
            first_pledge_month: None,
            year_to_date: None,
            its: None,
            control: None,
            points: Vec::new(),
            comparison: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Year to date against the same months of the baseline years: quasi-Poisson rate ratio.
#[derive(Debug, Clone, Serialize)]
pub struct YearToDate {
    /// First and last month (`"01"`, `"08"`); quarters as `"Q1"`, `"Q3"`.
    pub months: [String; 2],
    /// The running year.
    pub year: i32,
    /// First and last baseline year.
    pub baseline: [i32; 2],
    /// Crimes in the running year so far.
    pub count: u64,
    /// Crimes in the same months of all baseline years together.
    pub baseline_count: u64,
    /// Rate ratio, running year against the baseline years' mean.
    pub rate_ratio: Option<f64>,
    /// Lower 95 % limit.
    pub ci_low: Option<f64>,
    /// Upper 95 % limit.
    pub ci_high: Option<f64>,
    /// Two-sided p-value (t with n − 2 df when φ* > 1).
    pub p_value: Option<f64>,
    /// Pearson dispersion φ (the scale used is max(1, φ)).
    pub dispersion: Option<f64>,
}

/// Interrupted time series around the pledge's start (statistics.md §8g).
#[derive(Debug, Clone, Serialize)]
pub struct Its {
    /// The month the pledge was signed (`YYYY-MM`); the next month starts "after".
    pub signed: String,
    /// Months with a figure before the first pledge month.
    pub months_before: usize,
    /// Months with a figure from the first pledge month on.
    pub months_after: usize,
    /// Level change at the start, as a ratio (exp β2).
    pub level_change: f64,
    /// Lower 95 % limit of the level change.
    pub ci_low: f64,
    /// Upper 95 % limit of the level change.
    pub ci_high: f64,
    /// Change in the monthly slope, as a ratio per month (exp β3).
    pub slope_change_per_month: f64,
    /// Pearson dispersion φ (the scale used is max(1, φ)).
    pub dispersion: Option<f64>,
    /// Two-sided p-value of the level change.
    pub p_value: f64,
}

/// Control chart: counts per period against limits from the periods before the pledge.
#[derive(Debug, Clone, Serialize)]
pub struct Control {
    /// Month or quarter (quarters when the mean is below ~3 a month).
    pub grain: Grain,
    /// Mean count per period before the pledge (all periods without a `signed` month).
    pub centre: f64,
    /// Lower limit c̄ − 3√(φ*·c̄), at least 0.
    pub lower: f64,
    /// Upper limit c̄ + 3√(φ*·c̄).
    pub upper: f64,
    /// φ* used to widen the Poisson limits.
    pub dispersion: f64,
    /// The periods outside the limits (`2024-03`).
    pub outside: Vec<String>,
    /// The control chart's points (quarters summed from months when `grain` is quarter).
    pub points: Vec<PeriodPoint>,
}

/// One month or quarter of one region.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodPoint {
    /// SCB code (`PR-MITT` for a police region).
    pub region_code: String,
    /// Region name.
    pub region_name: String,
    /// The year.
    pub year: i32,
    /// Month 1–12, or `None` for a quarter.
    pub month: Option<u8>,
    /// Quarter 1–4, or `None` for a month.
    pub quarter: Option<u8>,
    /// True when the figure is preliminary.
    pub preliminary: bool,
    /// The count; `None` when not available.
    pub count: Option<u64>,
    /// The year's population (used for every month of it).
    pub population: Option<u64>,
    /// Crimes per 100 000 inhabitants in the period (not annualised).
    pub rate_per_100k: Option<f64>,
    /// Exact 95 % interval of the count.
    pub count_ci: Option<[f64; 2]>,
    /// Exact 95 % interval of the rate.
    pub rate_ci: Option<[f64; 2]>,
    /// Sum of the last 12 months (months only, once 12 are known).
    pub rolling_12: Option<u64>,
}

impl PeriodPoint {
    /// `2026-08` or `2026-Q3`.
    pub fn label(&self) -> String {
        match (self.month, self.quarter) {
            (Some(m), _) => format!("{}-{m:02}", self.year),
            (None, Some(q)) => format!("{}-Q{q}", self.year),
            _ => self.year.to_string(),
        }
    }
}
