//! Axes shared by the year charts: padded ranges, the mesh, year labels (with "prel."),
//! the shaded pledge years and the vertical rules of series breaks.
//!
//! On a year axis, year `Y` is drawn at `x = Y` and covers `Y − 0.5 .. Y + 0.5`, so a date is
//! placed at `Y − 0.5 + (day of year − 1) / days in year`: a break on 1 January 2019 lies
//! between the 2018 and 2019 points.

use super::legend::{self, Dash};
use super::style::{self, LABEL_PX, SMALL_PX, TICK_PX};
use crate::model::BreakRef;
use crate::render::format::{self, Lang};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::ops::Range;

/// A chart with plain f64 axes.
pub type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Height of the area under the x axis: year, "prel." and the axis description.
pub const X_LABEL_H: u32 = 100;
/// Width of the area left of the y axis: tick labels and the rotated description.
pub const Y_LABEL_W: u32 = 150;

/// The x range for years `first..=last`, half a year of room at each end.
pub fn year_range(first: i32, last: i32) -> Range<f64> {
    let (a, b) = if first <= last {
        (first, last)
    } else {
        (last, first)
    };
    (a as f64 - 0.6)..(b as f64 + 0.6)
}

/// The years to show: the data years, widened to the end of the pledge when the data reach
/// into the pledge period (so an unfinished pledge shows as such).
pub fn year_span(data: &[i32], pledge: [i32; 2]) -> Option<(i32, i32)> {
    let first = *data.iter().min()?;
    let mut last = *data.iter().max()?;
    if last >= pledge[0] && first <= pledge[1] {
        last = last.max(pledge[1]);
    }
    Some((first, last))
}

/// A y range from 0 to a little above `max` (at least `min_top`), room for labels on top.
pub fn zero_based(max: f64, min_top: f64) -> Range<f64> {
    let top = if max.is_finite() { max } else { 0.0 };
    0.0..(top * 1.2).max(min_top)
}

/// Most y tick labels asked of plotters.
pub const Y_TICKS: usize = 8;

/// Decimals for the tick labels of an axis from 0 to `span`: plotters steps by 1, 2 or 5
/// times a power of ten, the smallest step giving at most [`Y_TICKS`] ticks, so the labels
/// need as many decimals as that step has.
pub fn decimals(span: f64, ticks: usize) -> usize {
    if !(span.is_finite() && span > 0.0) {
        return 0;
    }
    let mut k = span.log10().floor() as i32 + 1;
    let mut best = 10f64.powi(k);
    'outer: loop {
        for m in [5.0, 2.0, 1.0] {
            let step = m * 10f64.powi(k - 1);
            if (span / step).floor() as usize + 1 > ticks || k < -6 {
                break 'outer;
            }
            best = step;
        }
        k -= 1;
    }
    (-best.log10().floor()).clamp(0.0, 6.0) as usize
}

/// Builds a chart in `area` and draws its mesh: light horizontal grid, y ticks with
/// `format::number`, no x labels (the year charts draw their own with [`year_labels`]).
pub fn build<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x: Range<f64>,
    y: Range<f64>,
    descs: (&str, &str),
    lang: Lang,
) -> anyhow::Result<Chart<'a, DB>>
where
    DB::ErrorType: 'static,
{
    build_sized(area, x, y, descs, lang, (X_LABEL_H, Y_LABEL_W, 1.0))
}

