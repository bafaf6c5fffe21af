//! `<area>-rates`: reported crimes per 100 000 inhabitants for the kommun (with its exact
//! 95 % interval as a band), its county and the nation. Lines differ in colour, lightness,
//! marker shape and dash pattern, so they stay apart in black and white. With `pooled` the
//! 3-year centred pooled rates are drawn instead of the yearly ones.

use super::axes::{self, Chart};
use super::legend::{self, Dash, Marker, Swatch};
use super::style::{self, BLUE, ORANGE};
use super::{Ctx, joined_runs, level, partial, preliminary, span_text};
use crate::model::{AreaSummary, BreakRef, YearFigures};
use crate::render::{region_names, words};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How one region's line looks.
struct Look {
    color: RGBColor,
    width: u32,
    dash: Dash,
    marker: Marker,
    radius: i32,
}

const LOOKS: [Look; 3] = [
    Look {
        color: BLUE,
        width: 5,
        dash: Dash::Solid,
        marker: Marker::Circle,
        radius: 11,
    },
    Look {
        color: ORANGE,
        width: 4,
        dash: Dash::Dashed,
        marker: Marker::Triangle,
        radius: 11,
    },
    Look {
        color: style::DARK_GREY,
        width: 3,
        dash: Dash::Dotted,
        marker: Marker::Square,
        radius: 9,
    },
];

/// One region's points: (year, rate, interval, preliminary).
type Series = Vec<(i32, Option<f64>, Option<[f64; 2]>, bool)>;

/// A pooled point counts as preliminary when any of its three years is. Whether a pooled rate
/// exists is the analysis's decision (`pooled_rate` is `None` across a splitting break, see
/// `pooled_rate_break`); the chart draws what the model holds.
pub(crate) fn series(figures: &[&YearFigures], pooled: bool) -> Series {
    let prel = |year: i32| figures.iter().any(|f| f.preliminary && f.year == year);
    figures
        .iter()
        .map(|f| {
            let (v, ci, p) = if pooled {
                let p = prel(f.year - 1) || f.preliminary || prel(f.year + 1);
                (f.pooled_rate, f.pooled_rate_ci, p)
            } else {
                (f.rate_per_100k, f.rate_ci, f.preliminary)
            };
            (
                f.year,
                v.filter(|x| x.is_finite()),
                super::trend::finite_ci(ci),
                p,
            )
        })
        .collect()
}

/// The kommun, comparison-region (county or police region) and nation rows of an area, their
/// series and their names.
struct Levels<'a> {
    rows: [Vec<&'a YearFigures>; 3],
    series: Vec<Series>,
    names: Vec<String>,
}

impl<'a> Levels<'a> {
    fn new(ctx: &Ctx<'_>, area: &'a AreaSummary) -> Self {
        let middle = region_names::comparison_level(area);
        let rows = [
            level(area, "kommun"),
            level(area, middle),
            level(area, "nation"),
        ];
        let series = rows.iter().map(|l| series(l, ctx.pooled)).collect();
        let s = ctx.summary;
        let defaults = [s.region.name.as_str(), s.county.name.as_str(), "Riket"];
        let names = rows
            .iter()
            .zip(defaults)
            .zip(["kommun", middle, "nation"])
            .map(|((l, d), level)| match &area.comparison {
                Some(c) if level == middle => region_names::comparison_name(c, ctx.lang),
                _ => {
                    let name = l.first().map_or(d, |f| f.region_name.as_str());
                    words::region_name(level, name, ctx.lang)
                }
            })
            .collect();
        Levels {
            rows,
            series,
            names,
        }
    }

    /// The years with a rate at any level.
    fn years(&self) -> Vec<i32> {
        self.series
            .iter()
            .flatten()
            .filter(|p| p.1.is_some())
            .map(|p| p.0)
            .collect()
    }

    /// The highest value drawn: a rate, or the top of the kommun's band.
    fn top(&self) -> f64 {
        self.series
            .iter()
            .enumerate()
            .flat_map(|(i, ser)| {
                ser.iter().map(move |p| {
                    let hi = if i == 0 {
                        p.2.map_or(0.0, |c| c[1])
                    } else {
                        0.0
                    };
                    p.1.unwrap_or(0.0).max(hi)
                })
            })
            .fold(0.0_f64, f64::max)
    }
}

/// The chart's title and subtitle.
fn titles(
    ctx: &Ctx<'_>,
    area: &AreaSummary,
    levels: &Levels<'_>,
    years: &[i32],
) -> (String, String) {
    let lang = ctx.lang;
    let mut title = format!(
        "{}: {}",
        words::title(area, lang),
        lang.pick(
            "anmälda brott per 100 000 invånare",
            "reported crimes per 100,000 inhabitants"
        )
    );
    if ctx.pooled {
        title += lang.pick(", 3-årsmedel", ", 3-year pooled");
    }
    let shown: Vec<&str> = (0..3)
        .filter(|i| !levels.rows[*i].is_empty())
        .map(|i| levels.names[i].as_str())
        .collect();
    let years_text = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => span_text(*a, *b),
        _ => lang.pick("inga data", "no data").to_owned(),
    };
    let band = if ctx.pooled {
        lang.pick(
            "Centrerat 3-årsmedel; band: exakt 95 % intervall.",
            "Centred 3-year pooled rate; band: exact 95% interval.",
        )
    } else {
        lang.pick(
            "Band: exakt 95 % intervall för kommunen.",
            "Band: exact 95% interval for the kommun.",
        )
    };
    (title, format!("{}, {years_text}. {band}", shown.join(", ")))
}

