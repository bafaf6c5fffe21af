//! BRÅ's SOL statistics database, the web result table copied into a spreadsheet and saved as
//! CSV (wide format): one column per period, crimes as rows.
//!
//! Regions come either as row groups (a line holding only the region name above its crimes):
//! ```text
//! Anmälda brott, antal;;;;;;
//! ;2019;2020;2021;2022;2023;2024 prel.
//! Hela landet;;;;;;
//!   Samtliga brott;1 548 961;1 568 927;1 540 112;1 443 210;1 483 044;1 416 280
//! Nordanstig;;;;;;
//!   Misshandel inkl. grov;    35;    ..;    41;    38;    ..;    33
//!   Grov kvinnofridskränkning;     3;     -;     4;     5;     6;     4
//! ```
//! or as a region column, left empty under the first row of a region (merged cells in Excel):
//! ```text
//! Region;Brott;2019;2020;2021;2022;2023;2024 prel.
//! Nordanstig;Brott mot narkotikastrafflagen;45;38;52;61;57;49
//! ;Ringa narkotikabrott;30;24;..;40;36;31
//! ```
//! Up to three title lines may come first. Thousands are separated by spaces or non-breaking
//! spaces, `..` is "not available", `-` is zero, cells may be padded, and the delimiter is `;`,
//! `,` or tab. Label-only lines after the last crime row (`Källa: Brå`) are footnotes and are
//! ignored. A table of rates per 100 000 inhabitants is refused: the tool reads counts.

use super::canonical::{Observation, Period};
use super::cells::{Cell, YEAR_EXPECTED, parse_count, parse_year};
use super::region_cell::unknown_region;
use super::text::{Record, TextFile, detect_delimiter, records};
use crate::error::InputError;
use crate::regions::{Region, Regions};
use std::collections::HashMap;

/// Lines before the header that may hold a title (one non-empty cell each).
const MAX_TITLE_LINES: usize = 3;

const HEADER_EXPECTED: &str = "one or two label columns, then one column per year: \
     `;2019;2020;2024 prel.` (regions as row groups) or `Region;Brott;2019;2020` (a region column)";

/// True when the first line with more than one cell (after at most three title lines) is a
/// wide header: one or two label cells, then mostly years in increasing order.
pub fn detect(text: &str) -> bool {
    header_delimiter(text).is_some()
}

/// The delimiter of the wide header, when the text has one.
fn header_delimiter(text: &str) -> Option<u8> {
    if text.trim_start().starts_with(['{', '[']) {
        return None;
    }
    let mut titles = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let delimiter = detect_delimiter(line);
        let cells = split_cells(line, delimiter);
        if is_title(&cells) {
            titles += 1;
            if titles > MAX_TITLE_LINES {
                return None;
            }
            continue;
        }
        return header_labels(&cells).map(|_| delimiter);
    }
    None
}

/// The number of label columns of a header, when it is one.
fn header_labels(cells: &[String]) -> Option<usize> {
    let labels = cells.iter().position(|c| parse_year(c).is_some())?;
    if !(1..=2).contains(&labels) || (labels == 1 && cells[0].eq_ignore_ascii_case("region")) {
        // `region;2019;2020` is SCB's population table.
        return None;
    }
    let rest: Vec<&String> = cells[labels..].iter().filter(|c| !c.is_empty()).collect();
    let years: Vec<i32> = rest
        .iter()
        .filter_map(|c| parse_year(c))
        .map(|y| y.0)
        .collect();
    let in_order = years.windows(2).all(|w| w[0] <= w[1]);
    (years.len() * 2 > rest.len() && in_order).then_some(labels)
}

/// The cells of one line, honouring double quotes (`"Anmälda brott, antal",,,`).
fn split_cells(line: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(|c| clean(c).to_owned()).collect(),
        _ => Vec::new(),
    }
}

fn clean(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
}

/// A title line: at most one non-empty cell, and not a year (`;2019` is a header).
fn is_title(cells: &[String]) -> bool {
    cells.iter().filter(|c| !c.is_empty()).count() <= 1
        && !cells.iter().any(|c| parse_year(c).is_some())
}

/// A year column of the header.
struct YearColumn {
    index: usize,
    year: i32,
    preliminary: bool,
}

/// Reads a SOL wide table into observations tagged with `source`.
pub fn load(
    file: &TextFile,
    source: usize,
    regions: &Regions,
) -> Result<Vec<Observation>, InputError> {
    let delimiter = header_delimiter(&file.text).ok_or_else(|| {
        InputError::file(&file.path, "no header with one column per year found")
            .expected(HEADER_EXPECTED)
    })?;
    let rows = records(file, delimiter)?;
    let (header, data) = header_and_data(file, &rows)?;
    let (labels, years) = header_columns(file, header)?;
    let (region_col, crime_col) = match labels {
        1 => (None, 0),
        _ if is_region_label(header.get(1)) && !is_region_label(header.get(0)) => (Some(1), 0),
        _ => (Some(0), 1),
    };
    let mut counts = Counts {
        file,
        source,
        seen: HashMap::new(),
        out: Vec::new(),
    };
    let mut current: Option<Region> = None;
    let mut pending: Option<InputError> = None;
    for row in data {
        let crime = row.get(crime_col);
        let region_cell = region_col.map_or("", |c| row.get(c));
        if years.iter().all(|y| row.get(y.index).is_empty())
            && (region_col.is_none() || crime.is_empty())
        {
            // A region line, or a footnote when no crime row follows.
            let (label, column) = region_col.map_or((crime, crime_col), |c| (region_cell, c));
            current = regions.resolve(label);
            pending = current
                .is_none()
                .then(|| unknown_region(file, row.line, column + 1, label, regions));
            continue;
        }
        if let Some(e) = pending.take() {
            return Err(e);
        }
        if let Some(c) = region_col.filter(|_| !region_cell.is_empty()) {
            current = Some(
                regions
                    .resolve(region_cell)
                    .ok_or_else(|| unknown_region(file, row.line, c + 1, region_cell, regions))?,
            );
        }
        let Some(region) = current.clone() else {
            return Err(located(
                file,
                row,
                region_col.unwrap_or(0),
                "the crime row has no region above it",
            )
            .expected(
                "a line holding only the region name above its crime rows, or a region column",
            ));
        };
        if crime.is_empty() {
            return Err(located(file, row, crime_col, "the crime label is empty")
                .expected("a crime type such as `Misshandel inkl. grov`"));
        }
        counts.push(row, &region, crime, &years)?;
    }
    Ok(counts.out)
}

