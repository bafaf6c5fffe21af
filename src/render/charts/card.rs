//! `sammanfattning` / `summary-card`: one image for the slide at the council meeting. Per
//! area, one row: the title, the latest year's count, the verdict in the report's own words
//! (`words::verdict`, decided in the model) and a small trend line of the kommun's yearly
//! counts with the pledge years shaded.

use super::axes;
use super::legend::{self, Dash, Marker};
use super::style::{self, BLACK_OI, BLUE, DARK_GREY};
use super::{Ctx, joined_runs, level, span_text};
use crate::model::AreaSummary;
use crate::render::format::{self, Lang};
use crate::render::words;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Width of the text column left of each row's trend line.
const TEXT_W: i32 = 660;

/// The card's file stem in the report's language.
pub fn stem(lang: Lang) -> &'static str {
    lang.pick("sammanfattning", "summary-card")
}

/// Draws the summary card.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, ctx: &Ctx<'_>) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let [p0, p1] = s.pledge;
    let title = format!(
        "{}: {}",
        s.region.name,
        lang.pick(
            "medborgarlöftet i korthet",
            "the citizen pledge at a glance"
        )
    );
    let subtitle = format!(
        "{} {}.{}",
        lang.pick(
            "Anmälda brott i kommunen, senaste året och per år. Skuggat: medborgarlöfte",
            "Reported crimes in the kommun, latest year and per year. Shaded: citizen pledge"
        ),
        span_text(p0, p1),
        marks_note(ctx)
    );
    style::frame(root, lang, s, &title, &subtitle)?;
    let body = style::body(root);
    if s.areas.is_empty() {
        let msg = lang.pick("Inga områden i medborgarlöftet", "No areas in the pledge");
        return style::message(root, &body, msg);
    }
    // One year range for every row, so the same year sits at the same place in each.
    let years: Vec<i32> = s
        .areas
        .iter()
        .flat_map(|a| level(a, "kommun"))
        .filter(|f| f.count.is_some())
        .map(|f| f.year)
        .collect();
    let span = axes::year_span(&years, s.pledge).unwrap_or((p0, p1));
    let rows = body.split_evenly((s.areas.len(), 1));
    let (_, row_h) = rows[0].dim_in_pixel();
    let scale = (f64::from(row_h) / 360.0).clamp(0.45, 1.0);
    for (i, (area, row)) in s.areas.iter().zip(rows.iter()).enumerate() {
        if i > 0 {
            let (x, y) = row.get_base_pixel();
            let w = row.dim_in_pixel().0 as i32;
            legend::line(
                root,
                &[(x, y), (x + w, y)],
                DARK_GREY.mix(0.5),
                1,
                Dash::Solid,
            )?;
        }
        draw_text(root, row, area, lang, scale)?;
        let (_, plot) = row.split_horizontally(TEXT_W);
        draw_line(root, &plot, ctx, area, (span, scale))?;
    }
    Ok(())
}

/// Title, latest count and verdict of one area, down the left of its row.
fn draw_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    row: &DrawingArea<DB, Shift>,
    area: &AreaSummary,
    lang: Lang,
    scale: f64,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (x0, y0) = row.get_base_pixel();
    let (x, px) = (x0 + 16, |v: f64| v * scale);
    let top =
        |bold, color| style::anchored(style::font(px(34.0), bold, color), HPos::Left, VPos::Top);
    let head = top(true, BLACK_OI);
    let lines = legend::wrap(root, words::title(area, lang), TEXT_W - 40, &head)?;
    let first = lines.first().cloned().unwrap_or_default();
    let shown = if lines.len() > 1 {
        format!("{first} …")
    } else {
        first
    };
    let mut y = y0 + px(16.0) as i32;
    style::text(root, &shown, (x, y), &head)?;
    y += px(50.0) as i32;
    let latest = level(area, "kommun")
        .into_iter()
        .rev()
        .find_map(|f| f.count.map(|c| (f.year, c, f.preliminary)));
    if let Some((year, count, prel)) = latest {
        let big = style::anchored(style::font(px(84.0), true, BLUE), HPos::Left, VPos::Top);
        let number = format::int(count, lang);
        style::text(root, &number, (x, y), &big)?;
        let (w, _) = style::text_size(root, &number, &big)?;
        let prel = if prel {
            lang.pick(" (prel.)", " (prel.)")
        } else {
            ""
        };
        let what = format!(
            "{} {year}{prel}",
            lang.pick("anmälda brott", "reported crimes")
        );
        let small = style::anchored(
            style::font(px(30.0), false, DARK_GREY),
            HPos::Left,
            VPos::Bottom,
        );
        style::text(root, &what, (x + w + 16, y + px(70.0) as i32), &small)?;
    }
    y += px(104.0) as i32;
    let verdict = words::verdict(area.verdict, lang);
    style::text(root, verdict, (x, y), &top(true, DARK_GREY))?;
    Ok(())
}

