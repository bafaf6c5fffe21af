//! The police events feed (polisen.se's list of recent events): context, not crime statistics.
//!
//! The API answers a JSON array of about the latest 500 events:
//! ```text
//! [{"id":105469,"datetime":"2018-12-28 14:32:20 +01:00",
//!   "name":"28 december 14.32, Fylleri/LOB, Östersund","summary":"…","url":"…",
//!   "type":"Fylleri/LOB","location":{"name":"Östersund","gps":"63.176683,14.636068"}}]
//! ```
//! Analysts who collect it over time keep it as CSV with the location flattened:
//! ```text
//! id,datetime,name,summary,url,type,location.name,location.gps
//! 105480,2019-01-02 08:00:00 +01:00,"2 januari 08.00, Misshandel, Nordanstig",…,Misshandel,Nordanstig,"61.862069,17.135302"
//! ```
//! Events are counted per region, type and month (of the local time written in `datetime`).
//! `location.name` is a kommun or a county (`Gävleborgs län`), kept at its level; other place
//! names are skipped and counted, not refused. An event id seen twice is counted once. There
//! is no relationship-violence type, protected cases are left out and coverage is a small share
//! of reported crime: label these counts as context, never as a crime trend.

use super::text::{TextFile, detect_delimiter, first_line, json_error, json_item_lines, records};
use crate::error::InputError;
use crate::regions::{Level, Regions};
use std::collections::{BTreeMap, HashSet};

/// One event as read, before its place is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoliceEvent {
    /// The feed's id (empty when the file has none).
    pub id: String,
    /// `YYYY-MM` of the event's local time.
    pub month: String,
    /// The event type, e.g. `Misshandel, grov`.
    pub event_type: String,
    /// `location.name`: a kommun, a county or another place.
    pub location: String,
    /// Index of the source file.
    pub source: usize,
    /// 1-based line where the event starts.
    pub line: usize,
}

/// The number of events of one type in one region and month.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventCount {
    /// SCB code of the kommun or county.
    pub region_code: String,
    /// SCB name.
    pub region_name: String,
    /// Kommun or county (or nation for `Sverige`).
    pub level: Level,
    /// The event type.
    pub event_type: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Number of events.
    pub count: usize,
}

/// Events counted, with what was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoliceEvents {
    /// Counts sorted by region code, event type and month.
    pub counts: Vec<EventCount>,
    /// Events read, not counting duplicates (those at unknown places included).
    pub events: usize,
    /// Events left out because their id was seen before.
    pub duplicates: usize,
    /// Place names that are neither a kommun nor a county, with how many events each had.
    pub unknown_locations: BTreeMap<String, usize>,
}

impl PoliceEvents {
    /// Warnings for the user: skipped places and duplicates.
    pub fn warnings(&self) -> Vec<crate::notes::Warning> {
        let mut out = Vec::new();
        if !self.unknown_locations.is_empty() {
            let skipped: usize = self.unknown_locations.values().sum();
            let names: Vec<String> = self
                .unknown_locations
                .iter()
                .map(|(n, c)| format!("{n} ({c})"))
                .collect();
            out.push(crate::notes::Warning::PoliceUnknownPlaces {
                events: skipped,
                places: names.join(", "),
            });
        }
        if self.duplicates > 0 {
            out.push(crate::notes::Warning::PoliceDuplicates {
                events: self.duplicates,
            });
        }
        out
    }
}

/// True for a JSON array of events with `datetime` and `location`, or a CSV whose header has
/// `datetime`, `type` and a location name column.
pub fn detect(text: &str) -> bool {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return trimmed.contains("\"datetime\"") && trimmed.contains("\"location\"");
    }
    let header = first_line(text);
    let fields: Vec<String> = header
        .split(char::from(detect_delimiter(header)))
        .map(|f| f.trim().trim_matches('"').to_lowercase())
        .collect();
    let has = |names: &[&str]| fields.iter().any(|f| names.contains(&f.as_str()));
    has(&["datetime"]) && has(&["type"]) && has(&LOCATION)
}

/// Header names of the location name column.
const LOCATION: [&str; 4] = ["location.name", "location_name", "location", "plats"];

/// Reads the feed (JSON or CSV) and counts its events.
pub fn load(file: &TextFile, source: usize, regions: &Regions) -> Result<PoliceEvents, InputError> {
    Ok(count_events(&read_events(file, source)?, regions))
}

/// Reads the events of one file, in file order.
pub fn read_events(file: &TextFile, source: usize) -> Result<Vec<PoliceEvent>, InputError> {
    if file.text.trim_start().starts_with('[') {
        read_json(file, source)
    } else {
        read_csv(file, source)
    }
}

