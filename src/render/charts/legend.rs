//! Legends: swatches drawn with the series' own marks, flowed in rows under a plot or
//! stacked in a column beside it, and word wrapping for long labels.

pub use super::marks::{Dash, Marker, line, marker};
use super::style::{self, LABEL_PX};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// What a legend entry shows before its label.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A line, optionally with a marker in its middle.
    Line(RGBColor, u32, Dash, Option<Marker>),
    /// A marker with a vertical interval bar through it; `bool` = filled.
    PointBar(RGBColor, bool),
    /// A filled box (a band, shading or a bar segment).
    Fill(RGBAColor),
    /// A line on a light band of the same colour (a fit with its interval).
    Band(RGBColor),
    /// A ring around a point (a possible spike).
    Ring(RGBColor),
    /// A marker alone: shape, colour, filled.
    Dot(Marker, RGBColor, bool),
    /// A large circle with a black rim (the highlighted kommun).
    Highlight(RGBColor),
    /// A hatched box (a bar segment without a grey step of its own).
    Hatch,
}

/// One legend entry.
#[derive(Debug, Clone)]
pub struct Item {
    /// The symbol.
    pub swatch: Swatch,
    /// The text after it.
    pub label: String,
}

/// A legend entry.
pub fn item(swatch: Swatch, label: impl Into<String>) -> Item {
    Item {
        swatch,
        label: label.into(),
    }
}

/// Width of a swatch in pixels.
pub(crate) const SWATCH_W: i32 = 60;
const ROW_H: i32 = 42;

#[cfg(test)]
thread_local! {
    /// Test only: where each legend swatch of this thread was drawn (label, left x, centre y),
    /// so the greyscale test can cut the swatches out of a rendered chart.
    pub(crate) static DRAWN: std::cell::RefCell<Vec<(String, i32, i32)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    it: &Item,
    x: i32,
    cy: i32,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    #[cfg(test)]
    DRAWN.with(|d| d.borrow_mut().push((it.label.clone(), x, cy)));
    let mid = x + SWATCH_W / 2;
    match it.swatch {
        Swatch::Line(color, width, dash, mark) => {
            line(
                root,
                &[(x, cy), (x + SWATCH_W, cy)],
                color.into(),
                width,
                dash,
            )?;
            if let Some(m) = mark {
                marker(root, (mid, cy), m, 9, color, true)?;
            }
        }
        Swatch::PointBar(color, filled) => {
            root.draw(&PathElement::new(
                vec![(mid, cy - 16), (mid, cy + 16)],
                color.stroke_width(3),
            ))?;
            marker(root, (mid, cy), Marker::Circle, 9, color, filled)?;
        }
        Swatch::Fill(color) => {
            root.draw(&Rectangle::new(
                [(x + 4, cy - 14), (x + SWATCH_W - 4, cy + 14)],
                color.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x + 4, cy - 14), (x + SWATCH_W - 4, cy + 14)],
                style::GREY.stroke_width(1),
            ))?;
        }
        Swatch::Band(color) => {
            root.draw(&Rectangle::new(
                [(x, cy - 14), (x + SWATCH_W, cy + 14)],
                color.mix(0.28).filled(),
            ))?;
            line(
                root,
                &[(x, cy), (x + SWATCH_W, cy)],
                color.into(),
                4,
                Dash::Solid,
            )?;
        }
        Swatch::Ring(color) => {
            root.draw(&Circle::new((mid, cy), 16, color.stroke_width(3)))?;
            marker(root, (mid, cy), Marker::Circle, 7, style::BLUE, true)?;
        }
        Swatch::Hatch => {
            let rect = [(x + 4, cy - 14), (x + SWATCH_W - 4, cy + 14)];
            super::marks::hatch(root, rect)?;
            root.draw(&Rectangle::new(rect, style::GREY.stroke_width(1)))?;
        }
        Swatch::Dot(shape, color, filled) => marker(root, (mid, cy), shape, 10, color, filled)?,
        Swatch::Highlight(color) => {
            root.draw(&Circle::new((mid, cy), 15, BLACK.filled()))?;
            marker(root, (mid, cy), Marker::Circle, 12, color, true)?;
        }
    }
    Ok(())
}

fn label_style() -> TextStyle<'static> {
    style::anchored(
        style::font(LABEL_PX, false, BLACK),
        HPos::Left,
        VPos::Center,
    )
}

/// Positions (row, x offset) of each item when flowed left to right in `width` pixels.
fn flow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[Item],
    width: i32,
) -> anyhow::Result<Vec<(i32, i32)>>
where
    DB::ErrorType: 'static,
{
    let style = label_style();
    let mut out = Vec::with_capacity(items.len());
    let (mut row, mut x) = (0, 0);
    for it in items {
        let (w, _) = style::text_size(root, &it.label, &style)?;
        let need = SWATCH_W + 12 + w;
        if x > 0 && x + need > width {
            row += 1;
            x = 0;
        }
        out.push((row, x));
        x += need + 44;
    }
    Ok(out)
}

/// Height in pixels a flowed legend of `items` needs in `width` pixels.
pub fn flow_height<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[Item],
    width: i32,
) -> anyhow::Result<i32>
where
    DB::ErrorType: 'static,
{
    let pos = flow(root, items, width)?;
    Ok(pos.last().map_or(0, |(row, _)| (row + 1) * ROW_H + 8))
}

