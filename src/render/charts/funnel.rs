//! `<area>-funnel`: every kommun's rate over the pledge years against its size (person-years,
//! log scale), with the 95 % (dashed) and 99.8 % (solid) control limits and the pooled rate of
//! the other kommuner (the target). The pledge kommun is blue and named; the others are grey and unnamed, and
//! nothing is ranked.

use super::legend::{self, Dash, Marker, Swatch};
use super::style::{self, BLUE, GREY, LABEL_PX, TICK_PX, VERMILLION};
use super::{Ctx, span_text};
use crate::model::{AreaSummary, FunnelLimit, FunnelPosition};
use crate::render::format::{self, Lang};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<LogCoord<f64>, RangedCoordf64>>;

/// The kommun's position in words.
fn position_text(pos: FunnelPosition, lang: Lang) -> &'static str {
    match pos {
        FunnelPosition::Above99_8 => lang.pick("över 99,8 %-gränsen", "above the 99.8% limit"),
        FunnelPosition::Above95 => lang.pick("över 95 %-gränsen", "above the 95% limit"),
        FunnelPosition::Inside95 => lang.pick("inom 95 %-gränserna", "within the 95% limits"),
        FunnelPosition::Below95 => lang.pick("under 95 %-gränsen", "below the 95% limit"),
        FunnelPosition::Below99_8 => lang.pick("under 99,8 %-gränsen", "below the 99.8% limit"),
    }
}

/// A kommun in the chart: (person-years, rate per 100 000, is the pledge kommun).
type Point = (f64, f64, bool);

/// The kommuner and the limits that can be drawn (finite, positive person-years), the limits
/// sorted by size.
fn drawable<'a>(ctx: &Ctx<'_>, area: &'a AreaSummary) -> (Vec<Point>, Vec<&'a FunnelLimit>) {
    let f = &area.funnel;
    let fin = |v: f64| v.is_finite();
    let points = f
        .points
        .iter()
        .filter(|p| fin(p.person_years) && p.person_years > 0.0)
        .map(|p| {
            (
                p.person_years,
                p.count as f64 / p.person_years * 1e5,
                p.code == ctx.summary.region.code,
            )
        })
        .collect();
    let mut limits: Vec<&FunnelLimit> = f
        .limits
        .iter()
        .filter(|l| fin(l.person_years) && l.person_years > 0.0)
        .filter(|l| fin(l.low_998) && fin(l.low_95) && fin(l.high_95) && fin(l.high_998))
        .collect();
    limits.sort_by(|a, b| a.person_years.total_cmp(&b.person_years));
    (points, limits)
}

/// How much of the upper 99.8 % limit lies above the chart's top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// All of it is drawn.
    None,
    /// It leaves the chart somewhere.
    Partly,
    /// It lies wholly above the chart.
    Wholly,
}

/// The chart's title and subtitle, saying when the 99.8 % limit is cut at the top.
fn titles(ctx: &Ctx<'_>, area: &AreaSummary, cut: Cut) -> (String, String) {
    let (s, lang, f) = (ctx.summary, ctx.lang, &area.funnel);
    let title = format!(
        "{}: {} {} {} {}",
        crate::render::words::title(area, lang),
        s.region.name,
        lang.pick("bland", "among"),
        format::int(f.kommuner as u64, lang),
        lang.pick("kommuner i underlaget", "kommuner in the data")
    );
    let years = area
        .pledge_vs_baseline
        .pledge_years
        .map(|[a, b]| format!(", {}", span_text(a, b)))
        .unwrap_or_default();
    let cut_text = match cut {
        Cut::None => "",
        Cut::Partly => lang.pick(
            " Den övre 99,8 %-gränsen går delvis över diagrammets kant.",
            " The upper 99.8% limit partly runs above the chart.",
        ),
        Cut::Wholly => lang.pick(
            " Den övre 99,8 %-gränsen ligger ovanför diagrammet.",
            " The upper 99.8% limit lies above the chart.",
        ),
    };
    let subtitle = format!(
        "{} {}{years}. {}{cut_text}",
        format::int(f.kommuner as u64, lang),
        lang.pick("kommuner", "kommuner"),
        lang.pick(
            "Gränserna visar hur mycket slumpen kan ge vid varje storlek.",
            "The limits show how far chance alone can reach at each size."
        )
    );
    (title, subtitle)
}

