//! Issue #13, the last parts: the summary card for the council meeting and the Swedish
//! wording of the yearly average ("anmälda brott", since every crime counts on its own).

use crate::common::*;
use std::path::Path;

/// Runs `analyze` on a copy of the shipped data; returns the output folder's parent.
fn shipped(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = brottstrend()
        .arg("analyze")
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(dir.path().join("reports"))
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

#[test]
fn the_swedish_average_counts_reported_crimes_not_cases() {
    let dir = shipped(&[]);
    let md = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        md.contains("var antalet anmälda brott i genomsnitt 29 per år för brott i nära relation, jämfört med 21 per år under 2019–2022."),
        "{md}"
    );
    assert!(!md.contains(" fall av "), "{md}");
}

/// Pixels of the pledge shading on white: black at 7 % opacity (`axes::pledge_shade`).
fn shaded_pixels(png: &Path) -> usize {
    let img = image::open(png).unwrap().to_rgb8();
    img.pixels().filter(|p| p.0 == [238, 238, 238]).count()
}

#[test]
fn the_summary_card_is_one_1600_by_900_png_with_the_pledge_shaded() {
    let dir = shipped(&[]);
    let card = dir.path().join("reports/sammanfattning.png");
    let (w, h) = image::image_dimensions(&card).unwrap();
    assert_eq!((w, h), (1600, 900));
    // Two areas, each with a small trend line whose pledge years are shaded: thousands of
    // pixels, where antialiased text alone gives a handful.
    let shaded = shaded_pixels(&card);
    assert!(shaded > 5_000, "{shaded} shaded pixels");
    assert!(!dir.path().join("reports/summary-card.png").exists());
    let manifest = std::fs::read_to_string(dir.path().join("reports/.brottstrend-manifest"));
    if let Ok(m) = manifest {
        assert!(m.contains("sammanfattning.png"), "{m}");
    }
}

#[test]
fn the_english_report_has_a_summary_card_by_its_english_name() {
    let dir = shipped(&["--lang", "en"]);
    let card = dir.path().join("reports/summary-card.png");
    assert_eq!(image::image_dimensions(&card).unwrap(), (1600, 900));
    assert!(shaded_pixels(&card) > 5_000);
    assert!(!dir.path().join("reports/sammanfattning.png").exists());
}
