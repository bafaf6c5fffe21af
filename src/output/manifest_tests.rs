//! Unit tests of `src/output/manifest.rs`.

use super::*;

#[test]
fn a_manifest_reads_back_what_it_wrote_and_is_sorted() {
    let m = Manifest::of(&[
        (PathBuf::from("report.md"), b"b".to_vec()),
        (PathBuf::from("charts/a.png"), b"a".to_vec()),
    ]);
    let text = m.render();
    assert!(text.starts_with(&format!("{}  charts/a.png\n", sha256(b"a"))));
    assert_eq!(Manifest::parse(&text), Some(m));
}

#[test]
fn a_manifest_naming_a_path_outside_the_folder_is_not_ours() {
    let h = sha256(b"");
    assert_eq!(Manifest::parse(&format!("{h}  ../data/sol.csv\n")), None);
    assert_eq!(Manifest::parse(&format!("{h}  /etc/passwd\n")), None);
    assert_eq!(Manifest::parse("a cover letter\n"), None);
}

#[test]
fn the_union_accepts_both_versions_of_a_file() {
    let old = Manifest::of(&[(PathBuf::from("report.md"), b"old".to_vec())]);
    let new = Manifest::of(&[(PathBuf::from("report.md"), b"new".to_vec())]);
    let both = old.union(&new);
    assert!(both.accepts(Path::new("report.md"), &sha256(b"old")));
    assert!(both.accepts(Path::new("report.md"), &sha256(b"new")));
    assert!(!both.accepts(Path::new("report.md"), &sha256(b"edited")));
}

#[test]
fn only_the_files_an_old_version_wrote_count_as_legacy_output() {
    for ours in [
        "report.md",
        "summary.json",
        "charts/drugs-trend.png",
        "charts/x.svg",
    ] {
        assert!(is_legacy_output(Path::new(ours)), "{ours}");
    }
    for theirs in [
        "cover.docx",
        "charts/notes.txt",
        "archive/report.md",
        "a/b/c.png",
    ] {
        assert!(!is_legacy_output(Path::new(theirs)), "{theirs}");
    }
}
