//! Rendering: the finished [`Summary`] to bytes, one module per output format. Renderers take
//! the result and return text or bytes; [`crate::output`] writes them.

pub mod charts;
pub mod csv;
pub mod format;
pub mod html;
pub mod index;
pub mod json;
pub mod markdown;
pub mod notes;
pub mod region_names;
pub mod sentences;
pub mod terminal;
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
    /// `report.md`, or a self-contained `report.html`.
    pub report_format: ReportFormat,
    /// The command that produced the report, shown on its last line.
    pub command_line: String,
}

/// The report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// `report.md`.
    Markdown,
    /// `report.html`, one self-contained file.
    Html,
}

/// Every output file, as (path relative to the output folder, bytes), in a stable order.
pub fn render_all(
    summary: &Summary,
    opts: &RenderOptions,
) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    render_with(summary, opts, charts(summary, opts)?)
}

/// [`render_all`] with the charts drawn already ([`charts`], which needs no SHA-256 of the
/// inputs: a run draws them while the hash of a large export ends).
pub fn render_with(
    summary: &Summary,
    opts: &RenderOptions,
    charts: Vec<(PathBuf, Vec<u8>)>,
) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let markdown = markdown::render(summary, opts);
    let report = match opts.report_format {
        ReportFormat::Markdown => (PathBuf::from("report.md"), markdown.into_bytes()),
        ReportFormat::Html => {
            let title = markdown::title_text(summary, opts.lang);
            let lang = opts.lang.pick("sv", "en");
            (
                PathBuf::from("report.html"),
                html::render(&markdown, &title, lang, &charts).into_bytes(),
            )
        }
    };
    let mut files = vec![
        report,
        (PathBuf::from("metrics.csv"), csv::render(summary)?),
        (
            PathBuf::from("metrics-excel.csv"),
            csv::render_excel(summary)?,
        ),
        (PathBuf::from("summary.json"), json::render(summary)?),
    ];
    if let Some(monthly) = csv::render_monthly(summary)? {
        files.push((PathBuf::from("metrics-monthly.csv"), monthly));
    }
    files.extend(charts);
    Ok(files)
}

/// The chart files and the summary card, as (path relative to the output folder, bytes).
pub fn charts(summary: &Summary, opts: &RenderOptions) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let chart_opts = charts::ChartOptions {
        lang: opts.lang,
        format: opts.chart_format,
        pooled: opts.pooled,
    };
    let (files, (card, bytes)) = charts::render_all_and_card(summary, &chart_opts)?;
    let mut out: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (PathBuf::from("charts").join(name), bytes))
        .collect();
    out.push((PathBuf::from(card), bytes));
    Ok(out)
}
