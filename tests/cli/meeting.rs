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
