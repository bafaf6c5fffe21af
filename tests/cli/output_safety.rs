//! The output folder: the tool only replaces files it wrote, refuses `--out` choices that
//! would touch the inputs or the user's files, follows symlinks, keeps both report formats,
//! survives SIGKILL at every step, and lets one run at a time write a folder.

use crate::common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Every file under `root` (symlinks not followed) with its bytes; a symlink as its target.
pub fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let path = e.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(rel, format!("-> {}", target.display()).into_bytes());
            } else if meta.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// Runs `analyze --data DIR/data --out OUT` with extra arguments and environment.
fn run(dir: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let output = brottstrend()
        .arg("analyze")
        .arg("--data")
        .arg(dir.join("data"))
        .arg("--out")
        .arg(out)
        .args(extra)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (output.status.code().unwrap_or(-1), err)
}

/// Asserts a refusal: exit 2, the message, and no file under `dir` changed.
fn assert_refused(dir: &Path, out: &Path, extra: &[&str], message: &str) {
    let before = tree(dir);
    let (code, err) = run(dir, out, extra, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(message), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert_eq!(tree(dir), before, "a refused run changed files");
}

#[test]
fn the_data_folder_as_out_is_refused_and_every_input_kept() {
    let dir = copy_of("tiny");
    let data = dir.path().join("data");
    assert_refused(dir.path(), &data, &[], "--out is the data folder");
}

#[test]
fn a_folder_containing_the_data_or_inside_it_is_refused() {
    let dir = copy_of("tiny");
    assert_refused(
        dir.path(),
        dir.path(),
        &[],
        "--out contains the data folder",
    );
    let inside = dir.path().join("data/reports");
    assert_refused(dir.path(), &inside, &[], "--out is inside the data folder");
}

#[test]
fn a_folder_containing_the_configuration_file_is_refused() {
    let dir = copy_of("tiny");
    let conf = dir.path().join("conf");
    std::fs::create_dir(&conf).unwrap();
    std::fs::rename(
        dir.path().join("data/pledge.toml"),
        conf.join("pledge.toml"),
    )
    .unwrap();
    let config = conf.join("pledge.toml");
    let args = ["--config", config.to_str().unwrap()];
    assert_refused(
        dir.path(),
        &conf,
        &args,
        "--out contains the configuration file",
    );
}

#[test]
fn a_folder_with_the_users_own_files_is_refused_and_left_alone() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    std::fs::create_dir_all(out.join("arkiv")).unwrap();
    std::fs::write(out.join("följebrev.docx"), "Hej!").unwrap();
    std::fs::write(out.join("arkiv/2024.pdf"), "%PDF").unwrap();
    assert_refused(
        dir.path(),
        &out,
        &[],
        "--out holds files brottstrend did not write: found \"arkiv/, följebrev.docx\"",
    );
}

#[test]
fn a_user_file_beside_the_tools_own_files_is_refused() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    std::fs::write(out.join("charts/anteckning.txt"), "mine").unwrap();
    assert_refused(dir.path(), &out, &[], "charts/anteckning.txt");
}

#[test]
fn a_report_the_user_edited_is_not_overwritten() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    let mut text = std::fs::read_to_string(out.join("report.md")).unwrap();
    text.push_str("\nMina egna anteckningar.\n");
    std::fs::write(out.join("report.md"), text).unwrap();
    assert_refused(
        dir.path(),
        &out,
        &[],
        "report.md (changed after brottstrend wrote it)",
    );
}

#[test]
fn a_report_folder_of_an_earlier_version_is_the_tools_own() {
    // The committed reports/ as an earlier version left it: no manifest, and no
    // metrics-excel.csv (new in the same version as the manifest) nor summary card.
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    for (rel, bytes) in tree(&committed) {
        // Versions before the manifest wrote neither metrics-excel.csv, metrics-monthly.csv
        // nor the summary card.
        let newer = [
            "metrics-excel.csv",
            "metrics-monthly.csv",
            "sammanfattning.png",
        ];
        if rel != Path::new(".brottstrend-manifest") && !newer.iter().any(|n| rel == Path::new(n)) {
            std::fs::create_dir_all(out.join(&rel).parent().unwrap()).unwrap();
            std::fs::write(out.join(&rel), bytes).unwrap();
        }
    }
    let (code, err) = run(dir.path(), &out, &[], &[]);
    assert_eq!(code, 0, "{err}");
    let manifest = std::fs::read_to_string(out.join(".brottstrend-manifest")).unwrap();
    assert!(manifest.contains("  summary.json\n"), "{manifest}");
    // With one file of the user's beside it, it is not recognised.
    std::fs::remove_file(out.join(".brottstrend-manifest")).unwrap();
    std::fs::write(out.join("brev.txt"), "mine").unwrap();
    assert_refused(dir.path(), &out, &[], "brev.txt");
}

