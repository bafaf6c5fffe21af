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

/// Test only: what a mark looked like, recorded when drawn so the greyscale test can
/// compare every pair of series styles of a chart.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Drawn {
    /// A line: colour (RGB, alpha), width, pattern.
    Line((u8, u8, u8), f64, u32, Dash),
    /// A marker: shape, colour, filled.
    Marker(Marker, (u8, u8, u8), bool),
}

#[cfg(test)]
thread_local! {
    /// Test only: every line and marker drawn by this thread, in order.
    pub(crate) static DRAWN: std::cell::RefCell<Vec<Drawn>> =
        const { std::cell::RefCell::new(Vec::new()) };
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
    #[cfg(test)]
    DRAWN.with(|d| {
        let rgb = color.rgb();
        d.borrow_mut()
            .push(Drawn::Line(rgb, color.alpha(), width, dash));
    });
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
    #[cfg(test)]
    DRAWN.with(|d| {
        let rgb = (color.0, color.1, color.2);
        d.borrow_mut().push(Drawn::Marker(shape, rgb, filled));
    });
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

/// Hatching of a rectangle (corners in canvas pixels): white with dark diagonal lines, a
/// pattern where no grey step is left for one more stack.
pub fn hatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    [a, b]: [(i32, i32); 2],
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.filled()))?;
    let ink = RGBColor(0x40, 0x40, 0x40).stroke_width(2);
    // Lines y = x − c, clipped to the rectangle, every 12 pixels.
    let mut c = x0 - y1;
    while c <= x1 - y0 {
        let (xa, xb) = ((y0 + c).max(x0), (y1 + c).min(x1));
        if xa < xb {
            root.draw(&PathElement::new(vec![(xa, xa - c), (xb, xb - c)], ink))?;
        }
        c += 12;
    }
    Ok(())
}
