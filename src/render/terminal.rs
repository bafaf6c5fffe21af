//! What the terminal shows: `analyze`'s table mirroring the report's Sammanfattning, and
//! `validate`'s listing of the files, periods, regions, crime types, revisions and warnings.
//! Each writer returns the I/O error for the caller to word (a closed pipe ends quietly).

use super::format::Lang;
use super::words;
use crate::catalog;
use crate::config::Pledge;
use crate::load::Dataset;
use crate::load::canonical::Period;
use crate::model::{SourceInfo, Summary};
use std::collections::BTreeSet;
use std::io::{Result, Write};
use std::path::Path;

/// The terminal table, mirroring the report's Sammanfattning.
pub fn summary(out: &mut impl Write, s: &Summary, lang: Lang) -> Result<()> {
    if s.example_data {
        writeln!(
            out,
            "{}",
            lang.pick(
                "EXEMPELDATA – inte verklig statistik",
                "EXAMPLE DATA – not real statistics"
            )
        )?;
    }
    writeln!(
        out,
        "{} ({}) {}",
        s.region.name,
        s.region.code,
        words::years(s.pledge)
    )?;
    for a in &s.areas {
        let [title, latest, rr, trend, verdict] = words::summary_row(a, lang);
        writeln!(out, "  {title:<24} {latest:<16} {rr:<32} {verdict}")?;
        writeln!(out, "  {:<24} trend: {trend}", "")?;
    }
    Ok(())
}

/// `validate`'s listing of what was read: the heading, every file with its periods, the
/// regions and the crime types with the areas that use them.
pub fn inputs(
    out: &mut impl Write,
    data: &Dataset,
    pledge: &Pledge,
    config: &Path,
    data_dir: &Path,
) -> Result<()> {
    writeln!(
        out,
        "config {}; data folder {}",
        config.display(),
        data_dir.display()
    )?;
    for (index, s) in data.sources.iter().enumerate() {
        source(out, s)?;
        if let Some(line) = periods_line(data, index) {
            writeln!(out, "  periods: {line}")?;
        }
    }
    regions(out, data)?;
    crime_types(out, data, pledge)
}

/// One file: name, format, encoding, rows and years (`2024 prel.`).
fn source(out: &mut impl Write, s: &SourceInfo) -> Result<()> {
    let prel: BTreeSet<i32> = s.preliminary_years.iter().copied().collect();
    let years: Vec<String> = s
        .years
        .iter()
        .map(|y| {
            if prel.contains(y) {
                format!("{y} prel.")
            } else {
                y.to_string()
            }
        })
        .collect();
    writeln!(
        out,
        "{}\n  format {}, encoding {}, {} rows{}\n  years: {}",
        s.file,
        s.format,
        s.encoding,
        s.rows,
        if s.example_data { ", example data" } else { "" },
        years.join(", ")
    )
}

/// Every region seen, kept or not.
fn regions(out: &mut impl Write, data: &Dataset) -> Result<()> {
    let mut regions: BTreeSet<(String, String)> = data
        .observations
        .iter()
        .map(|o| (o.region_code.clone(), o.region_name.clone()))
        .collect();
    regions.extend(data.skipped.iter().flat_map(|c| c.regions.clone()));
    let names: Vec<String> = regions.iter().map(|(c, n)| format!("{n} ({c})")).collect();
    writeln!(out, "regions ({}): {}", regions.len(), names.join(", "))
}

/// Every crime type seen, with the areas that use it (the first 2 000 unused ones by name).
fn crime_types(out: &mut impl Write, data: &Dataset, pledge: &Pledge) -> Result<()> {
    let skipped = data.skipped.as_ref();
    let mut labels: BTreeSet<String> = data.observations.iter().map(|o| o.crime.clone()).collect();
    labels.extend(skipped.iter().flat_map(|c| c.labels.iter().cloned()));
    let more = skipped.map_or(0, |c| c.more_labels());
    writeln!(out, "crime types ({}):", labels.len() + more)?;
    for label in &labels {
        let areas: Vec<&str> = pledge
            .areas
            .iter()
            .filter(|a| a.crimes.iter().any(|p| catalog::matches(p, label)))
            .map(|a| a.id.as_str())
            .collect();
        let used = if !areas.is_empty() {
            format!("→ {}", areas.join(", "))
        } else if label == catalog::TOTAL_CRIME_LABEL {
            "→ context: total reported crime".to_owned()
        } else {
            "not used".to_owned()
        };
        let derived = if data
            .observations
            .iter()
            .any(|o| o.derived && &o.crime == label)
        {
            " (counts derived from Kolada rates × population)"
        } else {
            ""
        };
        writeln!(out, "  {label}  [{used}]{derived}")?;
    }
    if let Some(c) = skipped.filter(|c| c.more_labels() > 0) {
        let at_least = if c.labels_overflow { "at least " } else { "" };
        let more = c.more_labels();
        writeln!(
            out,
            "  … and {at_least}{more} more crime types no area uses (not listed)"
        )?;
    }
    Ok(())
}

/// `validate`'s closing lines: the revisions between files, then the warnings or "no problems
/// found".
pub fn findings(out: &mut impl Write, data: &Dataset, summary: &Summary) -> Result<()> {
    if !data.revisions.is_empty() {
        writeln!(out, "revisions (region / crime / year: old → new):")?;
        for r in &data.revisions {
            writeln!(
                out,
                "  {} / {} / {}: {} ({}) → {} ({})",
                r.region, r.crime, r.year, r.old_value, r.old_file, r.new_value, r.new_file
            )?;
        }
    }
    if summary.warnings.is_empty() {
        writeln!(out, "no problems found")?;
    } else {
        writeln!(out, "warnings:")?;
        for w in &summary.warnings {
            writeln!(out, "  {}", w.english())?;
        }
    }
    Ok(())
}

/// The months and quarters a file gave (as kept after merging), e.g.
/// `months 2019-01 … 2026-08 (2026 prel.)`; `None` for a file of whole years only.
fn periods_line(data: &Dataset, source: usize) -> Option<String> {
    let mut parts = Vec::new();
    for (name, quarter) in [("months", false), ("quarters", true)] {
        let mut found: Vec<(String, bool)> = data
            .sub_year
            .iter()
            .filter(|o| o.source == source)
            .filter(|o| matches!(o.period, Period::Quarter(_)) == quarter)
            .map(|o| (o.period.label(o.year), o.preliminary))
            .collect();
        found.sort();
        found.dedup();
        let (Some(first), Some(last)) = (found.first(), found.last()) else {
            continue;
        };
        let prel: BTreeSet<String> = found
            .iter()
            .filter(|(_, p)| *p)
            .map(|(l, _)| format!("{} prel.", &l[..4]))
            .collect();
        let prel: Vec<String> = prel.into_iter().collect();
        let prel = if prel.is_empty() {
            String::new()
        } else {
            format!(" ({})", prel.join(", "))
        };
        parts.push(format!("{name} {} … {}{prel}", first.0, last.0));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}
