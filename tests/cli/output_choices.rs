//! Property: no `--out` choice ever removes or modifies a file the tool did not write. Random
//! sequences of runs with relative `--out` paths among the data folder, its parent, folders
//! inside the data, a folder of the user's, symlinks to them, fresh paths, a report folder of
//! an earlier version and the configuration file; every file that existed before is hashed
//! before and after. More cases: `PROPTEST_CASES=200 cargo test --test cli output_choices`.

use crate::common::*;
use crate::output_safety::tree;
use proptest::prelude::*;
use std::path::Path;

/// The `--out` choices, relative to the working folder `work` inside the case's temp folder.
const CHOICES: &[&str] = &[
    "data",
    ".",
    "..",
    "data/sub",
    "data/sub/new",
    "data/pledge.toml",
    "user",
    "user/arkiv",
    "user/charts",
    "link-user",
    "link-user/new",
    "link-data",
    "new",
    "new/deeper",
    "old",
    "old/charts",
    "conf",
    "conf/pledge.toml",
    "user/../data",
    "new/../data",
    "link-fresh",
];

/// The case's folder: `work/` with data, a user folder, symlinks, an old-version report
/// folder (the committed reports without manifest) and a configuration folder.
fn setup() -> tempfile::TempDir {
    let dir = copy_of("tiny");
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::rename(dir.path().join("data"), work.join("data")).unwrap();
    std::fs::create_dir_all(work.join("data/sub")).unwrap();
    std::fs::write(work.join("data/sub/anteckning.txt"), "mine").unwrap();
    std::fs::create_dir_all(work.join("user/arkiv")).unwrap();
    std::fs::write(work.join("user/följebrev.docx"), "Hej").unwrap();
    std::fs::write(work.join("user/arkiv/2024.pdf"), "%PDF").unwrap();
    // The user's files with the names the tool writes: the ones a careless tool would replace.
    std::fs::write(work.join("user/report.md"), "# Min egen rapport").unwrap();
    std::fs::create_dir(work.join("user/charts")).unwrap();
    std::fs::write(work.join("user/charts/logo.png"), "PNG").unwrap();
    std::fs::write(work.join("data/sub/metrics.csv"), "mine").unwrap();
    std::fs::create_dir(work.join("conf")).unwrap();
    std::fs::copy(work.join("data/pledge.toml"), work.join("conf/pledge.toml")).unwrap();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    for (rel, bytes) in tree(&committed) {
        if rel != Path::new(".brottstrend-manifest") {
            std::fs::create_dir_all(work.join("old").join(&rel).parent().unwrap()).unwrap();
            std::fs::write(work.join("old").join(&rel), bytes).unwrap();
        }
    }
    #[cfg(unix)]
    for (link, target) in [
        ("link-user", "user"),
        ("link-data", "data"),
        ("link-fresh", "fresh"),
    ] {
        std::os::unix::fs::symlink(target, work.join(link)).unwrap();
    }
    dir
}

/// A file the tool wrote: in a folder it writes, among the names it writes.
fn written_by_tool(rel: &Path) -> bool {
    let name = rel.file_name().unwrap().to_string_lossy();
    let ours = ["report.md", "report.html", "metrics.csv", "summary.json"];
    let chart = rel.parent().is_some_and(|p| p.ends_with("charts"))
        && (name.ends_with(".png") || name.ends_with(".svg"));
    ours.contains(&name.as_ref()) || chart || name == ".brottstrend-manifest"
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_out_choice_removes_or_modifies_a_file_the_tool_did_not_write(
        runs in proptest::collection::vec(
            (0..CHOICES.len(), any::<bool>(), any::<bool>()), 1..=3),
    ) {
        let dir = setup();
        let work = dir.path().join("work");
        let before = tree(dir.path());
        for (choice, html, own_config) in runs {
            let mut cmd = brottstrend();
            cmd.current_dir(&work).args(["analyze", "--out", CHOICES[choice]]);
            if html {
                cmd.args(["--report-format", "html"]);
            }
            if own_config {
                cmd.args(["--config", "conf/pledge.toml"]);
            }
            let out = cmd.output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            prop_assert!(code == Some(0) || code == Some(2), "{}: {err}", CHOICES[choice]);
            prop_assert!(!err.contains("panicked"), "{err}");
        }
        let after = tree(dir.path());
        for (rel, bytes) in &before {
            let in_old = rel.starts_with("work/old");
            if in_old && written_by_tool(rel) {
                continue; // an earlier version's report: the tool's to replace
            }
            prop_assert_eq!(after.get(rel), Some(bytes), "{} was changed", rel.display());
        }
    }
}
