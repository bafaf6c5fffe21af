//! `analyze --pledges DIR`: every pledge in a folder followed up in one run. The pledge files
//! are all read and checked first, the exports are read once (keeping the crime types of every
//! pledge), then each distinct dataset is assembled once (pledges with the same crime types and
//! sources share one), and each pledge is analysed, rendered and written on its own thread,
//! exactly as a single run would write it. The index lists the pledges by kommun name.

use crate::app::{crime_patterns, load_options, period, render_options};
use crate::cli::{AnalyzeArgs, ChartFormatArg, LangArg, ReportFormatArg};
use crate::config::{self, Pledge};
use crate::error::InputError;
use crate::load::{self, ReadFolder};
use crate::model::Summary;
use crate::regions::Regions;
use crate::render::{self, RenderOptions, ReportFormat, index};
use crate::{analysis, output};
use anyhow::Context;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One pledge file of the batch.
struct Entry {
    /// The pledge file.
    path: PathBuf,
    pledge: Pledge,
    /// Its output folder inside `--out`: `<kommun code>-<file name without .toml>`.
    folder: String,
}

/// Runs every pledge of `dir`; nothing is written unless every pledge was analysed, and a
/// failed write leaves no new folder (see [`Undo`]).
pub fn run(args: &AnalyzeArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    let inputs = [
        output::Input {
            what: "data folder",
            path: &args.input.data,
        },
        output::Input {
            what: "pledge folder",
            path: dir,
        },
    ];
    output::check(&args.out, &inputs)?;
    let regions = Regions::new();
    let entries = read_pledges(dir, &regions)?;
    let (breaks, _) = config::read_breaks(&args.input.data)?;
    let pledges: Vec<Pledge> = entries.iter().map(|e| e.pledge.clone()).collect();
    let options = load_options(&args.input, Vec::new(), Some(crime_patterns(&pledges)));
    let read = load::read_dir(&args.input.data, &regions, &options)?;
    let shared = Shared::assemble(&entries, &read, &regions)?;
    drop(read);
    // Each dataset's look-ups once, for all its pledges.
    let indexes = parallel(shared.datasets.len(), |i| {
        analysis::DatasetIndex::new(&shared.datasets[i], &regions)
    })?;
    let summaries = parallel(entries.len(), |i| {
        let e = &entries[i];
        let (data, index) = (&shared.datasets[shared.of[i]], &indexes[shared.of[i]]);
        let p = &e.pledge;
        analysis::analyze_indexed(p, &breaks, data, index, &regions, &e.path, period(args))
            .with_context(|| format!("pledge {}", e.path.display()))
    })?;
    drop(indexes);
    drop(shared);
    // Each pledge's folder on its own, as a single run writes it (with its own manifest), so
    // the batch never holds all its charts in memory; the index last, once every folder is in.
    let opts = render_options(args, String::new());
    let report = report_file(&opts);
    let undo = Undo::before(args, &entries);
    write_folders(args, &inputs, &entries, &summaries).map_err(|e| undo.undo(args, &entries, e))?;
    let listed: Vec<(&str, &Summary)> = entries
        .iter()
        .zip(&summaries)
        .map(|(e, s)| (e.folder.as_str(), s))
        .collect();
    let rows = index::rows(&listed, report, opts.lang);
    let index_files = [
        (
            PathBuf::from("index.md"),
            index::markdown(&rows, opts.lang).into_bytes(),
        ),
        (
            PathBuf::from("index.html"),
            index::html(&rows, opts.lang).into_bytes(),
        ),
    ];
    output::write_all(&args.out, &inputs, &index_files)
        .map_err(|e| undo.undo(args, &entries, e))?;
    for e in &entries {
        println!("{}", args.out.join(&e.folder).join(report).display());
    }
    println!("{}", args.out.join("index.md").display());
    println!("{}", args.out.join("index.html").display());
    Ok(ExitCode::SUCCESS)
}

/// What a failed batch must undo: the folders it created (and `--out`, when it created it).
struct Undo {
    out_is_new: bool,
    /// Per entry: its folder did not exist before the run.
    new: Vec<bool>,
}

impl Undo {
    fn before(args: &AnalyzeArgs, entries: &[Entry]) -> Undo {
        Undo {
            out_is_new: !args.out.exists(),
            new: entries
                .iter()
                .map(|e| !args.out.join(&e.folder).exists())
                .collect(),
        }
    }

    /// Removes what this run created; the error then says what is left.
    fn undo(&self, args: &AnalyzeArgs, entries: &[Entry], error: anyhow::Error) -> anyhow::Error {
        for (e, _) in entries.iter().zip(&self.new).filter(|(_, new)| **new) {
            let folder = args.out.join(&e.folder);
            if folder.exists() {
                let _ = output::remove_written(&folder);
            }
        }
        if self.out_is_new {
            let _ = output::remove_written(&args.out);
            let _ = std::fs::remove_dir(&args.out);
        }
        let kept = self.new.iter().filter(|n| !**n).count();
        error.context(if kept == 0 {
            "the batch stopped while writing; the folders it had made were removed again".to_owned()
        } else {
            format!(
                "the batch stopped while writing; {kept} pledge folder(s) from an earlier run hold \
                 either that run's report or this one's, each whole, and the index may be the \
                 earlier one: run the batch again"
            )
        })
    }
}