/// [`build`] with the label area sizes and a font scale: `(x label height, y label width,
/// scale)`, for the small panels of the overview.
pub fn build_sized<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x: Range<f64>,
    y: Range<f64>,
    (x_desc, y_desc): (&str, &str),
    lang: Lang,
    (x_h, y_w, scale): (u32, u32, f64),
) -> anyhow::Result<Chart<'a, DB>>
where
    DB::ErrorType: 'static,
{
    let ticks = if scale < 0.85 { 5 } else { Y_TICKS };
    let dec = decimals(y.end - y.start, ticks);
    let mut chart = ChartBuilder::on(area)
        .margin_top(12)
        .margin_right(24)
        .x_label_area_size(x_h)
        .y_label_area_size(y_w)
        .build_cartesian_2d(x, y)?;
    let fmt_y = |v: &f64| format::number(*v, dec, lang);
    let no_x = |_: &f64| String::new();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .x_label_formatter(&no_x)
        .y_labels(ticks)
        .y_label_formatter(&fmt_y)
        .bold_line_style(BLACK.mix(0.15).stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(BLACK.stroke_width(2))
        .label_style(style::font(TICK_PX * scale, false, BLACK))
        .axis_desc_style(style::font(LABEL_PX * scale, false, BLACK))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .draw()?;
    Ok(chart)
}

/// Pixel position of a data point.
pub fn px<DB: DrawingBackend>(chart: &Chart<'_, DB>, x: f64, y: f64) -> (i32, i32) {
    chart.backend_coord(&(x, y))
}

/// Year labels under the x axis. Every year is labelled when the labels fit, at a font down to
/// three quarters of `font_px`; only when even that is too crowded are they thinned to every
/// 2nd, 5th, … year. Preliminary years are always labelled, with "prel." below, and neighbours
/// too close to them are left out.
pub fn year_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    (first, last): (i32, i32),
    preliminary: &[i32],
    font_px: f64,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let y0 = chart.y_range().start;
    let step_px = (px(chart, 1.0, y0).0 - px(chart, 0.0, y0).0).max(1);
    let fits = |px: f64| -> anyhow::Result<(i32, TextStyle<'static>)> {
        let style = style::anchored(style::font(px, false, BLACK), HPos::Center, VPos::Top);
        let need = style::text_size(root, "2000", &style)?.0 + (px * 0.4) as i32;
        Ok((need, style))
    };
    let mut font_px = font_px;
    let (mut need, mut style) = fits(font_px)?;
    for scale in [0.9, 0.8, 0.75] {
        if need <= step_px {
            break;
        }
        let (n, s) = fits(font_px * scale)?;
        if n <= step_px {
            (need, style) = (n, s);
            font_px *= scale;
        }
    }
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| s * step_px >= need)
        .unwrap_or(100);
    let prel: Vec<i32> = (first..=last).filter(|y| preliminary.contains(y)).collect();
    let mut shown: Vec<i32> = prel.clone();
    for year in (first..=last).filter(|y| y.rem_euclid(step) == 0 || step == 1) {
        if shown.iter().all(|s| (s - year).abs() * step_px >= need) {
            shown.push(year);
        }
    }
    let small = style::anchored(
        style::font(font_px * 0.85, false, style::DARK_GREY),
        HPos::Center,
        VPos::Top,
    );
    for year in shown {
        let (x, y) = px(chart, year as f64, y0);
        root.draw(&PathElement::new(
            vec![(x, y), (x, y + 8)],
            BLACK.stroke_width(2),
        ))?;
        style::text(root, &year.to_string(), (x, y + 12), &style)?;
        if prel.contains(&year) {
            style::text(root, "prel.", (x, y + 14 + font_px as i32), &small)?;
        }
    }
    Ok(())
}

/// Shades the pledge years across the plot, labelled at the top when `label` is set.
pub fn pledge_shade<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    pledge: [i32; 2],
    lang: Lang,
    label: bool,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let xr = chart.x_range();
    let yr = chart.y_range();
    let a = (pledge[0] as f64 - 0.5).max(xr.start);
    let b = (pledge[1] as f64 + 0.5).min(xr.end);
    if a >= b {
        return Ok(());
    }
    let top_left = px(chart, a, yr.end);
    let bottom_right = px(chart, b, yr.start);
    root.draw(&Rectangle::new(
        [top_left, bottom_right],
        BLACK.mix(0.07).filled(),
    ))?;
    if label {
        let text = format!(
            "{} {}–{}",
            lang.pick("Medborgarlöfte", "Citizen pledge"),
            pledge[0],
            pledge[1]
        );
        let style = style::font(SMALL_PX, true, style::DARK_GREY);
        let (w, _) = style::text_size(root, &text, &style)?;
        let (left, right) = (px(chart, xr.start, yr.end).0, px(chart, xr.end, yr.end).0);
        let centre = (top_left.0 + bottom_right.0) / 2;
        let x = centre.clamp(left + w / 2 + 8, (right - w / 2 - 8).max(left + w / 2 + 8));
        let at = (x, top_left.1 + 8);
        style::text(
            root,
            &text,
            at,
            &style::anchored(style, HPos::Center, VPos::Top),
        )?;
    }
    Ok(())
}

