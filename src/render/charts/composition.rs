//! `<area>-composition`: the kommun's crimes per year as bars stacked by crime type, always in
//! the order of `AreaSummary::crimes` from the bottom up. Each type is named on the chart, to
//! the right of the latest bar, level with its segment and joined to it by a thin line (the
//! names move apart only as far as they must not to overlap), with its swatch in front; the
//! stacks differ in lightness (the seventh is hatched), so the chart reads in black and white;
//! segments tall enough carry their count.

use super::axes;
use super::legend::{self, Swatch};
use super::marks;
use super::style::{self, BLUE, SMALL_PX};
use super::{Ctx, level, preliminary, span_text};
use crate::model::{AreaSummary, YearFigures};
use crate::render::format::{self, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Most crime types drawn as stacks of their own; the rest are summed as "Övriga".
pub const MAX_STACKS: usize = 6;

/// Segment colours from the bottom up, one lightness step apart (grey values about 0, 46,
/// 87, 134, 172 and 210 of 255 in BT.601 luma, 0, 49, 94, 127, 173 and 214 in BT.709), so
/// the stacks stay apart when printed in grey whichever conversion the printer uses. The
/// seventh stack ("Övriga", or a seventh type) is hatched instead: no grey step is left.
pub const COLORS: [RGBColor; MAX_STACKS] = [
    style::BLACK_OI,
    RGBColor(0, 60, 90),
    BLUE,
    RGBColor(235, 108, 0),
    RGBColor(240, 170, 0),
    RGBColor(165, 225, 250),
];

/// Width of the column of names on the right.
const LEGEND_W: i32 = 500;

#[cfg(test)]
thread_local! {
    /// Test only: each leader line of this thread as (segment's middle y, name's y).
    pub(crate) static LEADERS: std::cell::RefCell<Vec<(i32, i32)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How stack `i` is filled: a colour, or hatching for the seventh.
fn swatch(i: usize) -> Swatch {
    match COLORS.get(i) {
        Some(c) => Swatch::Fill(c.mix(1.0)),
        None => Swatch::Hatch,
    }
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
    let years: Vec<i32> = kommun
        .iter()
        .filter(|f| f.count.is_some() || f.by_crime.iter().any(Option::is_some))
        .map(|f| f.year)
        .collect();
    let span = axes::year_span(&years, s.pledge).unwrap_or((s.pledge[0], s.pledge[1]));
    let (labels, parts) = stacks(&area.crimes, &kommun, lang.pick("Övriga", "Other"));
    let latest = kommun
        .iter()
        .zip(&parts)
        .rev()
        .find(|(_, p)| p.iter().flatten().any(|n| *n > 0))
        .map(|(f, p)| (f.year, p.as_slice()));
    header(root, ctx, area, &years, latest.is_some())?;
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
    let mut incomplete = false;
    for (f, parts) in kommun.iter().zip(&parts) {
        incomplete |= bar(root, &chart, f, parts, lang)?;
    }
    axes::year_labels(root, &chart, span, &preliminary(&kommun), style::TICK_PX)?;
    let with_parts = kommun
        .iter()
        .any(|f| f.by_crime.iter().any(Option::is_some));
    if !with_parts || area.crimes.is_empty() {
        let msg = lang.pick(
            "Ingen uppdelning per brottstyp",
            "No breakdown by crime type",
        );
        style::message(root, &plot, msg)?;
    }
    let zero_y = axes::px(&chart, span.0 as f64, 0.0).1;
    names(root, &chart, &side, &labels, latest, lang)?;
    if incomplete {
        missing_note(root, &side, zero_y + 40, lang)?;
    }
    Ok(())
}

/// Title and subtitle; `by_bar` when the names stand beside the latest bar.
fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    years: &[i32],
    by_bar: bool,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
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
    // With no bar to point at, the names stand as a plain key: the sentence would be wrong.
    let named = if by_bar {
        lang.pick(
            " Brottstypernas namn står vid den senaste stapeln.",
            " Crime types are named beside the latest bar.",
        )
    } else {
        ""
    };
    let subtitle = format!("{}, {years_text}.{named}", s.region.name);
    style::frame(root, lang, s, &title, &subtitle)
}

/// The crime types' names on the right, top stack first. With a bar to point at, each name
/// stands level with its segment of the latest bar (`latest`: its year and parts), joined to it
/// by a thin grey line; a type without a segment that year still gets its name in the stack's
/// order, without a line. Without any bar: a plain key.
fn names<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &axes::Chart<'_, DB>,
    side: &DrawingArea<DB, Shift>,
    labels: &[String],
    latest: Option<(i32, &[Option<u64>])>,
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
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
    let mut items: Vec<legend::Item> = labels
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| legend::item(swatch(i), c.clone()))
        .collect();
    let Some((year, parts)) = latest.filter(|_| !items.is_empty()) else {
        if items.is_empty() {
            let label = lang.pick("(inga brottstyper)", "(no crime types)");
            items.push(legend::item(Swatch::Fill(WHITE.mix(1.0)), label));
        }
        legend::draw_column(root, &items, (x + 16, y + 56), LEGEND_W - 24)?;
        return Ok(());
    };
    // Each stack's segment in the latest bar: its middle, and whether it has any height.
    let right = year as f64 + 0.36;
    let mut base = 0u64;
    let mut segments: Vec<(i32, bool)> = Vec::new();
    for i in 0..labels.len() {
        let n = parts.get(i).copied().flatten().unwrap_or(0);
        let lo = axes::px(chart, right, base as f64).1;
        let hi = axes::px(chart, right, (base + n) as f64).1;
        segments.push(((lo + hi) / 2, n > 0));
        base += n;
    }
    segments.reverse();
    let want: Vec<i32> = segments.iter().map(|s| s.0).collect();
    let zero_y = axes::px(chart, right, 0.0).1;
    let x0 = x + 16;
    let placed = legend::draw_placed(
        root,
        &items,
        &want,
        (x0, y + 56, zero_y + 20),
        LEGEND_W - 24,
    )?;
    let bar_x = axes::px(chart, right, 0.0).0 + 4;
    for ((seg_y, present), label_y) in segments.iter().zip(&placed) {
        if *present {
            #[cfg(test)]
            LEADERS.with(|l| l.borrow_mut().push((*seg_y, *label_y)));
            root.draw(&PathElement::new(
                vec![(bar_x, *seg_y), (x0 - 6, *label_y)],
                style::GREY.stroke_width(2),
            ))?;
        }
    }
    Ok(())
}

/// The note under the names when a year lacks a crime type (`..`).
fn missing_note<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    side: &DrawingArea<DB, Shift>,
    y: i32,
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let x = side.get_base_pixel().0 + 16;
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
        style::text(root, l, (x, y + i as i32 * 30), &small)?;
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
        match COLORS.get(i) {
            Some(c) => root.draw(&Rectangle::new([a, b], c.filled()))?,
            None => marks::hatch(root, [a, b])?,
        }
        root.draw(&Rectangle::new([a, b], WHITE.stroke_width(2)))?;
        if b.1 - a.1 >= 30 {
            let mid = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
            let label = format::int(*n, lang);
            if i < COLORS.len() {
                style::text(root, &label, mid, &seg_font(dark(i)))?;
            } else {
                // On hatching the count sits on a white box, so the lines do not cross it.
                style::boxed_text(root, &label, mid, &seg_font(false))?;
            }
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

#[cfg(test)]
#[path = "composition_tests.rs"]
mod tests;
