//! The pledge configuration (`pledge.toml`) and the series-break registry (`breaks.toml`),
//! read and validated once, before any data is loaded.

use crate::error::InputError;
use crate::regions::{Level, Region, Regions};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest configuration file read: a pledge or a break list is a few kilobytes, and a
/// cap keeps `/dev/zero` or a runaway file from filling memory.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// What `pledge.toml` may hold, for its error messages.
const PLEDGE_KEYS: &str = "the keys region, pledge, baseline, signed, sources and [[area]] with id, title, crimes, trend_from, promise, police_effort, about, title_en, promise_en, about_en (see README)";

/// What `breaks.toml` may hold, for its error messages.
const BREAK_KEYS: &str = "[[break]] entries with date = \"YYYY-MM-DD\" (a real date), crimes, what, source and optionally splits_trend (see README)";

/// The break registry shipped with the tool, used when the data folder has none.
const DEFAULT_BREAKS: &str = include_str!("../data/breaks.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PledgeFile {
    region: String,
    // Vectors, not `[i32; 2]`: the TOML reader would silently drop a third year.
    pledge: Vec<i32>,
    baseline: Vec<i32>,
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
    /// Date of the change, written `YYYY-MM-DD`; an impossible date (`2019-13-45`) is refused
    /// when the file is read.
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
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

/// A real calendar date written `YYYY-MM-DD`.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "the break date {text:?} is not a real date written YYYY-MM-DD"
            ))
        })
}

impl SeriesBreak {
    /// The first whole year after the change: the year itself for a change on 1 January.
    pub fn first_clean_year(&self) -> i32 {
        let year = self.date.year();
        if self.date.ordinal() == 1 {
            year
        } else {
            year + 1
        }
    }