#[test]
fn a_folder_whose_summary_json_is_not_brottstrends_is_refused() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("summary.json"), r#"{"title": "my own"}"#).unwrap();
    assert_refused(dir.path(), &out, &[], "summary.json");
}

#[cfg(unix)]
#[test]
fn a_symlinked_out_is_followed_and_stays_a_symlink() {
    let dir = copy_of("tiny");
    let target = dir.path().join("delad/rapporter");
    std::fs::create_dir_all(&target).unwrap();
    let link = dir.path().join("reports");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for _ in 0..2 {
        let (code, err) = run(dir.path(), &link, &[], &[]);
        assert_eq!(code, 0, "{err}");
    }
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(target.join("report.md").is_file() && target.join("summary.json").is_file());
}

#[test]
fn markdown_and_html_reports_live_side_by_side() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    let md = std::fs::read(out.join("report.md")).unwrap();
    let (code, err) = run(dir.path(), &out, &["--report-format", "html"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(out.join("report.md")).unwrap(), md);
    assert!(out.join("report.html").is_file());
    let (code, err) = run(dir.path(), &out, &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.join("report.html").is_file());
    let manifest = std::fs::read_to_string(out.join(".brottstrend-manifest")).unwrap();
    assert!(manifest.contains("  report.html\n") && manifest.contains("  report.md\n"));
}

#[test]
fn charts_of_an_area_dropped_from_the_pledge_are_removed() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    assert!(out.join("charts/drugs-trend.png").is_file());
    let config = dir.path().join("data/pledge.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let one_area = &text[..text.rfind("[[area]]").unwrap()];
    std::fs::write(&config, one_area).unwrap();
    let (code, err) = run(dir.path(), &out, &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.join("charts/drugs-trend.png").exists());
    assert!(out.join("charts/relationship-trend.png").is_file());
    let manifest = std::fs::read_to_string(out.join(".brottstrend-manifest")).unwrap();
    assert!(!manifest.contains("drugs"), "{manifest}");
}

/// The steps `write_all` can be paused (and killed) at, for the tiny fixture's 12 files.
fn steps() -> Vec<String> {
    let mut steps: Vec<String> = ["staging", "staged", "listed"].map(String::from).to_vec();
    steps.extend((1..=12).map(|i| format!("renamed-{i}")));
    steps.extend(["pruned", "done"].map(String::from));
    steps
}

/// Starts a run that pauses at `step`, waits until it is there and kills it with SIGKILL.
fn kill_at(dir: &Path, out: &Path, step: &str, extra: &[&str]) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("brottstrend"))
        .arg("analyze")
        .arg("--data")
        .arg(dir.join("data"))
        .arg("--out")
        .arg(out)
        .args(extra)
        .env("BROTTSTREND_FAULT", format!("pause:{step}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), format!("paused at {step}"), "{step}");
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
}

#[test]
fn a_run_killed_at_any_step_leaves_every_file_whole_and_the_next_run_repairs() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    let (old_args, new_args) = (["--lang", "en"], ["--lang", "sv"]);
    assert_eq!(run(dir.path(), &out, &new_args, &[]).0, 0);
    let new = tree(&out);
    assert_eq!(run(dir.path(), &out, &old_args, &[]).0, 0);
    let old = tree(&out);
    // The summary card is named in the report's language; every other file is in both.
    let not_card = |k: &&std::path::PathBuf| {
        !k.ends_with("sammanfattning.png") && !k.ends_with("summary-card.png")
    };
    assert!(old.keys().filter(not_card).eq(new.keys().filter(not_card)) && old != new);
    for step in steps() {
        kill_at(dir.path(), &out, &step, &new_args);
        let after = tree(&out);
        // The manifest lists both versions meanwhile; every other file must be whole.
        for (rel, bytes) in old
            .iter()
            .filter(|(rel, _)| !rel.ends_with(".brottstrend-manifest"))
        {
            let now = after.get(rel);
            let whole = now == Some(bytes) || now == new.get(rel);
            assert!(whole, "{step}: {} is neither old nor new", rel.display());
        }
        let (code, err) = run(dir.path(), &out, &new_args, &[]);
        assert_eq!(code, 0, "{step}: {err}");
        assert_eq!(tree(&out), new, "{step}: the next run did not repair");
        assert_eq!(run(dir.path(), &out, &old_args, &[]).0, 0);
    }
}

