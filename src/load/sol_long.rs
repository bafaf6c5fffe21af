//! BRÅ's SOL statistics database, "Databasfil" export (long format).
//!
//! ```text
//! Region;Brott;År;Period;Antal;/100 000 inv
//! Hela landet;Befogenhetsbedrägeri;År;2025;14278;135;
//! Hela landet;0950 - Befogenhetsbedrägeri, …;2026 prel.;Aug;498;5;
//! ```
//! Yearly rows have the literal `År` in the third column and the year (maybe ` prel.`) in the
//! fourth; monthly rows have the year in the third and a month in the fourth. Data rows end
//! with a trailing `;`. `..` is "not available"; parent nodes of the chosen crime types are
//! echoed with `..`. Monthly and quarterly rows (`2025;Jan`, `2025;Kvartal 1`, `2025;Helår`)
//! are read by [`period`]; a crime label with its police code (`0412 - …`) is the same type
//! as without.
//!
//! The parser is fed one line at a time ([`Parser::line`]), so a national export of a gigabyte
//! is read as a stream; with a [`CrimeFilter`] the rows of crime types no area uses are
//! checked for shape but never turned into observations.

pub mod census;
mod duplicates;
mod fast;
mod filter;
mod kept;
mod parts;
pub mod period;
mod row;
mod runs;
mod tail;
mod wide;

pub use census::Census;
pub use filter::CrimeFilter;

use super::canonical::{Observation, Period};
use super::cells::{Cell, parse_count, parse_year, seen_twice};
use super::text::TextFile;
use super::word_hash::WordHash;
use crate::error::InputError;
use crate::regions::{Region, Regions};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The columns a SOL long export must have.
const REQUIRED: [&str; 5] = ["Region", "Brott", "År", "Period", "Antal"];

/// True when the first line is a SOL long header.
pub fn detect(first_line: &str) -> bool {
    let fields: Vec<String> = first_line
        .split(';')
        .map(|f| f.trim().trim_matches('"').to_lowercase())
        .collect();
    ["region", "brott"]
        .iter()
        .all(|r| fields.iter().any(|f| f == r))
        // `Region;Brott;2019;2020` is a SOL wide table.
        && !fields.iter().any(|f| parse_year(f).is_some())
}

/// What a SOL long file held.
#[derive(Debug, Clone, Default)]
pub struct SolLong {
    /// Observations of whole years, quarters and months.
    pub observations: Vec<Observation>,
    /// Number of data rows read (kept or not).
    pub rows_read: usize,
    /// For `validate`: what the rows not kept held (keys, labels, regions).
    pub census: Option<Census>,
    /// Lines of the `Helår` rows kept (monthly layout), as opposed to `År` rows.
    pub helar_lines: BTreeSet<usize>,
    /// Years whose preliminary `Helår` rows were dropped because the file's months of the
    /// year stop before December: (year, last month).
    pub running_years: Vec<(i32, u8)>,
}

impl SolLong {
    /// Lowers every line number by `by` (a part read with provisional line numbers).
    pub fn renumber(&mut self, by: usize) {
        for o in &mut self.observations {
            o.line -= by;
        }
        if !self.helar_lines.is_empty() {
            self.helar_lines = self.helar_lines.iter().map(|l| l - by).collect();
        }
    }

    /// Drops the preliminary `Helår` rows of a year the file shows still running (its months
    /// stop before December): BRÅ sums the months published so far under `Helår`, and those
    /// must never stand for the year (issue #12).
    fn drop_running_helar(&mut self) {
        let mut latest: BTreeMap<i32, u8> = BTreeMap::new();
        for o in self
            .observations
            .iter()
            .filter(|o| o.period != Period::Year)
        {
            let month = o.period.months().last().unwrap_or(12);
            let entry = latest.entry(o.year).or_default();
            *entry = (*entry).max(month);
        }
        let running = |o: &Observation| {
            o.period == Period::Year
                && o.preliminary
                && self.helar_lines.contains(&o.line)
                && latest.get(&o.year).is_some_and(|&m| m < 12)
        };
        let mut years: BTreeSet<(i32, u8)> = BTreeSet::new();
        for o in self.observations.iter().filter(|o| running(o)) {
            years.insert((o.year, latest[&o.year]));
        }
        let keep: Vec<bool> = self.observations.iter().map(|o| !running(o)).collect();
        let mut keep = keep.into_iter();
        self.observations.retain(|_| keep.next().unwrap_or(true));
        self.running_years = years.into_iter().collect();
    }

