//! A 200 MB export of random rows must be read within memory bounds, without a panic: rows are
//! streamed, and those of crime types no area uses are checked but not kept.

use crate::common::*;
use std::io::Write;

/// Peak resident memory of a running child, polled from /proc until it exits (Linux).
fn run_and_measure(mut cmd: std::process::Command) -> (i32, u64) {
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            let hwm = status.lines().find(|l| l.starts_with("VmHWM:"));
            if let Some(kb) = hwm
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code().unwrap_or(-1), peak_kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_200_mb_export_of_random_rows_is_read_in_bounded_memory() {
    let dir = copy_of("tiny");
    let path = dir.path().join("data/slump_2026-01-01.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all("Region;Brott;År;Period;Antal;/100 000 inv\r\n".as_bytes())
        .unwrap();
    let kommuner: Vec<String> =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/kommuner.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .filter_map(|l| l.split(';').nth(1).map(str::to_owned))
            .filter(|k| k != "Nordanstig" && k != "Hudiksvall")
            .collect();
    let mut seed: u64 = 2132;
    let mut written = 0usize;
    'outer: for k in &kommuner {
        for crime in 0..400 {
            // One crime type in forty is one the areas use; the rest are filler.
            let label = if crime % 40 == 0 {
                "Grov kvinnofridskränkning".to_owned()
            } else {
                format!("Slumpbrott {crime:03} - påhittad brottstyp")
            };
            if crime % 40 == 0 && crime > 0 {
                continue;
            }
            for year in 1996..2026 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let line = format!("{k};{label};År;{year};{};{};\r\n", seed >> 54, seed >> 56);
                written += line.len();
                out.write_all(line.as_bytes()).unwrap();
                if written > 200_000_000 {
                    break 'outer;
                }
            }
        }
    }
    out.flush().unwrap();
    drop(out);
    assert!(std::fs::metadata(&path).unwrap().len() > 200_000_000);
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("brottstrend"));
    cmd.arg("analyze")
        .arg("--data")
        .arg(dir.path().join("data"))
        .arg("--out")
        .arg(dir.path().join("reports"));
    let (code, peak_kb) = run_and_measure(cmd);
    assert_eq!(code, 0);
    assert!(peak_kb < 400 * 1024, "peak RSS {peak_kb} kB");
    assert!(peak_kb > 0, "memory was measured");
    // The parse runs ahead of the hash and lets go of pages the hash has not read yet (it maps
    // them again): the digest is still the file's.
    use sha2::Digest;
    let digest = sha2::Sha256::digest(std::fs::read(&path).unwrap());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let summary = summary(dir.path());
    let sources = summary["sources"].as_array().unwrap();
    let file = sources
        .iter()
        .find(|s| s["file"] == "slump_2026-01-01.csv")
        .unwrap();
    assert_eq!(file["sha256"], hex.as_str());
}

#[test]
fn an_error_in_the_second_half_of_a_large_file_names_its_true_line() {
    // Large files are parsed in ranges on several threads; line numbers must not shift.
    let dir = copy_of("tiny");
    let bad_line = 240_000;
    write_filler(dir.path(), |line| {
        (line == bad_line).then(|| "Ale;Fyllnadsbrott 7999 - påhittat;År;2019;4x;1;".to_owned())
    });
    refused_with(
        dir.path(),
        &format!("stor_2026-01-01.csv:{bad_line}:5: the count is not a whole number: found \"4x\""),
    );
}

/// `analyze` of the folder `dir` stops with exit code 2 and `message` on stderr.
fn refused_with(dir: &std::path::Path, message: &str) {
    let (code, _, err) = analyze(dir, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(message), "{err}");
}

/// Writes `data/stor_2026-01-01.csv` into `dir`: a SOL header and 260 000 rows (over 9 MB) of
/// filler crime types no area uses, thirty years each, but where `row(line)` gives the row.
fn write_filler(dir: &std::path::Path, row: impl Fn(usize) -> Option<String>) {
    let path = dir.join("data/stor_2026-01-01.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all("Region;Brott;År;Period;Antal;/100 000 inv\r\n".as_bytes())
        .unwrap();
    let mut line = 1;
    'outer: for crime in 0..10_000 {
        for year in 1996..2026 {
            line += 1;
            let text = row(line).unwrap_or_else(|| {
                format!(
                    "Ale;Fyllnadsbrott {crime:04} - påhittat;År;{year};{};1;",
                    crime % 7
                )
            });
            writeln!(out, "{text}\r").unwrap();
            if line > 260_000 {
                break 'outer;
            }
        }
    }
    drop(out);
    assert!(std::fs::metadata(&path).unwrap().len() > 9 << 20);
}

#[test]
fn a_key_twice_far_into_a_large_file_names_both_true_lines() {
    // The file is parsed in ranges of 2 MB on every core, each numbered provisionally and
    // corrected when the ranges before it are counted: both lines of the message must be the
    // file's, whether the two rows are in one range or in two.
    for (first, second) in [(200_000, 200_010), (40_000, 230_000)] {
        let dir = copy_of("tiny");
        write_filler(dir.path(), |line| {
            let count = [(first, 5), (second, 6)]
                .into_iter()
                .find(|(at, _)| *at == line)?
                .1;
            Some(format!("Ale;Grov kvinnofridskränkning;År;2019;{count};1;"))
        });
        refused_with(
            dir.path(),
            &format!(
                "stor_2026-01-01.csv:{second}:5: Ale / Grov kvinnofridskränkning / 2019 appears twice with different counts (line {first}: 5)"
            ),
        );
    }
}
