//! `<area>-trend`: the kommun's yearly count with exact 95 % intervals, the fitted trend with
//! its band, the baseline mean, the pledge years, series breaks and possible spikes.

use super::axes::{self, Chart};
use super::legend::{self, Dash, Marker, Swatch};
use super::style::{self, BLUE, SMALL_PX, VERMILLION};
use super::{Ctx, level, preliminary, span_text};
use crate::model::{AreaSummary, BreakRef, TrendPoint, YearFigures};
use crate::render::format::{self, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Draws the trend chart of one area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let kommun = level(area, "kommun");
    let data: Vec<(&YearFigures, f64)> = kommun
        .iter()
        .filter_map(|f| f.count.map(|c| (*f, c as f64)))
        .collect();
    let data_years: Vec<i32> = data.iter().map(|(f, _)| f.year).collect();
    let span = axes::year_span(&data_years, s.pledge).unwrap_or((s.pledge[0], s.pledge[1]));
    header(root, ctx, area, &data_years)?;
    let mean = baseline_mean(ctx, area, &kommun);
    let xr = axes::year_range(span.0, span.1);
    let mean_x = mean.and(mean_extent(s.baseline, &area.breaks, xr.clone()));
    let items = legend_items(ctx, area, &kommun, mean.filter(|_| mean_x.is_some()));
    let body = style::body(root);
    let legend::Below {
        plot,
        at: legend_at,
        width: legend_w,
    } = legend::below(root, &body, &items)?;
    let mut top = mean.unwrap_or(0.0);
    for (f, c) in &data {
        top = top.max(*c).max(f.count_ci.map_or(0.0, |ci| ci[1]));
    }
    for p in &area.trend.line {
        top = top.max(p.high).max(p.fitted);
    }
    let chart = axes::build(
        &plot,
        xr,
        axes::zero_based(top, 5.0),
        (
            lang.pick("År", "Year"),
            lang.pick("Antal anmälda brott", "Number of reported crimes"),
        ),
        lang,
    )?;
    axes::pledge_shade(root, &chart, s.pledge, lang, true)?;
    axes::break_rules(root, &chart, &area.breaks, lang)?;
    trend_line(root, &chart, area)?;
    if let (Some(m), Some((x0, x1))) = (mean, mean_x) {
        let pts = [axes::px(&chart, x0, m), axes::px(&chart, x1, m)];
        legend::line(root, &pts, BLACK.into(), 3, Dash::Dashed)?;
    }
    counts(root, &chart, &data)?;
    spikes(root, &chart, area, &data, lang)?;
    axes::year_labels(root, &chart, span, &preliminary(&kommun), style::TICK_PX)?;
    if data.is_empty() {
        let msg = lang.pick("Inga antal för kommunen", "No counts for the kommun");
        style::message(root, &plot, msg)?;
    }
    legend::draw_flow(root, &items, legend_at, legend_w)
}

/// Title and subtitle.
fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    years: &[i32],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let title = format!(
        "{}: {}",
        crate::render::words::title(area, lang),
        lang.pick("antal anmälda brott per år", "reported crimes per year")
    );
    let years_text = match (years.first(), years.last()) {
        (Some(a), Some(b)) => span_text(*a, *b),
        _ => lang.pick("inga data", "no data").to_owned(),
    };
    let subtitle = format!(
        "{}, {years_text}. {}",
        s.region.name,
        lang.pick(
            "Lodräta streck: exakt 95 % konfidensintervall.",
            "Vertical bars: exact 95% confidence interval."
        )
    );
    style::frame(root, lang, s, &title, &subtitle)
}

/// The yearly counts with their intervals; a year with a `..` crime type is not comparable
/// and drawn lighter, a preliminary year hollow.
fn counts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    data: &[(&YearFigures, f64)],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    for (f, c) in data {
        let color = if f.partial {
            style::lighter(BLUE)
        } else {
            BLUE
        };
        if let Some([lo, hi]) = finite_ci(f.count_ci) {
            interval(root, chart, f.year as f64, lo, hi, color)?;
        }
        let at = axes::px(chart, f.year as f64, *c);
        legend::marker(root, at, Marker::Circle, 11, color, !f.preliminary)?;
    }
    Ok(())
}

