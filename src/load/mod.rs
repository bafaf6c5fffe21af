//! Loading: find the input files, detect each file's format and encoding, read every file into
//! the canonical tables, and merge overlapping exports by fixed rules.

pub mod canonical;
pub mod cells;
pub mod merge;
pub mod population;
pub mod sol_long;
pub mod text;

use crate::error::InputError;
use crate::model::SourceInfo;
use crate::regions::Regions;
use canonical::{Observation, PopulationRow};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Everything read from the data folder.
#[derive(Debug, Default)]
pub struct Dataset {
    /// Crime counts after merging, sorted by region, crime and year.
    pub observations: Vec<Observation>,
    /// Population after merging, sorted by region and year.
    pub population: Vec<PopulationRow>,
    /// Every file read, in file-name order.
    pub sources: Vec<SourceInfo>,
    /// Values that differ between files, as merged.
    pub revisions: Vec<crate::model::Revision>,
    /// Problems that did not stop loading.
    pub warnings: Vec<String>,
}

/// The input formats we recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// BRÅ SOL "Databasfil" (long).
    SolLong,
    /// SCB population from PxWeb.
    ScbPopulation,
}

impl Format {
    /// The name shown to users and written to `summary.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::SolLong => "bra_sol_long",
            Format::ScbPopulation => "scb_population",
        }
    }
}

/// The input files in a data folder: `.csv`, `.tsv` and `.txt`, sorted by name.
pub fn input_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        InputError::file(dir, format!("cannot read the data folder ({e})"))
            .expected("a folder with BRÅ and SCB exports; use --data DIR")
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["csv", "tsv", "txt"].contains(&e.to_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(
            InputError::file(dir, "no input files (.csv, .tsv, .txt) in the data folder")
                .expected("a BRÅ SOL export and an SCB population export; see README"),
        );
    }
    Ok(files)
}

/// True when a file is example data: its name starts with `exempel`.
pub fn is_example(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_lowercase().starts_with("exempel"))
}

/// Detects a file's format from its first lines.
pub fn detect_format(file: &text::TextFile) -> Result<Format, InputError> {
    let first = text::first_line(&file.text);
    if sol_long::detect(first) {
        Ok(Format::SolLong)
    } else if population::detect(&file.text) {
        Ok(Format::ScbPopulation)
    } else {
        Err(InputError::at(&file.path, 1, None, "unrecognised file format")
            .value(first.chars().take(80).collect::<String>())
            .expected(
                "a BRÅ SOL export (header `Region;Brott;År;Period;Antal;/100 000 inv`) or an SCB \
                 population export (header starting with `region`); is the delimiter `;`?",
            ))
    }
}

/// Reads every input file of `dir` and merges them.
pub fn load_dir(dir: &Path, regions: &Regions) -> Result<Dataset, InputError> {
    let mut observations = Vec::new();
    let mut population = Vec::new();
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    for (index, path) in input_files(dir)?.iter().enumerate() {
        let file = text::read_text(path)?;
        let format = detect_format(&file)?;
        let (rows, years, prel) = match format {
            Format::SolLong => {
                let sol = sol_long::load(&file, index, regions)?;
                if sol.monthly_rows_skipped > 0 {
                    warnings.push(format!(
                        "{}: {} monthly rows skipped (kommun figures are analysed by year)",
                        file_name(path),
                        sol.monthly_rows_skipped
                    ));
                }
                let years: BTreeSet<i32> = sol.observations.iter().map(|o| o.year).collect();
                let prel: BTreeSet<i32> = sol
                    .observations
                    .iter()
                    .filter(|o| o.preliminary)
                    .map(|o| o.year)
                    .collect();
                let n = sol.observations.len();
                observations.extend(sol.observations);
                (n, years, prel)
            }
            Format::ScbPopulation => {
                let rows = population::load(&file, index, regions)?;
                let years: BTreeSet<i32> = rows.iter().map(|r| r.year).collect();
                let n = rows.len();
                population.extend(rows);
                (n, years, BTreeSet::new())
            }
        };
        sources.push(SourceInfo {
            file: file_name(path),
            format: format.as_str().to_owned(),
            encoding: file.encoding.to_owned(),
            sha256: file.sha256,
            rows,
            years: years.into_iter().collect(),
            preliminary_years: prel.into_iter().collect(),
            example_data: is_example(path),
        });
    }
    let merged = merge::merge(observations, population, &sources)?;
    warnings.extend(merged.warnings);
    Ok(Dataset {
        observations: merged.observations,
        population: merged.population,
        sources,
        revisions: merged.revisions,
        warnings,
    })
}

/// The file name of a path, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
