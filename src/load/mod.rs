//! Loading: find the input files, detect each file's format and encoding, read every file into
//! the canonical tables, and merge overlapping exports by fixed rules.

pub mod bra_kommun;
pub mod canonical;
pub mod cells;
pub mod file_hash;
mod folder;
pub mod kolada;
mod labels;
mod mapped;
pub mod merge;
pub mod police_events;
pub mod population;
pub mod region_cell;
pub mod sol_long;
pub mod sol_wide;
pub mod stream;
pub mod sub_year;
pub mod text;
mod word_hash;

use crate::error::InputError;
use crate::model::SourceInfo;
use crate::notes::{UnreadKind, Warning};
use crate::regions::Regions;
use canonical::{Observation, PopulationRow};
use std::path::{Path, PathBuf};

/// Everything read from the data folder.
#[derive(Debug, Default)]
pub struct Dataset {
    /// Yearly crime counts after merging, sorted by region, crime and year: the years given,
    /// and the sums of complete months where no yearly figure was given.
    pub observations: Vec<Observation>,
    /// Monthly and quarterly crime counts after merging, sorted by region, crime, year and
    /// period. With [`Dataset::observations`] this is the canonical table.
    pub sub_year: Vec<Observation>,
    /// Population after merging, sorted by region and year.
    pub population: Vec<PopulationRow>,
    /// Every file read, in file-name order; their `sha256` is empty here:
    /// [`Dataset::sources_hashed`] gives them with it.
    pub sources: Vec<SourceInfo>,
    /// The SHA-256 of each of [`Dataset::sources`], perhaps still being computed.
    pub hashes: Vec<file_hash::FileHash>,
    /// Values that differ between files, as merged.
    pub revisions: Vec<crate::model::Revision>,
    /// Police events counted per region, type and month: context, never crime counts.
    pub events: Vec<police_events::EventCount>,
    /// Problems that did not stop loading.
    pub warnings: Vec<Warning>,
    /// For `validate`: the crime labels, years and regions of the SOL rows no area uses (their
    /// keys were checked for duplicates while reading).
    pub skipped: Option<sol_long::Census>,
    /// [`Dataset::labels`], worked out on first use (a batch's pledges share one dataset).
    labels: std::sync::OnceLock<Labels>,
}

impl Dataset {
    /// [`Dataset::sources`] with their SHA-256, waiting for the hashes still being computed
    /// (a large export's runs beside the parse and the analysis).
    pub fn sources_hashed(&self) -> Result<Vec<SourceInfo>, InputError> {
        let mut sources = self.sources.clone();
        for (source, hash) in sources.iter_mut().zip(&self.hashes) {
            let failed = || InputError::file(Path::new(&source.file), "reading the file failed");
            source.sha256 = hash.get().ok_or_else(failed)?.to_owned();
        }
        Ok(sources)
    }
}

/// The input formats we recognise, in the order they are tried. Everything the tool says
/// about a format (its names, its description, how it is detected and loaded) comes from
/// [`REGISTRY`]: a new format is one module, its variant here and its entry there (names,
/// detection, loader), its tests and a fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// BRÅ SOL "Databasfil" (long).
    SolLong,
    /// BRÅ SOL result table saved as CSV (wide: a column per year).
    SolWide,
    /// BRÅ's annual kommun CSV (total reported crimes).
    BraKommun,
    /// Kolada key figures (JSON API or CSV export).
    Kolada,
    /// The police events feed (JSON or CSV).
    PoliceEvents,
    /// SCB population from PxWeb.
    ScbPopulation,
}

/// Reads a whole decoded file as one format: (file, source index, regions, the year for BRÅ
/// kommun files whose name has none).
pub type LoadFn = fn(&text::TextFile, usize, &Regions, Option<i32>) -> Result<FileRows, InputError>;

/// One input format's names, description, detection and loader.
#[derive(Debug, Clone, Copy)]
pub struct FormatInfo {
    /// The format.
    pub format: Format,
    /// The name for `--input-format`, e.g. `sol-long`.
    pub cli_name: &'static str,
    /// The name written to `summary.json` and printed by `validate`, e.g. `bra_sol_long`.
    pub json_name: &'static str,
    /// What the file is and how it is recognised, for `--help` and error messages.
    pub description: &'static str,
    /// True when a file's decoded text looks like this format.
    pub detect: fn(&str) -> bool,
    /// Reads a whole file of this format.
    pub load: LoadFn,
}

