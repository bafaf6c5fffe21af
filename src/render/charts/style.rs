//! The charts' shared look: canvas size, Okabe–Ito palette, fonts (embedded DejaVu Sans),
//! text helpers, and the parts every chart has: title, subtitle, footer and the
//! "EXEMPELDATA" watermark.

use crate::model::Summary;
use crate::render::format::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::OnceLock;

/// Canvas width in pixels.
pub const WIDTH: u32 = 1600;
/// Canvas height in pixels.
pub const HEIGHT: u32 = 900;
/// Height of the title and subtitle band at the top.
pub const HEADER_H: i32 = 128;
/// Height of the footer band at the bottom.
pub const FOOTER_H: i32 = 48;

/// The one font family the charts use (registered from the embedded files).
pub const FAMILY: &str = "sans-serif";
/// Title size in pixels.
pub const TITLE_PX: f64 = 44.0;
/// Subtitle, axis description and legend size.
pub const LABEL_PX: f64 = 28.0;
/// Tick label size.
pub const TICK_PX: f64 = 26.0;
/// Footer and small annotation size.
pub const SMALL_PX: f64 = 24.0;

/// Okabe–Ito black.
pub const BLACK_OI: RGBColor = RGBColor(0x00, 0x00, 0x00);
/// Okabe–Ito orange.
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Okabe–Ito blue: the pledge kommun, always the strongest series.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe–Ito vermillion.
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Neutral grey for context (other kommuner, rules).
pub const GREY: RGBColor = RGBColor(0x80, 0x80, 0x80);
/// Dark grey for secondary text.
pub const DARK_GREY: RGBColor = RGBColor(0x40, 0x40, 0x40);
/// A colour mixed halfway to white: years where a crime type is `..`, lighter than complete
/// years in colour and in grey.
pub fn lighter(c: RGBColor) -> RGBColor {
    let mix = |v: u8| ((u16::from(v) + 255) / 2) as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Watermark grey: light enough that data drawn over it stays readable.
pub const WATERMARK: RGBColor = RGBColor(0xEF, 0xEF, 0xEF);

/// DejaVu Sans, embedded.
pub const FONT_NORMAL: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, embedded.
pub const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

static FONTS: OnceLock<bool> = OnceLock::new();

/// Registers the embedded DejaVu Sans (normal and bold) as `sans-serif`, once per process,
/// so å ä ö render the same on a machine without fonts.
pub fn ensure_fonts() -> anyhow::Result<()> {
    let ok = FONTS.get_or_init(|| {
        let normal = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_NORMAL);
        let bold = plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD);
        normal.is_ok() && bold.is_ok()
    });
    if *ok {
        Ok(())
    } else {
        anyhow::bail!("the embedded chart fonts could not be loaded")
    }
}

/// A text style of the chart family.
pub fn font(px: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    (FAMILY, px, style).into_font().color(&color)
}

/// Anchors a text style at the given horizontal and vertical position.
pub fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Draws text at a pixel position of the whole canvas.
pub fn text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: &TextStyle<'static>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    root.draw(&Text::new(s.to_owned(), at, style.clone()))?;
    Ok(())
}

/// Width and height of a text in pixels.
pub fn text_size<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    style: &TextStyle<'static>,
) -> anyhow::Result<(i32, i32)>
where
    DB::ErrorType: 'static,
{
    let (w, h) = root.estimate_text_size(s, style)?;
    Ok((w as i32, h as i32))
}

/// Draws text on a nearly opaque white box, so it stays readable over lines and shading.
/// `at` is the anchor point; the anchor of `style` says which corner or edge it is.
pub fn boxed_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: &TextStyle<'static>,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (w, h) = text_size(root, s, style)?;
    let x0 = match style.pos.h_pos {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2,
        HPos::Right => at.0 - w,
    };
    let y0 = match style.pos.v_pos {
        VPos::Top => at.1,
        VPos::Center => at.1 - h / 2,
        VPos::Bottom => at.1 - h,
    };
    let pad = 5;
    root.draw(&Rectangle::new(
        [(x0 - pad, y0 - pad), (x0 + w + pad, y0 + h + pad)],
        WHITE.mix(0.88).filled(),
    ))?;
    text(root, s, at, style)
}

