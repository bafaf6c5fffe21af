//! `<area>-composition`: the kommun's crimes per year as bars stacked by crime type, always in
//! the order of `AreaSummary::crimes` from the bottom up. The legend on the right lists the
//! types in the stack's order from the top, and the first four colours differ clearly in
//! lightness, so the chart reads in black and white; segments tall enough carry their count.

use super::axes;
use super::legend::{self, Swatch};
use super::style::{self, BLUE, ORANGE, SMALL_PX, VERMILLION};
use super::{Ctx, level, preliminary, span_text};
use crate::model::{AreaSummary, YearFigures};
use crate::render::format::{self, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Most crime types drawn as stacks of their own; the rest are summed as "Övriga".
pub const MAX_STACKS: usize = 6;

/// Segment colours from the bottom up, one lightness step apart (grey values about 0, 54, 87,
/// 119, 162, 196 and 229 of 255), so every stack, "Övriga" included, stays apart when
/// printed in grey.
pub const COLORS: [RGBColor; MAX_STACKS + 1] = [
    style::BLACK_OI,
    RGBColor(0, 72, 100),
    BLUE,
    VERMILLION,
    ORANGE,
    RGBColor(150, 210, 245),
    RGBColor(250, 240, 120),
];

/// Width of the legend column on the right.
const LEGEND_W: i32 = 500;

fn color(i: usize) -> RGBAColor {
    COLORS[i.min(COLORS.len() - 1)].mix(1.0)
}

/// Whether text on colour `i` should be white.
fn dark(i: usize) -> bool {
    i < 4
}

/// The stacks: the [`MAX_STACKS`] crime types with the most crimes over all years keep their
/// own stack (in `AreaSummary::crimes` order); the others are summed into one, "Övriga".
/// Returns the labels and, per year of `kommun`, the parts in that order.
pub fn stacks(
    crimes: &[String],
    kommun: &[&YearFigures],
    others: &str,
) -> (Vec<String>, Vec<Vec<Option<u64>>>) {
    if crimes.len() <= MAX_STACKS + 1 {
        let parts = kommun.iter().map(|f| f.by_crime.clone()).collect();
        return (crimes.iter().map(|c| short_label(c)).collect(), parts);
    }
    let total = |i: usize| -> u64 {
        kommun
            .iter()
            .filter_map(|f| f.by_crime.get(i).copied().flatten())
            .sum()
    };
    let mut order: Vec<usize> = (0..crimes.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(total(i)), i));
    let mut kept: Vec<usize> = order[..MAX_STACKS].to_vec();
    kept.sort_unstable();
    let mut labels: Vec<String> = kept.iter().map(|&i| short_label(&crimes[i])).collect();
    labels.push(others.to_owned());
    let parts = kommun
        .iter()
        .map(|f| {
            let mut row: Vec<Option<u64>> = kept
                .iter()
                .map(|&i| f.by_crime.get(i).copied().flatten())
                .collect();
            let rest: Vec<u64> = (0..crimes.len())
                .filter(|i| !kept.contains(i))
                .filter_map(|i| f.by_crime.get(i).copied().flatten())
                .collect();
            row.push((!rest.is_empty()).then(|| rest.iter().sum()));
            row
        })
        .collect();
    (labels, parts)
}

/// A crime label made shorter for the legend.
pub fn short_label(label: &str) -> String {
    label
        .replace(", närstående genom parrelation", " (parrelation)")
        .replace("närstående genom parrelation", "(parrelation)")
        .replace("inklusive", "inkl.")
        .replace("  ", " ")
}

