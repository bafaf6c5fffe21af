//! The committed `reports/` folder is what the shipped example data gives: this test fails
//! when it is stale. Regenerate with `cargo run --release -- analyze`.

use crate::common::*;
use std::path::Path;

fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["", "charts"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            if e.path().is_file() {
                out.push(
                    Path::new(sub)
                        .join(e.file_name())
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_committed_reports_match_the_shipped_example_data() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::TempDir::new().unwrap();
    let fresh = out.path().join("reports");
    let status = brottstrend()
        .current_dir(repo)
        .args(["analyze", "--out"])
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let committed = repo.join("reports");
    assert_eq!(
        files(&committed),
        files(&fresh),
        "the set of files differs: rerun `cargo run --release -- analyze`"
    );
    for name in files(&fresh) {
        let (a, b) = (
            std::fs::read(committed.join(&name)).unwrap(),
            std::fs::read(fresh.join(&name)).unwrap(),
        );
        if name == ".brottstrend-manifest" {
            // The report's hash follows its last line, which names the command: compare the
            // files listed and every other hash.
            let other_lines = |b: &[u8]| -> Vec<String> {
                String::from_utf8_lossy(b)
                    .lines()
                    .map(|l| {
                        if l.ends_with("  report.md") {
                            "report.md"
                        } else {
                            l
                        }
                        .to_owned()
                    })
                    .collect()
            };
            assert!(
                other_lines(&a) == other_lines(&b),
                "reports/.brottstrend-manifest is stale: rerun `cargo run --release -- analyze`"
            );
        } else if name == "report.md" {
            assert!(
                masked(&String::from_utf8_lossy(&a)) == masked(&String::from_utf8_lossy(&b)),
                "reports/report.md is stale: rerun `cargo run --release -- analyze`"
            );
        } else {
            assert!(
                a == b,
                "reports/{name} is stale: rerun `cargo run --release -- analyze`"
            );
        }
    }
}
