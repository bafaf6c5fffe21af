use super::super::ChartFormat;
use super::super::cases::realistic;
use super::super::{Ctx, Job, Kind, legend, render_job};
use super::*;

/// The names drawn (label, swatch x, centre y) and the leader lines (segment y, name y).
type Drawn = (Vec<(String, i32, i32)>, Vec<(i32, i32)>);

/// Renders one composition chart and returns what it drew.
fn drawn(area: &AreaSummary) -> anyhow::Result<Drawn> {
    let s = realistic();
    let ctx = Ctx {
        summary: &s,
        lang: Lang::Sv,
        pooled: false,
    };
    legend::DRAWN.with(|d| d.borrow_mut().clear());
    LEADERS.with(|l| l.borrow_mut().clear());
    style::ensure_fonts()?;
    render_job(&ctx, Job::Area(Kind::Composition, area), ChartFormat::Png)?;
    Ok((
        legend::DRAWN.with(|d| d.borrow().clone()),
        LEADERS.with(|l| l.borrow().clone()),
    ))
}

#[test]
fn every_crime_type_is_named_beside_the_latest_bar_level_with_its_segment() -> anyhow::Result<()> {
    let s = realistic();
    let area = s
        .areas
        .iter()
        .find(|a| a.crimes.len() > 1)
        .expect("an area");
    let (names, leaders) = drawn(area)?;
    let kommun = level(area, "kommun");
    let (labels, parts) = stacks(&area.crimes, &kommun, "Övriga");
    // Every stack is named once, top stack first, all in one column right of the plot.
    let order: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
    let want: Vec<&str> = labels.iter().rev().map(String::as_str).collect();
    assert_eq!(order, want);
    assert!(
        names.iter().all(|n| n.1 == names[0].1 && n.1 > 1000),
        "{names:?}"
    );
    // Names never overlap: one text line (34 px) at least between two.
    assert!(names.windows(2).all(|w| w[1].2 - w[0].2 >= 34), "{names:?}");
    // One leader per segment of the latest bar, each to its own name.
    let last = parts
        .iter()
        .rev()
        .find(|p| p.iter().flatten().any(|n| *n > 0));
    let segments = last.map_or(0, |p| p.iter().flatten().filter(|n| **n > 0).count());
    assert_eq!(leaders.len(), segments);
    assert!(leaders.iter().all(|(_, y)| names.iter().any(|n| n.2 == *y)));
    // Level with the segment, unless neighbours push it: the median name sits within 10 px.
    let mut off: Vec<i32> = leaders.iter().map(|(a, b)| (a - b).abs()).collect();
    off.sort_unstable();
    assert!(off[off.len() / 2] <= 10, "{leaders:?}");
    Ok(())
}

#[test]
fn seven_stacks_are_all_named_apart_within_the_chart() -> anyhow::Result<()> {
    // Nine types of equal weight: six stacks and "Övriga", each segment one row or less high.
    let mut a = realistic().areas[1].clone();
    a.crimes = (0..9).map(|i| format!("Brottstyp nummer {i}")).collect();
    for f in a
        .years
        .iter_mut()
        .filter(|f| f.level == crate::model::Level::Kommun)
    {
        f.by_crime = (0..9).map(|i| Some(i + 1)).collect();
        f.count = Some(45);
    }
    let (names, leaders) = drawn(&a)?;
    assert_eq!(names.len(), 7);
    assert_eq!(leaders.len(), 7);
    assert!(names.windows(2).all(|w| w[1].2 - w[0].2 >= 34), "{names:?}");
    assert!(
        names.iter().all(|n| n.2 > 0 && n.2 < style::HEIGHT as i32),
        "{names:?}"
    );
    Ok(())
}
