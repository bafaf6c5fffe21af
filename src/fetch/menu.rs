//! The menu page of BRÅ's statistics database (SOL): the choices a browser gets as JavaScript
//! arrays, parsed into crime types, regions and periods.
//!
//! ```text
//! arrayNivatva[3]="13092*  Grov kvinnofridskränkning*13000*13000/13092";
//! arrayRegionNivaTva[0]="8291*Hela landet*0*Hela landet";
//! arrayPeriod[2]="2858*Jan*333*2026 prel., Jan*2";
//! ```
//! Crime names are indented with non-breaking spaces (`\xA0` in the Latin-1 page) to show the
//! tree; the indentation is kept as a depth and removed from the name. Fields are separated by
//! `*`; a name is taken as everything between the first and the last fixed fields, so a `*`
//! inside a name cannot shift the ids.

use std::fmt;

/// One crime type of the menu (`arrayNivatva`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuCrime {
    /// SOL's id, sent in `brottstyp_id_string`.
    pub id: String,
    /// The name without its indentation.
    pub name: String,
    /// How many non-breaking spaces indented the name (its place in the tree).
    pub depth: usize,
    /// The id of the group the type belongs to.
    pub group: String,
    /// The path of ids from the top of the tree.
    pub path: String,
}

/// One region of the menu (`arrayRegionNivaTva`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuRegion {
    /// SOL's id, sent in `region_id_string`.
    pub id: String,
    /// The name as shown (`Nordanstig kommun`, `Hela landet`).
    pub name: String,
    /// The id of the parent region.
    pub parent: String,
    /// The full name, with its parents.
    pub full_name: String,
}

/// What a period of the menu stands for (the last field of `arrayPeriod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PeriodType {
    /// A year in a yearly menu (`-1`).
    Year,
    /// A whole year in a monthly or quarterly menu (`0`, `Helår`).
    WholeYear,
    /// A quarter (`1`).
    Quarter,
    /// A month (`2`).
    Month,
}

impl PeriodType {
    fn parse(code: &str) -> Option<Self> {
        match code.trim() {
            "-1" => Some(PeriodType::Year),
            "0" => Some(PeriodType::WholeYear),
            "1" => Some(PeriodType::Quarter),
            "2" => Some(PeriodType::Month),
            _ => None,
        }
    }
}

/// One period of the menu (`arrayPeriod`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuPeriod {
    /// SOL's id, sent in `period_id_string`.
    pub id: String,
    /// The short name (`2025`, `Jan`).
    pub name: String,
    /// The id of the year the period belongs to.
    pub year_id: String,
    /// The full name (`2026 prel., Jan`).
    pub full_name: String,
    /// Year, whole year, quarter or month.
    pub kind: PeriodType,
    /// The calendar year, read from the full name (or the name).
    pub year: i32,
}

/// Everything the menu page offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    /// Crime types, in menu order.
    pub crimes: Vec<MenuCrime>,
    /// Regions, in menu order.
    pub regions: Vec<MenuRegion>,
    /// Periods, in menu order.
    pub periods: Vec<MenuPeriod>,
}

/// Why a menu page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuError {
    /// The page has no entries of this array at all.
    MissingArray(&'static str),
    /// An entry does not have the documented fields.
    BadEntry {
        /// The array's name.
        array: &'static str,
        /// The entry as it stands in the page.
        entry: String,
        /// The documented form of an entry.
        expected: &'static str,
    },
}

impl fmt::Display for MenuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MenuError::MissingArray(name) => {
                write!(f, "the menu page has no JavaScript array `{name}`")
            }
            MenuError::BadEntry {
                array,
                entry,
                expected,
            } => write!(
                f,
                "an entry of `{array}` is not in the documented form: found {entry:?}; expected {expected}"
            ),
        }
    }
}

const CRIMES: &str = "arrayNivatva";
const REGIONS: &str = "arrayRegionNivaTva";
const PERIODS: &str = "arrayPeriod";

/// Parses a decoded menu page.
pub fn parse(page: &str) -> Result<Menu, MenuError> {
    let crimes = entries(page, CRIMES)?
        .into_iter()
        .map(|e| crime(&e))
        .collect::<Result<_, _>>()?;
    let regions = entries(page, REGIONS)?
        .into_iter()
        .map(|e| region(&e))
        .collect::<Result<_, _>>()?;
    let periods = entries(page, PERIODS)?
        .into_iter()
        .map(|e| period(&e))
        .collect::<Result<_, _>>()?;
    Ok(Menu {
        crimes,
        regions,
        periods,
    })
}

