//! The commands: turn the parsed command line into settings once, then run the pipeline
//! load → catalog → analysis → render → output.

use crate::cli::{
    AnalyzeArgs, ChartFormatArg, Cli, Command, GrainArg, InputArgs, LangArg, ReportFormatArg,
};
use crate::config::{self, Pledge, SeriesBreak};
use crate::error::StdoutError;
use crate::load::{self, Dataset};
use crate::model::Summary;
use crate::model::monthly::Grain;
use crate::regions::Regions;
use crate::render::charts::ChartFormat;
use crate::render::format::Lang;
use crate::render::{self, RenderOptions, ReportFormat, terminal};
use crate::{analysis, batch, catalog, output};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs one command; `Err` carries the message and decides the exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Validate(args) => validate(&args),
        Command::Fetch(args) => crate::fetch::run(&args.settings()?).map(|()| ExitCode::SUCCESS),
    }
}

/// Everything read before analysing.
struct Inputs {
    config_path: PathBuf,
    pledge: Pledge,
    breaks: Vec<SeriesBreak>,
    data: Dataset,
    regions: Regions,
}

/// How to read the data folder: `order` names files oldest first, `crimes` keeps only rows
/// of matching crime labels.
pub(crate) fn load_options(
    args: &InputArgs,
    order: Vec<String>,
    crimes: Option<Vec<String>>,
) -> load::LoadOptions {
    load::LoadOptions {
        format: args.input_format,
        year: args.year,
        order,
        crimes,
        census: false,
    }
}

/// The crime patterns of every area of `pledges`, and the total reported crime, each once.
pub(crate) fn crime_patterns(pledges: &[Pledge]) -> Vec<String> {
    let mut patterns: Vec<String> = pledges
        .iter()
        .flat_map(|p| p.areas.iter())
        .flat_map(|a| a.crimes.iter().cloned())
        .collect();
    patterns.push(catalog::TOTAL_CRIME_LABEL.to_owned());
    let mut seen = BTreeSet::new();
    patterns.retain(|p| seen.insert(p.clone()));
    patterns
}

/// Reads the configuration and the data, keeping the crime types the areas use; `census`
/// (validate) also checks and lists the rows of the others, in bounded memory.
fn read_inputs(args: &InputArgs, census: bool) -> anyhow::Result<Inputs> {
    let regions = Regions::new();
    let config_path = config_path(args);
    check_data_folder(&args.data, args.config.is_some())?;
    let pledge = config::read_pledge(&config_path, &regions)?;
    config::check_sources(&pledge, &config_path, &args.data)?;
    let (breaks, _) = config::read_breaks(&args.data)?;
    let crimes = crime_patterns(std::slice::from_ref(&pledge));
    let mut options = load_options(args, pledge.sources.clone(), Some(crimes));
    options.census = census;
    let data = load::load_dir(&args.data, &regions, &options)?;
    Ok(Inputs {
        config_path,
        pledge,
        breaks,
        data,
        regions,
    })
}

/// A missing data folder is most often a run from the wrong folder: say where we are and how
/// to point at the data instead.
fn check_data_folder(data: &Path, has_config: bool) -> Result<(), crate::error::InputError> {
    if data.is_dir() {
        return Ok(());
    }
    let here = std::env::current_dir().map_or_else(|_| "?".to_owned(), |d| d.display().to_string());
    let config = if has_config {
        ""
    } else {
        " (and --config FILE for a pledge.toml elsewhere)"
    };
    Err(crate::error::InputError::file(
        data,
        format!("there is no data folder here: the current folder is {here}"),
    )
    .expected(format!(
        "run brottstrend in the folder that holds data/, or name the folder with --data DIR{config}"
    )))
}

/// The analysis, without the SHA-256 of the inputs ([`analysis::with_hashes`] adds them).
fn summarise(inputs: &Inputs, period: Option<Grain>) -> anyhow::Result<Summary> {
    analysis::analyze_unhashed(
        &inputs.pledge,
        &inputs.breaks,
        &inputs.data,
        &inputs.regions,
        &inputs.config_path,
        period,
    )
}