/// The header row and the data rows after any title lines (a title naming a rate is refused).
fn header_and_data<'a>(
    file: &TextFile,
    rows: &'a [Record],
) -> Result<(&'a Record, &'a [Record]), InputError> {
    let header_at = rows
        .iter()
        .position(|r| !is_title(&r.fields))
        .unwrap_or(rows.len());
    let (titles, rest) = rows.split_at(header_at);
    refuse_rates(file, titles)?;
    rest.split_first().ok_or_else(|| {
        InputError::file(&file.path, "the file has no header line").expected(HEADER_EXPECTED)
    })
}

/// The observations of a table as they are read, each region, crime type and year once.
struct Counts<'f> {
    file: &'f TextFile,
    source: usize,
    /// Count and line of every key seen, to refuse a key given twice with different counts.
    seen: HashMap<(String, String, i32), (Option<u64>, usize)>,
    out: Vec<Observation>,
}

impl Counts<'_> {
    /// One crime row of `region`: an observation per year column.
    fn push(
        &mut self,
        row: &Record,
        region: &Region,
        crime: &str,
        years: &[YearColumn],
    ) -> Result<(), InputError> {
        let file = self.file;
        for y in years {
            let count = match parse_count(row.get(y.index)) {
                Ok(Cell::Value(v)) => Some(v),
                Ok(Cell::Missing) => None,
                Err(e) => {
                    return Err(located(file, row, y.index, e.problem()).expected(e.expected()));
                }
            };
            let key = (region.code.clone(), crime.to_owned(), y.year);
            if let Some((previous, line)) = self.seen.get(&key) {
                if *previous != count {
                    let key = format!("{} / {crime} / {}", region.name, y.year);
                    let problem = super::cells::seen_twice(&key, "counts", *line, None);
                    return Err(located(file, row, y.index, problem)
                        .expected("each region, crime type and year once per file"));
                }
                continue;
            }
            self.seen.insert(key, (count, row.line));
            self.out.push(Observation {
                region_code: region.code.clone(),
                region_name: region.name.clone(),
                level: region.level,
                crime: crime.to_owned(),
                year: y.year,
                period: Period::Year,
                preliminary: y.preliminary,
                count,
                source: self.source,
                line: row.line,
                derived: false,
            });
        }
        Ok(())
    }
}

/// An error at one cell of a row, showing the cell.
fn located(file: &TextFile, row: &Record, index: usize, problem: impl Into<String>) -> InputError {
    InputError::at(&file.path, row.line, Some(index + 1), problem).value(row.get(index))
}

fn is_region_label(cell: &str) -> bool {
    matches!(
        cell.to_lowercase().as_str(),
        "region" | "kommun" | "område" | "län"
    )
}

/// The label count and the year columns; every non-empty cell after the labels must be a year.
fn header_columns(
    file: &TextFile,
    header: &Record,
) -> Result<(usize, Vec<YearColumn>), InputError> {
    let labels = header.fields.iter().position(|c| parse_year(c).is_some());
    let Some(labels @ 1..=2) = labels else {
        return Err(InputError::at(
            &file.path,
            header.line,
            None,
            "the header does not have one or two label columns before the years",
        )
        .value(header.fields.join(";"))
        .expected(HEADER_EXPECTED));
    };
    let mut years: Vec<YearColumn> = Vec::new();
    for (index, cell) in header.fields.iter().enumerate().skip(labels) {
        if cell.is_empty() {
            continue;
        }
        let Some((year, preliminary)) = parse_year(cell) else {
            return Err(
                located(file, header, index, "the column header is not a year")
                    .expected(YEAR_EXPECTED),
            );
        };
        if years.iter().any(|y| y.year == year) {
            return Err(located(
                file,
                header,
                index,
                format!("the year {year} has two columns"),
            )
            .expected("one column per year"));
        }
        years.push(YearColumn {
            index,
            year,
            preliminary,
        });
    }
    Ok((labels, years))
}

/// Refuses a table of rates: its title says per 100 000 and not `antal`.
fn refuse_rates(file: &TextFile, titles: &[Record]) -> Result<(), InputError> {
    for title in titles {
        let text = title.fields.join(" ").to_lowercase().replace('\u{a0}', " ");
        if text.contains("100 000") && !text.contains("antal") {
            return Err(InputError::at(
                &file.path,
                title.line,
                None,
                "the table holds rates per 100 000 inhabitants, not counts",
            )
            .value(title.fields.join(" "))
            .expected(
                "the table of counts (`Antal`); rates are computed from counts and population",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
