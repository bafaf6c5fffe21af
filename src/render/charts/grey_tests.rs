//! The black-and-white test: every chart kind is rendered from a fixture and printed to grey
//! in the test, and every pair of series must still differ in lightness or in pattern.
//!
//! Grey is taken with both common luma weights (BT.601 and BT.709): a pair must stay apart
//! under each. Two checks, because not every chart has a legend:
//! - charts with a legend (trend, rates, composition, funnel): each legend swatch is cut out
//!   of the greyscale PNG, and every two swatches must differ clearly in enough pixels, so a
//!   reader can still match series to their keys on a black-and-white printout;
//! - every chart (those seven kinds and the card): every two line or marker styles drawn must
//!   differ in pattern (dash, marker shape, hollow/filled) or by at least [`MIN_GREY_STEP`] in
//!   grey value; and as many distinct styles must be drawn as the chart has series, so two
//!   series cannot silently collapse into one look.

use super::cases::{monthly_area, realistic};
use super::legend::{self, SWATCH_W};
use super::marks::{self, Drawn};
use super::*;
use crate::model::Level;

/// Grey values closer than this print alike (on a 0–255 scale).
const MIN_GREY_STEP: f64 = 30.0;
/// Pixels that must differ by more than [`MIN_GREY_STEP`] between two legend swatches.
const MIN_DIFFERENT_PIXELS: usize = 20;

/// The two common ways to print colour in grey: ITU-R BT.601 and BT.709 luma weights.
const LUMA: [[f64; 3]; 2] = [[0.299, 0.587, 0.114], [0.2126, 0.7152, 0.0722]];

/// Grey value of a colour over white under luma weights `w`.
fn grey((r, g, b): (u8, u8, u8), alpha: f64, w: [f64; 3]) -> f64 {
    let luma = w[0] * f64::from(r) + w[1] * f64::from(g) + w[2] * f64::from(b);
    alpha * luma + (1.0 - alpha) * 255.0
}

/// Whether two colours print apart in grey under both luma weights.
fn apart(a: (u8, u8, u8), alpha_a: f64, b: (u8, u8, u8), alpha_b: f64) -> bool {
    LUMA.iter()
        .all(|w| (grey(a, alpha_a, *w) - grey(b, alpha_b, *w)).abs() >= MIN_GREY_STEP)
}

/// One rendering of a chart: the greyscale images (one per luma weights), its legend
/// swatches and its mark styles.
struct Printed {
    images: Vec<image::GrayImage>,
    swatches: Vec<(String, i32, i32)>,
    styles: Vec<Drawn>,
}

fn print_grey(summary: &Summary, job: Job<'_>) -> anyhow::Result<Printed> {
    let ctx = Ctx {
        summary,
        lang: Lang::Sv,
        pooled: false,
    };
    legend::DRAWN.with(|d| d.borrow_mut().clear());
    marks::DRAWN.with(|d| d.borrow_mut().clear());
    style::ensure_fonts()?;
    let png = render_job(&ctx, job, ChartFormat::Png)?;
    let rgb = image::load_from_memory_with_format(&png, image::ImageFormat::Png)?.to_rgb8();
    let images = LUMA
        .iter()
        .map(|w| {
            image::GrayImage::from_fn(rgb.width(), rgb.height(), |x, y| {
                let p = rgb.get_pixel(x, y);
                image::Luma([grey((p[0], p[1], p[2]), 1.0, *w).round() as u8])
            })
        })
        .collect();
    let swatches = legend::DRAWN.with(|d| d.borrow().clone());
    let mut styles: Vec<Drawn> = Vec::new();
    for m in marks::DRAWN.with(|d| d.borrow().clone()) {
        if !styles.contains(&m) {
            styles.push(m);
        }
    }
    Ok(Printed {
        images,
        swatches,
        styles,
    })
}

/// Pixels of two swatches (same offsets) whose grey values differ by more than a step.
fn different_pixels(img: &image::GrayImage, a: (i32, i32), b: (i32, i32)) -> usize {
    let at = |x: i32, y: i32| -> f64 {
        let (x, y) = (
            x.clamp(0, img.width() as i32 - 1),
            y.clamp(0, img.height() as i32 - 1),
        );
        f64::from(img.get_pixel(x as u32, y as u32)[0])
    };
    let mut n = 0;
    for dy in -18..=18 {
        for dx in -2..SWATCH_W + 2 {
            let (ga, gb) = (at(a.0 + dx, a.1 + dy), at(b.0 + dx, b.1 + dy));
            if (ga - gb).abs() > MIN_GREY_STEP {
                n += 1;
            }
        }
    }
    n
}