/// The source line: the sources actually read (Brå and SCB; Kolada when used).
pub fn footer(summary: &Summary, lang: Lang) -> String {
    let kolada = summary
        .sources
        .iter()
        .any(|s| s.format == crate::model::Format::Kolada);
    let (crime, kolada_text, pop, tail) = match lang {
        Lang::Sv => (
            "Källa: Brå, anmälda brott",
            "; Kolada (RKA)",
            "; befolkning: SCB",
            ". Bearbetning: brottstrend",
        ),
        Lang::En => (
            "Source: Brå, reported crime",
            "; Kolada (RKA)",
            "; population: SCB",
            ". Processing: brottstrend",
        ),
    };
    format!(
        "{crime}{}{pop}{tail}",
        if kolada { kolada_text } else { "" }
    )
}

/// Fills the canvas white, draws the watermark (first, so everything else lies on top),
/// the title, the subtitle and the footer.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lang: Lang,
    summary: &Summary,
    title: &str,
    subtitle: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let example_data = summary.example_data;
    root.fill(&WHITE)?;
    if example_data {
        watermark(root)?;
    }
    let left = 32;
    let width = WIDTH as i32 - 2 * left;
    let one_line = anchored(font(36.0, true, BLACK), HPos::Left, VPos::Top);
    if text_size(root, title, &one_line)?.0 <= width {
        let (title, style) = fit(root, title, width, (TITLE_PX, 36.0), true, BLACK)?;
        text(root, &title, (left, 18), &style)?;
        let (sub, style) = fit(root, subtitle, width, (LABEL_PX, 22.0), false, DARK_GREY)?;
        text(root, &sub, (left, 76), &style)?;
    } else {
        // A long title takes two lines at a smaller size; the subtitle moves down.
        let two = anchored(font(34.0, true, BLACK), HPos::Left, VPos::Top);
        let lines = super::legend::wrap(root, title, width, &two)?;
        let first = lines.first().cloned().unwrap_or_default();
        let rest = lines.get(1..).unwrap_or_default().join(" ");
        text(root, &first, (left, 10), &two)?;
        let (rest, style) = fit(root, &rest, width, (34.0, 34.0), true, BLACK)?;
        text(root, &rest, (left, 50), &style)?;
        let (sub, style) = fit(root, subtitle, width, (24.0, 22.0), false, DARK_GREY)?;
        text(root, &sub, (left, 94), &style)?;
    }
    let source = &footer(summary, lang);
    let y = HEIGHT as i32 - FOOTER_H / 2;
    text(
        root,
        source,
        (left, y),
        &anchored(font(SMALL_PX, false, DARK_GREY), HPos::Left, VPos::Center),
    )?;
    if example_data {
        let tag = lang.pick("EXEMPELDATA", "EXEMPELDATA (example data)");
        text(
            root,
            tag,
            (WIDTH as i32 - left, y),
            &anchored(font(SMALL_PX, true, DARK_GREY), HPos::Right, VPos::Center),
        )?;
    }
    Ok(())
}

/// A top-left anchored style for `s` that fits `width` pixels: the font shrinks from
/// `sizes.0` down to `sizes.1`, and below that the text is cut with "…".
fn fit<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &str,
    width: i32,
    (mut px, min_px): (f64, f64),
    bold: bool,
    color: RGBColor,
) -> anyhow::Result<(String, TextStyle<'static>)>
where
    DB::ErrorType: 'static,
{
    let style = |px| anchored(font(px, bold, color), HPos::Left, VPos::Top);
    while px > min_px && text_size(root, s, &style(px))?.0 > width {
        px -= 2.0;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut keep = chars.len();
    let mut out = s.to_owned();
    while keep > 1 && text_size(root, &out, &style(px))?.0 > width {
        keep -= 1;
        let head: String = chars[..keep].iter().collect();
        out = format!("{}…", head.trim_end());
    }
    Ok((out, style(px)))
}

/// The large light-grey "EXEMPELDATA" across the middle of the canvas.
fn watermark<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let cx = WIDTH as i32 / 2;
    let cy = HEIGHT as i32 / 2;
    let big = anchored(font(190.0, true, WATERMARK), HPos::Center, VPos::Center);
    // One watermark in every language; the footer tag says what it means in English.
    text(root, "EXEMPELDATA", (cx, cy - 20), &big)?;
    Ok(())
}

/// The drawing area between header and footer, where plot and legend go.
pub fn body<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> DrawingArea<DB, Shift> {
    root.margin(HEADER_H, FOOTER_H, 16, 40)
}

/// A message centred in an area, for charts that have nothing to plot.
pub fn message<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &DrawingArea<DB, Shift>,
    msg: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = area.get_pixel_range();
    let at = ((xr.start + xr.end) / 2, (yr.start + yr.end) / 2);
    let style = anchored(
        font(LABEL_PX + 4.0, true, DARK_GREY),
        HPos::Center,
        VPos::Center,
    );
    boxed_text(root, msg, at, &style)
}