/// Writes every pledge's folder, each as a single run writes it.
fn write_folders(
    args: &AnalyzeArgs,
    inputs: &[output::Input],
    entries: &[Entry],
    summaries: &[Summary],
) -> anyhow::Result<()> {
    parallel(entries.len(), |i| {
        let e = &entries[i];
        let opts = render_options(args, single_command(args, e));
        let files = render::render_all(&summaries[i], &opts)?;
        output::write_all(&args.out.join(&e.folder), inputs, &files)?;
        Ok(())
    })?;
    Ok(())
}

/// Reads and checks every `*.toml` in `dir`, sorted by file name; the first bad one stops the
/// run before anything is read or written.
fn read_pledges(dir: &Path, regions: &Regions) -> anyhow::Result<Vec<Entry>> {
    let listing = std::fs::read_dir(dir).map_err(|e| {
        InputError::file(dir, format!("cannot read the pledge folder ({e})"))
            .expected("a folder of pledge files (*.toml) for --pledges")
    })?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(
            InputError::file(dir, "the pledge folder holds no .toml files")
                .expected("one pledge file per kommun, with the keys of pledge.toml")
                .into(),
        );
    }
    let mut entries = Vec::new();
    for path in paths {
        let pledge = config::read_pledge(&path, regions)?;
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let folder = format!("{}-{stem}", pledge.region.code);
        entries.push(Entry {
            path,
            pledge,
            folder,
        });
    }
    Ok(entries)
}

/// The datasets of the batch, one per distinct choice of crime types and sources: a dataset
/// depends on nothing else of the pledge, so pledges that follow the same crime types (every
/// kommun of a region often does) share one instead of each merging the national rows again.
struct Shared {
    /// One dataset per distinct (crime patterns, sources), in order of first use.
    datasets: Vec<load::Dataset>,
    /// Per entry: the index of its dataset.
    of: Vec<usize>,
}

impl Shared {
    /// Assembles each distinct dataset once (on every core), exactly as a single run of its
    /// first pledge would; an error names that pledge.
    fn assemble(entries: &[Entry], read: &ReadFolder, regions: &Regions) -> anyhow::Result<Shared> {
        let mut keys: Vec<(Vec<String>, &[String])> = Vec::new();
        let mut first: Vec<&Entry> = Vec::new();
        let mut of = Vec::with_capacity(entries.len());
        for e in entries {
            let key = (
                crime_patterns(std::slice::from_ref(&e.pledge)),
                e.pledge.sources.as_slice(),
            );
            let i = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                first.push(e);
                keys.len() - 1
            });
            of.push(i);
        }
        let datasets = parallel(keys.len(), |i| {
            let (patterns, sources) = &keys[i];
            read.assemble(regions, Some(patterns.as_slice()), sources)
                .with_context(|| format!("pledge {}", first[i].path.display()))
        })?;
        Ok(Shared { datasets, of })
    }
}

/// Runs `f(0..n)` on every core ([`crate::cores::map`]); results in order, the first error
/// (in order) wins, so the outcome never depends on the scheduling.
fn parallel<T: Send>(
    n: usize,
    f: impl Fn(usize) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    let indices: Vec<usize> = (0..n).collect();
    crate::cores::map(&indices, |&i| f(i))
        .map_err(|_| anyhow::anyhow!("a worker thread failed"))?
        .into_iter()
        .collect()
}

/// The single run that writes the same folder, shown on the report's last line (so the batch
/// output is byte-identical to that run's).
fn single_command(args: &AnalyzeArgs, e: &Entry) -> String {
    let mut words = vec![
        "brottstrend analyze".to_owned(),
        format!("--data {}", args.input.data.display()),
        format!("--config {}", e.path.display()),
        format!("--out {}", args.out.join(&e.folder).display()),
    ];
    let name = |v: Option<clap::builder::PossibleValue>| v.map(|v| v.get_name().to_owned());
    if let Some(f) = args.input.input_format {
        words.extend(name(f.to_possible_value()).map(|v| format!("--input-format {v}")));
    }
    if let Some(year) = args.input.year {
        words.push(format!("--year {year}"));
    }
    if args.lang != LangArg::Sv {
        words.extend(name(args.lang.to_possible_value()).map(|v| format!("--lang {v}")));
    }
    if args.chart_format != ChartFormatArg::Png {
        let v = name(args.chart_format.to_possible_value());
        words.extend(v.map(|v| format!("--chart-format {v}")));
    }
    if args.pooled {
        words.push("--pooled".to_owned());
    }
    if args.report_format != ReportFormatArg::Md {
        let v = name(args.report_format.to_possible_value());
        words.extend(v.map(|v| format!("--report-format {v}")));
    }
    if let Some(p) = args.period {
        words.extend(name(p.to_possible_value()).map(|v| format!("--period {v}")));
    }
    words.join(" ")
}

fn report_file(opts: &RenderOptions) -> &'static str {
    match opts.report_format {
        ReportFormat::Markdown => "report.md",
        ReportFormat::Html => "report.html",
    }
}
