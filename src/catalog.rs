//! The catalogue: which crime types in the data make up each pledge area, and which series
//! breaks affect them.
//!
//! Patterns are crime labels as in the export where `*` matches any text; matching ignores
//! case and a leading police crime code (`0412 - `). A crime type matched by two patterns of
//! one area is counted once, and a total is never counted with its parts ([`nesting`]).

pub mod nesting;

use crate::config::{Area, SeriesBreak};
use crate::model::nesting::Nesting;

/// The label of total reported crime, SOL's own and the one BRÅ's kommun CSV is read as:
/// the context series beside the pledge areas (see [`crate::analysis::context`]).
pub const TOTAL_CRIME_LABEL: &str = "Totalt antal brott";

/// True when `label` matches `pattern` (`*` = any text, case-insensitive).
pub fn matches(pattern: &str, label: &str) -> bool {
    let pattern = pattern.trim().to_lowercase();
    let label = label.trim().to_lowercase();
    let bare = strip_code(&label);
    glob(&pattern, &label) || glob(&pattern, bare) || glob(strip_code(&pattern), bare)
}

/// `0412 - Grov kvinnofridskränkning` → `Grov kvinnofridskränkning`: the label without a
/// leading four-digit police crime code. One export writes the code and another does not, and
/// both mean the same crime type.
///
/// Only the first ` - ` can end a code, and four digits hold none: so the code is there
/// exactly when the label starts with four digits and ` - ` (a look at seven bytes, not a
/// search of the label: the merge asks it of every row kept).
pub fn strip_code(label: &str) -> &str {
    match label.as_bytes().split_first_chunk::<7>() {
        Some(([a, b, c, d, b' ', b'-', b' '], _))
            if [a, b, c, d].iter().all(|x| x.is_ascii_digit()) =>
        {
            &label[7..]
        }
        _ => label,
    }
}

fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// The crime types of one area found in the data.
#[derive(Debug, Clone)]
pub struct AreaCrimes {
    /// Matched crime labels, sorted.
    pub crimes: Vec<String>,
    /// Patterns that matched nothing.
    pub unmatched: Vec<String>,
    /// Totals matched together with their parts, and which side `crimes` keeps.
    pub nested: Vec<Nesting>,
}

/// Matches an area's patterns against every crime label in the data.
pub fn area_crimes(area: &Area, labels: &[String]) -> AreaCrimes {
    let mut crimes: Vec<String> = labels
        .iter()
        .filter(|l| area.crimes.iter().any(|p| matches(p, l)))
        .cloned()
        .collect();
    crimes.sort();
    crimes.dedup();
    let unmatched = area
        .crimes
        .iter()
        .filter(|p| !labels.iter().any(|l| matches(p, l)))
        .cloned()
        .collect();
    AreaCrimes {
        crimes,
        unmatched,
        nested: Vec::new(),
    }
}

/// [`area_crimes`] with totals and parts resolved ([`nesting::resolve`]): `has_figures` says
/// whether the data has any count for a label.
pub fn area_crimes_counted(
    area: &Area,
    labels: &[String],
    has_figures: impl Fn(&str) -> bool,
) -> AreaCrimes {
    let mut found = area_crimes(area, labels);
    let (crimes, nested) = nesting::resolve(&found.crimes, has_figures);
    found.crimes = crimes;
    found.nested = nested;
    found
}

/// The breaks that affect any of an area's crime types, oldest first.
pub fn area_breaks<'a>(breaks: &'a [SeriesBreak], crimes: &[String]) -> Vec<&'a SeriesBreak> {
    let mut out: Vec<&SeriesBreak> = breaks
        .iter()
        .filter(|b| {
            b.crimes
                .iter()
                .any(|p| crimes.iter().any(|c| matches(p, c)))
        })
        .collect();
    out.sort_by_key(|b| b.date);
    out
}

#[cfg(test)]
mod tests;