/// The person-years shown (log axis) and the top of the rate axis.
fn ranges(points: &[Point], limits: &[&FunnelLimit], target: Option<f64>) -> ((f64, f64), f64) {
    let empty = points.is_empty() || limits.is_empty();
    let xs = points
        .iter()
        .map(|p| p.0)
        .chain(limits.iter().map(|l| l.person_years));
    let (mut x0, mut x1) = xs.fold((f64::MAX, 0.0_f64), |(a, b), x| (a.min(x), b.max(x)));
    if empty || x0 >= x1 {
        (x0, x1) = if empty {
            (1e3, 1e6)
        } else {
            (x0 * 0.5, x1 * 2.0)
        };
    }
    // The 95 % limits and every kommun set the top, and the 99.8 % limit when it reaches no
    // higher than twice that; further up it would squeeze the kommuner into the foot of the
    // chart, so it is cut at the top instead.
    let ys = points
        .iter()
        .map(|p| p.1)
        .chain(limits.iter().map(|l| l.high_95));
    let top = ys
        .chain(target)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let high = limits
        .iter()
        .map(|l| l.high_998)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let top = if high <= 2.0 * top {
        top.max(high)
    } else {
        top
    };
    ((x0, x1), (top * 1.12).max(10.0))
}

/// The log-x chart with its mesh and axis descriptions.
fn build<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    (x0, x1): (f64, f64),
    y_top: f64,
    lang: Lang,
) -> anyhow::Result<Chart<'a, DB>>
where
    DB::ErrorType: 'static,
{
    let dec = super::axes::decimals(y_top, super::axes::Y_TICKS);
    let fmt_y = |v: &f64| format::number(*v, dec, lang);
    let mut chart = ChartBuilder::on(plot)
        .margin_top(12)
        .margin_right(40)
        .x_label_area_size(96)
        .y_label_area_size(super::axes::Y_LABEL_W)
        .build_cartesian_2d((x0 / 1.15..x1 * 1.15).log_scale(), 0.0..y_top)?;
    let no_x = |_: &f64| String::new();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(super::axes::Y_TICKS)
        .x_label_formatter(&no_x)
        .y_label_formatter(&fmt_y)
        .bold_line_style(BLACK.mix(0.15).stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(BLACK.stroke_width(2))
        .label_style(style::font(TICK_PX, false, BLACK))
        .axis_desc_style(style::font(LABEL_PX, false, BLACK))
        .x_desc(lang.pick(
            "Personår (invånare × år), logaritmisk skala",
            "Person-years (inhabitants × years), log scale",
        ))
        .y_desc(lang.pick(
            "Anmälda brott per 100 000 invånare och år",
            "Reported crimes per 100,000 inhabitants per year",
        ))
        .draw()?;
    Ok(chart)
}

/// The other kommuner in grey, then the pledge kommun in blue with its name beside it.
fn draw_points<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    points: &[Point],
    name: &str,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    for (x, y, _) in points.iter().filter(|p| !p.2) {
        legend::marker(root, px(chart, *x, *y), Marker::Circle, 9, GREY, true)?;
    }
    for (x, y, _) in points.iter().filter(|p| p.2) {
        let at = px(chart, *x, *y);
        root.draw(&Circle::new(at, 16, BLACK.filled()))?;
        legend::marker(root, at, Marker::Circle, 13, BLUE, true)?;
        let style = style::font(LABEL_PX, true, BLACK);
        let (w, _) = style::text_size(root, name, &style)?;
        let right_edge = px(chart, chart.x_range().end, 0.0).0;
        let (h, x) = if at.0 + 26 + w < right_edge {
            (HPos::Left, at.0 + 26)
        } else {
            (HPos::Right, at.0 - 26)
        };
        let style = style::anchored(style, h, VPos::Center);
        style::boxed_text(root, name, (x, at.1), &style)?;
    }
    Ok(())
}

/// Draws the funnel chart of one area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'_>,
    area: &AreaSummary,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (s, lang) = (ctx.summary, ctx.lang);
    let (points, limits) = drawable(ctx, area);
    let empty = points.is_empty() || limits.is_empty();
    let target = area.funnel.target_rate.filter(|t| t.is_finite());
    let (xs, y_top) = ranges(&points, &limits, target);
    let above = limits.iter().filter(|l| l.high_998 > y_top).count();
    let cut = match above {
        _ if empty || above == 0 => Cut::None,
        n if n == limits.len() => Cut::Wholly,
        _ => Cut::Partly,
    };
    let (title, subtitle) = titles(ctx, area, cut);
    style::frame(root, lang, s, &title, &subtitle)?;
    let items = if empty {
        Vec::new()
    } else {
        legend_items(ctx, area, points.iter().any(|p| !p.2))
    };
    let body = style::body(root);
    let legend::Below {
        plot,
        at: legend_at,
        width: legend_w,
    } = legend::below(root, &body, &items)?;
    let chart = build(&plot, xs, y_top, lang)?;
    x_ticks(root, &chart, lang)?;
    if empty {
        let msg = lang.pick(
            "För få kommuner för jämförelse",
            "Too few kommuner to compare",
        );
        return style::message(root, &plot, msg);
    }
    limit_lines(root, &chart, &limits)?;
    if let Some(t) = target {
        let xr = chart.x_range();
        let pts = [px(&chart, xr.start, t), px(&chart, xr.end, t)];
        legend::line(root, &pts, VERMILLION.into(), 3, Dash::Solid)?;
    }
    draw_points(root, &chart, &points, &s.region.name)?;
    legend::draw_flow(root, &items, legend_at, legend_w)
}

