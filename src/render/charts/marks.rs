//! Marker shapes and line patterns in canvas pixels, shared by the series and the legend
//! swatches, so a swatch looks exactly like the series it explains.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Marker shape: circle for the kommun, triangle for the county, square for the nation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A circle.
    Circle,
    /// A triangle pointing up.
    Triangle,
    /// A square.
    Square,
}

/// Line pattern, so that lines differ in black and white too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// Continuous.
    Solid,
    /// Long dashes.
    Dashed,
    /// Short dots.
    Dotted,
}

/// Draws a polyline in canvas pixels with the given width and pattern.
pub fn line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pts: &[(i32, i32)],
    color: RGBAColor,
    width: u32,
    dash: Dash,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    if pts.len() < 2 {
        return Ok(());
    }
    let style = ShapeStyle {
        color,
        filled: false,
        stroke_width: width,
    };
    let w = width as i32;
    match dash {
        Dash::Solid => root.draw(&PathElement::new(pts.to_vec(), style))?,
        Dash::Dashed => root.draw(&DashedPathElement::new(
            pts.iter().copied(),
            6 * w.max(3),
            3 * w.max(3),
            style,
        ))?,
        Dash::Dotted => root.draw(&DashedPathElement::new(
            pts.iter().copied(),
            w.max(2),
            2 * w.max(3),
            style,
        ))?,
    }
    Ok(())
}

/// Draws a marker of radius `r` centred at `at`; a hollow marker has a white inside.
pub fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    shape: Marker,
    r: i32,
    color: RGBColor,
    filled: bool,
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (x, y) = at;
    let pts: Vec<(i32, i32)> = match shape {
        Marker::Circle => Vec::new(),
        Marker::Triangle => vec![
            (x, y - r - r / 4),
            (x - r - r / 5, y + r * 3 / 4),
            (x + r + r / 5, y + r * 3 / 4),
        ],
        Marker::Square => {
            let s = r * 17 / 20;
            vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ]
        }
    };
    let fill = if filled { color } else { WHITE };
    if shape == Marker::Circle {
        root.draw(&Circle::new(at, r, fill.filled()))?;
        if !filled {
            root.draw(&Circle::new(at, r, color.stroke_width(3)))?;
        }
    } else {
        root.draw(&Polygon::new(pts.clone(), fill.filled()))?;
        if !filled {
            let mut closed = pts.clone();
            closed.extend(pts.first().copied());
            root.draw(&PathElement::new(closed, color.stroke_width(3)))?;
        }
    }
    Ok(())
}