/// Every format, in detection order.
pub const REGISTRY: [FormatInfo; 6] = [
    FormatInfo {
        format: Format::SolLong,
        cli_name: "sol-long",
        json_name: "bra_sol_long",
        description: "BRÅ SOL \"Databasfil\" (header `Region;Brott;År;Period;Antal;/100 000 inv`)",
        detect: |t| sol_long::detect(text::first_line(t)),
        load: load_sol_long,
    },
    FormatInfo {
        format: Format::SolWide,
        cli_name: "sol-wide",
        json_name: "bra_sol_wide",
        description: "BRÅ SOL table saved as CSV, a column per year",
        detect: sol_wide::detect,
        load: load_sol_wide,
    },
    FormatInfo {
        format: Format::BraKommun,
        cli_name: "bra-kommun",
        json_name: "bra_kommun",
        description: "BRÅ's annual kommun CSV (`Kommun;Antal;Per 100 000 inv.`)",
        detect: bra_kommun::detect,
        load: load_bra_kommun,
    },
    FormatInfo {
        format: Format::Kolada,
        cli_name: "kolada",
        json_name: "kolada",
        description: "Kolada key figures (JSON API answer or CSV export)",
        detect: kolada::detect,
        load: load_kolada,
    },
    FormatInfo {
        format: Format::PoliceEvents,
        cli_name: "police-events",
        json_name: "police_events",
        description: "the police events feed (JSON or CSV)",
        detect: police_events::detect,
        load: load_police_events,
    },
    FormatInfo {
        format: Format::ScbPopulation,
        cli_name: "scb-population",
        json_name: "scb_population",
        description: "SCB population from PxWeb (header starting with `region`)",
        detect: population::detect,
        load: load_population,
    },
];

impl Format {
    /// Every format, in detection order.
    pub fn all() -> impl Iterator<Item = Format> {
        REGISTRY.iter().map(|i| i.format)
    }

    /// This format's entry in [`REGISTRY`].
    pub fn info(self) -> &'static FormatInfo {
        REGISTRY
            .iter()
            .find(|i| i.format == self)
            .unwrap_or(&REGISTRY[0])
    }

    /// The name shown to users and written to `summary.json`.
    pub fn as_str(self) -> &'static str {
        self.info().json_name
    }

    /// True when the file's text looks like this format.
    pub fn detect(self, text: &str) -> bool {
        (self.info().detect)(text)
    }

    /// Reads a whole decoded file as this format (`year`: for BRÅ kommun files whose name
    /// has none).
    pub fn load(
        self,
        file: &text::TextFile,
        index: usize,
        regions: &Regions,
        year: Option<i32>,
    ) -> Result<FileRows, InputError> {
        (self.info().load)(file, index, regions, year)
    }
}

fn load_sol_long(
    f: &text::TextFile,
    i: usize,
    r: &Regions,
    _: Option<i32>,
) -> Result<FileRows, InputError> {
    let sol = sol_long::load(f, i, r)?;
    Ok(FileRows {
        warnings: sol.running_year_warnings(&file_name(&f.path)),
        observations: sol.observations,
        ..FileRows::default()
    })
}

fn load_sol_wide(
    f: &text::TextFile,
    i: usize,
    r: &Regions,
    _: Option<i32>,
) -> Result<FileRows, InputError> {
    let observations = sol_wide::load(f, i, r)?;
    Ok(FileRows {
        observations,
        ..FileRows::default()
    })
}

fn load_bra_kommun(
    f: &text::TextFile,
    i: usize,
    r: &Regions,
    year: Option<i32>,
) -> Result<FileRows, InputError> {
    let observations = bra_kommun::load(f, i, r, year)?;
    Ok(FileRows {
        observations,
        ..FileRows::default()
    })
}

fn load_kolada(
    f: &text::TextFile,
    i: usize,
    r: &Regions,
    _: Option<i32>,
) -> Result<FileRows, InputError> {
    let rates = kolada::load(f, i, r)?;
    Ok(FileRows {
        rates,
        ..FileRows::default()
    })
}

fn load_police_events(
    f: &text::TextFile,
    i: usize,
    _: &Regions,
    _: Option<i32>,
) -> Result<FileRows, InputError> {
    let events = police_events::read_events(f, i)?;
    Ok(FileRows {
        events,
        ..FileRows::default()
    })
}

fn load_population(
    f: &text::TextFile,
    i: usize,
    r: &Regions,
    _: Option<i32>,
) -> Result<FileRows, InputError> {
    let population = population::load(f, i, r)?;
    Ok(FileRows {
        population,
        ..FileRows::default()
    })
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `summary.json` names a format by its JSON name.
impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Options that change how files are read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// File names from oldest to newest export (`sources` in `pledge.toml`), to decide between
    /// files whose names carry no export date.
    pub order: Vec<String>,
    /// Read every file as this format instead of detecting it.
    pub format: Option<Format>,
    /// The year of BRÅ kommun CSV files whose name has none.
    pub year: Option<i32>,
    /// Keep only crime labels matching these patterns (`None`: keep every row). Rows of other
    /// crime types are checked for shape but never turned into observations.
    pub crimes: Option<Vec<String>>,
    /// For `validate`: rows of SOL exports the filter skips are still checked for duplicate
    /// keys (by hash), and their labels, years and regions kept for the listing.
    pub census: bool,
}

/// The extensions of the files read as input.
const INPUT_EXTENSIONS: [&str; 4] = ["csv", "tsv", "txt", "json"];