/// Draws `items` flowed left to right from `(x0, y0)` within `width` pixels.
pub fn draw_flow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[Item],
    (x0, y0): (i32, i32),
    width: i32,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let style = label_style();
    for (it, (row, x)) in items.iter().zip(flow(root, items, width)?) {
        let cy = y0 + row * ROW_H + ROW_H / 2;
        draw_swatch(root, it, x0 + x, cy)?;
        style::text(root, &it.label, (x0 + x + SWATCH_W + 12, cy), &style)?;
    }
    Ok(())
}

/// Splits `s` into lines that fit `width` pixels in `style` (words are never split).
pub fn wrap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    width: i32,
    style: &TextStyle<'static>,
) -> anyhow::Result<Vec<String>>
where
    DB::ErrorType: 'static,
{
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_owned()
        } else {
            format!("{cur} {word}")
        };
        if !cur.is_empty() && style::text_size(root, &candidate, style)?.0 > width {
            lines.push(std::mem::replace(&mut cur, word.to_owned()));
        } else {
            cur = candidate;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    Ok(lines)
}

/// Draws `items` one under the other from `(x0, y0)`, labels wrapped to `width` pixels.
/// Returns the y just below the last entry.
pub fn draw_column<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[Item],
    (x0, y0): (i32, i32),
    width: i32,
) -> anyhow::Result<i32>
where
    DB::ErrorType: 'static,
{
    let style = label_style();
    let line_h = LABEL_PX as i32 + 6;
    let mut y = y0;
    for it in items {
        let lines = wrap(root, &it.label, width - SWATCH_W - 12, &style)?;
        let n = lines.len().max(1) as i32;
        let block = (n * line_h).max(ROW_H);
        draw_swatch(root, it, x0, y + line_h / 2 + 2)?;
        for (i, l) in lines.iter().enumerate() {
            let cy = y + i as i32 * line_h + line_h / 2 + 2;
            style::text(root, l, (x0 + SWATCH_W + 12, cy), &style)?;
        }
        y += block + 10;
    }
    Ok(y)
}

/// Draws `items` in a column from x `x0`, each as near as it can be to the height it labels
/// (`want`: the centre y of its first line, in the same order as `items`, top first), without
/// two overlapping and within `top..bottom`; labels wrapped to `width` pixels. Returns where
/// each entry's first line was put (its centre y), for a leader line to what it names.
pub fn draw_placed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    items: &[Item],
    want: &[i32],
    (x0, top, bottom): (i32, i32, i32),
    width: i32,
) -> anyhow::Result<Vec<i32>>
where
    DB::ErrorType: 'static,
{
    let style = label_style();
    let line_h = LABEL_PX as i32 + 6;
    let mut wrapped = Vec::with_capacity(items.len());
    for it in items {
        wrapped.push(wrap(root, &it.label, width - SWATCH_W - 12, &style)?);
    }
    let heights: Vec<i32> = wrapped
        .iter()
        .map(|l| l.len().max(1) as i32 * line_h + 6)
        .collect();
    let tops: Vec<i32> = want.iter().map(|w| w - line_h / 2).collect();
    let placed = place(&tops, &heights, top, bottom);
    let mut centres = Vec::with_capacity(items.len());
    for ((it, lines), y) in items.iter().zip(&wrapped).zip(&placed) {
        let cy = y + line_h / 2;
        draw_swatch(root, it, x0, cy)?;
        for (i, l) in lines.iter().enumerate() {
            style::text(
                root,
                l,
                (x0 + SWATCH_W + 12, cy + i as i32 * line_h),
                &style,
            )?;
        }
        centres.push(cy);
    }
    Ok(centres)
}

/// Tops for blocks of `heights` as near as possible to `want` (ascending), none overlapping
/// the next, all within `top..bottom` when they fit: pushed down from the top first, then up
/// from the bottom.
pub(crate) fn place(want: &[i32], heights: &[i32], top: i32, bottom: i32) -> Vec<i32> {
    let mut y: Vec<i32> = Vec::with_capacity(want.len());
    for (i, w) in want.iter().enumerate() {
        let floor = if i == 0 {
            top
        } else {
            y[i - 1] + heights[i - 1]
        };
        y.push((*w).max(floor));
    }
    let mut ceiling = bottom;
    for i in (0..y.len()).rev() {
        y[i] = y[i].min(ceiling - heights[i]);
        ceiling = y[i];
    }
    // Too many to fit: keep them apart and start at the top rather than above it.
    if y.first().is_some_and(|f| *f < top) {
        let mut next = top;
        for (yi, h) in y.iter_mut().zip(heights) {
            *yi = next;
            next += h;
        }
    }
    y
}

/// A plot area with room for a flowed legend below it.
pub struct Below<DB: DrawingBackend> {
    /// Where the chart goes.
    pub plot: DrawingArea<DB, Shift>,
    /// Top-left corner of the legend, in canvas pixels.
    pub at: (i32, i32),
    /// Width of the legend in pixels.
    pub width: i32,
}

/// Splits `body` into a plot area and, below it, room for a flowed legend of `items`.
pub fn below<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    body: &DrawingArea<DB, Shift>,
    items: &[Item],
) -> anyhow::Result<Below<DB>>
where
    DB::ErrorType: 'static,
{
    let (w, h) = body.dim_in_pixel();
    let width = w as i32 - 40;
    let lh = flow_height(root, items, width)?.min(h as i32 / 3);
    let (plot, legend) = body.split_vertically(h as i32 - lh);
    let (x, y) = legend.get_base_pixel();
    Ok(Below {
        plot,
        at: (x + 20, y + 4),
        width,
    })
}

#[cfg(test)]
#[path = "legend_tests.rs"]
mod tests;