    /// The warnings for [`SolLong::running_years`], naming the file.
    pub fn running_year_warnings(&self, file: &str) -> Vec<crate::notes::Warning> {
        self.running_years
            .iter()
            .map(|&(year, month)| crate::notes::Warning::PartialYear {
                file: file.to_owned(),
                year,
                through: Some(format!("{year}-{month:02}")),
            })
            .collect()
    }
}

/// Reads a SOL long export already in memory into observations tagged with `source`.
pub fn load(file: &TextFile, source: usize, regions: &Regions) -> Result<SolLong, InputError> {
    let mut parser = Parser::new(&file.path, source, regions, None);
    for (i, line) in file.text.lines().enumerate() {
        parser.line(i + 1, line)?;
    }
    parser.finish()
}

/// Column positions found in the header.
#[derive(Debug, Clone, Copy)]
struct Columns {
    region: usize,
    crime: usize,
    year: usize,
    period: usize,
    /// The `Antal` column, which holds the count.
    count_col: usize,
    /// Fields in the header: a row with fewer is cut short.
    n_fields: usize,
}

/// A SOL long parser fed one line at a time. A clone made after the header has been read can
/// parse parts of the file on its own ([`Parser::take_part`]); [`Parser::absorb`] merges the
/// parts back in file order.
#[derive(Clone)]
pub struct Parser<'r> {
    path: PathBuf,
    source: usize,
    regions: &'r Regions,
    filter: Option<CrimeFilter>,
    columns: Option<Columns>,
    header: String,
    seen: HashMap<SeenKey, (Option<u64>, usize), WordHash>,
    region_cache: HashMap<String, Region, WordHash>,
    /// Rows come region by region: the last region label resolves most rows.
    last_region: Option<(String, Region)>,
    /// Raw bytes (crime, region, year cells) of the last row skipped by the filter: rows with
    /// the same cells are checked and skipped without decoding.
    skip_last: Option<SkipLast>,
    /// The last row kept, whose next years are kept on their bytes (see `kept.rs`).
    keep_last: Option<kept::KeepLast>,
    /// Raw crime cells of skipped labels → [`census::label_hash`] of the decoded label, so a
    /// new crime type of the same region is skipped on its bytes too (see `fast.rs`).
    raw_skips: HashMap<Vec<u8>, u64, WordHash>,
    /// Rows skipped on their bytes (the fast path's share, for tests and profiles).
    fast_rows: usize,
    /// True when the last line was a row the filter skipped (its region is the last).
    skipped_row: bool,
    out: SolLong,
}

/// Region code, crime label, year and period: each at most once per file.
type SeenKey = (String, String, i32, Period);

/// The last row skipped the slow way: rows with the same raw crime, region and year cells are
/// skipped on their bytes.
#[derive(Clone)]
struct SkipLast {
    crime: Vec<u8>,
    region: Vec<u8>,
    year: Vec<u8>,
    /// The year cell decoded (plain: no spaces or quotes around it).
    year_text: String,
    /// True when the year cell is `År` or empty: the year is in the period cell.
    year_in_period: bool,
    /// The row's bytes through its first three cells when they are region, crime and year.
    prefix: Vec<u8>,
    /// [`census::label_hash`] of the decoded crime label.
    crime_hash: u64,
    region_code: String,
}

/// A field with surrounding spaces and quotes removed.
fn clean(field: &str) -> &str {
    let b = field.as_bytes();
    let plain =
        |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_whitespace() && *c != b'"' && *c < 0x80);
    if plain(b.first()) && plain(b.last()) {
        return field;
    }
    field
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
        .trim_matches('"')
        .trim()
}

