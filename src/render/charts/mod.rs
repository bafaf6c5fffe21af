//! Charts: PNG or SVG images of a finished [`Summary`], for follow-up documents that are
//! printed in black and white.
//!
//! Every number drawn is read from the summary; the charts compute no statistics beyond two
//! ratios: the baseline mean count (`baseline_count` over the baseline years with a count)
//! and each funnel point's rate (count ÷ person-years × 100 000). Each chart is drawn by one module: fill white (with the watermark on
//! example data) → title, subtitle, footer → chart and mesh → series → legend; the backend is
//! created and `present()`ed here.

mod axes;
mod canvas;
mod card;
mod composition;
mod encode;
mod funnel;
mod legend;
mod marks;
mod monthly;
mod overview;
mod rates;
mod style;
mod trend;

#[cfg(test)]
mod cases;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod grey_tests;
#[cfg(test)]
mod tests;

use crate::model::{AreaSummary, BreakRef, Summary, YearFigures};
use crate::render::format::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A drawn image: (file name, bytes).
pub type File = (String, Vec<u8>);

/// Image format of the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// 1600 × 900 pixel PNG.
    Png,
    /// 1600 × 900 SVG (text as text, in the viewer's sans-serif font).
    Svg,
}

impl ChartFormat {
    /// The file extension, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }
}

/// How to draw the charts.
#[derive(Debug, Clone, Copy)]
pub struct ChartOptions {
    /// Language of every text on the charts.
    pub lang: Lang,
    /// PNG or SVG.
    pub format: ChartFormat,
    /// Show 3-year pooled rates (`pooled_rate`) instead of yearly rates in the rates chart.
    pub pooled: bool,
}

/// What the chart modules need besides the data: the summary and the options.
pub(crate) struct Ctx<'a> {
    summary: &'a Summary,
    lang: Lang,
    pooled: bool,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Trend,
    Rates,
    Composition,
    Funnel,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Trend, Kind::Rates, Kind::Composition, Kind::Funnel];

    fn name(self) -> &'static str {
        match self {
            Kind::Trend => "trend",
            Kind::Rates => "rates",
            Kind::Composition => "composition",
            Kind::Funnel => "funnel",
        }
    }
}

#[derive(Clone, Copy)]
enum Job<'a> {
    Area(Kind, &'a AreaSummary),
    Monthly(&'a AreaSummary),
    Overview,
    Card,
}

/// Every chart for the summary: (file name like "relationship-trend.png", bytes). Stable
/// order: per area (in the summary's order) trend, rates, composition, funnel (and monthly
/// where the area has monthly figures); then
/// `overview`.
pub fn render_all(
    summary: &Summary,
    opts: &ChartOptions,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let jobs = chart_jobs(summary, opts.format);
    draw_jobs(summary, opts, &jobs)
}

/// [`render_all`] and [`render_card`] in one go: the card is drawn beside the charts on
/// every core instead of after them on one.
pub fn render_all_and_card(
    summary: &Summary,
    opts: &ChartOptions,
) -> anyhow::Result<(Vec<File>, File)> {
    let mut jobs = chart_jobs(summary, opts.format);
    jobs.push((card_name(opts.lang, opts.format), Job::Card));
    let mut files = draw_jobs(summary, opts, &jobs)?;
    let card = files.pop().expect("the card was drawn last");
    Ok((files, card))
}

/// The charts to draw: (file name, job), in the order of [`render_all`].
fn chart_jobs(summary: &Summary, format: ChartFormat) -> Vec<(String, Job<'_>)> {
    let ext = format.ext();
    let mut jobs = Vec::with_capacity(summary.areas.len() * (Kind::ALL.len() + 1) + 2);
    for area in &summary.areas {
        for kind in Kind::ALL {
            if matches!(kind, Kind::Composition) && area.crimes.len() < 2 {
                // One crime type: the stacked bars would only repeat the trend chart.
                continue;
            }
            let name = format!("{}-{}.{ext}", file_stem(&area.id), kind.name());
            jobs.push((name, Job::Area(kind, area)));
        }
        // The monthly chart only where the area has monthly or quarterly figures.
        if !area.monthly.points.is_empty() {
            let name = format!("{}-monthly.{ext}", file_stem(&area.id));
            jobs.push((name, Job::Monthly(area)));
        }
    }
    jobs.push((format!("overview.{ext}"), Job::Overview));
    jobs
}

/// Draws the jobs on every core: (file name, bytes) in the jobs' order.
fn draw_jobs(
    summary: &Summary,
    opts: &ChartOptions,
    jobs: &[(String, Job<'_>)],
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    style::ensure_fonts()?;
    let ctx = Ctx {
        summary,
        lang: opts.lang,
        pooled: opts.pooled,
    };
    // Charts are independent: drawing and PNG compression take most of a small run.
    let drawn = crate::cores::map(jobs, |(_, job)| render_job(&ctx, *job, opts.format))
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
    jobs.iter()
        .zip(drawn)
        .map(|((name, _), bytes)| Ok((name.clone(), bytes?)))
        .collect()
}

/// The summary card for the council meeting: (file name, bytes), named in the report's
/// language (`sammanfattning.png`, `summary-card.png`); it goes beside the report, not
/// among the charts.
pub fn render_card(summary: &Summary, opts: &ChartOptions) -> anyhow::Result<(String, Vec<u8>)> {
    let job = [(card_name(opts.lang, opts.format), Job::Card)];
    let mut files = draw_jobs(summary, opts, &job)?;
    Ok(files.pop().expect("one job, one file"))
}

/// The summary card's file name: `sammanfattning.png`, `summary-card.svg`, …
pub fn card_name(lang: Lang, format: ChartFormat) -> String {
    format!("{}.{}", card::stem(lang), format.ext())
}

/// The area id made safe as a file name.
fn file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "area".to_owned() } else { s }
}

fn render_job(ctx: &Ctx<'_>, job: Job<'_>, format: ChartFormat) -> anyhow::Result<Vec<u8>> {
    let (w, h) = (style::WIDTH, style::HEIGHT);
    match format {
        ChartFormat::Png => CANVAS.with_borrow_mut(|buf| {
            // One canvas per thread, reused from chart to chart: a fresh 4 MB allocation per
            // chart cost more in page faults than clearing it, and the chart's own white fill
            // makes the clearing unneeded (`Canvas::reused`).
            buf.resize(w as usize * h as usize * 3, 0);
            {
                let root = canvas::Canvas::reused(buf, (w, h)).into_drawing_area();
                draw_job(&root, ctx, job)?;
                root.present()?;
            }
            encode_png(buf, w, h)
        }),
        ChartFormat::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                draw_job(&root, ctx, job)?;
                root.present()?;
            }
            Ok(svg.into_bytes())
        }
    }
}

