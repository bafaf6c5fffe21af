//! `metrics.csv`: one row per area × region × year, sorted, numbers with a decimal point and at
//! most 6 decimals, empty where unknown.

use super::format::plain;
use crate::model::Summary;

/// The header, in this order.
pub const HEADER: [&str; 12] = [
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
];

/// Renders the metrics table.
pub fn render(summary: &Summary) -> anyhow::Result<Vec<u8>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for area in &summary.areas {
        for y in &area.years {
            let opt = |v: Option<f64>| v.map_or_else(String::new, plain);
            rows.push(vec![
                area.id.clone(),
                y.region_code.clone(),
                y.region_name.clone(),
                y.year.to_string(),
                y.preliminary.to_string(),
                y.count.map_or_else(String::new, |c| c.to_string()),
                y.population.map_or_else(String::new, |p| p.to_string()),
                opt(y.rate_per_100k),
                opt(y.count_ci.map(|c| c[0])),
                opt(y.count_ci.map(|c| c[1])),
                opt(y.rate_ci.map(|c| c[0])),
                opt(y.rate_ci.map(|c| c[1])),
            ]);
        }
    }
    rows.sort_by(|a, b| (&a[0], &a[1], &a[3]).cmp(&(&b[0], &b[1], &b[3])));
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}
