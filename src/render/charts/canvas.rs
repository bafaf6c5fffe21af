//! The PNG charts' drawing backend: plotters' RGB bitmap backend with text drawn from a glyph
//! cache.
//!
//! plotters rasterises every glyph outline every time it draws it (the title, the ticks, the
//! 190-pixel watermark on every chart). A glyph is always rasterised at the same sub-pixel
//! position, so its coverage depends only on (font, size, character): [`Canvas`] keeps the
//! coverage of each once per process and blends it into the pixels exactly as plotters'
//! `draw_pixel` does, so the images are byte-identical to plotters' own text drawing (a test
//! draws every text style both ways). Everything else is drawn by plotters' bitmap backend,
//! made afresh over the same buffer for each call (it is a borrowed slice and a size).

use ab_glyph::{Font, FontRef, GlyphId, ScaleFont};
use plotters::backend::{BitMapBackend, RGBPixel};
use plotters::style::{FontStyle, FontTransform};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    text_anchor::{HPos, VPos},
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// An RGB canvas: plotters' bitmap backend for shapes, the glyph cache for the chart
/// family's text.
pub(crate) struct Canvas<'a> {
    buf: &'a mut [u8],
    size: (u32, u32),
    /// The buffer still holds an earlier chart: it is cleared to black (as a fresh buffer
    /// is) before the first drawing, unless that drawing fills the whole canvas opaquely.
    stale: bool,
}

type Bitmap<'a> = BitMapBackend<'a, RGBPixel>;
type Error = <Bitmap<'static> as DrawingBackend>::ErrorType;
type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Error>>;

impl<'a> Canvas<'a> {
    /// A canvas over `buf` (3 bytes a pixel, row by row), which must hold `size` pixels.
    pub(crate) fn new(buf: &'a mut [u8], size: (u32, u32)) -> Self {
        assert!(
            buf.len() >= size.0 as usize * size.1 as usize * 3,
            "canvas buffer too small"
        );
        Canvas {
            buf,
            size,
            stale: false,
        }
    }

    /// A canvas over a buffer an earlier chart was drawn on: it draws as [`Canvas::new`] over
    /// a zeroed buffer would. Every chart begins by filling the canvas white, so the zeroing
    /// (a 4 MB pass per chart) is skipped then.
    pub(crate) fn reused(buf: &'a mut [u8], size: (u32, u32)) -> Self {
        Canvas {
            stale: true,
            ..Canvas::new(buf, size)
        }
    }

    /// Clears what an earlier chart left, before anything is drawn on it.
    fn fresh(&mut self) {
        if self.stale {
            self.buf.fill(0);
            self.stale = false;
        }
    }

    /// plotters' backend over the buffer, for one call.
    fn bitmap(&mut self) -> Bitmap<'_> {
        self.fresh();
        BitMapBackend::with_buffer(self.buf, self.size)
    }

    /// Whether a rectangle fill overwrites every pixel (plotters' `fill_rect_fast`: opaque,
    /// the corners clamped to the canvas, the far corner exclusive).
    fn covers<S: BackendStyle>(&self, a: BackendCoord, b: BackendCoord, style: &S) -> bool {
        let (w, h) = (self.size.0 as i32, self.size.1 as i32);
        style.color().alpha >= 1.0
            && a.0.min(b.0) <= 0
            && a.1.min(b.1) <= 0
            && a.0.max(b.0) >= w
            && a.1.max(b.1) >= h
    }
}

/// One glyph at one size, as plotters' ab_glyph font draws it at the pen position.
struct Glyph {
    id: GlyphId,
    /// Advance to the next pen position, in pixels.
    advance: f32,
    /// Row of the coverage's top edge, relative to the text's top (plotters' `y_shift`).
    top: i32,
    /// The pixels with some coverage, in the rasteriser's order.
    pixels: Vec<Px>,
}

/// One pixel of a glyph.
struct Px {
    x: i32,
    y: i32,
    /// Coverage, 0 < a ≤ 1.
    a: f32,
    /// The coverage as plotters' `draw_pixel` applies it in an opaque colour: 256 sets the
    /// pixel, less blends it in 256ths (worked out once here instead of per pixel drawn).
    level: u16,
}

