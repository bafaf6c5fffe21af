//! The PNG charts' drawing backend: plotters' bitmap backend with text drawn from a glyph
//! cache.
//!
//! plotters rasterises every glyph outline every time it draws it (the title, the ticks, the
//! 190-pixel watermark on every chart). A glyph is always rasterised at the same sub-pixel
//! position, so its coverage depends only on (font, size, character): [`Canvas`] keeps the
//! coverage of each once per process and blends it pixel by pixel exactly as plotters does,
//! so the images are byte-identical to plotters' own text drawing (a test draws every text
//! style both ways). Everything else is passed through to the wrapped backend unchanged.

use ab_glyph::{Font, FontRef, GlyphId, ScaleFont};
use plotters::style::FontStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    text_anchor::{HPos, VPos},
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A backend that draws the chart family's text from cached glyph coverage and passes
/// everything else to the backend it wraps.
pub(crate) struct Canvas<DB>(pub(crate) DB);

/// One glyph at one size, as plotters' ab_glyph font draws it at the pen position.
struct Glyph {
    id: GlyphId,
    /// Advance to the next pen position, in pixels.
    advance: f32,
    /// Row of the coverage's top edge, relative to the text's top (plotters' `y_shift`).
    top: i32,
    /// The pixels with some coverage: (column, row, coverage), in the rasteriser's order.
    pixels: Vec<(i32, i32, f32)>,
}

/// Cache key: bold, the size's bits, the character.
type Key = (bool, u64, char);

static GLYPHS: Mutex<Option<HashMap<Key, Arc<Glyph>>>> = Mutex::new(None);

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
                glyph.pixels.push((x as i32, y as i32, a));
            }
        });
    }
    glyph
}

/// The glyphs of `text` in one font and size, rasterising those not seen before.
fn glyphs(bold: bool, size: f64, text: &str) -> Option<Vec<Arc<Glyph>>> {
    let (normal, heavy) = fonts()?;
    let font = if bold { heavy } else { normal };
    let mut lock = GLYPHS.lock().unwrap_or_else(|e| e.into_inner());
    let cache = lock.get_or_insert_with(HashMap::new);
    let out = text
        .chars()
        .map(|c| {
            let key = (bold, size.to_bits(), c);
            let glyph = cache
                .entry(key)
                .or_insert_with(|| Arc::new(rasterise(font, size, c)));
            Arc::clone(glyph)
        })
        .collect();
    Some(out)
}

/// Whether the cache can draw this style: the chart family in normal or bold (anything else
/// is drawn by plotters).
fn cached_weight<S: BackendTextStyle>(style: &S) -> Option<bool> {
    if style.family().as_str() != super::style::FAMILY {
        return None;
    }
    match style.style() {
        FontStyle::Normal => Some(false),
        FontStyle::Bold => Some(true),
        _ => None,
    }
}

impl<DB: DrawingBackend> Canvas<DB> {
    /// plotters' default `draw_text` with the glyphs from the cache: the same layout box,
    /// anchor, kerning, truncation and transform, pixel for pixel.
    fn draw_cached<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
        glyphs: &[Arc<Glyph>],
        font: &FontRef<'static>,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let color = style.color();
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
        let trans = style.transform();
        let (w, h) = self.0.get_size();
        let scaled = font.as_scaled(style.size() as f32);
        let mut pen = 0f32;
        let mut prev: Option<&Glyph> = None;
        for glyph in glyphs {
            if let Some(p) = prev {
                pen += scaled.kern(p.id, glyph.id);
            }
            prev = Some(glyph);
            let left = pen as i32;
            for &(x, y, a) in &glyph.pixels {
                let (x, y) = trans.transform(x + left + dx - min_x, y + glyph.top + dy - min_y);
                let (x, y) = (pos.0 + x, pos.1 + y);
                if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                    self.0.draw_pixel((x, y), color.mix(f64::from(a)))?;
                }
            }
            pen += glyph.advance;
        }
        Ok(())
    }
}

impl<DB: DrawingBackend> DrawingBackend for Canvas<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let bold = cached_weight(style);
        match (
            bold,
            bold.and_then(|b| glyphs(b, style.size(), text)),
            fonts(),
        ) {
            (Some(bold), Some(glyphs), Some((normal, heavy))) => {
                let font = if bold { heavy } else { normal };
                self.draw_cached(text, style, pos, &glyphs, font)
            }
            _ => self.0.draw_text(text, style, pos),
        }
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.0.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::Canvas;
    use crate::render::charts::style;
    use plotters::prelude::*;
    use plotters::style::FontTransform;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    /// Every text of `texts` in every weight, size, anchor and rotation, drawn on a white
    /// canvas (some partly off it) by `draw`.
    fn draw_all<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>) {
        root.fill(&WHITE).unwrap();
        let texts = [
            "EXEMPELDATA",
            "Våld i nära relation, Tävling AVAT 1–2 …",
            "ÅÄÖ åäö 0,5 %",
        ];
        let anchors = [
            (HPos::Left, VPos::Top),
            (HPos::Center, VPos::Center),
            (HPos::Right, VPos::Bottom),
        ];
        let mut at = 0;
        for (i, text) in texts.iter().enumerate() {
            for (j, size) in [190.0, 44.0, 28.0, 26.0, 24.0, 13.5]
                .into_iter()
                .enumerate()
            {
                for (k, (h, v)) in anchors.iter().enumerate() {
                    let bold = (i + j + k) % 2 == 0;
                    let rotate = (i + k) % 3 == 0;
                    let color = if bold { style::BLUE } else { style::DARK_GREY };
                    let mut font = style::font(size, bold, color).pos(Pos::new(*h, *v));
                    if rotate {
                        font = font.transform(FontTransform::Rotate90);
                    }
                    at += 1;
                    let pos = ((at * 97) % 900 - 100, (at * 53) % 700 - 100);
                    root.draw(&Text::new(text.to_string(), pos, font)).unwrap();
                }
            }
        }
    }

    #[test]
    fn cached_glyphs_draw_the_same_pixels_as_plotters() {
        style::ensure_fonts().unwrap();
        let (w, h) = (800u32, 600u32);
        let mut plain = vec![0u8; (w * h * 3) as usize];
        let mut cached = plain.clone();
        draw_all(&BitMapBackend::with_buffer(&mut plain, (w, h)).into_drawing_area());
        // Twice: the second time every glyph comes from the cache.
        for _ in 0..2 {
            cached.fill(0);
            draw_all(&Canvas(BitMapBackend::with_buffer(&mut cached, (w, h))).into_drawing_area());
            assert!(
                plain == cached,
                "the glyph cache drew other pixels than plotters"
            );
        }
        let inked = plain.chunks(3).filter(|p| p != &[255, 255, 255]).count();
        assert!(inked > 10_000, "hardly any text was drawn ({inked} pixels)");
    }
}