    /// The date as written in the registry, `YYYY-MM-DD`.
    pub fn date_text(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
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
    let text = read_config(path).map_err(|e| match e {
        ConfigRead::Missing(e) => {
            InputError::file(path, format!("cannot read the pledge configuration ({e})"))
                .expected("a pledge.toml in the data folder, or --config FILE")
        }
        ConfigRead::Bad(e) => e,
    })?;
    let file: PledgeFile = parse_toml(path, &text, PLEDGE_KEYS)?;
    let region = regions
        .resolve(&file.region)
        .filter(|r| r.level == Level::Kommun);
    let region = region.ok_or_else(|| {
        InputError::file(path, "`region` is not a Swedish kommun")
            .value(&file.region)
            .expected(format!(
                "an SCB kommun code or name (closest: {})",
                regions.suggest(&file.region).join(", ")
            ))
    })?;
    let county = regions.county_of(&region.code).ok_or_else(|| {
        InputError::file(path, "no county is known for the kommun").value(&region.code)
    })?;
    let pledge = two_years(path, "pledge", &file.pledge)?;
    let baseline = two_years(path, "baseline", &file.baseline)?;
    check_periods(path, pledge, baseline)?;
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
        pledge,
        baseline,
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

/// `[first, last]`: exactly two years.
fn two_years(path: &Path, key: &str, years: &[i32]) -> Result<[i32; 2], InputError> {
    match years {
        [a, b] => Ok([*a, *b]),
        _ => Err(
            InputError::file(path, format!("`{key}` is not [first, last]"))
                .value(format!("{years:?}"))
                .expected("two years, the first and the last, e.g. [2023, 2026]"),
        ),
    }
}

/// The pledge and baseline are ranges of years, and the baseline ends before the pledge starts
/// (a comparison of a period with itself would say nothing).
fn check_periods(path: &Path, pledge: [i32; 2], baseline: [i32; 2]) -> Result<(), InputError> {
    for (key, range) in [("pledge", pledge), ("baseline", baseline)] {
        if range[0] > range[1] || range[0] < 1900 || range[1] > 2100 {
            return Err(
                InputError::file(path, format!("`{key}` is not a range of years"))
                    .value(format!("{range:?}"))
                    .expected("[first, last] with first ≤ last, e.g. [2023, 2026]"),
            );
        }
    }
    if baseline[1] >= pledge[0] {
        return Err(InputError::file(
            path,
            "the baseline overlaps the pledge period (they must be compared, not mixed)",
        )
        .value(format!("baseline = {baseline:?}, pledge = {pledge:?}"))
        .expected(format!(
            "a baseline that ends before {}, e.g. baseline = [{}, {}]",
            pledge[0],
            pledge[0] - 4,
            pledge[0] - 1
        )));
    }
    Ok(())
}

/// Every `sources` entry names a file in the data folder (a typo would silently change which
/// export wins).
pub fn check_sources(pledge: &Pledge, config: &Path, data_dir: &Path) -> Result<(), InputError> {
    match pledge.sources.iter().find(|s| !data_dir.join(s).is_file()) {
        None => Ok(()),
        Some(missing) => Err(InputError::file(
            config,
            format!(
                "a `sources` entry names no file in the data folder {}",
                data_dir.display()
            ),
        )
        .value(missing)
        .expected("the file names of the exports in the data folder, oldest first")),
    }
}

/// Reads `breaks.toml` from the data folder, or the registry shipped with the tool when the
/// folder has none. A `breaks.toml` that is there but unreadable (a folder, not UTF-8, no
/// permission) is an error: falling back silently would change the verdicts.
pub fn read_breaks(data_dir: &Path) -> Result<(Vec<SeriesBreak>, Option<PathBuf>), InputError> {
    let path = data_dir.join("breaks.toml");
    let (text, from) = match read_config(&path) {
        Ok(text) => (text, Some(path.clone())),
        Err(ConfigRead::Missing(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            (DEFAULT_BREAKS.to_owned(), None)
        }
        Err(ConfigRead::Missing(e)) => {
            return Err(crate::load::text::read_error(&path, &e)
                .expected("a readable breaks.toml, or none (the built-in list is then used)"));
        }
        Err(ConfigRead::Bad(e)) => return Err(e),
    };
    let file: BreaksFile = parse_toml(&path, &text, BREAK_KEYS)?;
    Ok((file.breaks, from))
}

/// Why a configuration file could not be read.
enum ConfigRead {
    /// It cannot be opened (missing, no permission): the caller words it.
    Missing(std::io::Error),
    /// It is there but unusable: not a regular file, too large, not UTF-8.
    Bad(InputError),
}

/// Reads a configuration file as UTF-8 text: only a regular file (a FIFO would block and
/// `/dev/zero` never end), at most [`MAX_CONFIG_BYTES`].
fn read_config(path: &Path) -> Result<String, ConfigRead> {
    let meta = std::fs::metadata(path).map_err(ConfigRead::Missing)?;
    if !meta.is_file() {
        return Err(ConfigRead::Bad(
            InputError::file(path, "is not a regular file (a folder, FIFO or device)")
                .expected("a TOML text file"),
        ));
    }
    let too_large = || {
        ConfigRead::Bad(
            InputError::file(path, "the configuration file is too large")
                .value(format!("more than {MAX_CONFIG_BYTES} bytes"))
                .expected("a TOML text file of a few kilobytes"),
        )
    };
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(ConfigRead::Missing)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let (line, column) = line_col(&text, text.len());
        let bad = e.as_bytes()[valid.len()];
        ConfigRead::Bad(
            InputError::at(path, line, Some(column), "the file is not UTF-8")
                .value(format!("the byte 0x{bad:02X}"))
                .expected("UTF-8 text: the file was probably saved as Latin-1 or ANSI; save it again as UTF-8"),
        )
    })
}

/// Parses TOML, turning a syntax or schema error into a located [`InputError`].
fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    keys: &str,
) -> Result<T, InputError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        let message = e.message().to_owned();
        let snippet = text.lines().nth(line - 1).unwrap_or("").trim().to_owned();
        InputError::at(path, line, Some(column), message)
            .value(snippet)
            .expected(keys)
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