/// Where the baseline-mean line runs on the x axis `x`: from the start of the baseline to
/// the first splitting break after it (or the axis end). `None` when such a break lies
/// inside the baseline: the mean then mixes counts from both sides of it, and no line may
/// span a break.
pub fn mean_extent(
    baseline: [i32; 2],
    breaks: &[BreakRef],
    x: std::ops::Range<f64>,
) -> Option<(f64, f64)> {
    let cuts = super::cut_years(breaks);
    if super::straddles(baseline[0], baseline[1], &cuts) {
        return None;
    }
    let start = (baseline[0] as f64 - 0.5).max(x.start);
    let end = cuts
        .into_iter()
        .filter(|c| *c > baseline[1])
        .map(|c| c as f64 - 0.5)
        .fold(x.end, f64::min);
    (end > start).then_some((start, end))
}

/// An interval with both ends finite.
pub fn finite_ci(ci: Option<[f64; 2]>) -> Option<[f64; 2]> {
    ci.filter(|c| c.iter().all(|v| v.is_finite()))
}

/// The baseline mean count: `baseline_count` over the baseline years with a count.
fn baseline_mean(ctx: &Ctx<'_>, area: &AreaSummary, kommun: &[&YearFigures]) -> Option<f64> {
    let [b0, b1] = ctx.summary.baseline;
    let in_base: Vec<u64> = kommun
        .iter()
        .filter(|f| f.year >= b0 && f.year <= b1)
        .filter_map(|f| f.count)
        .collect();
    if in_base.is_empty() {
        return None;
    }
    let total = area
        .pledge_vs_baseline
        .baseline_count
        .unwrap_or_else(|| in_base.iter().sum());
    Some(total as f64 / in_base.len() as f64)
}

fn legend_items(
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    kommun: &[&YearFigures],
    mean: Option<f64>,
) -> Vec<legend::Item> {
    let lang = ctx.lang;
    let mut items = vec![legend::item(
        Swatch::PointBar(BLUE, true),
        lang.pick(
            "Anmälda brott, 95 % intervall",
            "Reported crimes, 95% interval",
        ),
    )];
    if kommun.iter().any(|f| f.partial && f.count.is_some()) {
        items.push(legend::item(
            Swatch::PointBar(style::lighter(BLUE), true),
            lang.pick(
                "Någon brottstyp saknas (..)",
                "A crime type is missing (..)",
            ),
        ));
    }
    if kommun.iter().any(|f| f.preliminary && f.count.is_some()) {
        items.push(legend::item(
            Swatch::PointBar(BLUE, false),
            lang.pick("Preliminärt", "Preliminary"),
        ));
    }
    let t = &area.trend;
    if !t.line.is_empty() {
        let years = match (t.from, t.to) {
            (Some(a), Some(b)) => format!(" {}", span_text(a, b)),
            _ => String::new(),
        };
        let mut label = format!("{}{years}", lang.pick("Trend", "Trend"));
        if let Some(c) = t.annual_change {
            label += &format!(
                ": {} {}",
                format::percent(c, 1, lang),
                lang.pick("per år", "per year")
            );
        }
        if let (Some(lo), Some(hi)) = (t.ci_low, t.ci_high) {
            label += &format!(
                " ({} {} {} {})",
                lang.pick("95 % KI", "95% CI"),
                format::percent(lo, 1, lang),
                lang.pick("till", "to"),
                format::percent(hi, 1, lang)
            );
        }
        items.push(legend::item(Swatch::Band(VERMILLION), label));
    }
    if let Some(m) = mean {
        let [b0, b1] = ctx.summary.baseline;
        let label = format!(
            "{} {}: {} {}",
            lang.pick("Medel", "Baseline mean"),
            span_text(b0, b1),
            format::number(m, 1, lang),
            lang.pick("per år", "per year")
        );
        items.push(legend::item(
            Swatch::Line(BLACK, 3, Dash::Dashed, None),
            label,
        ));
    }
    if !area.spikes.is_empty() {
        items.push(legend::item(
            Swatch::Ring(BLACK),
            lang.pick(
                "Möjlig topp (långt från trenden)",
                "Possible spike (far from the trend)",
            ),
        ));
    }
    items
}