/// Most fields a SOL long line is split into; later fields are counted, not kept.
const MAX_FIELDS: usize = 12;

/// Splits a line on `;` into cleaned fields without allocating; returns how many there were.
fn split_fields<'a>(line: &'a str, cells: &mut [&'a str; MAX_FIELDS]) -> usize {
    let mut n = 0;
    for field in line.split(';') {
        if n < MAX_FIELDS {
            cells[n] = clean(field);
        }
        n += 1;
    }
    n
}

impl<'r> Parser<'r> {
    /// A parser for the file at `path`; rows of crime labels `filter` refuses are skipped.
    pub fn new(
        path: &Path,
        source: usize,
        regions: &'r Regions,
        filter: Option<CrimeFilter>,
    ) -> Self {
        Parser {
            path: path.to_path_buf(),
            source,
            regions,
            filter,
            columns: None,
            header: String::new(),
            seen: HashMap::default(),
            region_cache: HashMap::default(),
            last_region: None,
            skip_last: None,
            keep_last: None,
            raw_skips: HashMap::default(),
            fast_rows: 0,
            skipped_row: false,
            out: SolLong::default(),
        }
    }

    /// Also records the rows the filter skips (their keys, labels and regions) for `validate`,
    /// expecting about `rows` rows.
    pub fn with_census(mut self, rows: usize) -> Self {
        self.out.census = Some(Census::new(rows));
        self
    }

    /// Takes the next line (without its line end); `line_no` is 1-based.
    pub fn line(&mut self, line_no: usize, line: &str) -> Result<(), InputError> {
        self.skipped_row = false;
        if line.trim().is_empty() {
            return Ok(());
        }
        let Some(col) = self.columns else {
            self.columns = Some(header_columns(&self.path, line_no, line)?);
            self.header = line.to_owned();
            return Ok(());
        };
        self.out.rows_read += 1;
        let mut cells = [""; MAX_FIELDS];
        let fields = split_fields(line, &mut cells);
        if fields < col.n_fields {
            return Err(InputError::at(
                &self.path,
                line_no,
                Some(fields),
                format!(
                    "the line has {fields} fields, the header has {} (is the file cut short?)",
                    col.n_fields
                ),
            )
            .value(line)
            .expected(self.header.clone()));
        }
        let cells = &cells[..fields.min(MAX_FIELDS)];
        let crime = cells.get(col.crime).copied().unwrap_or("");
        let keep = self.filter.as_mut().is_none_or(|f| f.keeps(crime));
        self.row(line_no, cells, keep)
    }

    /// The error for one key with two different counts in one file.
    #[allow(clippy::too_many_arguments)]
    fn duplicate(
        &self,
        line_no: usize,
        region: &str,
        crime: &str,
        period: String,
        first: Option<u64>,
        first_line: usize,
        second: Option<u64>,
    ) -> InputError {
        let show = |c: Option<u64>| c.map_or("..".to_owned(), |c| c.to_string());
        let column = self.columns.map(|c| c.count_col + 1);
        InputError::at(
            &self.path,
            line_no,
            column,
            seen_twice(
                &format!("{region} / {crime} / {period}"),
                "counts",
                first_line,
                Some(&show(first)),
            ),
        )
        .value(show(second))
        .expected("each region, crime type and year once per file")
    }

    /// What was read since the last call (one block of the file), with the block's duplicate
    /// check reset; the caches and the census stay.
    pub fn take_part(&mut self) -> SolLong {
        self.seen.clear();
        let census = self.out.census.take();
        std::mem::replace(
            &mut self.out,
            SolLong {
                census,
                ..SolLong::default()
            },
        )
    }

    /// The census of a parser that read parts of the file, with every region it met.
    pub fn into_census(mut self) -> Option<Census> {
        let mut census = self.out.census.take()?;
        for r in self.region_cache.values() {
            census.regions.insert(r.code.clone(), r.name.clone());
        }
        Some(census)
    }

