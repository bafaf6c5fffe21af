//! The commands: turn the parsed command line into settings once, then run the pipeline
//! load → catalog → analysis → render → output.

use crate::cli::{AnalyzeArgs, ChartFormatArg, Cli, Command, InputArgs, LangArg, ReportFormatArg};
use crate::config::{self, Pledge, SeriesBreak};
use crate::load::{self, Dataset};
use crate::model::Summary;
use crate::regions::Regions;
use crate::render::charts::ChartFormat;
use crate::render::format::Lang;
use crate::render::{self, RenderOptions, ReportFormat, words};
use crate::{analysis, catalog, output};
use std::collections::BTreeSet;
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

/// Reads the configuration and the data; `filter` keeps only the crime types the areas use.
fn read_inputs(args: &InputArgs, filter: bool) -> anyhow::Result<Inputs> {
    let regions = Regions::new();
    let config_path = args
        .config
        .clone()
        .unwrap_or_else(|| args.data.join("pledge.toml"));
    let pledge = config::read_pledge(&config_path, &regions)?;
    let (breaks, _) = config::read_breaks(&args.data)?;
    let options = load::LoadOptions {
        format: args.input_format,
        year: args.year,
        order: pledge.sources.clone(),
        crimes: filter.then(|| {
            let mut patterns: Vec<String> = pledge
                .areas
                .iter()
                .flat_map(|a| a.crimes.iter().cloned())
                .collect();
            patterns.push(load::bra_kommun::TOTAL_CRIME_LABEL.to_owned());
            patterns
        }),
    };
    let data = load::load_dir(&args.data, &regions, &options)?;
    Ok(Inputs {
        config_path,
        pledge,
        breaks,
        data,
        regions,
    })
}

fn summarise(inputs: &Inputs) -> anyhow::Result<Summary> {
    analysis::analyze(
        &inputs.pledge,
        &inputs.breaks,
        &inputs.data,
        &inputs.regions,
        &inputs.config_path,
    )
}

fn analyze(args: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    output::check_writable(&args.out)?;
    let inputs = read_inputs(&args.input, true)?;
    let summary = summarise(&inputs)?;
    let opts = RenderOptions {
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
        command_line: command_line(),
    };
    let files = render::render_all(&summary, &opts)?;
    let written = output::write_all(&args.out, &files)?;
    print_summary(&summary, opts.lang);
    println!();
    for path in written {
        println!("{}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The command as typed, for the report's last line.
fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    format!("brottstrend {}", args.join(" "))
}

/// The terminal table, mirroring the report's Sammanfattning.
fn print_summary(s: &Summary, lang: Lang) {
    if s.example_data {
        println!(
            "{}",
            lang.pick(
                "EXEMPELDATA – inte verklig statistik",
                "EXAMPLE DATA – not real statistics"
            )
        );
    }
    println!(
        "{} ({}) {}",
        s.region.name,
        s.region.code,
        words::years(s.pledge)
    );
    for a in &s.areas {
        let [title, latest, rr, trend, verdict] = words::summary_row(a, lang);
        println!("  {title:<24} {latest:<16} {rr:<32} {verdict}");
        println!("  {:<24} trend: {trend}", "");
    }
}

fn validate(args: &InputArgs) -> anyhow::Result<ExitCode> {
    let inputs = read_inputs(args, false)?;
    let data = &inputs.data;
    println!("{}", lang_free_heading(&inputs.config_path, &args.data));
    for s in &data.sources {
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
        println!(
            "{}\n  format {}, encoding {}, {} rows{}\n  years: {}",
            s.file,
            s.format,
            s.encoding,
            s.rows,
            if s.example_data { ", example data" } else { "" },
            years.join(", ")
        );
    }
    let regions: BTreeSet<(String, String)> = data
        .observations
        .iter()
        .map(|o| (o.region_code.clone(), o.region_name.clone()))
        .collect();
    let names: Vec<String> = regions.iter().map(|(c, n)| format!("{n} ({c})")).collect();
    println!("regions ({}): {}", regions.len(), names.join(", "));
    let labels: BTreeSet<String> = data.observations.iter().map(|o| o.crime.clone()).collect();
    let labels: Vec<String> = labels.into_iter().collect();
    println!("crime types ({}):", labels.len());
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
        } else if label == load::bra_kommun::TOTAL_CRIME_LABEL {
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
        println!("  {label}  [{used}]{derived}");
    }
    let summary = summarise(&inputs)?;
    if !data.revisions.is_empty() {
        println!("revisions (region / crime / year: old → new):");
        for r in &data.revisions {
            println!(
                "  {} / {} / {}: {} ({}) → {} ({})",
                r.region, r.crime, r.year, r.old_value, r.old_file, r.new_value, r.new_file
            );
        }
    }
    if summary.warnings.is_empty() {
        println!("no problems found");
    } else {
        println!("warnings:");
        for w in &summary.warnings {
            println!("  {}", w.english());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lang_free_heading(config: &Path, data: &Path) -> String {
    format!(
        "config {}; data folder {}",
        config.display(),
        data.display()
    )
}