/// The x position of a `YYYY-MM-DD` date on a year axis (see the module text).
pub fn date_x(date: &str) -> Option<f64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let extra = u32::from(leap && month > 2);
    let doy = before[(month - 1) as usize] + extra + day - 1;
    let days = if leap { 366.0 } else { 365.0 };
    Some(year as f64 - 0.5 + f64::from(doy) / days)
}

/// Where a break's rule is drawn: at the boundary before the first whole year after it. A
/// break on 1 January lies exactly there; a mid-year break would otherwise run through that
/// year's point, which holds months from both sides of it.
pub fn break_x(date: &str) -> Option<f64> {
    let x = date_x(date)?;
    let year: f64 = date.trim().get(..4)?.parse().ok()?;
    // 1 January is x = year − 0.5 exactly; any later day moves to the end of its year.
    Some(if x - (year - 0.5) < 1e-9 {
        x
    } else {
        year + 0.5
    })
}

/// Vertical dashed rules at series breaks inside the x range, labelled near the bottom.
pub fn break_rules<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    breaks: &[BreakRef],
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let xr = chart.x_range();
    let yr = chart.y_range();
    let font = style::font(SMALL_PX, false, BLACK);
    let right = px(chart, xr.end, yr.start).0;
    // Labels that would overlap the previous one move up a row.
    let mut rows: Vec<(i32, i32)> = Vec::new();
    for b in breaks {
        let Some(x) = break_x(&b.date) else { continue };
        if x <= xr.start || x >= xr.end {
            continue;
        }
        let top = px(chart, x, yr.end);
        let bottom = px(chart, x, yr.start);
        legend::line(root, &[top, bottom], BLACK.into(), 2, Dash::Dotted)?;
        let year = b.date.get(..4).unwrap_or(&b.date);
        let text = format!("{} {year}", lang.pick("Seriebrott", "Series break"));
        let (w, th) = style::text_size(root, &text, &font)?;
        let (h, x, span) = if bottom.0 + 8 + w < right {
            (HPos::Left, bottom.0 + 8, (bottom.0 + 4, bottom.0 + 12 + w))
        } else {
            (HPos::Right, bottom.0 - 8, (bottom.0 - 12 - w, bottom.0 - 4))
        };
        let row = rows.iter().position(|r| span.0 > r.1).unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(span);
        } else {
            rows[row] = span;
        }
        let y = bottom.1 - 12 - row as i32 * (th + 10);
        let style = style::anchored(font.clone(), h, VPos::Bottom);
        style::boxed_text(root, &text, (x, y), &style)?;
    }
    Ok(())
}

/// Ticks at 1, 2 and 5 times powers of ten inside `lo..hi` (only powers of ten when that
/// gives too many, every integer multiple when too few).
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let at = |ms: &[f64]| -> Vec<f64> {
        (a..=b)
            .flat_map(|k| ms.iter().map(move |m| m * 10f64.powi(k)))
            .filter(|v| *v >= lo && *v <= hi)
            .collect()
    };
    let ticks = at(&[1.0, 2.0, 5.0]);
    if ticks.len() > 9 {
        at(&[1.0])
    } else if ticks.len() < 3 {
        at(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    } else {
        ticks
    }
}
