//! `overview`: one small panel per pledge area with the kommun's rate as an index (baseline
//! mean = 100), a reference line at 100 and the pledge years shaded.

use super::axes;
use super::legend::{self, Dash, Marker};
use super::style::{self, BLUE, LABEL_PX};
use super::{Ctx, joined_runs, level, preliminary, span_text};
use crate::model::AreaSummary;
use crate::model::Level;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Draws the overview of all areas.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, ctx: &Ctx<'_>) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let [b0, b1] = s.baseline;
    let [p0, p1] = s.pledge;
    let title = format!(
        "{}: {}",
        s.region.name,
        lang.pick(
            "medborgarlöftets områden som index",
            "the pledge areas as an index"
        )
    );
    let subtitle = format!(
        "{} {} = 100. {} {}.",
        lang.pick(
            "Anmälda brott per invånare; medel",
            "Reported crimes per inhabitant; mean"
        ),
        span_text(b0, b1),
        lang.pick("Skuggat: medborgarlöfte", "Shaded: citizen pledge"),
        span_text(p0, p1)
    );
    style::frame(root, lang, s, &title, &subtitle)?;
    let body = style::body(root);
    let n = s.areas.len();
    if n == 0 {
        let msg = lang.pick("Inga områden i medborgarlöftet", "No areas in the pledge");
        return style::message(root, &body, msg);
    }
    let cols = match n {
        1 => 1,
        2..=4 => 2,
        _ => 3,
    };
    let rows = n.div_ceil(cols);
    let panels = body.split_evenly((rows, cols));
    let y_desc = format!("Index ({} = 100)", span_text(b0, b1));
    // One y scale for all panels, so the areas compare at a glance.
    let top = s
        .areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|f| f.level == Level::Kommun)
        .filter_map(|f| f.index.filter(|v| v.is_finite()))
        .fold(100.0, f64::max);
    // One year range for all panels too, so the same year sits at the same place in each.
    let years: Vec<i32> = s
        .areas
        .iter()
        .flat_map(|a| a.years.iter())
        .filter(|f| f.level == Level::Kommun && f.index.is_some_and(f64::is_finite))
        .map(|f| f.year)
        .collect();
    let span = axes::year_span(&years, s.pledge).unwrap_or((s.pledge[0], s.pledge[1]));
    for (area, panel) in s.areas.iter().zip(panels.iter()) {
        let small = rows > 1 || cols > 2;
        draw_panel(root, panel, ctx, area, (&y_desc, top, span), small)?;
    }
    Ok(())
}

/// The area's title on one line (cut with "…" when longer); returns the panel's plot area.
fn panel_head<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    small: bool,
) -> anyhow::Result<DrawingArea<DB, Shift>>
where
    DB::ErrorType: 'static,
{
    let scale = if small { 0.8 } else { 0.9 };
    let head_h = (LABEL_PX * scale) as i32 + 24;
    let (bx, by) = panel.get_base_pixel();
    let (pw, _) = panel.dim_in_pixel();
    let head = style::font(LABEL_PX * scale, true, style::BLACK_OI);
    let head = style::anchored(head, HPos::Left, VPos::Top);
    let title = crate::render::words::title(area, ctx.lang);
    let lines = legend::wrap(root, title, pw as i32 - 40, &head)?;
    let first = lines.first().cloned().unwrap_or_default();
    let shown = if lines.len() > 1 {
        format!("{first} …")
    } else {
        first
    };
    style::text(root, &shown, (bx + 24, by + 8), &head)?;
    Ok(panel.split_vertically(head_h).1)
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    (y_desc, top, span): (&str, f64, (i32, i32)),
    small: bool,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let plot = panel_head(root, panel, ctx, area, small)?;
    let kommun = level(area, "kommun");
    let pts: Vec<(i32, f64, bool, bool)> = kommun
        .iter()
        .filter_map(|f| {
            f.index
                .filter(|v| v.is_finite())
                .map(|v| (f.year, v, f.preliminary, f.partial))
        })
        .collect();
    let sizes = if small {
        (84, 120, 0.8)
    } else {
        (100, 130, 0.9)
    };
    let chart = axes::build_sized(
        &plot,
        axes::year_range(span.0, span.1),
        axes::zero_based(top, 120.0),
        (lang.pick("År", "Year"), y_desc),
        lang,
        sizes,
    )?;
    axes::pledge_shade(root, &chart, s.pledge, lang, false)?;
    let xr = chart.x_range();
    let reference = [
        axes::px(&chart, xr.start, 100.0),
        axes::px(&chart, xr.end, 100.0),
    ];
    legend::line(root, &reference, BLACK.into(), 2, Dash::Dashed)?;
    // No line to or from a year with a `..` crime type, nor across a series break.
    let values: Vec<(i32, Option<f64>)> = pts
        .iter()
        .map(|p| (p.0, Some(p.1).filter(|_| !p.3)))
        .collect();
    for run in joined_runs(&values, &area.breaks) {
        let line: Vec<(i32, i32)> = run
            .iter()
            .map(|(year, v)| axes::px(&chart, *year as f64, *v))
            .collect();
        legend::line(root, &line, BLUE.into(), 4, Dash::Solid)?;
    }
    for (year, v, prel, partial) in &pts {
        let at = axes::px(&chart, *year as f64, *v);
        let color = if *partial { style::lighter(BLUE) } else { BLUE };
        legend::marker(root, at, Marker::Circle, 9, color, !prel)?;
    }
    let font_px = style::TICK_PX * sizes.2;
    axes::year_labels(root, &chart, span, &preliminary(&kommun), font_px)?;
    if pts.is_empty() {
        style::message(root, &plot, lang.pick("Inget index", "No index"))?;
    }
    Ok(())
}
