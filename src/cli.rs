//! The command line (clap derive). Doc comments are the help text. Nothing below the command
//! layer imports clap: [`crate::app`] takes the validated settings.

use crate::load::{Format, REGISTRY};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Follow up a medborgarlöfte (citizen pledge) with BRÅ's crime statistics: yearly figures,
/// honest statistics for small numbers, charts and a report in Swedish.
#[derive(Debug, Parser)]
#[command(
    name = "brottstrend",
    version,
    about,
    after_help = "Examples:\n  brottstrend validate\n  brottstrend analyze --lang sv --out reports\n  brottstrend analyze --report-format html --chart-format svg\n  brottstrend analyze --period quarter"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse the exports in the data folder and write the report, charts, metrics.csv and
    /// summary.json.
    #[command(
        after_help = "Examples:\n  brottstrend analyze --data data --out reports --lang sv\n  brottstrend analyze --data national --pledges region-mitt --out uppfoljning"
    )]
    Analyze(AnalyzeArgs),
    /// Load and check every input, print what was found, and write nothing.
    #[command(after_help = "Example:\n  brottstrend validate --data data")]
    Validate(InputArgs),
    /// Download the pledge's crime types from BRÅ's statistics database into the data folder
    /// (bra_sol_YYYY-MM-DD.csv, as served, plus a .fetch sidecar recording what was asked).
    #[command(
        after_help = "Examples:\n  brottstrend fetch --dry-run\n  brottstrend fetch --data data --from 2015\n\nBRÅ has no API: fetch drives the site as a browser does. If it fails, export by hand (README, \"Using a real export from BRÅ\")."
    )]
    Fetch(FetchArgs),
}

/// Where the inputs are.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Folder with the BRÅ and SCB exports.
    #[arg(long, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// The pledge configuration [default: DATA/pledge.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read every input file as this format instead of detecting it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// The year of BRÅ kommun CSV files whose file name has no year.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
    pub year: Option<i32>,
}

/// `--input-format` takes the formats' CLI names from the loader's registry.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [Format; REGISTRY.len()] = {
            let mut all = [Format::SolLong; REGISTRY.len()];
            let mut i = 0;
            while i < REGISTRY.len() {
                all[i] = REGISTRY[i].format;
                i += 1;
            }
            all
        };
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let info = self.info();
        Some(clap::builder::PossibleValue::new(info.cli_name).help(info.description))
    }
}

/// Options of `analyze`.
#[derive(Debug, Clone, Args)]
pub struct AnalyzeArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder for the report. Only files brottstrend wrote there are replaced; a folder holding
    /// the data or other files is refused.
    #[arg(long, default_value = "reports", value_name = "DIR")]
    pub out: PathBuf,
    /// Report language.
    #[arg(long, value_enum, default_value_t = LangArg::Sv)]
    pub lang: LangArg,
    /// Chart file format.
    #[arg(long, value_enum, default_value_t = ChartFormatArg::Png)]
    pub chart_format: ChartFormatArg,
    /// Show pooled 3-year rates in the rate charts.
    #[arg(long)]
    pub pooled: bool,
    /// Report file format: Markdown, or one self-contained HTML file with the charts inside.
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Md)]
    pub report_format: ReportFormatArg,
    /// The finest period of the follow-up [default: the finest the data has for the pledge
    /// kommun]. Yearly figures are always kept.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub period: Option<GrainArg>,
    /// Follow up every pledge in DIR at once: each `*.toml` (the keys of pledge.toml) gets its
    /// report in OUT/<kommun code>-<file name>/, and OUT/index.md and index.html list them all.
    /// The exports are read once.
    #[arg(long, value_name = "DIR", conflicts_with = "config")]
    pub pledges: Option<PathBuf>,
}

/// The finest period of the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GrainArg {
    /// Whole years only.
    Year,
    /// Quarters (from quarterly rows, or summed from months).
    Quarter,
    /// Months.
    Month,
}

/// Options of `fetch`.
#[derive(Debug, Clone, Args)]
pub struct FetchArgs {
    /// The folder the export is written to.
    #[arg(long, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// The pledge configuration [default: DATA/pledge.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Whole years (the yearly kommun menu) or months (the monthly menu).
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    pub period: PeriodArg,
    /// The first year asked for.
    #[arg(long, value_name = "YEAR", default_value_t = 2015, value_parser = clap::value_parser!(i32).range(1990..=2100))]
    pub from: i32,
    /// Print what would be asked for (menu, crime types, regions, periods, pieces) and send no
    /// query; nothing is written.
    #[arg(long)]
    pub dry_run: bool,
    /// The site: scheme, host and port only; the paths are BRÅ's.
    #[arg(long, value_name = "URL", default_value = crate::fetch::DEFAULT_SOL_URL)]
    pub sol_url: String,
    /// The menu id (menyid) to use instead of finding the "Årsvis – Kommun …" menu by its title.
    #[arg(long, value_name = "ID", value_parser = clap::value_parser!(u32))]
    pub menu: Option<u32>,
    /// Seconds to wait before each request after the first (be polite to BRÅ).
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    pub pause: f64,
    /// Seconds to wait for one answer before giving up.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub timeout: f64,
}

impl FetchArgs {
    /// The validated settings of `fetch`.
    pub fn settings(&self) -> anyhow::Result<crate::fetch::Settings> {
        let seconds = |name: &str, v: f64, min: f64| {
            if v.is_finite() && (min..=3600.0).contains(&v) {
                Ok(std::time::Duration::from_secs_f64(v))
            } else {
                Err(crate::error::InputError::file(
                    std::path::Path::new(name),
                    "not a number of seconds",
                )
                .value(v.to_string())
                .expected(format!("{min} to 3600")))
            }
        };
        Ok(crate::fetch::Settings {
            config: self
                .config
                .clone()
                .unwrap_or_else(|| self.data.join("pledge.toml")),
            data: self.data.clone(),
            periodicity: match self.period {
                PeriodArg::Year => crate::fetch::plan::Periodicity::Year,
                PeriodArg::Month => crate::fetch::plan::Periodicity::Month,
            },
            from: self.from,
            dry_run: self.dry_run,
            sol_url: self.sol_url.clone(),
            menu: self.menu.map(|m| m.to_string()),
            pause: seconds("--pause", self.pause, 0.0)?,
            timeout: seconds("--timeout", self.timeout, 0.1)?,
        })
    }
}

/// Periods to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Whole years.
    Year,
    /// Months (kommun figures by month are partly withheld by BRÅ; analyze reads years).
    Month,
}

/// Report file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// report.md
    Md,
    /// report.html (self-contained, prints cleanly)
    Html,
}

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Swedish.
    Sv,
    /// English.
    En,
}

/// Chart file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartFormatArg {
    /// PNG images.
    Png,
    /// SVG drawings, for editing.
    Svg,
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
