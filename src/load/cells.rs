//! Parsing single cells the way Swedish statistics write them.
//!
//! `..` means "not available" (BRÅ, SCB), `-` means zero in BRÅ's Excel tables, thousands are
//! separated by spaces or non-breaking spaces (`1 416 280`), and preliminary periods carry
//! ` prel.` (`2025 prel.`).

/// What a count cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// A number.
    Value(u64),
    /// `..`: not available or not applicable.
    Missing,
}

/// Why a count cell was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellError {
    /// The cell is empty.
    Empty,
    /// A minus sign before a number.
    Negative,
    /// Not a whole number.
    NotANumber,
    /// A decimal number (`64,3`): a rate per 100 000, not a count.
    Decimal,
    /// Larger than [`MAX_COUNT`]: no count of crimes or people is that large.
    TooLarge,
}

/// The largest count accepted. Sweden has about 1.5 million reported crimes a year and 10.6
/// million inhabitants; a larger cell is a corrupt file. The cap also means that no sum can
/// overflow: even 10 million rows at the cap stay far below 2^64.
pub const MAX_COUNT: u64 = 1_000_000_000;

impl CellError {
    /// The problem in words, for error messages.
    pub fn problem(self) -> &'static str {
        match self {
            CellError::Empty => "the count is empty",
            CellError::Negative => "the count is negative",
            CellError::NotANumber => "the count is not a whole number",
            CellError::Decimal => "the count is a decimal number",
            CellError::TooLarge => "the count is impossibly large",
        }
    }

    /// What was expected instead, and how to fix it.
    pub fn expected(self) -> &'static str {
        match self {
            CellError::Decimal => DECIMAL_EXPECTED,
            CellError::TooLarge => {
                "a count of at most 1 000 000 000 (is the file corrupt, or a column shifted?)"
            }
            _ => COUNT_EXPECTED,
        }
    }
}

/// The fix for a decimal count cell: the export was probably of rates.
pub const DECIMAL_EXPECTED: &str = "a whole number: the export was probably made per 100 000 inhabitants; export it again with the measure \"Antal\" (number of reported crimes) ticked";

/// What a count cell should hold, for error messages.
pub const COUNT_EXPECTED: &str = "a whole number ≥ 0 (spaces between thousands are fine), `..` for not available or `-` for zero";

/// Parses a count: digits with optional space thousands separators, `..` or `-`.
pub fn parse_count(cell: &str) -> Result<Cell, CellError> {
    // Plain digits, as in nearly every SOL cell: nothing to trim.
    if !cell.is_empty() && cell.len() < 20 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return cell
            .parse()
            .map_err(|_| CellError::NotANumber)
            .and_then(capped);
    }
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    match cell {
        "" => return Err(CellError::Empty),
        ".." | "…" => return Ok(Cell::Missing),
        "-" | "–" => return Ok(Cell::Value(0)),
        _ => {}
    }
    // Fast path: plain digits, as in every SOL long export.
    if cell.len() < 20 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return cell
            .parse()
            .map_err(|_| CellError::NotANumber)
            .and_then(capped);
    }
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if let Some(rest) = digits.strip_prefix(['-', '−'])
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
    {
        return Err(CellError::Negative);
    }
    if let Some((whole, frac)) = digits.split_once([',', '.'])
        && !whole.is_empty()
        && !frac.is_empty()
        && whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(CellError::Decimal);
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(CellError::NotANumber);
    }
    // Only digits: a parse failure is an overflow of u64.
    digits
        .parse()
        .map_err(|_| CellError::TooLarge)
        .and_then(capped)
}

fn capped(v: u64) -> Result<Cell, CellError> {
    if v > MAX_COUNT {
        Err(CellError::TooLarge)
    } else {
        Ok(Cell::Value(v))
    }
}

/// [`parse_count`] on the raw bytes of a cell: plain ASCII digits without decoding, anything
/// else as text (a cell that is not UTF-8 is not a number).
pub fn count_cell(cell: &[u8]) -> Result<Cell, CellError> {
    if !cell.is_empty() && cell.len() < 20 && cell.iter().all(u8::is_ascii_digit) {
        return capped(cell.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0')));
    }
    // `..` (not available) fills whole runs of a national export: no decoding, no trimming.
    if cell == b".." {
        return Ok(Cell::Missing);
    }
    std::str::from_utf8(cell)
        .map_err(|_| CellError::NotANumber)
        .and_then(parse_count)
}

/// The one wording of the duplicate guard: `key` (`Nordanstig / Misshandel / 2024`) met again
/// with another figure than on `first_line` (where it was `first`, when that is worth showing);
/// `unit` says what differs (`counts`, `values`).
pub fn seen_twice(key: &str, unit: &str, first_line: usize, first: Option<&str>) -> String {
    match first {
        Some(first) => {
            format!("{key} appears twice with different {unit} (line {first_line}: {first})")
        }
        None => format!("{key} appears twice with different {unit} (line {first_line})"),
    }
}

/// What a year cell should hold, for error messages.
pub const YEAR_EXPECTED: &str = "a year like `2024` or `2025 prel.`";

/// Parses `2024`, `2025 prel.`, `2025 (prel.)`, `2025prel`: the year and whether preliminary.
/// Years outside 1900–2100 are refused.
pub fn parse_year(cell: &str) -> Option<(i32, bool)> {
    let cell = cell.trim();
    let end = cell
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(cell.len());
    if end != 4 {
        return None;
    }
    let digits = &cell[..4];
    let rest = cell[4..]
        .trim()
        .trim_matches(|c| c == '(' || c == ')')
        .trim();
    // Most cells are a plain year: no allocation for them.
    let preliminary = !rest.is_empty()
        && match rest.to_lowercase().as_str() {
            "prel." | "prel" | "preliminär" | "preliminära" => true,
            _ => return None,
        };
    let year: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some((year, preliminary))
}

#[cfg(test)]
#[path = "cells_tests.rs"]
mod tests;