fn assert_swatches_differ(name: &str, p: &Printed) {
    for (i, a) in p.swatches.iter().enumerate() {
        for b in &p.swatches[i + 1..] {
            let n = p
                .images
                .iter()
                .map(|img| different_pixels(img, (a.1, a.2), (b.1, b.2)))
                .min()
                .unwrap_or(0);
            assert!(
                n >= MIN_DIFFERENT_PIXELS,
                "{name}: legend keys \"{}\" and \"{}\" print alike in grey ({n} pixels differ)",
                a.0,
                b.0
            );
        }
    }
}

/// Whether two drawn styles tell apart in grey: by pattern, or by lightness.
fn tell_apart(a: &Drawn, b: &Drawn) -> bool {
    match (a, b) {
        (Drawn::Line(ca, aa, _, da), Drawn::Line(cb, ab, _, db)) => {
            da != db || apart(*ca, *aa, *cb, *ab)
        }
        (Drawn::Marker(sa, ca, fa), Drawn::Marker(sb, cb, fb)) => {
            sa != sb || fa != fb || apart(*ca, 1.0, *cb, 1.0)
        }
        _ => true,
    }
}

fn assert_styles_differ(name: &str, p: &Printed, series: usize) {
    assert!(
        p.styles.len() >= series,
        "{name}: {} distinct line/marker styles for {series} series: {:?}",
        p.styles.len(),
        p.styles
    );
    for (i, a) in p.styles.iter().enumerate() {
        for b in &p.styles[i + 1..] {
            assert!(
                tell_apart(a, b),
                "{name}: {a:?} and {b:?} print alike in grey"
            );
        }
    }
}

/// An area with nine crime types: six stacks and "Övriga", every composition colour.
fn nine_types() -> AreaSummary {
    let mut a = realistic().areas[1].clone();
    a.id = "nine".to_owned();
    a.crimes = (0..9).map(|i| format!("Typ {i}")).collect();
    for f in a.years.iter_mut().filter(|f| f.level == Level::Kommun) {
        f.by_crime = (0..9).map(|i| Some(i + 1)).collect();
        f.count = Some(45);
    }
    a
}

#[test]
fn every_chart_kind_survives_greyscale_printing() -> anyhow::Result<()> {
    let mut s = realistic();
    // A `..` year and a preliminary year, so the lighter and the hollow looks are drawn too.
    for f in s.areas[0]
        .years
        .iter_mut()
        .filter(|f| f.level == Level::Kommun)
    {
        f.partial = f.year == 2017;
    }
    s.areas.push(monthly_area());
    s.areas.push(nine_types());
    // A baseline after the fixture's break, so the baseline-mean line is drawn too.
    s.baseline = [2019, 2022];
    let (rel, monthly, nine) = (&s.areas[0], &s.areas[2], &s.areas[3]);
    // (chart, job, legend keys expected at least, line/marker styles expected at least)
    let jobs: [(&str, Job<'_>, usize, usize); 7] = [
        ("trend", Job::Area(Kind::Trend, rel), 6, 7),
        ("rates", Job::Area(Kind::Rates, rel), 6, 11),
        ("composition", Job::Area(Kind::Composition, nine), 7, 0),
        ("funnel", Job::Area(Kind::Funnel, rel), 5, 5),
        ("monthly", Job::Monthly(monthly), 0, 6),
        ("overview", Job::Overview, 0, 5),
        ("card", Job::Card, 0, 5),
    ];
    for (name, job, keys, series) in jobs {
        let p = print_grey(&s, job)?;
        assert!(
            p.swatches.len() >= keys,
            "{name}: {} legend keys, expected {keys}",
            p.swatches.len()
        );
        assert_swatches_differ(name, &p);
        assert_styles_differ(name, &p, series);
    }
    Ok(())
}

#[test]
fn two_keys_of_one_grey_are_caught() -> anyhow::Result<()> {
    // The check itself must be able to fail: the same swatch twice prints alike.
    let s = realistic();
    let p = print_grey(&s, Job::Area(Kind::Composition, &s.areas[0]))?;
    let first = p.swatches[0].clone();
    let twin = Printed {
        swatches: vec![first.clone(), first],
        ..p
    };
    let caught = std::panic::catch_unwind(|| assert_swatches_differ("twin", &twin));
    assert!(caught.is_err());
    let blue = Drawn::Line((0x00, 0x72, 0xB2), 1.0, 3, marks::Dash::Solid);
    let same_grey_red = Drawn::Line((0xAA, 0x3C, 0x14), 1.0, 3, marks::Dash::Solid);
    assert!(!tell_apart(&blue, &same_grey_red));
    Ok(())
}
