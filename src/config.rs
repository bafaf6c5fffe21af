//! The pledge configuration (`pledge.toml`) and the series-break registry (`breaks.toml`),
//! read and validated once, before any data is loaded.

use crate::error::InputError;
use crate::regions::{Level, Region, Regions};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The break registry shipped with the tool, used when the data folder has none.
const DEFAULT_BREAKS: &str = include_str!("../data/breaks.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeFile {
    region: String,
    pledge: [i32; 2],
    baseline: [i32; 2],
    #[serde(rename = "area")]
    areas: Vec<AreaFile>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    signed: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaFile {
    id: String,
    title: String,
    crimes: Vec<String>,
    trend_from: Option<i32>,
    #[serde(default)]
    promise: Option<String>,
    #[serde(default)]
    police_effort: bool,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    title_en: Option<String>,
    #[serde(default)]
    promise_en: Option<String>,
    #[serde(default)]
    about_en: Option<String>,
}

/// A validated pledge configuration.
#[derive(Debug, Clone)]
pub struct Pledge {
    /// The pledge kommun.
    pub region: Region,
    /// Its county.
    pub county: Region,
    /// First and last pledge year.
    pub pledge: [i32; 2],
    /// First and last baseline year.
    pub baseline: [i32; 2],
    /// The pledge areas, in file order.
    pub areas: Vec<Area>,
    /// Input file names from oldest to newest export, for files without a date in the name.
    pub sources: Vec<String>,
    /// The month the pledge was signed (`signed = "2023-06"`) as (year, month); the next
    /// month is the first month of the pledge in the monthly analysis.
    pub signed: Option<(i32, u8)>,
}

/// One pledge area.
#[derive(Debug, Clone)]
pub struct Area {
    /// Stable id (file names, CSV, JSON).
    pub id: String,
    /// Title for people.
    pub title: String,
    /// Crime-label patterns; `*` matches any text.
    pub crimes: Vec<String>,
    /// First year a trend may use.
    pub trend_from: Option<i32>,
    /// The promise as worded in the pledge, quoted in the report.
    pub promise: Option<String>,
    /// True for crimes found by police work (spaningsbrott): a rise may mean more police work.
    pub police_effort: bool,
    /// Why these crime types make up the area, shown in the report.
    pub about: Option<String>,
    /// English title for `--lang en` (`title_en`); the Swedish one when absent.
    pub title_en: Option<String>,
    /// English promise (`promise_en`).
    pub promise_en: Option<String>,
    /// English about-text (`about_en`).
    pub about_en: Option<String>,
}

/// A series break from the registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesBreak {
    /// Date of the change, `YYYY-MM-DD`.
    pub date: String,
    /// Crime-label patterns the change affects (`*` for all).
    pub crimes: Vec<String>,
    /// One line of what changed.
    pub what: String,
    /// Where it is documented.
    pub source: String,
    /// False for changes that do not alter what is counted (e.g. a harsher penalty): shown on
    /// charts, but a trend may span them.
    #[serde(default = "yes")]
    pub splits_trend: bool,
    /// What changed, in English, for `--lang en` (`what_en`); the Swedish text when absent.
    #[serde(default)]
    pub what_en: Option<String>,
}

fn yes() -> bool {
    true
}