/// The fitted trend as a vermillion line on a light band (its 95 % interval).
fn trend_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    area: &AreaSummary,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let mut pts: Vec<&TrendPoint> = area
        .trend
        .line
        .iter()
        .filter(|p| p.fitted.is_finite() && p.low.is_finite() && p.high.is_finite())
        .collect();
    pts.sort_by_key(|p| p.year);
    // A break the trend allows for with a step splits the line: no line spans it.
    let cuts = super::cut_years(&area.breaks);
    let mut start = 0;
    for i in 1..=pts.len() {
        let cut = i == pts.len() || super::straddles(pts[i - 1].year, pts[i].year, &cuts);
        if cut {
            trend_piece(root, chart, &pts[start..i])?;
            start = i;
        }
    }
    Ok(())
}

/// One unbroken piece of the fitted trend: its band and its line.
fn trend_piece<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    pts: &[&TrendPoint],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    if pts.is_empty() {
        return Ok(());
    }
    let mut band: Vec<(i32, i32)> = pts
        .iter()
        .map(|p| axes::px(chart, p.year as f64, p.high))
        .collect();
    band.extend(
        pts.iter()
            .rev()
            .map(|p| axes::px(chart, p.year as f64, p.low)),
    );
    root.draw(&Polygon::new(band, VERMILLION.mix(0.28).filled()))?;
    for edge in [|p: &&TrendPoint| p.low, |p: &&TrendPoint| p.high] {
        let pts: Vec<(i32, i32)> = pts
            .iter()
            .map(|p| axes::px(chart, p.year as f64, edge(p)))
            .collect();
        legend::line(root, &pts, VERMILLION.mix(0.7), 1, Dash::Solid)?;
    }
    let line: Vec<(i32, i32)> = pts
        .iter()
        .map(|p| axes::px(chart, p.year as f64, p.fitted))
        .collect();
    if line.len() == 1 {
        let (x, y) = line[0];
        let seg = [(x - 20, y), (x + 20, y)];
        return legend::line(root, &seg, VERMILLION.into(), 4, Dash::Solid);
    }
    legend::line(root, &line, VERMILLION.into(), 4, Dash::Solid)
}

/// A vertical interval bar with short caps.
pub fn interval<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    x: f64,
    lo: f64,
    hi: f64,
    color: RGBColor,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let a = axes::px(chart, x, lo);
    let b = axes::px(chart, x, hi);
    let style = color.stroke_width(3);
    root.draw(&PathElement::new(vec![a, b], style))?;
    for (cx, cy) in [a, b] {
        root.draw(&PathElement::new(vec![(cx - 10, cy), (cx + 10, cy)], style))?;
    }
    Ok(())
}

/// Rings the years flagged as possible spikes, with "topp?" above the interval.
fn spikes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    area: &AreaSummary,
    data: &[(&YearFigures, f64)],
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = style::anchored(
        style::font(SMALL_PX, true, BLACK),
        HPos::Center,
        VPos::Bottom,
    );
    for year in &area.spikes {
        let Some((f, c)) = data.iter().find(|(f, _)| f.year == *year) else {
            continue;
        };
        let at = axes::px(chart, *year as f64, *c);
        root.draw(&Circle::new(at, 22, BLACK.stroke_width(3)))?;
        let top = finite_ci(f.count_ci).map_or(*c, |ci| ci[1].max(*c));
        let (x, y) = axes::px(chart, *year as f64, top);
        let label = lang.pick("topp?", "spike?");
        style::boxed_text(root, label, (x, (y - 12).min(at.1 - 30)), &style)?;
    }
    Ok(())
}
