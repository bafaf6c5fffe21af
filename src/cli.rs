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
    after_help = "Examples:\n  brottstrend validate\n  brottstrend analyze --lang sv --out reports\n  brottstrend analyze --report-format html --chart-format svg"
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
    #[command(after_help = "Example:\n  brottstrend analyze --data data --out reports --lang sv")]
    Analyze(AnalyzeArgs),
    /// Load and check every input, print what was found, and write nothing.
    #[command(after_help = "Example:\n  brottstrend validate --data data")]
    Validate(InputArgs),
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
    /// Folder for the report; replaced as a whole only when everything succeeded.
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
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_registered_format_is_an_input_format_choice_by_its_cli_name() {
        for info in REGISTRY {
            let cli =
                Cli::try_parse_from(["brottstrend", "validate", "--input-format", info.cli_name])
                    .expect(info.cli_name);
            let Command::Validate(args) = cli.command else {
                panic!("validate")
            };
            assert_eq!(args.input_format, Some(info.format));
        }
    }
}