/// Splits `entry` into `first`, a middle that may hold `*`, and `tail` fixed fields.
fn fields(entry: &str, tail: usize) -> Option<(&str, &str, Vec<&str>)> {
    let (first, rest) = entry.split_once('*')?;
    let mut back: Vec<&str> = rest.rsplitn(tail + 1, '*').collect();
    if back.len() != tail + 1 {
        return None;
    }
    let middle = back.pop()?;
    back.reverse();
    Some((first.trim(), middle, back))
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn bad(array: &'static str, entry: &str, expected: &'static str) -> MenuError {
    MenuError::BadEntry {
        array,
        entry: entry.to_owned(),
        expected,
    }
}

fn crime(entry: &str) -> Result<MenuCrime, MenuError> {
    const FORM: &str = "\"id*name*group_id*path\" with a numeric id";
    let (id, name, tail) = fields(entry, 2).ok_or_else(|| bad(CRIMES, entry, FORM))?;
    if !is_id(id) {
        return Err(bad(CRIMES, entry, FORM));
    }
    let depth = name.chars().take_while(|&c| c == '\u{a0}').count();
    let name = name.trim_matches(|c: char| c == '\u{a0}' || c.is_whitespace());
    if name.is_empty() {
        return Err(bad(CRIMES, entry, FORM));
    }
    Ok(MenuCrime {
        id: id.to_owned(),
        name: name.to_owned(),
        depth,
        group: tail[0].trim().to_owned(),
        path: tail[1].trim().to_owned(),
    })
}

fn region(entry: &str) -> Result<MenuRegion, MenuError> {
    const FORM: &str = "\"id*name*parent*full name\" with a numeric id";
    let (id, name, tail) = fields(entry, 2).ok_or_else(|| bad(REGIONS, entry, FORM))?;
    let name = name.trim_matches(|c: char| c == '\u{a0}' || c.is_whitespace());
    if !is_id(id) || name.is_empty() {
        return Err(bad(REGIONS, entry, FORM));
    }
    Ok(MenuRegion {
        id: id.to_owned(),
        name: name.to_owned(),
        parent: tail[0].trim().to_owned(),
        full_name: tail[1].trim().to_owned(),
    })
}

fn period(entry: &str) -> Result<MenuPeriod, MenuError> {
    const FORM: &str = "\"id*name*year_id*full name*type\" with a numeric id, a year in the \
                        name and type -1, 0, 1 or 2";
    let (id, name, tail) = fields(entry, 3).ok_or_else(|| bad(PERIODS, entry, FORM))?;
    let kind = PeriodType::parse(tail[2]).ok_or_else(|| bad(PERIODS, entry, FORM))?;
    let name = name.trim();
    let full_name = tail[1].trim();
    let year = leading_year(full_name)
        .or_else(|| leading_year(name))
        .ok_or_else(|| bad(PERIODS, entry, FORM))?;
    if !is_id(id) {
        return Err(bad(PERIODS, entry, FORM));
    }
    Ok(MenuPeriod {
        id: id.to_owned(),
        name: name.to_owned(),
        year_id: tail[0].trim().to_owned(),
        full_name: full_name.to_owned(),
        kind,
        year,
    })
}

/// `2026 prel., Jan` → 2026.
fn leading_year(s: &str) -> Option<i32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The string values of `name[i] = "…"` assignments, ordered by index.
fn entries(page: &str, name: &'static str) -> Result<Vec<String>, MenuError> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + name.len()..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some((index, value)) = assignment(after) {
            found.push((index, value));
        }
    }
    if found.is_empty() {
        return Err(MenuError::MissingArray(name));
    }
    found.sort_by_key(|(i, _)| *i);
    Ok(found.into_iter().map(|(_, v)| v).collect())
}

/// Reads `[i] = "value"` (or single quotes) at the start of `s`.
fn assignment(s: &str) -> Option<(usize, String)> {
    let s = s.strip_prefix('[')?;
    let close = s.find(']')?;
    let index = s[..close].trim().parse().ok()?;
    let s = s[close + 1..].trim_start().strip_prefix('=')?.trim_start();
    let quote = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let mut value = String::new();
    let mut chars = s[1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => value.push(chars.next()?),
            c if c == quote => return Some((index, value)),
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
#[path = "menu_tests.rs"]
mod tests;
