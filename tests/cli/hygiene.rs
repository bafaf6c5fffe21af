//! Process hygiene: a closed or full standard output is no panic, long values are quoted
//! short, and `analyze` tells on stderr that there are warnings.

use crate::common::*;
use std::process::Stdio;

/// The binary as a plain `std` command, to give it any standard output.
fn binary() -> std::process::Command {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("brottstrend"))
}

/// A standard output whose reader is gone: every write fails with a broken pipe.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

fn dev_full() -> Stdio {
    Stdio::from(std::fs::File::create("/dev/full").unwrap())
}

#[test]
fn validate_into_a_closed_pipe_ends_quietly() {
    let out = binary()
        .args(["validate", "--data"])
        .arg(fixtures().join("tiny"))
        .stdout(closed_pipe())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn analyze_into_a_closed_pipe_ends_quietly_after_writing_the_report() {
    let dir = copy_of("tiny");
    let out = binary()
        .args(["analyze", "--data"])
        .arg(dir.path().join("data"))
        .arg("--out")
        .arg(dir.path().join("reports"))
        .stdout(closed_pipe())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(dir.path().join("reports/report.md").is_file());
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_one_sentence_and_exit_2() {
    let dir = copy_of("tiny");
    let runs = [
        binary()
            .args(["validate", "--data"])
            .arg(fixtures().join("tiny"))
            .stdout(dev_full())
            .output()
            .unwrap(),
        binary()
            .args(["analyze", "--data"])
            .arg(dir.path().join("data"))
            .arg("--out")
            .arg(dir.path().join("reports"))
            .stdout(dev_full())
            .output()
            .unwrap(),
    ];
    for out in runs {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        let last = err.trim().lines().last().unwrap_or("");
        assert!(
            last.starts_with("Error: standard output cannot be written (No space left"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn an_error_quotes_at_most_200_characters_of_a_huge_value() {
    let dir = copy_of("tiny");
    let sol = dir.path().join("data/sol_latin1_crlf_prel_2025-02-01.csv");
    let mut bytes = std::fs::read(&sol).unwrap();
    let huge = "x".repeat(1_000_000);
    // Latin-1, as the rest of the file.
    bytes.extend_from_slice(b"Nordanstig;Grov kvinnofridskr\xe4nkning;\xc5r;2020;");
    bytes.extend_from_slice(huge.as_bytes());
    bytes.extend_from_slice(b";..;\r\n");
    std::fs::write(&sol, bytes).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 2, "{}", &err[..err.len().min(500)]);
    assert!(err.len() < 1000, "{} bytes of error", err.len());
    assert!(err.contains(" characters)"), "{err}");
}

#[test]
fn analyze_names_its_warnings_on_stderr() {
    // The tiny fixture has a preliminary year, a warning of its own.
    let dir = copy_of("tiny");
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let n = summary(dir.path())["warnings"].as_array().unwrap().len();
    assert!(n > 0);
    let plural = if n == 1 { "" } else { "s" };
    assert!(
        err.starts_with(&format!(
            "{n} warning{plural} (all of them are in the report):\n  warning: "
        )),
        "{err}"
    );
    assert_eq!(err.matches("\n  warning: ").count(), n.min(5), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn help_into_a_full_standard_output_exits_2_and_into_a_closed_pipe_quietly() {
    let full = binary().arg("--help").stdout(dev_full()).output().unwrap();
    let err = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("Error: standard output cannot be written"),
        "{err}"
    );
    let closed = binary()
        .arg("--help")
        .stdout(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&closed.stderr), "");
}

#[test]
fn a_usage_error_still_exits_2_with_clap_s_message() {
    let out = binary().args(["analyze", "--lang", "fi"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("invalid value 'fi'"), "{err}");
}
