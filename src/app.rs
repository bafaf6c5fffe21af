//! The commands: turn the parsed command line into settings once, then run the pipeline
//! load → catalog → analysis → render → output.

use crate::cli::{
    AnalyzeArgs, ChartFormatArg, Cli, Command, GrainArg, InputArgs, LangArg, ReportFormatArg,
};
use crate::config::{self, Pledge, SeriesBreak};
use crate::error::StdoutError;
use crate::load::canonical::Period;
use crate::load::{self, Dataset};
use crate::model::Summary;
use crate::model::monthly::Grain;
use crate::regions::Regions;
use crate::render::charts::ChartFormat;
use crate::render::format::Lang;
use crate::render::{self, RenderOptions, ReportFormat, words};
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

fn summarise(inputs: &Inputs, period: Option<Grain>) -> anyhow::Result<Summary> {
    analysis::analyze(
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
    let files = render::render_all(&summary, &opts)?;
    let written = output::write_all(&args.out, &inputs_kept, &files)?;
    print_warnings(&summary);
    let mut out = std::io::stdout().lock();
    print_summary(&mut out, &summary, opts.lang).map_err(StdoutError)?;
    writeln!(out).map_err(StdoutError)?;
    for path in written {
        writeln!(out, "{}", path.display()).map_err(StdoutError)?;
    }
    out.flush().map_err(StdoutError)?;
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

/// The terminal table, mirroring the report's Sammanfattning.
fn print_summary(out: &mut impl Write, s: &Summary, lang: Lang) -> std::io::Result<()> {
    if s.example_data {
        writeln!(
            out,
            "{}",
            lang.pick(
                "EXEMPELDATA – inte verklig statistik",
                "EXAMPLE DATA – not real statistics"
            )
        )?;
    }
    writeln!(
        out,
        "{} ({}) {}",
        s.region.name,
        s.region.code,
        words::years(s.pledge)
    )?;
    for a in &s.areas {
        let [title, latest, rr, trend, verdict] = words::summary_row(a, lang);
        writeln!(out, "  {title:<24} {latest:<16} {rr:<32} {verdict}")?;
        writeln!(out, "  {:<24} trend: {trend}", "")?;
    }
    Ok(())
}

fn validate(args: &InputArgs) -> anyhow::Result<ExitCode> {
    let inputs = read_inputs(args, true)?;
    let data = &inputs.data;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        lang_free_heading(&inputs.config_path, &args.data)
    )
    .map_err(StdoutError)?;
    for (index, s) in data.sources.iter().enumerate() {
        let prel: BTreeSet<i32> = s.preliminary_years.iter().copied().collect();
        let years: Vec<String> = s
            .years
            .iter()
            .map(|y| {
                if prel.contains(y) {
                    format!("{y} prel.")
                } else {
                    y.to_string()
                }
            })
            .collect();
        writeln!(
            out,
            "{}\n  format {}, encoding {}, {} rows{}\n  years: {}",
            s.file,
            s.format,
            s.encoding,
            s.rows,
            if s.example_data { ", example data" } else { "" },
            years.join(", ")
        )
        .map_err(StdoutError)?;
        if let Some(line) = periods_line(data, index) {
            writeln!(out, "  periods: {line}").map_err(StdoutError)?;
        }
    }
    let mut regions: BTreeSet<(String, String)> = data
        .observations
        .iter()
        .map(|o| (o.region_code.clone(), o.region_name.clone()))
        .collect();
    let skipped = data.skipped.as_ref();
    regions.extend(skipped.iter().flat_map(|c| c.regions.clone()));
    let names: Vec<String> = regions.iter().map(|(c, n)| format!("{n} ({c})")).collect();
    writeln!(out, "regions ({}): {}", regions.len(), names.join(", ")).map_err(StdoutError)?;
    let mut labels: BTreeSet<String> = data.observations.iter().map(|o| o.crime.clone()).collect();
    labels.extend(skipped.iter().flat_map(|c| c.labels.iter().cloned()));
    let labels: Vec<String> = labels.into_iter().collect();
    let more = skipped.map_or(0, |c| c.more_labels());
    writeln!(out, "crime types ({}):", labels.len() + more).map_err(StdoutError)?;
    for label in &labels {
        let areas: Vec<&str> = inputs
            .pledge
            .areas
            .iter()
            .filter(|a| a.crimes.iter().any(|p| catalog::matches(p, label)))
            .map(|a| a.id.as_str())
            .collect();
        let used = if !areas.is_empty() {
            format!("→ {}", areas.join(", "))
        } else if label == catalog::TOTAL_CRIME_LABEL {
            "→ context: total reported crime".to_owned()
        } else {
            "not used".to_owned()
        };
        let derived = if data
            .observations
            .iter()
            .any(|o| o.derived && &o.crime == label)
        {
            " (counts derived from Kolada rates × population)"
        } else {
            ""
        };
        writeln!(out, "  {label}  [{used}]{derived}").map_err(StdoutError)?;
    }
    if let Some(c) = skipped.filter(|c| c.more_labels() > 0) {
        let at_least = if c.labels_overflow { "at least " } else { "" };
        let more = c.more_labels();
        writeln!(
            out,
            "  … and {at_least}{more} more crime types no area uses (not listed)"
        )
        .map_err(StdoutError)?;
    }
    let summary = summarise(&inputs, None)?;
    if !data.revisions.is_empty() {
        writeln!(out, "revisions (region / crime / year: old → new):").map_err(StdoutError)?;
        for r in &data.revisions {
            writeln!(
                out,
                "  {} / {} / {}: {} ({}) → {} ({})",
                r.region, r.crime, r.year, r.old_value, r.old_file, r.new_value, r.new_file
            )
            .map_err(StdoutError)?;
        }
    }
    if summary.warnings.is_empty() {
        writeln!(out, "no problems found").map_err(StdoutError)?;
    } else {
        writeln!(out, "warnings:").map_err(StdoutError)?;
        for w in &summary.warnings {
            writeln!(out, "  {}", w.english()).map_err(StdoutError)?;
        }
    }
    out.flush().map_err(StdoutError)?;
    Ok(ExitCode::SUCCESS)
}

/// The months and quarters a file gave (as kept after merging), e.g.
/// `months 2019-01 … 2026-08 (2026 prel.)`; `None` for a file of whole years only.
fn periods_line(data: &Dataset, source: usize) -> Option<String> {
    let mut parts = Vec::new();
    for (name, quarter) in [("months", false), ("quarters", true)] {
        let mut found: Vec<(String, bool)> = data
            .sub_year
            .iter()
            .filter(|o| o.source == source)
            .filter(|o| matches!(o.period, Period::Quarter(_)) == quarter)
            .map(|o| (o.period.label(o.year), o.preliminary))
            .collect();
        found.sort();
        found.dedup();
        let (Some(first), Some(last)) = (found.first(), found.last()) else {
            continue;
        };
        let prel: BTreeSet<String> = found
            .iter()
            .filter(|(_, p)| *p)
            .map(|(l, _)| format!("{} prel.", &l[..4]))
            .collect();
        let prel: Vec<String> = prel.into_iter().collect();
        let prel = if prel.is_empty() {
            String::new()
        } else {
            format!(" ({})", prel.join(", "))
        };
        parts.push(format!("{name} {} … {}{prel}", first.0, last.0));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn lang_free_heading(config: &Path, data: &Path) -> String {
    format!(
        "config {}; data folder {}",
        config.display(),
        data.display()
    )
}