/// The small trend line of the kommun's yearly counts, pledge years shaded.
/// What the lighter points and a gap in a line mean, for the looks the card draws: a slide
/// has no key, so the subtitle says it (nothing when neither is drawn).
pub(crate) fn marks_note(ctx: &Ctx<'_>) -> String {
    let lang = ctx.lang;
    let areas = &ctx.summary.areas;
    let partial = areas.iter().any(|a| {
        level(a, "kommun")
            .iter()
            .any(|f| f.partial && f.count.is_some())
    });
    let gap = areas.iter().any(|a| {
        let years: Vec<i32> = level(a, "kommun")
            .iter()
            .filter(|f| f.count.is_some())
            .map(|f| f.year)
            .collect();
        let (Some(first), Some(last)) = (years.first(), years.last()) else {
            return false;
        };
        super::cut_years(&a.breaks)
            .iter()
            .any(|c| first < c && c <= last)
    });
    let mut note = String::new();
    if partial {
        note += lang.pick(
            " Ljus punkt: någon brottstyp saknas det året.",
            " Light point: a crime type is missing that year.",
        );
    }
    if gap {
        note += lang.pick(
            " Glapp i linjen: seriebrott.",
            " Gap in a line: series break.",
        );
    }
    note
}

fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    (span, scale): ((i32, i32), f64),
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let kommun = level(area, "kommun");
    let pts: Vec<(i32, f64, bool, bool)> = kommun
        .iter()
        .filter_map(|f| {
            f.count
                .map(|c| (f.year, c as f64, f.preliminary, f.partial))
        })
        .collect();
    let top = pts.iter().map(|p| p.1).fold(0.0, f64::max);
    let chart = axes::build_sized(
        plot,
        axes::year_range(span.0, span.1),
        axes::zero_based(top, 5.0),
        ("", ""),
        ctx.lang,
        (
            (60.0 * scale) as u32 + 10,
            (90.0 * scale) as u32 + 10,
            0.8 * scale.max(0.7),
        ),
    )?;
    axes::pledge_shade(root, &chart, ctx.summary.pledge, ctx.lang, false)?;
    // No line to or from a year with a `..` crime type, nor across a series break.
    let values: Vec<(i32, Option<f64>)> = pts
        .iter()
        .map(|p| (p.0, Some(p.1).filter(|_| !p.3)))
        .collect();
    for run in joined_runs(&values, &area.breaks) {
        let line: Vec<(i32, i32)> = run
            .iter()
            .map(|(year, v)| axes::px(&chart, f64::from(*year), *v))
            .collect();
        legend::line(root, &line, BLUE.into(), 4, Dash::Solid)?;
    }
    for (year, v, prel, partial) in &pts {
        let at = axes::px(&chart, f64::from(*year), *v);
        let color = if *partial { style::lighter(BLUE) } else { BLUE };
        legend::marker(root, at, Marker::Circle, 7, color, !prel)?;
    }
    let prel: Vec<i32> = pts.iter().filter(|p| p.2).map(|p| p.0).collect();
    axes::year_labels(
        root,
        &chart,
        span,
        &prel,
        style::TICK_PX * 0.8 * scale.max(0.7),
    )?;
    Ok(())
}