/// Light vertical grid lines and labels at [`super::axes::log_ticks`].
fn x_ticks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    lang: Lang,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (xr, yr) = (chart.x_range(), chart.y_range());
    let style = style::anchored(style::font(TICK_PX, false, BLACK), HPos::Center, VPos::Top);
    for v in super::axes::log_ticks(xr.start, xr.end) {
        let (top, bottom) = (px(chart, v, yr.end), px(chart, v, yr.start));
        root.draw(&PathElement::new(vec![top, bottom], BLACK.mix(0.15)))?;
        let tick = vec![bottom, (bottom.0, bottom.1 + 8)];
        root.draw(&PathElement::new(tick, BLACK.stroke_width(2)))?;
        style::text(
            root,
            &format::number(v, 0, lang),
            (bottom.0, bottom.1 + 12),
            &style,
        )?;
    }
    Ok(())
}

fn px<DB: DrawingBackend>(chart: &Chart<'_, DB>, x: f64, y: f64) -> (i32, i32) {
    chart.backend_coord(&(x, y))
}

/// Picks one limit out of a [`FunnelLimit`].
type Pick = fn(&FunnelLimit) -> f64;

fn limit_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    limits: &[&FunnelLimit],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let pick: [(Pick, Dash, u32); 4] = [
        (|l| l.low_998, Dash::Solid, 3),
        (|l| l.high_998, Dash::Solid, 3),
        (|l| l.low_95, Dash::Dashed, 3),
        (|l| l.high_95, Dash::Dashed, 3),
    ];
    let top = chart.y_range().end;
    for (get, dash, width) in pick {
        let line: Vec<(f64, f64)> = limits
            .iter()
            .map(|l| (l.person_years.ln(), get(l).max(0.0)))
            .collect();
        for run in below(&line, top) {
            let pts: Vec<(i32, i32)> = run.iter().map(|&(x, y)| px(chart, x.exp(), y)).collect();
            legend::line(root, &pts, BLACK.into(), width, dash)?;
        }
    }
    Ok(())
}

/// The parts of a line (x, y) at or below `top`, each ending where it crosses `top`
/// (linear between neighbours), so a limit is cut at the chart's top edge, not drawn past it.
fn below(line: &[(f64, f64)], top: f64) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let cross = |a: (f64, f64), b: (f64, f64)| {
        let t = (top - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), top)
    };
    for (i, &p) in line.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| line[j]);
        match (p.1 <= top, prev) {
            (true, Some(q)) if q.1 > top => run.push(cross(q, p)),
            (false, Some(q)) if q.1 <= top => {
                run.push(cross(q, p));
                runs.push(std::mem::take(&mut run));
            }
            _ => {}
        }
        if p.1 <= top {
            run.push(p);
        }
    }
    runs.push(run);
    runs.retain(|r| r.len() >= 2);
    runs
}

fn legend_items(ctx: &Ctx<'_>, area: &AreaSummary, others: bool) -> Vec<legend::Item> {
    let (s, lang, f) = (ctx.summary, ctx.lang, &area.funnel);
    let mut label = s.region.name.clone();
    if let Some(r) = f.rate.filter(|r| r.is_finite()) {
        label += &format!(
            ": {} {}",
            format::number(r, 1, lang),
            lang.pick("per 100 000", "per 100,000")
        );
    }
    if let Some(p) = f.position.map(|p| position_text(p, lang)) {
        label += &format!(", {p}");
    }
    let mut items = vec![legend::item(Swatch::Highlight(BLUE), label)];
    if others {
        let other = lang.pick("Övriga kommuner", "Other kommuner");
        items.push(legend::item(Swatch::Dot(Marker::Circle, GREY, true), other));
    }
    if let Some(t) = f.target_rate.filter(|t| t.is_finite()) {
        let label = format!(
            "{}: {} {}",
            lang.pick("Övriga kommuner tillsammans", "Other kommuner pooled"),
            format::number(t, 1, lang),
            lang.pick("per 100 000", "per 100,000")
        );
        items.push(legend::item(
            Swatch::Line(VERMILLION, 3, Dash::Solid, None),
            label,
        ));
    }
    let l95 = lang.pick("95 % kontrollgräns", "95% control limit");
    items.push(legend::item(
        Swatch::Line(BLACK, 3, Dash::Dashed, None),
        l95,
    ));
    let l998 = lang.pick("99,8 % kontrollgräns", "99.8% control limit");
    items.push(legend::item(
        Swatch::Line(BLACK, 3, Dash::Solid, None),
        l998,
    ));
    items
}

#[cfg(test)]
#[path = "funnel_tests.rs"]
mod tests;
