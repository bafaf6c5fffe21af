//! `metrics.csv`: one row per area × region × year, sorted, numbers with a decimal point and at
//! most 6 decimals, empty where unknown. Its columns never move: new ones are only added at
//! the end. `metrics-excel.csv` is the same table for Swedish Excel: `;` separated, decimal
//! comma, UTF-8 with a byte-order mark (so å ä ö open right) and Swedish headers.
//! `metrics-monthly.csv` has one row per area × region × month or quarter.

use super::format::plain;
use crate::model::monthly::PeriodPoint;
use crate::model::{Summary, YearFigures};

/// The header, in this order.
pub const HEADER: [&str; 14] = [
    "area",
    "region_code",
    "region_name",
    "year",
    "preliminary",
    "count",
    "population",
    "rate_per_100k",
    "count_ci_low",
    "count_ci_high",
    "rate_ci_low",
    "rate_ci_high",
    "example_data",
    "complete",
];

/// The Swedish headers of `metrics-excel.csv`, column for column as [`HEADER`].
pub const HEADER_SV: [&str; 14] = [
    "område",
    "regionkod",
    "region",
    "år",
    "preliminärt",
    "antal",
    "folkmängd",
    "per 100 000 invånare",
    "antal, 95 % KI nedre",
    "antal, 95 % KI övre",
    "per 100 000, 95 % KI nedre",
    "per 100 000, 95 % KI övre",
    "exempeldata",
    "fullständigt",
];

/// One cell: text, or a number written in the file's style.
enum Cell {
    Text(String),
    Number(Option<f64>),
    Flag(bool),
}

/// The rows, sorted by area, region code and year.
fn rows(summary: &Summary) -> Vec<Vec<Cell>> {
    let mut figures: Vec<(&str, &YearFigures)> = summary
        .areas
        .iter()
        .flat_map(|a| a.years.iter().map(move |y| (a.id.as_str(), y)))
        .collect();
    figures
        .sort_by(|a, b| (a.0, &a.1.region_code, a.1.year).cmp(&(b.0, &b.1.region_code, b.1.year)));
    figures
        .into_iter()
        .map(|(id, y)| {
            let lo = |c: Option<[f64; 2]>| Cell::Number(c.map(|c| c[0]));
            let hi = |c: Option<[f64; 2]>| Cell::Number(c.map(|c| c[1]));
            vec![
                Cell::Text(id.to_owned()),
                Cell::Text(y.region_code.clone()),
                Cell::Text(y.region_name.clone()),
                Cell::Text(y.year.to_string()),
                Cell::Flag(y.preliminary),
                Cell::Number(y.count.map(|c| c as f64)),
                Cell::Number(y.population.map(|p| p as f64)),
                Cell::Number(y.rate_per_100k),
                lo(y.count_ci),
                hi(y.count_ci),
                lo(y.rate_ci),
                hi(y.rate_ci),
                Cell::Flag(summary.example_data),
                // A year is complete when every crime type of the area has a number.
                Cell::Flag(y.count.is_some() && !y.partial),
            ]
        })
        .collect()
}

/// Renders the metrics table.
pub fn render(summary: &Summary) -> anyhow::Result<Vec<u8>> {
    let cell = |c: &Cell| match c {
        Cell::Text(t) => t.clone(),
        Cell::Number(v) => v.map_or_else(String::new, plain),
        Cell::Flag(b) => b.to_string(),
    };
    write(b',', &HEADER, &rows(summary), cell, Vec::new())
}

/// Renders `metrics-excel.csv`.
pub fn render_excel(summary: &Summary) -> anyhow::Result<Vec<u8>> {
    let cell = |c: &Cell| match c {
        Cell::Text(t) => t.clone(),
        Cell::Number(v) => v.map_or_else(String::new, |x| plain(x).replace('.', ",")),
        Cell::Flag(b) => (if *b { "ja" } else { "nej" }).to_owned(),
    };
    write(
        b';',
        &HEADER_SV,
        &rows(summary),
        cell,
        b"\xEF\xBB\xBF".to_vec(),
    )
}

fn write(
    delimiter: u8,
    header: &[&str],
    rows: &[Vec<Cell>],
    cell: impl Fn(&Cell) -> String,
    start: Vec<u8>,
) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(start);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.iter().map(&cell))?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The header of `metrics-monthly.csv`, in this order.
pub const MONTHLY_HEADER: [&str; 14] = [
    "area",
    "region_code",
    "region_name",
    "year",
    "month",
    "quarter",
    "preliminary",
    "count",
    "population",
    "rate_per_100k",
    "count_ci_low",
    "count_ci_high",
    "rate_ci_low",
    "rate_ci_high",
];

fn monthly_row(area: &str, p: &PeriodPoint) -> Vec<String> {
    let opt = |v: Option<f64>| v.map_or_else(String::new, plain);
    let small = |v: Option<u8>| v.map_or_else(String::new, |v| v.to_string());
    vec![
        area.to_owned(),
        p.region_code.clone(),
        p.region_name.clone(),
        p.year.to_string(),
        small(p.month),
        small(p.quarter),
        p.preliminary.to_string(),
        p.count.map_or_else(String::new, |c| c.to_string()),
        p.population.map_or_else(String::new, |c| c.to_string()),
        opt(p.rate_per_100k),
        opt(p.count_ci.map(|c| c[0])),
        opt(p.count_ci.map(|c| c[1])),
        opt(p.rate_ci.map(|c| c[0])),
        opt(p.rate_ci.map(|c| c[1])),
    ]
}

/// Renders `metrics-monthly.csv`: the pledge kommun and its comparison region per period;
/// `None` when no area has monthly or quarterly figures. The population of a month is its
/// year's figure; the rate is per period, not annualised.
pub fn render_monthly(summary: &Summary) -> anyhow::Result<Option<Vec<u8>>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for area in &summary.areas {
        let m = &area.monthly;
        for p in m.points.iter().chain(&m.comparison) {
            rows.push(monthly_row(&area.id, p));
        }
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(MONTHLY_HEADER)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map(Some)
        .map_err(|e| anyhow::anyhow!("{e}"))
}