impl Px {
    fn new(x: u32, y: u32, a: f32) -> Px {
        let alpha = f64::from(a);
        let level = if alpha >= 1.0 - 1.0 / 256.0 {
            256
        } else {
            (alpha * 256.0).floor() as u16
        };
        Px {
            x: x as i32,
            y: y as i32,
            a,
            level,
        }
    }
}

/// Characters below this are kept in an array (Latin-1 and a little more); others in a map.
const DIRECT: usize = 0x300;

/// The glyphs of one weight and size.
#[derive(Default)]
struct Face {
    direct: Vec<Option<Arc<Glyph>>>,
    other: HashMap<char, Arc<Glyph>>,
}

/// Cache key of a [`Face`]: bold, the size's bits.
static GLYPHS: Mutex<Vec<((bool, u64), Face)>> = Mutex::new(Vec::new());

/// The embedded fonts, parsed once: (normal, bold).
fn fonts() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FONTS: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let normal = FontRef::try_from_slice(super::style::FONT_NORMAL).ok()?;
            let bold = FontRef::try_from_slice(super::style::FONT_BOLD).ok()?;
            Some((normal, bold))
        })
        .as_ref()
}

/// Rasterises one glyph as `FontDataInternal::draw` of plotters does.
fn rasterise(font: &FontRef<'static>, size: f64, c: char) -> Glyph {
    let scaled = font.as_scaled(size as f32);
    let id = scaled.glyph_id(c);
    let mut glyph = Glyph {
        id,
        advance: scaled.h_advance(id),
        top: 0,
        pixels: Vec::new(),
    };
    if let Some(q) = scaled.outline_glyph(scaled.scaled_glyph(c)) {
        glyph.top = ((size as f32) / 2.0 + q.px_bounds().min.y) as i32;
        // Pixels without coverage change nothing (plotters' `draw_pixel` skips alpha ≤ 0).
        q.draw(|x, y, a| {
            if a > 0.0 {
                glyph.pixels.push(Px::new(x, y, a));
            }
        });
    }
    glyph
}

/// The glyphs of `text` in one font and size, rasterising those not seen before.
fn glyphs(font: &FontRef<'static>, bold: bool, size: f64, text: &str) -> Vec<Arc<Glyph>> {
    let mut cache = GLYPHS.lock().unwrap_or_else(|e| e.into_inner());
    let key = (bold, size.to_bits());
    let at = match cache.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            cache.push((key, Face::default()));
            cache.len() - 1
        }
    };
    let face = &mut cache[at].1;
    text.chars()
        .map(|c| {
            let new = || Arc::new(rasterise(font, size, c));
            let glyph = match face.direct.get_mut(c as usize) {
                Some(slot) => slot.get_or_insert_with(new),
                None if (c as usize) < DIRECT => {
                    face.direct.resize(DIRECT, None);
                    face.direct[c as usize].get_or_insert_with(new)
                }
                None => face.other.entry(c).or_insert_with(new),
            };
            Arc::clone(glyph)
        })
        .collect()
}

/// The font the cache draws this style in: the chart family, normal or bold (anything else
/// is drawn by plotters).
fn cached_font<S: BackendTextStyle>(style: &S) -> Option<(bool, &'static FontRef<'static>)> {
    if style.family().as_str() != super::style::FAMILY {
        return None;
    }
    let (normal, bold) = fonts()?;
    match style.style() {
        FontStyle::Normal => Some((false, normal)),
        FontStyle::Bold => Some((true, bold)),
        _ => None,
    }
}

/// The colour and rotation of a text.
struct TextHow {
    color: BackendColor,
    trans: FontTransform,
}

/// plotters' `blend` of one colour channel (`a` in 256ths).
fn blend(prev: &mut u8, new: u8, a: u64) {
    if new > *prev {
        *prev += (u64::from(new - *prev) * a / 256) as u8;
    } else {
        *prev -= (u64::from(*prev - new) * a / 256) as u8;
    }
}