/// Counts events per region, type and month; an id seen before (also from an earlier file) is
/// counted once.
pub fn count_events(events: &[PoliceEvent], regions: &Regions) -> PoliceEvents {
    let mut out = PoliceEvents::default();
    let mut ids: HashSet<&str> = HashSet::new();
    let mut counts: BTreeMap<(String, String, String), (String, Level, usize)> = BTreeMap::new();
    let mut cache: BTreeMap<&str, Option<crate::regions::Region>> = BTreeMap::new();
    for e in events {
        if !e.id.is_empty() && !ids.insert(&e.id) {
            out.duplicates += 1;
            continue;
        }
        out.events += 1;
        let region = cache
            .entry(&e.location)
            .or_insert_with(|| regions.resolve(&e.location));
        let Some(region) = region else {
            *out.unknown_locations.entry(e.location.clone()).or_default() += 1;
            continue;
        };
        let key = (region.code.clone(), e.event_type.clone(), e.month.clone());
        counts
            .entry(key)
            .or_insert_with(|| (region.name.clone(), region.level, 0))
            .2 += 1;
    }
    out.counts = counts
        .into_iter()
        .map(
            |((region_code, event_type, month), (region_name, level, count))| EventCount {
                region_code,
                region_name,
                level,
                event_type,
                month,
                count,
            },
        )
        .collect();
    out
}

/// `YYYY-MM` of `2018-12-28 14:32:20 +01:00` (or `2018-12-28T14:32:20+01:00`).
fn month_of(datetime: &str) -> Option<String> {
    let s = datetime.trim();
    let b = s.as_bytes();
    let shape = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    let year: i32 = s.get(..4).filter(|_| shape)?.parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    ((1990..=2100).contains(&year) && (1..=12).contains(&month)).then(|| s[..7].to_owned())
}

const DATETIME_EXPECTED: &str = "a date and time like `2018-12-28 14:32:20 +01:00`";

#[derive(serde::Deserialize)]
struct RawEvent {
    #[serde(default)]
    id: serde_json::Value,
    datetime: String,
    #[serde(rename = "type")]
    kind: String,
    location: RawLocation,
}

#[derive(serde::Deserialize)]
struct RawLocation {
    #[serde(default)]
    name: String,
}

fn read_json(file: &TextFile, source: usize) -> Result<Vec<PoliceEvent>, InputError> {
    let expected = "the police API's array `[{\"id\": 1, \"datetime\": \"2018-12-28 14:32:20 +01:00\", \
                    \"type\": \"Misshandel\", \"location\": {\"name\": \"Nordanstig\"}}]`";
    let raw: Vec<RawEvent> =
        serde_json::from_str(&file.text).map_err(|e| json_error(file, &e, expected))?;
    let lines = json_item_lines(&file.text, None);
    raw.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let line = lines.get(i).copied().unwrap_or(0);
            let id = match r.id {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let event = PoliceEvent {
                id,
                month: String::new(),
                event_type: r.kind.trim().to_owned(),
                location: r.location.name.trim().to_owned(),
                source,
                line,
            };
            with_month(file, event, &r.datetime, None)
        })
        .collect()
}

/// Sets the month from `datetime` and checks the type; `columns` are the datetime and type
/// columns of a CSV.
fn with_month(
    file: &TextFile,
    mut event: PoliceEvent,
    datetime: &str,
    columns: Option<(usize, usize)>,
) -> Result<PoliceEvent, InputError> {
    event.month = month_of(datetime).ok_or_else(|| {
        InputError::at(
            &file.path,
            event.line,
            columns.map(|c| c.0 + 1),
            "the event time is not a date",
        )
        .value(datetime)
        .expected(DATETIME_EXPECTED)
    })?;
    if event.event_type.is_empty() {
        return Err(InputError::at(
            &file.path,
            event.line,
            columns.map(|c| c.1 + 1),
            "the event type is empty",
        )
        .expected("a type such as `Misshandel` or `Narkotikabrott`"));
    }
    Ok(event)
}

fn read_csv(file: &TextFile, source: usize) -> Result<Vec<PoliceEvent>, InputError> {
    let rows = records(file, detect_delimiter(first_line(&file.text)))?;
    let Some((header, data)) = rows.split_first() else {
        return Err(InputError::file(&file.path, "the file has no lines"));
    };
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| header.fields.iter().position(|f| f.to_lowercase() == *n))
    };
    let (Some(datetime), Some(kind), Some(location)) =
        (find(&["datetime"]), find(&["type"]), find(&LOCATION))
    else {
        return Err(InputError::at(
            &file.path,
            header.line,
            None,
            "the header lacks datetime, type or location.name",
        )
        .value(header.fields.join(","))
        .expected(
            "the columns id, datetime, name, summary, url, type, location.name, location.gps",
        ));
    };
    let id = find(&["id"]);
    data.iter()
        .map(|row| {
            let event = PoliceEvent {
                id: id.map_or("", |c| row.get(c)).to_owned(),
                month: String::new(),
                event_type: row.get(kind).to_owned(),
                location: row.get(location).to_owned(),
                source,
                line: row.line,
            };
            with_month(file, event, row.get(datetime), Some((datetime, kind)))
        })
        .collect()
}

#[cfg(test)]
mod tests;
