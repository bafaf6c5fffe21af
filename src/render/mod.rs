//! Rendering: the finished [`Summary`] to bytes, one module per output format. Renderers take
//! the result and return text or bytes; [`crate::output`] writes them.

pub mod charts;
pub mod csv;
pub mod format;
pub mod json;
pub mod markdown;
pub mod words;

use crate::model::Summary;
use format::Lang;
use std::path::PathBuf;

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Report language.
    pub lang: Lang,
    /// Chart file format.
    pub chart_format: charts::ChartFormat,
    /// Pooled 3-year rates in the rates charts.
    pub pooled: bool,
    /// The command that produced the report, shown on its last line.
    pub command_line: String,
}

/// Every output file, as (path relative to the output folder, bytes), in a stable order.
pub fn render_all(
    summary: &Summary,
    opts: &RenderOptions,
) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = vec![
        (
            PathBuf::from("report.md"),
            markdown::render(summary, opts).into_bytes(),
        ),
        (PathBuf::from("metrics.csv"), csv::render(summary)?),
        (PathBuf::from("summary.json"), json::render(summary)?),
    ];
    files.extend(charts(summary, opts)?);
    Ok(files)
}

fn charts(summary: &Summary, opts: &RenderOptions) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let chart_opts = charts::ChartOptions {
        lang: opts.lang,
        format: opts.chart_format,
        pooled: opts.pooled,
    };
    let files = charts::render_all(summary, &chart_opts)?;
    Ok(files
        .into_iter()
        .map(|(name, bytes)| (PathBuf::from("charts").join(name), bytes))
        .collect())
}