/// Files in a data folder that are neither input nor ours to ignore: the configuration
/// (`.toml`), notes (`.md`), `fetch`'s sidecars, hidden files and Excel's `~$` lock files.
const NOT_INPUT_EXTENSIONS: [&str; 3] = ["toml", "md", "fetch"];

/// The input files in a data folder: `.csv`, `.tsv`, `.txt` and `.json`, sorted by name.
pub fn input_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut files: Vec<PathBuf> = folder_files(dir)?
        .into_iter()
        .filter(|p| extension(p).is_some_and(|e| INPUT_EXTENSIONS.contains(&e.as_str())))
        .collect();
    files.sort();
    if files.is_empty() {
        // A newcomer's first folder often holds the sheet as Excel saved it: name it.
        let unread: Vec<String> = unread_files(dir)?.iter().map(Warning::english).collect();
        let found = if unread.is_empty() {
            String::new()
        } else {
            format!(" ({})", unread.join("; "))
        };
        return Err(InputError::file(
            dir,
            format!("no input files (.csv, .tsv, .txt, .json) in the data folder{found}"),
        )
        .expected("a BRÅ SOL export and an SCB population export as CSV; see README"));
    }
    Ok(files)
}

/// The other files of a data folder that look like data the user meant to give (a sheet
/// saved as `.xlsx`, a PDF, …), sorted by name: named in a warning, never silently ignored.
pub fn unread_files(dir: &Path) -> Result<Vec<Warning>, InputError> {
    let mut unread: Vec<Warning> = folder_files(dir)?
        .into_iter()
        .filter_map(|p| {
            let name = file_name(&p);
            let ext = extension(&p).unwrap_or_default();
            let ours = INPUT_EXTENSIONS.contains(&ext.as_str())
                || NOT_INPUT_EXTENSIONS.contains(&ext.as_str())
                || name.starts_with('.')
                || name.starts_with("~$");
            (!ours).then(|| Warning::NotRead {
                kind: UnreadKind::of_extension(&ext),
                file: name,
            })
        })
        .collect();
    unread.sort_by_key(Warning::english);
    Ok(unread)
}

/// The regular files of a folder (symlinks followed), unsorted.
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        InputError::file(dir, format!("cannot read the data folder ({e})"))
            .expected("a folder with BRÅ and SCB exports; use --data DIR")
    })?;
    Ok(entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect())
}

/// A file's extension in lower case, if it has one.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
}

/// True when a file is example data: its name starts with `exempel`.
pub fn is_example(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_lowercase().starts_with("exempel"))
}

/// Detects a file's format from its first lines.
pub fn detect_format(file: &text::TextFile) -> Result<Format, InputError> {
    if let Some(format) = Format::all().find(|f| f.detect(&file.text)) {
        return Ok(format);
    }
    let first = text::first_line(&file.text);
    Err(
        InputError::at(&file.path, 1, None, "unrecognised file format")
            .value(first.chars().take(80).collect::<String>())
            .expected(format!(
                "one of: {}; is the delimiter `;`? Use --input-format to name the format",
                REGISTRY.map(|i| i.description).join("; ")
            )),
    )
}

/// What one file contributed.
#[derive(Debug, Default, Clone)]
pub struct FileRows {
    /// Crime counts.
    pub observations: Vec<Observation>,
    /// Population figures.
    pub population: Vec<PopulationRow>,
    /// Kolada rates (counts are derived later, where the population is known).
    pub rates: Vec<kolada::KoladaRate>,
    /// Police feed events.
    pub events: Vec<police_events::PoliceEvent>,
    /// Problems that did not stop reading the file.
    pub warnings: Vec<Warning>,
    /// For `validate`: what a SOL export's rows of unused crime types held.
    pub census: Option<sol_long::Census>,
}

impl FileRows {
    /// How many records the file gave, of every kind.
    pub fn len(&self) -> usize {
        self.observations.len() + self.population.len() + self.rates.len() + self.events.len()
    }

    /// True when the file gave no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub use folder::{ReadFolder, read_dir};
pub use labels::Labels;

/// Reads every input file of `dir` and merges them.
pub fn load_dir(
    dir: &Path,
    regions: &Regions,
    options: &LoadOptions,
) -> Result<Dataset, InputError> {
    let read = folder::read_dir(dir, regions, options)?;
    read.into_dataset(regions, &options.order)
}

impl FileRows {
    /// Moves another file's records and warnings into this one.
    fn absorb(&mut self, other: FileRows) {
        // The first file's rows are taken as they are, not copied (a national export keeps
        // hundreds of thousands).
        if self.observations.is_empty() {
            self.observations = other.observations;
        } else {
            self.observations.extend(other.observations);
        }
        self.population.extend(other.population);
        self.rates.extend(other.rates);
        self.events.extend(other.events);
        self.warnings.extend(other.warnings);
    }
}

/// The file name of a path, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
