//! `analyze --pledges DIR`: several pledges from one read of the exports. Each pledge's folder
//! must be byte for byte what a single run writes, the index lists every pledge and area in
//! kommun-name order, and a bad pledge file stops the run before anything is written.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = brottstrend().args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A data folder (the small national export) and a pledge folder of three kommuner.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = copy_of("national_small");
    std::fs::remove_file(dir.path().join("data/expected_totals.json")).unwrap();
    let pledges = dir.path().join("pledges");
    std::fs::create_dir(&pledges).unwrap();
    for name in ["nordanstig.toml", "ockelbo.toml", "kiruna.toml"] {
        let from = fixtures().join("pledges_three").join(name);
        std::fs::copy(from, pledges.join(name)).unwrap();
    }
    let data = dir.path().join("data");
    (dir, data, pledges)
}

#[test]
fn the_batch_output_for_three_kommuner_equals_three_single_runs_byte_for_byte() {
    let (dir, data, pledges) = setup();
    let out = dir.path().join("out");
    let (code, _, err) = run(&[
        "analyze".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--pledges".as_ref(),
        pledges.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let batch = dir.path().join("batch");
    std::fs::rename(&out, &batch).unwrap();
    let folders = [
        ("2132-nordanstig", "nordanstig.toml"),
        ("2101-ockelbo", "ockelbo.toml"),
        ("2584-kiruna", "kiruna.toml"),
    ];
    for (folder, pledge) in folders {
        // The single run the batch's report names as its equivalent, word for word.
        let single = out.join(folder);
        let (code, _, err) = run(&[
            "analyze".as_ref(),
            "--data".as_ref(),
            data.as_os_str(),
            "--config".as_ref(),
            pledges.join(pledge).as_os_str(),
            "--out".as_ref(),
            single.as_os_str(),
        ]);
        assert_eq!(code, 0, "{err}");
        let (a, b) = (tree(&batch.join(folder)), tree(&single));
        assert!(a.len() >= 12, "{folder}: {} files", a.len());
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{folder}"
        );
        for (rel, bytes) in &a {
            assert!(bytes == &b[rel], "{folder}/{} differs", rel.display());
        }
    }
    // The pledges really differ: their own kommun, years and crime types.
    let summary = |f: &str| std::fs::read_to_string(batch.join(f).join("summary.json")).unwrap();
    assert!(summary("2101-ockelbo").contains("Narkotikabrott, eget bruk"));
    assert!(!summary("2132-nordanstig").contains("Narkotikabrott, eget bruk"));
}

#[test]
fn the_index_lists_every_pledge_and_area_by_kommun_name_with_links() {
    let (dir, data, pledges) = setup();
    let out = dir.path().join("out");
    let (code, stdout, err) = run(&[
        "analyze".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--pledges".as_ref(),
        pledges.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("index.md"), "{stdout}");
    let md = std::fs::read_to_string(out.join("index.md")).unwrap();
    let rows: Vec<&str> = md.lines().filter(|l| l.contains("](")).collect();
    assert_eq!(rows.len(), 6, "{md}");
    let order: Vec<&str> = rows
        .iter()
        .map(|r| r.trim_start_matches("| ").split(' ').next().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "Kiruna",
            "Kiruna",
            "Nordanstig",
            "Nordanstig",
            "Ockelbo",
            "Ockelbo"
        ]
    );
    assert!(
        rows[2].contains("(2132-nordanstig/report.md)"),
        "{}",
        rows[2]
    );
    assert!(
        rows[4].contains("Narkotikabrott, eget bruk och innehav"),
        "{}",
        rows[4]
    );
    for row in &rows {
        let link = row
            .rsplit("](")
            .next()
            .unwrap()
            .trim_end_matches(" |")
            .trim_end_matches(')');
        assert!(out.join(link).is_file(), "{link}");
    }
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(html.matches("<tr><td>").count(), 6);
    assert!(html.contains("Content-Security-Policy"));
    // Deterministic whatever the scheduling: a second run gives the same bytes.
    let again = dir.path().join("again");
    let (code, _, err) = run(&[
        "analyze".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--pledges".as_ref(),
        pledges.as_os_str(),
        "--out".as_ref(),
        again.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(again.join("index.md")).unwrap(),
        md.as_bytes()
    );
}

#[test]
fn a_bad_pledge_file_is_named_and_nothing_is_written() {
    let (dir, data, pledges) = setup();
    std::fs::write(
        pledges.join("mora.toml"),
        "region = \"Mora\"\npledge = [2023, 2026]\nbaseline = [2019]\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, err) = run_batch_with_fault(&data, &pledges, &out, None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("mora.toml"), "{err}");
    assert!(!out.exists(), "nothing may be written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_pledge_for_a_kommun_missing_from_the_data_names_its_file_and_writes_nothing() {
    let (dir, data, pledges) = setup();
    let text = std::fs::read_to_string(pledges.join("kiruna.toml")).unwrap();
    std::fs::write(pledges.join("mora.toml"), text.replace("2584", "2062")).unwrap();
    let out = dir.path().join("out");
    let (code, err) = run_batch_with_fault(&data, &pledges, &out, None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("mora.toml"), "{err}");
    assert!(!out.exists(), "nothing may be written");
}

/// `analyze --pledges` into `out`: (exit code, stderr); with `fault`, `BROTTSTREND_FAULT`
/// set (debug builds: the N-th file write of the process fails as a full disk would).
fn run_batch_with_fault(
    data: &Path,
    pledges: &Path,
    out: &Path,
    fault: Option<usize>,
) -> (i32, String) {
    let mut cmd = brottstrend();
    cmd.args([
        "analyze".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--pledges".as_ref(),
        pledges.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    if let Some(n) = fault {
        cmd.env("BROTTSTREND_FAULT", format!("full:{n}"));
    }
    let o = cmd.output().expect("run");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Files a whole batch writes through the staging step (everything but the manifests).
fn staged_writes(out: &Path) -> usize {
    tree(out)
        .keys()
        .filter(|p| !p.ends_with(".brottstrend-manifest"))
        .count()
}

#[test]
fn a_batch_that_fails_on_its_last_write_leaves_no_new_folder() {
    let (dir, data, pledges) = setup();
    let first = dir.path().join("first");
    assert_eq!(run_batch_with_fault(&data, &pledges, &first, None).0, 0);
    // The last write of the process: the index is written last, so this fails its second file
    // after every pledge folder was written whole.
    let last = staged_writes(&first);
    let out = dir.path().join("out");
    let (code, err) = run_batch_with_fault(&data, &pledges, &out, Some(last));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("writing the output folder failed"), "{err}");
    assert!(
        !out.exists(),
        "a failed batch must leave no new folder: {:?}",
        tree(&out).keys()
    );
    // One write earlier: a pledge folder fails while the others are written whole.
    let (code, err) = run_batch_with_fault(&data, &pledges, &out, Some(last - 3));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("folders it had made were removed"), "{err}");
    assert!(
        !out.exists(),
        "a failed batch must leave no new folder: {:?}",
        tree(&out).keys()
    );
}

#[test]
fn a_failed_batch_over_an_earlier_one_leaves_every_folder_whole_and_says_so() {
    let (dir, data, pledges) = setup();
    let out = dir.path().join("out");
    assert_eq!(run_batch_with_fault(&data, &pledges, &out, None).0, 0);
    let before = tree(&out);
    let (code, err) = run_batch_with_fault(&data, &pledges, &out, Some(5));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("3 pledge folder(s) from an earlier run"),
        "{err}"
    );
    assert_eq!(tree(&out), before, "every folder holds a whole report");
}