thread_local! {
    /// The RGB canvas the charts of this thread are drawn on, reused from chart to chart.
    static CANVAS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The canvas as PNG. The fixed Paeth filter: the adaptive one tries all five filters on
/// every row and took half the encoding time, for files only ~5 % smaller than Paeth's.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> anyhow::Result<Vec<u8>> {
    Ok(encode::png(rgb, w, h)?)
}

fn draw_job<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    job: Job<'_>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    match job {
        Job::Area(Kind::Trend, area) => trend::draw(root, ctx, area),
        Job::Area(Kind::Rates, area) => rates::draw(root, ctx, area),
        Job::Area(Kind::Composition, area) => composition::draw(root, ctx, area),
        Job::Area(Kind::Funnel, area) => funnel::draw(root, ctx, area),
        Job::Monthly(area) => monthly::draw(root, ctx, area),
        Job::Overview => overview::draw(root, ctx),
        Job::Card => card::draw(root, ctx),
    }
}

/// The area's figures at one level (`kommun`, `county`, `nation`), by year.
fn level<'a>(area: &'a AreaSummary, level: &str) -> Vec<&'a YearFigures> {
    let mut v: Vec<&YearFigures> = area
        .years
        .iter()
        .filter(|y| y.level.as_str() == level)
        .collect();
    v.sort_by_key(|y| y.year);
    v
}

/// Years of the given figures that are preliminary.
fn preliminary(figures: &[&YearFigures]) -> Vec<i32> {
    figures
        .iter()
        .filter(|f| f.preliminary)
        .map(|f| f.year)
        .collect()
}

/// `2015–2025`, or `2025` for a single year.
fn span_text(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// Years of the given figures where some crime type is `..`: drawn lighter, never joined.
fn partial(figures: &[&YearFigures]) -> Vec<i32> {
    figures
        .iter()
        .filter(|f| f.partial)
        .map(|f| f.year)
        .collect()
}

/// Runs of consecutive years to join with a line: [`runs`], cut where a series break that
/// splits trends lies between two years, so no line spans one.
pub(crate) fn joined_runs<T: Copy>(
    points: &[(i32, Option<T>)],
    breaks: &[BreakRef],
) -> Vec<Vec<(i32, T)>> {
    let cuts = cut_years(breaks);
    let mut out = Vec::new();
    for run in runs(points) {
        let mut current: Vec<(i32, T)> = Vec::new();
        for p in run {
            if !current.is_empty() && cuts.contains(&p.0) {
                out.push(std::mem::take(&mut current));
            }
            current.push(p);
        }
        out.push(current);
    }
    out
}

/// The first year after each series break that splits trends (`break_x` is the boundary
/// just before it): no line or mean may reach across one (the pooled values across one are
/// left out by the analysis already).
pub(crate) fn cut_years(breaks: &[BreakRef]) -> Vec<i32> {
    breaks
        .iter()
        .filter(|b| b.splits_trend)
        .filter_map(|b| axes::break_x(&b.date))
        .map(|x| (x + 0.5).round() as i32)
        .collect()
}

/// Whether years `first..=last` straddle a cut (a splitting break lies between two of them).
pub(crate) fn straddles(first: i32, last: i32, cuts: &[i32]) -> bool {
    cuts.iter().any(|c| first < *c && *c <= last)
}

/// Runs of consecutive years that all have a value.
pub(crate) fn runs<T: Copy>(points: &[(i32, Option<T>)]) -> Vec<Vec<(i32, T)>> {
    let mut out: Vec<Vec<(i32, T)>> = Vec::new();
    let mut prev: Option<i32> = None;
    for (year, v) in points {
        match v {
            Some(v) => {
                let joined = prev == Some(year - 1);
                match out.last_mut() {
                    Some(run) if joined => run.push((*year, *v)),
                    _ => out.push(vec![(*year, *v)]),
                }
                prev = Some(*year);
            }
            None => prev = None,
        }
    }
    out
}
