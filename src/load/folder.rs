//! Reading a data folder in two steps: every file is read once ([`read_dir`]), then the rows
//! one pledge needs are picked and merged ([`ReadFolder::assemble`]). A batch of pledges
//! (`analyze --pledges`) reads the exports once with the union of their crime patterns and
//! assembles each pledge's dataset from that one read, exactly as a single run would.

use super::file_hash::FileHash;
use super::mapped::Numbering;
use super::{
    Dataset, FileRows, Format, LoadOptions, detect_format, file_name, is_example, kolada, merge,
    police_events, sol_long, stream, sub_year, text,
};
use crate::error::InputError;
use crate::model::SourceInfo;
use crate::notes::Warning;
use crate::regions::Regions;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One input file as read, before any pledge's choice of crime types.
#[derive(Clone)]
pub struct ReadFile {
    path: PathBuf,
    format: Format,
    encoding: text::Encoding,
    sha256: FileHash,
    /// Data rows read (SOL long) or records kept (other formats).
    count: usize,
    /// True when the file's crime rows were filtered while reading (a streamed SOL export):
    /// such rows are filtered again per pledge; other formats are kept whole, as in a single run.
    filtered: bool,
    rows: FileRows,
}

/// Every input file of a data folder, read once.
#[derive(Clone)]
pub struct ReadFolder {
    /// The data folder, for the error naming example files mixed with real ones.
    dir: PathBuf,
    files: Vec<ReadFile>,
    /// Warnings naming the files of the folder that are not read (`.xlsx`, `.pdf`, …).
    unread: Vec<Warning>,
}

/// Reads every input file of `dir`; rows of SOL long exports are kept only for crime labels
/// matching `options.crimes` (all rows when `None`).
pub fn read_dir(
    dir: &Path,
    regions: &Regions,
    options: &LoadOptions,
) -> Result<ReadFolder, InputError> {
    let mut files = Vec::new();
    for (index, path) in super::input_files(dir)?.iter().enumerate() {
        files.push(read_one(path, index, regions, options)?);
    }
    Ok(ReadFolder {
        dir: dir.to_path_buf(),
        files,
        unread: super::unread_files(dir)?,
    })
}

fn read_one(
    path: &Path,
    index: usize,
    regions: &Regions,
    options: &LoadOptions,
) -> Result<ReadFile, InputError> {
    let sniffed = stream::sniff(path)?;
    let sol_long = match options.format {
        Some(f) => f == Format::SolLong,
        None => sol_long::detect(text::first_line(&sniffed.prefix)),
    };
    if sol_long {
        return read_sol_long(path, index, regions, options, &sniffed);
    }
    let file = text::read_text(path)?;
    let format = match options.format {
        Some(f) => f,
        None => detect_format(&file)?,
    };
    let rows = format.load(&file, index, regions, options.year)?;
    let count = rows.len();
    Ok(ReadFile {
        path: path.to_path_buf(),
        format,
        encoding: file.encoding,
        sha256: FileHash::known(file.sha256),
        count,
        filtered: false,
        rows,
    })
}

/// SOL long exports may be national and huge: streamed, keeping only the crime types used.
fn read_sol_long(
    path: &Path,
    index: usize,
    regions: &Regions,
    options: &LoadOptions,
    sniffed: &stream::Sniffed,
) -> Result<ReadFile, InputError> {
    let filter = options.crimes.clone().map(sol_long::CrimeFilter::new);
    let mut parser = sol_long::Parser::new(path, index, regions, filter);
    let header = sniffed
        .prefix
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty());
    let (header_line, header) = header.map_or((0, ""), |(i, l)| (i + 1, l));
    parser.line(header_line, header)?;
    // One thread hashes the file; the other cores parse blocks of it, each with its own copy
    // of the parser; the blocks' rows are merged in file order. The rows an area does not use
    // are checked in runs, faster than the hash, so the hash keeps a core to itself; the census
    // (`validate`) reads every row one by one and takes every core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = if options.census {
        cores
    } else {
        cores.saturating_sub(1).max(1)
    };
    let expected = expected_rows(path, &sniffed.prefix) / workers;
    let template = &parser;
    // The census keeps line numbers across ranges: exact numbers from the start. Otherwise the
    // rows of a range are numbered when every range before it is counted.
    let renumber = |part: &mut sol_long::SolLong, by: usize| part.renumber(by);
    let numbering = if options.census {
        Numbering::Exact
    } else {
        Numbering::Provisional(&renumber)
    };
    let (states, parts, sha) = stream::for_each_block(
        path,
        sniffed.encoding,
        workers,
        || {
            let p = template.clone();
            if options.census {
                p.with_census(expected)
            } else {
                p
            }
        },
        |p, first_line, bytes, decoder| p.range(first_line, bytes, decoder, header_line),
        |p: &mut sol_long::Parser| p.take_part(),
        &numbering,
    )?;
    parser.absorb_all(parts)?;
    for state in states {
        parser.absorb_census(state.into_census());
    }
    parser.check_skipped_duplicates(sniffed.encoding)?;
    let sol = parser.finish()?;
    let rows = FileRows {
        warnings: sol.running_year_warnings(&file_name(path)),
        observations: sol.observations,
        census: sol.census,
        ..FileRows::default()
    };
    Ok(ReadFile {
        path: path.to_path_buf(),
        format: Format::SolLong,
        encoding: sniffed.encoding,
        sha256: sha,
        count: sol.rows_read,
        filtered: options.crimes.is_some(),
        rows,
    })
}