impl Canvas<'_> {
    /// One pixel as plotters' RGB `draw_pixel` sets it (the point is on the canvas).
    fn put(&mut self, (x, y): (i32, i32), color: BackendColor) {
        let level = if color.alpha >= 1.0 - 1.0 / 256.0 {
            256
        } else if color.alpha > 0.0 {
            (color.alpha * 256.0).floor() as u16
        } else {
            return;
        };
        self.put_level((x, y), color.rgb, level);
    }

    /// One pixel set (`level` 256) or blended in 256ths of `rgb`.
    fn put_level(&mut self, (x, y): (i32, i32), (r, g, b): (u8, u8, u8), level: u16) {
        let base = (y as usize * self.size.0 as usize + x as usize) * 3;
        let Some(px) = self.buf.get_mut(base..base + 3) else {
            return;
        };
        if level >= 256 {
            px.copy_from_slice(&[r, g, b]);
        } else {
            let a = u64::from(level);
            blend(&mut px[0], r, a);
            blend(&mut px[1], g, a);
            blend(&mut px[2], b, a);
        }
    }

    /// A glyph's pixels: each moved by `shift` in the text's frame, turned by `trans`, then
    /// moved by `pos` on the canvas.
    fn blit(&mut self, glyph: &Glyph, shift: (i32, i32), pos: BackendCoord, how: &TextHow) {
        let (w, h) = (self.size.0 as i32, self.size.1 as i32);
        let on = |x, y| x >= 0 && x < w && y >= 0 && y < h;
        // An opaque colour, not rotated (nearly all text): the levels worked out beforehand.
        if how.color.alpha == 1.0 && matches!(how.trans, FontTransform::None) {
            let at = (pos.0 + shift.0, pos.1 + shift.1);
            for p in &glyph.pixels {
                let (x, y) = (at.0 + p.x, at.1 + p.y);
                if on(x, y) {
                    self.put_level((x, y), how.color.rgb, p.level);
                }
            }
            return;
        }
        for p in &glyph.pixels {
            let (x, y) = how.trans.transform(p.x + shift.0, p.y + shift.1);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if on(x, y) {
                self.put((x, y), how.color.mix(f64::from(p.a)));
            }
        }
    }

    /// plotters' default `draw_text` with the glyphs from the cache: the same layout box,
    /// anchor, kerning, truncation, transform and blending, pixel for pixel.
    fn draw_cached<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
        (bold, font): (bool, &FontRef<'static>),
    ) -> Result {
        self.fresh();
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -(max_x - min_x),
            HPos::Center => -(max_x - min_x) / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -(max_y - min_y) / 2,
            VPos::Bottom => -(max_y - min_y),
        };
        let how = TextHow {
            color: style.color(),
            trans: style.transform(),
        };
        let scaled = font.as_scaled(style.size() as f32);
        let mut pen = 0f32;
        let mut prev: Option<&Glyph> = None;
        let glyphs = glyphs(font, bold, style.size(), text);
        for glyph in &glyphs {
            if let Some(p) = prev {
                pen += scaled.kern(p.id, glyph.id);
            }
            prev = Some(glyph);
            let shift = (pen as i32 + dx - min_x, glyph.top + dy - min_y);
            self.blit(glyph, shift, pos, &how);
            pen += glyph.advance;
        }
        Ok(())
    }
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        // Nothing drawn: what is shown must not be the earlier chart.
        self.fresh();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.bitmap().draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.bitmap().draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if fill && self.covers(upper_left, bottom_right, style) {
            self.stale = false;
        }
        self.bitmap()
            .draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.bitmap().draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.bitmap().draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.bitmap().fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        match cached_font(style) {
            Some(font) => self.draw_cached(text, style, pos, font),
            None => self.bitmap().draw_text(text, style, pos),
        }
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        let ((x0, y0), (x1, y1)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        Ok(((x1 - x0) as u32, (y1 - y0) as u32))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result {
        self.bitmap().blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
#[path = "canvas_tests.rs"]
mod tests;