fn analyze(args: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.pledges {
        return batch::run(args, dir);
    }
    let config = config_path(&args.input);
    let inputs_kept = [
        output::Input {
            what: "data folder",
            path: &args.input.data,
        },
        output::Input {
            what: "configuration file",
            path: &config,
        },
    ];
    output::check(&args.out, &inputs_kept)?;
    let inputs = read_inputs(&args.input, false)?;
    let summary = summarise(&inputs, period(args))?;
    let opts = render_options(args, command_line());
    // The charts need no SHA-256 of the inputs: they are drawn while a large export's hash
    // ends, and the summary takes the hashes after them.
    let charts = render::charts(&summary, &opts)?;
    let summary = analysis::with_hashes(summary, &inputs.data)?;
    let files = render::render_with(&summary, &opts, charts)?;
    let written = output::write_all(&args.out, &inputs_kept, &files)?;
    print_warnings(&summary);
    let mut out = std::io::stdout().lock();
    terminal::summary(&mut out, &summary, opts.lang).map_err(StdoutError)?;
    writeln!(out).map_err(StdoutError)?;
    for path in written {
        writeln!(out, "{}", path.display()).map_err(StdoutError)?;
    }
    out.flush().map_err(StdoutError)?;
    // The process ends here: freeing the dataset's rows one by one (three texts each, a
    // hundred thousand rows for a national export) is work the exit does at once.
    std::mem::forget(inputs);
    Ok(ExitCode::SUCCESS)
}

/// The finest period `--period` asks for; `None` lets the data decide.
pub(crate) fn period(args: &AnalyzeArgs) -> Option<Grain> {
    args.period.map(|p| match p {
        GrainArg::Year => Grain::Year,
        GrainArg::Quarter => Grain::Quarter,
        GrainArg::Month => Grain::Month,
    })
}

/// How to render, from the command line; `command_line` is shown on the report's last line.
pub(crate) fn render_options(args: &AnalyzeArgs, command_line: String) -> RenderOptions {
    RenderOptions {
        lang: match args.lang {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        },
        chart_format: match args.chart_format {
            ChartFormatArg::Png => ChartFormat::Png,
            ChartFormatArg::Svg => ChartFormat::Svg,
        },
        pooled: args.pooled,
        report_format: match args.report_format {
            ReportFormatArg::Md => ReportFormat::Markdown,
            ReportFormatArg::Html => ReportFormat::Html,
        },
        command_line,
    }
}

/// The configuration file `--config` names, by default `pledge.toml` in the data folder.
pub(crate) fn config_path(args: &InputArgs) -> PathBuf {
    args.config
        .clone()
        .unwrap_or_else(|| args.data.join("pledge.toml"))
}

/// How many warnings the terminal shows; the report lists them all.
const WARNINGS_SHOWN: usize = 5;

/// The warnings on stderr: how many, and the first few. Nothing to do when stderr is gone.
fn print_warnings(s: &Summary) {
    if s.warnings.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let n = s.warnings.len();
    let plural = if n == 1 { "" } else { "s" };
    let _ = writeln!(err, "{n} warning{plural} (all of them are in the report):");
    for w in s.warnings.iter().take(WARNINGS_SHOWN) {
        let _ = writeln!(err, "  warning: {}", w.english());
    }
    if n > WARNINGS_SHOWN {
        let _ = writeln!(err, "  … and {} more", n - WARNINGS_SHOWN);
    }
}

/// The command as typed, for the report's last line.
fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    format!("brottstrend {}", args.join(" "))
}

fn validate(args: &InputArgs) -> anyhow::Result<ExitCode> {
    let inputs = read_inputs(args, true)?;
    let mut out = std::io::stdout().lock();
    // The listing comes first, so that a run stopped by the analysis still shows what it read.
    terminal::inputs(
        &mut out,
        &inputs.data,
        &inputs.pledge,
        &inputs.config_path,
        &args.data,
    )
    .map_err(StdoutError)?;
    let summary = analysis::with_hashes(summarise(&inputs, None)?, &inputs.data)?;
    terminal::findings(&mut out, &inputs.data, &summary).map_err(StdoutError)?;
    out.flush().map_err(StdoutError)?;
    Ok(ExitCode::SUCCESS)
}