#[test]
fn a_run_killed_before_the_renames_leaves_the_previous_report_exactly() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &["--lang", "en"], &[]).0, 0);
    let old = tree(&out);
    for step in ["staging", "staged"] {
        kill_at(dir.path(), &out, step, &["--lang", "sv"]);
        let mut after = tree(&out);
        after.retain(|rel, _| !rel.starts_with(leftover_name(&out)));
        assert_eq!(after, old, "{step}");
    }
}

/// The leftover temporary folder in `out` (the one a killed run left).
fn leftover_name(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .find(|n| n.to_string_lossy().starts_with(".brottstrend-tmp-"))
        .map(PathBuf::from)
        .unwrap_or_default()
}

#[test]
fn the_next_run_removes_the_temporary_folder_a_killed_run_left() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    kill_at(dir.path(), &out, "staged", &[]);
    assert_ne!(
        leftover_name(&out),
        PathBuf::new(),
        "the kill left no temporary folder"
    );
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    assert_eq!(leftover_name(&out), PathBuf::new());
}

#[test]
fn a_second_run_on_a_busy_folder_fails_cleanly() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    let held = std::fs::File::open(&out).unwrap();
    held.try_lock().unwrap();
    assert_refused(
        dir.path(),
        &out,
        &[],
        "another brottstrend run is writing this output folder",
    );
    held.unlock().unwrap();
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
}

#[test]
fn a_full_disk_fails_with_one_sentence_and_keeps_the_previous_report() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    assert_eq!(run(dir.path(), &out, &["--lang", "en"], &[]).0, 0);
    let before = tree(dir.path());
    let (code, err) = run(dir.path(), &out, &[], &[("BROTTSTREND_FAULT", "full:3")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("writing the output folder failed")
            && err.contains("the output folder is left as it was"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn a_failed_run_creates_neither_out_nor_its_parents() {
    let dir = copy_of("tiny");
    let out = dir.path().join("a/b/reports");
    let (code, _) = run(dir.path(), &out, &[], &[("BROTTSTREND_FAULT", "full:1")]);
    assert_eq!(code, 2);
    assert!(
        !dir.path().join("a").exists(),
        "a failed write left folders"
    );
    let config = dir.path().join("data/pledge.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("okänd = 1\n{text}")).unwrap();
    let (code, _) = run(dir.path(), &out, &[], &[]);
    assert_eq!(code, 2);
    assert!(!dir.path().join("a").exists(), "bad input left folders");
}

/// README: "Nothing is written on failure" and "Input files are never modified".
#[test]
fn nothing_is_written_on_failure_and_input_files_are_never_modified() {
    let dir = copy_of("tiny");
    let out = dir.path().join("reports");
    let inputs = tree(&dir.path().join("data"));
    assert_eq!(run(dir.path(), &out, &[], &[]).0, 0);
    assert_eq!(tree(&dir.path().join("data")), inputs);
    let sol = dir.path().join("data/sol_latin1_crlf_prel_2025-02-01.csv");
    let mut bytes = std::fs::read(&sol).unwrap();
    bytes.extend_from_slice(b"Nordanstig;Grov kvinnofridskr\xe4nkning;\xc5r;2020;12a;..;\r\n");
    std::fs::write(&sol, bytes).unwrap();
    let before = tree(dir.path());
    let (code, err) = run(dir.path(), &out, &[], &[]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        tree(dir.path()),
        before,
        "a failed run wrote or changed files"
    );
}