    /// Takes in a census from [`Parser::into_census`].
    pub fn absorb_census(&mut self, other: Option<Census>) {
        match (self.out.census.as_mut(), other) {
            (Some(mine), Some(theirs)) => mine.absorb(theirs),
            (None, theirs) => self.out.census = theirs,
            _ => {}
        }
    }

    /// Takes in what was read from the next part of the file ([`Parser::take_part`]); parts
    /// come in file order, so a key given twice is reported at its later line.
    pub fn absorb(&mut self, other: SolLong) -> Result<(), InputError> {
        self.out.rows_read += other.rows_read;
        self.out.helar_lines.extend(other.helar_lines);
        for obs in other.observations {
            let key = (
                obs.region_code.clone(),
                obs.crime.clone(),
                obs.year,
                obs.period,
            );
            if let Some((previous, line)) = self.seen.get(&key) {
                if *previous != obs.count {
                    return Err(self.duplicate(
                        obs.line,
                        &obs.region_name,
                        &obs.crime,
                        obs.period.label(obs.year),
                        *previous,
                        *line,
                        obs.count,
                    ));
                }
                continue;
            }
            self.seen.insert(key, (obs.count, obs.line));
            self.out.observations.push(obs);
        }
        Ok(())
    }

    fn remember_region(&mut self, label: &str) {
        if let Some(r) = self.region_cache.get(label) {
            self.last_region = Some((label.to_owned(), r.clone()));
        }
    }

    /// The count in a cell, or an error naming the cell.
    fn count(&self, line_no: usize, cell: &str) -> Result<Option<u64>, InputError> {
        let column = self.columns.as_ref().map_or(0, |c| c.count_col + 1);
        match parse_count(cell) {
            Ok(Cell::Value(v)) => Ok(Some(v)),
            Ok(Cell::Missing) => Ok(None),
            Err(e) => Err(
                InputError::at(&self.path, line_no, Some(column), e.problem())
                    .value(cell)
                    .expected(e.expected()),
            ),
        }
    }

    /// A row the filter skips (its region resolved and remembered): the count is checked and,
    /// for `validate`, the row's key recorded.
    fn skipped(
        &mut self,
        line_no: usize,
        crime: &str,
        region_label: &str,
        (year, preliminary, period): (i32, bool, Period),
        cell: &str,
    ) -> Result<(), InputError> {
        let count = self.count(line_no, cell)?;
        self.skipped_row = true;
        let Some(census) = self.out.census.as_mut() else {
            return Ok(());
        };
        let code = match &self.last_region {
            Some((l, r)) if l == region_label => &r.code,
            _ => return Ok(()),
        };
        let hash = census::label_hash(crime.as_bytes());
        census.year(year, preliminary);
        census.label(crime, hash);
        census.row(hash, code, (year, period), count, line_no);
        Ok(())
    }

    /// Everything read; an error when the file had no header.
    pub fn finish(mut self) -> Result<SolLong, InputError> {
        if self.columns.is_none() {
            return Err(InputError::file(&self.path, "the file has no lines"));
        }
        self.out.drop_running_helar();
        Ok(self.out)
    }
}

fn header_columns(path: &Path, line_no: usize, line: &str) -> Result<Columns, InputError> {
    let fields: Vec<&str> = line.split(';').map(clean).collect();
    let find = |name: &str| {
        fields
            .iter()
            .position(|f| f.to_lowercase() == name.to_lowercase())
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| find(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(InputError::at(
            path,
            line_no,
            None,
            format!("the header lacks the column(s) {}", missing.join(", ")),
        )
        .value(line)
        .expected("the SOL header `Region;Brott;År;Period;Antal;/100 000 inv`"));
    }
    let get = |name: &str| find(name).unwrap_or_default();
    Ok(Columns {
        region: get("Region"),
        crime: get("Brott"),
        year: get("År"),
        period: get("Period"),
        count_col: get("Antal"),
        n_fields: fields.len(),
    })
}