/// About how many lines the file has, from the length of the lines at its start.
fn expected_rows(path: &Path, prefix: &str) -> usize {
    let size = std::fs::metadata(path).map_or(0, |m| m.len()) as usize;
    let lines = prefix.lines().count().max(1);
    size / (prefix.len() / lines).max(1)
}

impl ReadFolder {
    /// The dataset of one run: rows of filtered files narrowed to the crime labels matching
    /// `crimes` (all when `None`), then every file's years and warnings, Kolada counts, police
    /// events and the merge, as [`super::load_dir`] gives them for the same patterns.
    pub fn assemble(
        &self,
        regions: &Regions,
        crimes: Option<&[String]>,
        order: &[String],
    ) -> Result<Dataset, InputError> {
        let rows = self.files.iter().map(|f| f.rows.clone());
        self.assemble_rows(rows, regions, crimes, order)
    }

    /// [`ReadFolder::assemble`] of every row read, for a run that needs the folder no more:
    /// the rows are moved, not copied (a national export keeps hundreds of thousands).
    pub fn into_dataset(
        mut self,
        regions: &Regions,
        order: &[String],
    ) -> Result<Dataset, InputError> {
        let rows: Vec<FileRows> = self
            .files
            .iter_mut()
            .map(|f| std::mem::take(&mut f.rows))
            .collect();
        self.assemble_rows(rows.into_iter(), regions, None, order)
    }

    /// [`ReadFolder::assemble`] with each file's rows given, in file order.
    fn assemble_rows(
        &self,
        rows: impl Iterator<Item = FileRows>,
        regions: &Regions,
        crimes: Option<&[String]>,
        order: &[String],
    ) -> Result<Dataset, InputError> {
        let mut filter = crimes.map(|c| sol_long::CrimeFilter::new(c.to_vec()));
        let mut all = FileRows {
            warnings: self.unread.clone(),
            ..FileRows::default()
        };
        let mut sources = Vec::new();
        for (file, mut rows) in self.files.iter().zip(rows) {
            if let Some(filter) = filter.as_mut().filter(|_| file.filtered) {
                rows.observations.retain(|o| filter.keeps(&o.crime));
            }
            let (source, prel) = source_info(file, &rows);
            if let Some(warning) = prel {
                all.warnings.push(warning);
            }
            sources.push(source);
            let census = rows.census.take();
            all.absorb(rows);
            match (all.census.as_mut(), census) {
                (Some(mine), Some(theirs)) => mine.absorb(theirs),
                (None, theirs) => all.census = theirs,
                _ => {}
            }
        }
        merge::refuse_mixed_example(&self.dir, &sources)?;
        // Kolada gives rates: counts are derived where the population is known, and marked so.
        let derived = kolada::derive_counts(&all.rates, &all.population);
        if derived.len() < all.rates.len() {
            all.warnings.push(Warning::KoladaWithoutPopulation {
                rates: all.rates.len() - derived.len(),
            });
        }
        all.observations
            .extend(derived.iter().map(kolada::DerivedCount::to_observation));
        let events = police_events::count_events(&all.events, regions);
        all.warnings.extend(events.warnings());
        let mut merged = merge::merge(all.observations, all.population, &sources, order)?;
        let split = sub_year::reconcile(merged.observations, &sources, order)?;
        merged.revisions.extend(split.revisions);
        all.warnings.extend(
            split
                .partial_years
                .iter()
                .map(|p| partial_warning(p, &sources)),
        );
        Ok(Dataset {
            observations: split.years,
            sub_year: split.sub_year,
            population: merged.population,
            sources,
            hashes: self.files.iter().map(|f| f.sha256.clone()).collect(),
            revisions: merged.revisions,
            events: events.counts,
            warnings: all.warnings,
            skipped: all.census,
            labels: std::sync::OnceLock::new(),
        })
    }
}

/// The warning for a file's whole-year figures of a year still running at export.
fn partial_warning(p: &sub_year::PartialYear, sources: &[SourceInfo]) -> Warning {
    Warning::PartialYear {
        file: sources
            .get(p.source)
            .map(|s| s.file.clone())
            .unwrap_or_default(),
        year: p.year,
        through: None,
    }
}

/// What the report says about one file (its years come from the rows kept), and the warning
/// for its preliminary years, if any.
fn source_info(file: &ReadFile, rows: &FileRows) -> (SourceInfo, Option<Warning>) {
    let mut years: BTreeSet<i32> = rows.observations.iter().map(|o| o.year).collect();
    years.extend(rows.population.iter().map(|p| p.year));
    years.extend(rows.rates.iter().map(|r| r.year));
    years.extend(
        rows.events
            .iter()
            .filter_map(|e| e.month.get(..4)?.parse::<i32>().ok()),
    );
    let mut prel: BTreeSet<i32> = rows
        .observations
        .iter()
        .filter(|o| o.preliminary)
        .map(|o| o.year)
        .collect();
    // validate: the years of the rows no area uses count too.
    if let Some(census) = &rows.census {
        let (all, preliminary) = census.years();
        years.extend(all);
        prel.extend(preliminary);
    }
    let name = file_name(&file.path);
    let warning = (!prel.is_empty()).then(|| Warning::Preliminary {
        file: name.clone(),
        years: prel.iter().copied().collect(),
    });
    let source = SourceInfo {
        file: name.clone(),
        format: file.format,
        encoding: file.encoding,
        // Filled by [`Dataset::sources_hashed`], which may wait for the hash (see `hashes`).
        sha256: String::new(),
        rows: file.count,
        years: years.into_iter().collect(),
        preliminary_years: prel.into_iter().collect(),
        example_data: is_example(&file.path),
        export_date: merge::export_date(&name),
    };
    (source, warning)
}
