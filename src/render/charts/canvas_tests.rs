//! The glyph cache against plotters' own text drawing.

use super::Canvas;
use crate::render::charts::style;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

static TRANSLUCENT: RGBAColor = RGBAColor(0x00, 0x72, 0xB2, 0.6);

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
                if (i + j) % 4 == 1 {
                    // A translucent colour is blended per pixel, not from the levels.
                    font = font.color(&TRANSLUCENT);
                }
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
        draw_all(&Canvas::new(&mut cached, (w, h)).into_drawing_area());
        assert!(
            plain == cached,
            "the glyph cache drew other pixels than plotters"
        );
    }
    let inked = plain.chunks(3).filter(|p| p != &[255, 255, 255]).count();
    assert!(inked > 10_000, "hardly any text was drawn ({inked} pixels)");
}

/// The pixels after `draw` on a canvas over a zeroed buffer and on a reused one over the
/// leftovers of another drawing.
fn fresh_and_reused(
    draw: impl Fn(&DrawingArea<Canvas<'_>, plotters::coord::Shift>),
) -> (Vec<u8>, Vec<u8>) {
    let (w, h) = (320u32, 200u32);
    let mut fresh = vec![0u8; (w * h * 3) as usize];
    let root = Canvas::new(&mut fresh, (w, h)).into_drawing_area();
    draw(&root);
    root.present().unwrap();
    drop(root);
    let mut reused: Vec<u8> = (0..fresh.len()).map(|i| (i * 7 % 251) as u8).collect();
    let root = Canvas::reused(&mut reused, (w, h)).into_drawing_area();
    draw(&root);
    root.present().unwrap();
    drop(root);
    (fresh, reused)
}

#[test]
fn a_reused_canvas_draws_as_a_fresh_one_whatever_the_chart_begins_with() {
    style::ensure_fonts().unwrap();
    let line = |root: &DrawingArea<Canvas<'_>, _>| {
        let path = PathElement::new(vec![(10, 10), (300, 150)], style::BLUE.stroke_width(3));
        root.draw(&path).unwrap();
    };
    let text = |root: &DrawingArea<Canvas<'_>, _>| {
        let font = style::font(28.0, true, style::BLUE);
        root.draw(&Text::new("Åre", (20, 20), font)).unwrap();
    };
    let white_then_line = |root: &DrawingArea<Canvas<'_>, _>| {
        root.fill(&WHITE).unwrap();
        line(root);
    };
    let part_then_line = |root: &DrawingArea<Canvas<'_>, _>| {
        let part = Rectangle::new([(0, 0), (319, 200)], WHITE.filled());
        root.draw(&part).unwrap();
        line(root);
    };
    let nothing = |_: &DrawingArea<Canvas<'_>, _>| {};
    for (name, (fresh, reused)) in [
        ("a line first", fresh_and_reused(line)),
        ("text first", fresh_and_reused(text)),
        ("a white fill first", fresh_and_reused(white_then_line)),
        ("a fill one pixel short", fresh_and_reused(part_then_line)),
        ("nothing", fresh_and_reused(nothing)),
    ] {
        assert!(
            fresh == reused,
            "{name}: the reused canvas kept pixels of the earlier one"
        );
    }
}
