//! When the report was made, the crime export it rests on, and when Brå's next figures come.
//!
//! The report's date must not make two runs on the same inputs differ, so it is never the
//! clock: it is `SOURCE_DATE_EPOCH` when that is set (the reproducible-builds convention,
//! <https://reproducible-builds.org/specs/source-date-epoch/>), else the newest export date
//! among the crime exports (the date in their file names), else unknown.
//!
//! Brå publishes the preliminary figures of a year in January of the following year and the
//! final figures in March (Brå, *Anmälda brott*, publiceringskalender).

use crate::error::InputError;
use crate::load::Format;
use crate::model::{DateFrom, Publication, Release, ReleaseStatus, SourceInfo};
use std::path::Path;

/// Month (1–12) in which Brå publishes the preliminary figures of the previous year.
pub const PRELIMINARY_MONTH: u32 = 1;
/// Month (1–12) in which Brå publishes the final figures of the previous year.
pub const FINAL_MONTH: u32 = 3;

/// The name of the environment variable that fixes the report's date.
pub const EPOCH_VAR: &str = "SOURCE_DATE_EPOCH";

/// Reads `SOURCE_DATE_EPOCH`: `None` when unset or empty, an error when it is not whole
/// seconds since 1970-01-01.
pub fn epoch_from_env() -> Result<Option<i64>, InputError> {
    let Ok(text) = std::env::var(EPOCH_VAR) else {
        return Ok(None);
    };
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>().map(Some).map_err(|_| {
        InputError::file(Path::new(EPOCH_VAR), "the report date is not a number")
            .value(text)
            .expected("whole seconds since 1970-01-01 00:00 UTC, e.g. 1774483200 (or unset it)")
    })
}

/// The report's date, the export it rests on and the next releases.
pub fn publication(
    sources: &[SourceInfo],
    latest_year: Option<i32>,
    epoch: Option<i64>,
) -> Publication {
    let export = sources
        .iter()
        .filter(|s| {
            matches!(
                s.format,
                Format::SolLong | Format::SolWide | Format::BraKommun | Format::Kolada
            )
        })
        .max_by(|a, b| (&a.export_date, &a.file).cmp(&(&b.export_date, &b.file)));
    let (report_date, date_from) = match (epoch, export.and_then(|e| e.export_date.clone())) {
        (Some(e), _) => (Some(date_of_epoch(e)), DateFrom::SourceDateEpoch),
        (None, Some(d)) => (Some(d), DateFrom::NewestExport),
        (None, None) => (None, DateFrom::Unknown),
    };
    let preliminary =
        latest_year.is_some_and(|y| sources.iter().any(|s| s.preliminary_years.contains(&y)));
    let next = latest_year.map_or_else(Vec::new, |y| {
        next_releases(y, preliminary, report_date.as_deref())
    });
    Publication {
        report_date,
        date_from,
        export_file: export.map(|e| e.file.clone()),
        export_date: export.and_then(|e| e.export_date.clone()),
        next,
    }
}

/// The next two releases after the latest year in the data that are not yet out on the
/// report's date (`YYYY-MM-DD`; a release in the report's own month still counts, since Brå
/// publishes late in the month): a report made in September 2026 from figures whose 2025 was
/// preliminary in an older export names January and March 2027, not March 2026.
pub fn next_releases(latest: i32, preliminary: bool, report_date: Option<&str>) -> Vec<Release> {
    let release = |year: i32, status: ReleaseStatus| {
        let month = match status {
            ReleaseStatus::Preliminary => PRELIMINARY_MONTH,
            ReleaseStatus::Final => FINAL_MONTH,
        };
        Release {
            year,
            status,
            month: format!("{}-{month:02}", year + 1),
        }
    };
    let mut all = Vec::new();
    if preliminary {
        all.push(release(latest, ReleaseStatus::Final));
    }
    let report_year = report_date
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(latest);
    for year in latest + 1..=latest.max(report_year) + 1 {
        all.push(release(year, ReleaseStatus::Preliminary));
        all.push(release(year, ReleaseStatus::Final));
    }
    let month = report_date.and_then(|d| d.get(..7));
    all.into_iter()
        .filter(|r| month.is_none_or(|m| r.month.as_str() >= m))
        .take(2)
        .collect()
}

/// `YYYY-MM-DD` (UTC) of seconds since 1970-01-01, by the civil-from-days algorithm
/// (H. Hinnant, *chrono-Compatible Low-Level Date Algorithms*).
pub fn date_of_epoch(seconds: i64) -> String {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
#[path = "publication_tests.rs"]
mod tests;