impl SeriesBreak {
    /// The first whole year after the change: the year itself for a change on 1 January.
    pub fn first_clean_year(&self) -> i32 {
        let year: i32 = self.date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        if self.date.ends_with("-01-01") {
            year
        } else {
            year + 1
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BreaksFile {
    #[serde(rename = "break", default)]
    breaks: Vec<SeriesBreak>,
}

/// Reads and validates `pledge.toml`.
pub fn read_pledge(path: &Path, regions: &Regions) -> Result<Pledge, InputError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        InputError::file(path, format!("cannot read the pledge configuration ({e})"))
            .expected("a pledge.toml in the data folder, or --config FILE")
    })?;
    let file: PledgeFile = parse_toml(path, &text)?;
    let region = regions
        .resolve(&file.region)
        .filter(|r| r.level == Level::Kommun);
    let region = region.ok_or_else(|| {
        InputError::file(path, "`region` is not a Swedish kommun")
            .value(&file.region)
            .expected(format!(
                "an SCB kommun code or name (closest names: {})",
                regions.suggest(&file.region).join(", ")
            ))
    })?;
    let county = regions.county_of(&region.code).ok_or_else(|| {
        InputError::file(path, "no county is known for the kommun").value(&region.code)
    })?;
    for (key, range) in [("pledge", file.pledge), ("baseline", file.baseline)] {
        if range[0] > range[1] || range[0] < 1900 || range[1] > 2100 {
            return Err(
                InputError::file(path, format!("`{key}` is not a range of years"))
                    .value(format!("{range:?}"))
                    .expected("[first, last] with first ≤ last, e.g. [2023, 2026]"),
            );
        }
    }
    if file.areas.is_empty() {
        return Err(InputError::file(path, "no [[area]] is defined")
            .expected("at least one [[area]] with id, title and crimes"));
    }
    let mut areas: Vec<Area> = Vec::new();
    for a in file.areas {
        let id_ok = !a.id.is_empty()
            && a.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !id_ok || areas.iter().any(|b| b.id == a.id) {
            return Err(
                InputError::file(path, "an area id is invalid or used twice")
                    .value(&a.id)
                    .expected("a unique id of a–z, 0–9, - and _ (it names output files)"),
            );
        }
        if a.crimes.iter().all(|c| c.trim().is_empty()) {
            return Err(
                InputError::file(path, format!("area `{}` lists no crime types", a.id))
                    .expected("crimes = [\"Grov kvinnofridskränkning\", …]"),
            );
        }
        areas.push(Area {
            id: a.id,
            title: a.title,
            crimes: a.crimes,
            trend_from: a.trend_from,
            promise: a.promise,
            police_effort: a.police_effort,
            about: a.about,
            title_en: a.title_en,
            promise_en: a.promise_en,
            about_en: a.about_en,
        });
    }
    let signed = match &file.signed {
        None => None,
        Some(text) => Some(parse_month(text).ok_or_else(|| {
            InputError::file(path, "`signed` is not a month")
                .value(text)
                .expected("YYYY-MM, e.g. signed = \"2023-06\"")
        })?),
    };
    Ok(Pledge {
        region,
        county,
        pledge: file.pledge,
        baseline: file.baseline,
        areas,
        sources: file.sources,
        signed,
    })
}

/// `2023-06` → (2023, 6).
fn parse_month(text: &str) -> Option<(i32, u8)> {
    let (y, m) = text.trim().split_once('-')?;
    let year: i32 = y.parse().ok().filter(|y| (1900..=2100).contains(y))?;
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    (y.len() == 4 && m.len() == 2).then_some((year, month))
}

/// Reads `breaks.toml` from the data folder, or the registry shipped with the tool.
pub fn read_breaks(data_dir: &Path) -> Result<(Vec<SeriesBreak>, Option<PathBuf>), InputError> {
    let path = data_dir.join("breaks.toml");
    let (text, from) = match std::fs::read_to_string(&path) {
        Ok(text) => (text, Some(path.clone())),
        Err(_) => (DEFAULT_BREAKS.to_owned(), None),
    };
    let file: BreaksFile = parse_toml(&path, &text)?;
    for b in &file.breaks {
        let ok = b.date.len() == 10 && b.date.get(..4).is_some_and(|y| y.parse::<i32>().is_ok());
        if !ok {
            return Err(InputError::file(&path, "a break date is not a date")
                .value(&b.date)
                .expected("YYYY-MM-DD"));
        }
    }
    Ok((file.breaks, from))
}

/// Parses TOML, turning a syntax or schema error into a located [`InputError`].
fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, InputError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        let message = e.message().to_owned();
        let snippet = text.lines().nth(line - 1).unwrap_or("").trim().to_owned();
        InputError::at(path, line, Some(column), message)
            .value(snippet)
            .expected("the keys region, pledge, baseline, signed, sources and [[area]] with id, title, crimes, trend_from, promise, police_effort, about, title_en, promise_en, about_en (see README)")
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
