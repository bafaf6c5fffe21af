//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The binary under test.
pub fn brottstrend() -> Command {
    Command::cargo_bin("brottstrend").expect("binary built by cargo")
}

/// A temporary copy of a fixture folder, to change one file in it.
pub fn copy_of(fixture: &str) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    for entry in std::fs::read_dir(fixtures().join(fixture)).expect("fixture") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), data.join(entry.file_name())).expect("copy");
    }
    dir
}

/// Runs `analyze` on `dir/data` into `dir/reports`; returns (exit code, stdout, stderr).
pub fn analyze(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = brottstrend()
        .arg("analyze")
        .arg("--data")
        .arg(dir.join("data"))
        .arg("--out")
        .arg(dir.join("reports"))
        .args(extra)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Reads `dir/reports/summary.json`.
pub fn summary(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("reports/summary.json")).expect("summary.json");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Reads `dir/reports/metrics.csv` as rows of fields (header included).
pub fn metrics(dir: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("reports/metrics.csv")).expect("metrics.csv");
    text.lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// The metrics row of one area, region and year.
pub fn metrics_row(rows: &[Vec<String>], area: &str, region: &str, year: &str) -> Vec<String> {
    rows.iter()
        .find(|r| r[0] == area && r[1] == region && r[3] == year)
        .cloned()
        .unwrap_or_else(|| panic!("no metrics row {area} {region} {year}"))
}

/// Asserts `a` and `b` agree to 1e-6 relative.
pub fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-6 * b.abs().max(1e-12), "{a} != {b}");
}

/// A report with the one run-specific line (the command as typed, which names temporary
/// paths) replaced by `<command line>`, so that reports from different runs compare equal.
pub fn masked(text: &str) -> String {
    text.lines()
        .map(|l| {
            let command = l.starts_with("Kommando: `")
                || l.starts_with("Command: `")
                || l.starts_with("Skapad med brottstrend")
                || l.starts_with("Produced by brottstrend")
                || (l.contains(" brottstrend ") && l.contains('`'));
            if command { "<command line>" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The area `id` of a parsed `summary.json`.
pub fn area<'a>(s: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    s["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap()
}
