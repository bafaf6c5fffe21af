//! Messages a newcomer needs (issue #10): files in `data/` that are not read are named, kommun
//! names match without å/ä/ö, an unknown code gets the nearest codes, and a run from the wrong
//! folder names where it ran.

use crate::common::{analyze, brottstrend, copy_of, summary};
use std::path::Path;

/// Files a newcomer may leave in `data/`, with the start of the advice each gets.
const UNREAD: [(&str, &str); 3] = [
    (
        "brott 2024.xlsx",
        "brott 2024.xlsx: not read: save the sheet as CSV",
    ),
    (
        "befolkning.ods",
        "befolkning.ods: not read: save the sheet as CSV",
    ),
    ("rapport.pdf", "rapport.pdf: not read: a PDF holds no table"),
];

fn add_unread(dir: &Path) {
    for (name, _) in UNREAD {
        std::fs::write(dir.join("data").join(name), b"PK\x03\x04 not a CSV").expect("write");
    }
}

fn validate(dir: &Path) -> (i32, String, String) {
    let out = brottstrend()
        .arg("validate")
        .arg("--data")
        .arg(dir.join("data"))
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn files_that_are_not_read_are_named_by_validate() {
    let dir = copy_of("tiny");
    add_unread(dir.path());
    let (code, stdout, stderr) = validate(dir.path());
    assert_eq!(code, 0, "{stderr}");
    for (_, message) in UNREAD {
        assert!(stdout.contains(message), "{message:?} not in: {stdout}");
    }
    assert!(!stdout.contains("no problems found"), "{stdout}");
}

#[test]
fn files_that_are_not_read_are_named_by_analyze_and_in_the_report() {
    let dir = copy_of("tiny");
    add_unread(dir.path());
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(UNREAD[0].1), "{stderr}");
    let warnings = summary(dir.path())["warnings"].to_string();
    for (name, _) in UNREAD {
        assert!(warnings.contains(name), "{name} not in {warnings}");
    }
    assert!(warnings.contains(r#""kind":"spreadsheet""#), "{warnings}");
    assert!(warnings.contains(r#""kind":"pdf""#), "{warnings}");
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(
        report.contains("lästes inte: spara kalkylbladet som CSV"),
        "no Swedish advice in the report"
    );
    // The files are left as they were.
    for (name, _) in UNREAD {
        let bytes = std::fs::read(dir.path().join("data").join(name)).expect("kept");
        assert_eq!(bytes, b"PK\x03\x04 not a CSV");
    }
}

#[test]
fn a_folder_holding_only_a_spreadsheet_names_it() {
    let dir = tempfile::TempDir::new().expect("temp");
    std::fs::create_dir(dir.path().join("data")).expect("data");
    std::fs::copy(
        crate::common::fixtures().join("tiny/pledge.toml"),
        dir.path().join("data/pledge.toml"),
    )
    .expect("pledge");
    std::fs::write(dir.path().join("data/brott.xlsx"), b"PK").expect("write");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no input files"), "{stderr}");
    assert!(
        stderr.contains("brott.xlsx: not read: save the sheet as CSV"),
        "{stderr}"
    );
    assert!(!dir.path().join("reports").exists());
}

/// Rewrites a Latin-1 or UTF-8 file of `dir/data`, replacing every `from` with `to`.
fn replace_all(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("data").join(file);
    let bytes = std::fs::read(&path).expect("read");
    let latin1 = std::str::from_utf8(&bytes).is_err();
    let text: String = if latin1 {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from_utf8(bytes).expect("utf-8")
    };
    assert!(text.contains(from), "{from} not in {file}");
    let text = text.replace(from, to);
    let out: Vec<u8> = if latin1 {
        text.chars().map(|c| c as u32 as u8).collect()
    } else {
        text.into_bytes()
    };
    std::fs::write(&path, out).expect("write");
}

#[test]
fn gavle_written_without_diacritics_is_gavle() {
    let dir = copy_of("tiny");
    replace_all(
        dir.path(),
        "pledge.toml",
        "region = \"Nordanstig\"",
        "region = \"Gavle\"",
    );
    let sol = "sol_latin1_crlf_prel_2025-02-01.csv";
    replace_all(dir.path(), sol, "Nordanstig;", "Gavle kommun;");
    let pop = "scb_population_long_comma.csv";
    replace_all(dir.path(), pop, "2132 Nordanstig", "2180 Gävle");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let s = summary(dir.path());
    assert_eq!(s["region"]["code"], "2180");
    assert_eq!(s["region"]["name"], "Gävle");
}

#[test]
fn an_unknown_code_suggests_the_nearest_codes() {
    let dir = copy_of("tiny");
    replace_all(
        dir.path(),
        "pledge.toml",
        "region = \"Nordanstig\"",
        "region = \"2133\"",
    );
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("pledge.toml"), "{stderr}");
    assert!(stderr.contains("\"2133\""), "{stderr}");
    assert!(
        stderr.contains("closest: 2132 Nordanstig, 2183 Bollnäs"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_code_in_an_export_suggests_the_nearest_codes() {
    let dir = copy_of("tiny");
    let pop = "scb_population_long_comma.csv";
    replace_all(dir.path(), pop, "2132 Nordanstig", "2133 Nordanstig");
    let (code, _, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(pop), "{stderr}");
    assert!(stderr.contains("2132 Nordanstig"), "{stderr}");
}

#[test]
fn a_run_from_the_wrong_folder_names_that_folder() {
    let dir = tempfile::TempDir::new().expect("temp");
    let out = brottstrend()
        .current_dir(dir.path())
        .arg("validate")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let here = dir.path().canonicalize().expect("canonical");
    let named = stderr.contains(&here.display().to_string())
        || stderr.contains(&dir.path().display().to_string());
    assert!(named, "the current folder is not named: {stderr}");
    assert!(stderr.contains("--data DIR"), "{stderr}");
    assert!(stderr.contains("--config FILE"), "{stderr}");
}

/// The fields of `struct NAME` in `src/config.rs`, as TOML keys.
fn toml_keys(config: &str, name: &str) -> Vec<String> {
    let start = config.find(&format!("struct {name} {{")).expect("struct");
    let body = &config[start..];
    let body = &body[..body.find("\n}").expect("end")];
    let mut keys = Vec::new();
    let mut rename = None;
    for line in body.lines().skip(1).map(str::trim) {
        if let Some(r) = line.strip_prefix("#[serde(rename = \"") {
            rename = r.split('"').next().map(str::to_owned);
        } else if let Some((field, _)) = line.split_once(':')
            && !line.starts_with("//")
            && !line.starts_with('#')
        {
            keys.push(rename.take().unwrap_or_else(|| field.to_owned()));
        }
    }
    keys
}

#[test]
fn the_readme_documents_every_pledge_key_and_cargo_install() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(root.join("src/config.rs")).expect("config.rs");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let section = &readme[readme.find("## Configuration").expect("section")..];
    let block = &section[..section.find("\n```\n").expect("toml block")];
    let mut keys = toml_keys(&config, "PledgeFile");
    keys.extend(toml_keys(&config, "AreaFile"));
    assert!(keys.len() >= 15, "{keys:?}");
    for key in keys {
        let documented = if key == "area" {
            block.contains("[[area]]")
        } else {
            block.lines().any(|l| l.starts_with(&format!("{key} = ")))
        };
        assert!(documented, "README's pledge.toml block lacks `{key}`");
    }
    assert!(readme.contains("cargo install --path ."));
}
