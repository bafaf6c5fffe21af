//! `<area>-monthly`: two panels over the same months. Above, the 12-month rolling sum (a
//! smooth view of small monthly counts); below, the control chart: counts per month (or per
//! quarter when the mean is below ~3 a month) against the centre and limits from before the
//! pledge. The first pledge month is marked by a dashed line; preliminary periods are hollow.

use super::Ctx;
use super::axes::{self, Chart};
use super::marks::{Dash, Marker, line, marker};
use super::style::{self, BLUE, DARK_GREY, SMALL_PX, VERMILLION};
use crate::model::AreaSummary;
use crate::model::monthly::{Grain, PeriodPoint};
use crate::render::format::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The x position of a period: year + (month − 1)/12, mid-period.
fn x_of(p: &PeriodPoint) -> f64 {
    let month0 = match (p.month, p.quarter) {
        (Some(m), _) => f64::from(m) - 1.0,
        (None, Some(q)) => f64::from(3 * q - 3),
        _ => 0.0,
    };
    let width = if p.quarter.is_some() { 3.0 } else { 1.0 };
    f64::from(p.year) + (month0 + width / 2.0) / 12.0
}

/// The x position of the start of a month `YYYY-MM`.
fn month_x(month: &str) -> Option<f64> {
    let (y, m) = month.split_once('-')?;
    Some(y.parse::<f64>().ok()? + (m.parse::<f64>().ok()? - 1.0) / 12.0)
}

/// Draws the monthly chart of one area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let m = &area.monthly;
    let title = format!(
        "{}: {}",
        crate::render::words::title(area, lang),
        lang.pick("månad för månad", "month by month")
    );
    let subtitle = format!(
        "{}. {}",
        s.region.name,
        lang.pick(
            "Ofyllda punkter: preliminära siffror. Streckad lodlinje: löftets första månad.",
            "Hollow points: preliminary figures. Dashed vertical line: the pledge's first month."
        )
    );
    style::frame(root, lang, s, &title, &subtitle)?;
    let body = style::body(root);
    let Some(first) = m.points.first() else {
        return style::message(
            root,
            &body,
            lang.pick("Inga månadssiffror.", "No monthly figures."),
        );
    };
    let last = m.points.last().unwrap_or(first);
    let x = (f64::from(first.year), f64::from(last.year + 1));
    let (upper, lower) = body.split_vertically(body.dim_in_pixel().1 / 2);
    let start = m.first_pledge_month.as_deref().and_then(month_x);
    rolling_panel(root, &upper, &m.points, x, start, lang)?;
    control_panel(root, &lower, area, x, start, lang)?;
    Ok(())
}

fn year_ticks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    x: (f64, f64),
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    axes::year_labels(root, chart, (x.0 as i32, x.1 as i32 - 1), &[], SMALL_PX)?;
    Ok(())
}

fn start_rule<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    start: Option<f64>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    if let Some(sx) = start {
        let (lo, hi) = (chart.y_range().start, chart.y_range().end);
        let pts = vec![axes::px(chart, sx, lo), axes::px(chart, sx, hi)];
        line(root, &pts, DARK_GREY.to_rgba(), 2, Dash::Dashed)?;
    }
    Ok(())
}

fn rolling_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &DrawingArea<DB, Shift>,
    points: &[PeriodPoint],
    x: (f64, f64),
    start: Option<f64>,
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let data: Vec<(&PeriodPoint, f64)> = points
        .iter()
        .filter_map(|p| p.rolling_12.map(|r| (p, r as f64)))
        .collect();
    let top = data.iter().map(|d| d.1).fold(0.0, f64::max);
    let chart = axes::build_sized(
        area,
        x.0..x.1,
        axes::zero_based(top, 5.0),
        ("", lang.pick("Senaste 12 mån.", "Last 12 months")),
        lang,
        (48, axes::Y_LABEL_W, 0.8),
    )?;
    year_ticks(root, &chart, x)?;
    start_rule(root, &chart, start)?;
    let pts: Vec<(i32, i32)> = data
        .iter()
        .map(|(p, r)| axes::px(&chart, x_of(p), *r))
        .collect();
    line(root, &pts, BLUE.to_rgba(), 3, Dash::Solid)?;
    for ((p, _), at) in data.iter().zip(&pts) {
        if p.preliminary {
            marker(root, *at, Marker::Circle, 5, BLUE, false)?;
        }
    }
    if data.is_empty() {
        let (cx, cy) = axes::px(&chart, (x.0 + x.1) / 2.0, 2.5);
        let msg = lang.pick(
            "Färre än 12 månader i följd.",
            "Fewer than 12 months in a row.",
        );
        let style = style::anchored(
            style::font(SMALL_PX, false, DARK_GREY),
            HPos::Center,
            VPos::Center,
        );
        style::text(root, msg, (cx, cy), &style)?;
    }
    Ok(())
}

fn control_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &DrawingArea<DB, Shift>,
    a: &AreaSummary,
    x: (f64, f64),
    start: Option<f64>,
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let Some(c) = &a.monthly.control else {
        return Ok(());
    };
    let top = c
        .points
        .iter()
        .filter_map(|p| p.count)
        .map(|c| c as f64)
        .fold(c.upper, f64::max);
    let y_desc = match c.grain {
        Grain::Quarter => lang.pick("Antal per kvartal", "Count per quarter"),
        _ => lang.pick("Antal per månad", "Count per month"),
    };
    let chart = axes::build_sized(
        area,
        x.0..x.1,
        axes::zero_based(top, 5.0),
        ("", y_desc),
        lang,
        (48, axes::Y_LABEL_W, 0.8),
    )?;
    year_ticks(root, &chart, x)?;
    start_rule(root, &chart, start)?;
    // The centre black and solid, the limits vermillion and dotted: apart in grey too.
    for (value, color, dash) in [
        (c.centre, BLACK, Dash::Solid),
        (c.upper, VERMILLION, Dash::Dotted),
        (c.lower, VERMILLION, Dash::Dotted),
    ] {
        let pts = vec![axes::px(&chart, x.0, value), axes::px(&chart, x.1, value)];
        line(root, &pts, color.to_rgba(), 2, dash)?;
    }
    let upper = lang.pick(
        "övre gräns (vidgad för överspridning)",
        "upper limit (widened for overdispersion)",
    );
    line_label(root, &chart, (x.1, c.upper), upper, VERMILLION)?;
    let centre = lang.pick("medel före löftet", "mean before the pledge");
    line_label(root, &chart, (x.1, c.centre), centre, BLACK)?;
    for p in &c.points {
        if let Some(n) = p.count {
            let at = axes::px(&chart, x_of(p), n as f64);
            marker(root, at, Marker::Circle, 6, BLUE, !p.preliminary)?;
        }
    }
    Ok(())
}

/// A small label just above the right end of a horizontal line, on a white box so points
/// and grid lines do not cross it.
fn line_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    (x, y): (f64, f64),
    text: &str,
    color: RGBColor,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = style::anchored(
        style::font(SMALL_PX * 0.8, false, color),
        HPos::Right,
        VPos::Bottom,
    );
    let at = axes::px(chart, x, y);
    style::boxed_text(root, text, (at.0 - 6, at.1 - 6), &style)
}