/// Draws the composition chart of one area.
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
    let with_parts: Vec<&YearFigures> = kommun
        .iter()
        .copied()
        .filter(|f| f.by_crime.iter().any(Option::is_some))
        .collect();
    let years: Vec<i32> = kommun
        .iter()
        .filter(|f| f.count.is_some() || f.by_crime.iter().any(Option::is_some))
        .map(|f| f.year)
        .collect();
    let span = axes::year_span(&years, s.pledge).unwrap_or((s.pledge[0], s.pledge[1]));
    let title = format!(
        "{}: {}",
        crate::render::words::title(area, lang),
        lang.pick(
            "anmälda brott per brottstyp",
            "reported crimes by crime type"
        )
    );
    let years_text = match (years.first(), years.last()) {
        (Some(a), Some(b)) => span_text(*a, *b),
        _ => lang.pick("inga data", "no data").to_owned(),
    };
    let subtitle = format!(
        "{}, {years_text}. {}",
        s.region.name,
        lang.pick(
            "Staplarnas delar i samma ordning som förklaringen.",
            "Bar segments in the same order as the key."
        )
    );
    style::frame(root, lang, s, &title, &subtitle)?;

    let body = style::body(root);
    let (bw, _) = body.dim_in_pixel();
    let (plot, side) = body.split_horizontally(bw as i32 - LEGEND_W);
    let top = kommun
        .iter()
        .map(|f| {
            let parts: u64 = f.by_crime.iter().flatten().sum();
            parts.max(f.count.unwrap_or(0)) as f64
        })
        .fold(0.0, f64::max);
    let chart = axes::build(
        &plot,
        axes::year_range(span.0, span.1),
        axes::zero_based(top, 5.0),
        (
            lang.pick("År", "Year"),
            lang.pick("Antal anmälda brott", "Number of reported crimes"),
        ),
        lang,
    )?;
    axes::pledge_shade(root, &chart, s.pledge, lang, true)?;
    let (labels, parts) = stacks(&area.crimes, &kommun, lang.pick("Övriga", "Other"));
    let mut incomplete = false;
    for (f, parts) in kommun.iter().zip(&parts) {
        incomplete |= bar(root, &chart, f, parts, lang)?;
    }
    axes::year_labels(root, &chart, span, &preliminary(&kommun), style::TICK_PX)?;
    if with_parts.is_empty() || area.crimes.is_empty() {
        let msg = lang.pick(
            "Ingen uppdelning per brottstyp",
            "No breakdown by crime type",
        );
        style::message(root, &plot, msg)?;
    }

    let mut items: Vec<legend::Item> = labels
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| legend::item(Swatch::Fill(color(i)), c.clone()))
        .collect();
    if items.is_empty() {
        let label = lang.pick("(inga brottstyper)", "(no crime types)");
        items.push(legend::item(Swatch::Fill(WHITE.mix(1.0)), label));
    }
    let (x, y) = side.get_base_pixel();
    let head = style::anchored(
        style::font(style::LABEL_PX, true, BLACK),
        HPos::Left,
        VPos::Top,
    );
    style::text(
        root,
        lang.pick("Brottstyp", "Crime type"),
        (x + 16, y + 12),
        &head,
    )?;
    let end = legend::draw_column(root, &items, (x + 16, y + 56), LEGEND_W - 24)?;
    if incomplete {
        let note = lang.pick(
            "* uppgift saknas (..) för någon brottstyp",
            "* a crime type is missing (..)",
        );
        let small = style::font(SMALL_PX, false, style::DARK_GREY);
        let small = style::anchored(small, HPos::Left, VPos::Top);
        for (i, l) in legend::wrap(root, note, LEGEND_W - 24, &small)?
            .iter()
            .enumerate()
        {
            style::text(root, l, (x + 16, end + 8 + i as i32 * 30), &small)?;
        }
    }
    Ok(())
}

/// One stacked bar; returns true when a crime type is missing that year.
fn bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &axes::Chart<'_, DB>,
    f: &YearFigures,
    parts: &[Option<u64>],
    lang: Lang,
) -> anyhow::Result<bool>
where
    DB::ErrorType: 'static,
{
    let x = f.year as f64;
    let mut base = 0u64;
    let seg_font = |white: bool| {
        let c = if white { WHITE } else { BLACK };
        style::anchored(style::font(SMALL_PX, true, c), HPos::Center, VPos::Center)
    };
    for (i, part) in parts.iter().enumerate() {
        let Some(n) = part else { continue };
        if *n == 0 {
            continue;
        }
        let a = axes::px(chart, x - 0.36, (base + n) as f64);
        let b = axes::px(chart, x + 0.36, base as f64);
        root.draw(&Rectangle::new([a, b], color(i).filled()))?;
        root.draw(&Rectangle::new([a, b], WHITE.stroke_width(2)))?;
        if b.1 - a.1 >= 30 {
            let mid = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
            style::text(root, &format::int(*n, lang), mid, &seg_font(dark(i)))?;
        }
        base += n;
    }
    // `partial`: some types are `..` while others have numbers; or the year has none at all.
    let none = !f.by_crime.is_empty() && f.by_crime.iter().all(Option::is_none);
    let missing = f.partial || none;
    let total = match f.count {
        Some(c) => format::int(c, lang),
        None if base > 0 => format::int(base, lang),
        None => "..".to_owned(),
    };
    let label = if missing { format!("{total}*") } else { total };
    let (tx, ty) = axes::px(chart, x, base as f64);
    let style = style::anchored(
        style::font(SMALL_PX, false, BLACK),
        HPos::Center,
        VPos::Bottom,
    );
    style::text(root, &label, (tx, ty - 6), &style)?;
    Ok(missing)
}