/// The legend: one line per level shown, the kommun's band, `..` years and preliminary years.
fn legend_items(ctx: &Ctx<'_>, levels: &Levels<'_>) -> Vec<legend::Item> {
    let lang = ctx.lang;
    let mut items = Vec::new();
    for (i, look) in LOOKS.iter().enumerate() {
        if levels.rows[i].is_empty() {
            continue;
        }
        let swatch = Swatch::Line(look.color, look.width, look.dash, Some(look.marker));
        items.push(legend::item(swatch, levels.names[i].clone()));
        if i == 0 {
            let band = Swatch::Fill(BLUE.mix(0.2));
            let label = format!(
                "{} {}",
                lang.pick("95 % intervall,", "95% interval,"),
                levels.names[0]
            );
            items.push(legend::item(band, label));
        }
    }
    if levels.rows.iter().any(|l| l.iter().any(|f| f.partial)) {
        let swatch = Swatch::Dot(Marker::Circle, style::lighter(BLUE), true);
        let label = lang.pick(
            "Någon brottstyp saknas (..)",
            "A crime type is missing (..)",
        );
        items.push(legend::item(swatch, label));
    }
    if levels.series.iter().flatten().any(|p| p.3 && p.1.is_some()) {
        let swatch = Swatch::Dot(Marker::Circle, BLUE, false);
        let label = if ctx.pooled {
            lang.pick(
                "Med preliminära år (ofylld)",
                "Includes preliminary years (hollow)",
            )
        } else {
            lang.pick("Preliminärt (ofylld)", "Preliminary (hollow)")
        };
        items.push(legend::item(swatch, label));
    }
    items
}

/// What the plot says when there is no rate to draw.
fn empty_message(ctx: &Ctx<'_>) -> &'static str {
    if ctx.pooled {
        ctx.lang.pick(
            "Inga 3-årsmedel (för få år)",
            "No 3-year pooled rates (too few years)",
        )
    } else {
        ctx.lang.pick(
            "Inga tal per 100 000 invånare",
            "No rates per 100,000 inhabitants",
        )
    }
}

/// Draws the rates chart of one area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let levels = Levels::new(ctx, area);
    let years = levels.years();
    let span = axes::year_span(&years, s.pledge).unwrap_or((s.pledge[0], s.pledge[1]));
    let (title, subtitle) = titles(ctx, area, &levels, &years);
    style::frame(root, lang, s, &title, &subtitle)?;
    let items = legend_items(ctx, &levels);
    let body = style::body(root);
    let legend::Below {
        plot,
        at: legend_at,
        width: legend_w,
    } = legend::below(root, &body, &items)?;
    let chart = axes::build(
        &plot,
        axes::year_range(span.0, span.1),
        axes::zero_based(levels.top(), 10.0),
        (
            lang.pick("År", "Year"),
            lang.pick(
                "Anmälda brott per 100 000 invånare",
                "Reported crimes per 100,000 inhabitants",
            ),
        ),
        lang,
    )?;
    axes::pledge_shade(root, &chart, s.pledge, lang, true)?;
    axes::break_rules(root, &chart, &area.breaks, lang)?;
    band(root, &chart, &levels.series[0], &area.breaks)?;
    // Nation first, kommun last: the kommun lies on top.
    for i in (0..3).rev() {
        let cut = (partial(&levels.rows[i]), area.breaks.as_slice());
        draw_series(root, &chart, &levels.series[i], &LOOKS[i], cut)?;
    }
    let prel = preliminary(&levels.rows[0]);
    axes::year_labels(root, &chart, span, &prel, style::TICK_PX)?;
    if years.is_empty() {
        style::message(root, &plot, empty_message(ctx))?;
    }
    legend::draw_flow(root, &items, legend_at, legend_w)
}

fn band<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    ser: &Series,
    breaks: &[BreakRef],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let cis: Vec<(i32, Option<[f64; 2]>)> = ser.iter().map(|p| (p.0, p.2)).collect();
    for run in joined_runs(&cis, breaks) {
        if run.len() == 1 {
            let (year, [lo, hi]) = run[0];
            let a = axes::px(chart, year as f64 - 0.15, hi);
            let b = axes::px(chart, year as f64 + 0.15, lo);
            root.draw(&Rectangle::new([a, b], BLUE.mix(0.2).filled()))?;
            continue;
        }
        let mut poly: Vec<(i32, i32)> = run
            .iter()
            .map(|(y, ci)| axes::px(chart, *y as f64, ci[1]))
            .collect();
        poly.extend(
            run.iter()
                .rev()
                .map(|(y, ci)| axes::px(chart, *y as f64, ci[0])),
        );
        root.draw(&Polygon::new(poly, BLUE.mix(0.2).filled()))?;
    }
    Ok(())
}

fn draw_series<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    ser: &Series,
    look: &Look,
    (partial, breaks): (Vec<i32>, &[BreakRef]),
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    // Years with a `..` crime type are not comparable: no line to or from them.
    let vals: Vec<(i32, Option<f64>)> = ser
        .iter()
        .map(|p| (p.0, p.1.filter(|_| !partial.contains(&p.0))))
        .collect();
    for run in joined_runs(&vals, breaks) {
        let pts: Vec<(i32, i32)> = run
            .iter()
            .map(|(y, v)| axes::px(chart, *y as f64, *v))
            .collect();
        legend::line(root, &pts, look.color.into(), look.width, look.dash)?;
    }
    for (year, v, _, prel) in ser {
        if let Some(v) = v {
            let at = axes::px(chart, *year as f64, *v);
            let color = if partial.contains(year) {
                style::lighter(look.color)
            } else {
                look.color
            };
            legend::marker(root, at, look.marker, look.radius, color, !prel)?;
        }
    }
    Ok(())
}
