//! Reading ranges with runs of skipped rows gives what reading line by line gives: the same
//! observations, rows and errors (with the same line numbers), however the file is cut.

use super::super::{CrimeFilter, Parser, SolLong};
use crate::load::stream::{Decoder, parse_lines};
use crate::load::text::Encoding;
use crate::regions::Regions;
use std::path::Path;

/// A Latin-1 export with runs of skipped rows broken by what the run loop must leave to the
/// line reader: CRLF line ends, `..`, a preliminary year, too few cells, a month row, a
/// blank line, a kept crime type between skipped ones, and no line end after the last line.
fn export(bad: Option<&str>, bad_year: i32) -> Vec<u8> {
    let mut text = String::from("Region;Brott;År;Period;Antal;/100 000 inv\n");
    for region in ["Nordanstig", "Hudiksvall"] {
        for crime in ["Skadegörelse", "Misshandel", "Stöld", "Bedrägeri"] {
            for year in 2015..2026 {
                let count = (year - 2000 + crime.len() as i32).to_string();
                let row = match (crime, year) {
                    ("Stöld", 2017) => format!("{region};{crime};År;{year};..;1;\r\n"),
                    ("Stöld", 2018) => format!("{region};{crime};År;{year};{count};1;\r\r\n"),
                    ("Stöld", 2025) => format!("{region};{crime};År;{year} prel.;{count};1;\n"),
                    ("Bedrägeri", y) if y == bad_year => {
                        bad.unwrap_or("").replace("ROW", region) + "\n"
                    }
                    _ => format!("{region};{crime};År;{year};{count};1;\n"),
                };
                text.push_str(&row);
            }
        }
        text.push_str(&format!("{region};Rån;2024;Jan;3;1;\n"));
    }
    text.push_str("Hudiksvall;Rån;År;2020;7;1;");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

/// Reads `bytes` after the header, in ranges of `lines` lines (`None`: line by line, the way
/// before runs); what was read, or the error's text.
fn read(bytes: &[u8], lines: Option<usize>) -> Result<(SolLong, usize), String> {
    let regions = Regions::new();
    let filter = CrimeFilter::new(vec!["Misshandel".to_owned()]);
    let mut p = Parser::new(Path::new("x.csv"), 0, &regions, Some(filter));
    let mut decoder = Decoder::new(Encoding::Latin1);
    let ends: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
        .chain(std::iter::once(bytes.len()))
        .collect();
    let step = lines.unwrap_or(1);
    let mut result = Ok(0);
    for (k, pair) in ends.windows(2).step_by(step).enumerate() {
        let end = ends[(k * step + step).min(ends.len() - 1)];
        let (first, range) = (k * step + 1, &bytes[pair[0]..end]);
        result = match lines {
            Some(_) => p.range(first, range, &mut decoder, 0),
            None => parse_lines(range, first, &mut p, &mut decoder, &|p, n, raw, d| {
                p.line_raw(n, raw, d)
            }),
        };
        // A range says how many lines it had (the reader numbers the next ranges from it).
        let had = memchr::memchr_iter(b'\n', range).count()
            + usize::from(!range.is_empty() && !range.ends_with(b"\n"));
        match result {
            Ok(n) => assert_eq!(n, had, "lines of the range from line {first}"),
            Err(_) => break,
        }
    }
    result.map_err(|e| e.to_string())?;
    let fast = p.fast_rows;
    p.finish().map(|s| (s, fast)).map_err(|e| e.to_string())
}

#[test]
fn runs_read_a_file_as_the_line_reader_does_however_it_is_cut() {
    for odd in [
        "ROW;Bedrägeri;År;2019 (prel.);5;1;",
        "ROW;Bedrägeri;År;2019prel;5;1;",
    ] {
        let bytes = export(Some(odd), 2019);
        let (by_range, by_line) = (read(&bytes, Some(5)), read(&bytes, None));
        let (by_range, by_line) = (by_range.unwrap().0, by_line.unwrap().0);
        assert_eq!(by_range.observations, by_line.observations, "{odd}");
        assert_eq!(by_range.rows_read, by_line.rows_read, "{odd}");
    }
    let bytes = export(Some("ROW;Bedrägeri;År;2019;5;1;"), 2019);
    let (by_line, fast_by_line) = read(&bytes, None).unwrap();
    assert_eq!(
        by_line.observations.len(),
        2 * 11,
        "Misshandel, 2 regions × 11 years"
    );
    for lines in [1, 2, 7, 40, 1000] {
        let (by_range, fast) = read(&bytes, Some(lines)).unwrap();
        assert_eq!(
            by_range.observations, by_line.observations,
            "ranges of {lines}"
        );
        assert_eq!(by_range.rows_read, by_line.rows_read, "ranges of {lines}");
        assert_eq!(by_range.helar_lines, by_line.helar_lines);
        assert_eq!(fast, fast_by_line, "the same rows skipped on their bytes");
    }
    assert!(
        fast_by_line > 40,
        "most skipped rows are read in runs: {fast_by_line}"
    );
}

#[test]
fn a_bad_row_inside_a_run_is_refused_at_its_own_line() {
    for bad in [
        "ROW;Bedrägeri;År;2019;5x;1;",
        "ROW;Bedrägeri;År;2019;5",
        "ROW;Bedrägeri;År;19;5;1;",
        "ROW;Bedrägeri;År;19 prel.;5;1;",
        "ROW;Bedrägeri;År;2019 prel.;5;x;;;;;;;;;;;;;",
        "ROW;Bedrägeri;År;2019;5;1;2;3;4;5;6;7;8;9;10",
    ] {
        // In a run, and first of its run (where the run before it ends).
        for (bad, year) in [(bad.to_owned(), 2019), (bad.replace("2019", "2015"), 2015)] {
            let bytes = export(Some(&bad), year);
            let by_line = read(&bytes, None).map(|_| ());
            for lines in [1, 3, 1000] {
                let by_range = read(&bytes, Some(lines)).map(|_| ());
                assert_eq!(by_range, by_line, "{bad}, ranges of {lines}");
            }
            if !bad.ends_with("10") && !bad.ends_with(";;") {
                let error = by_line.expect_err(&bad);
                assert!(error.starts_with("x.csv:"), "{error}");
            }
        }
    }
}

#[test]
fn bytes_equal_marks_exactly_the_equal_bytes() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Bytes near `;` and `\n` and with the high bit set, where a borrow would leak.
        let bytes = state
            .to_le_bytes()
            .map(|b| [b';', b'\n', b':', b'<', 0xbb, 0x0a, b, 0][b as usize % 8]);
        let word = u64::from_le_bytes(bytes);
        for byte in [b';', b'\n'] {
            let naive = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == byte)
                .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
            assert_eq!(
                super::super::tail::bytes_equal(word, byte),
                naive,
                "{bytes:?}"
            );
        }
    }
}

/// Rows of the kept crime type (Misshandel) with what a kept run must leave to the line reader
/// or read as it does: `..`, CRLF, a preliminary year, and `extra` after the 2018 row.
fn kept_export(extra: &str) -> Vec<u8> {
    let mut text = String::from("Region;Brott;År;Period;Antal;/100 000 inv\n");
    for region in ["Nordanstig", "Hudiksvall"] {
        for crime in ["Stöld", "Misshandel", "Rån"] {
            for year in 2015..2026 {
                let count = (year - 2000 + crime.len() as i32).to_string();
                text.push_str(&match year {
                    2016 => format!("{region};{crime};År;{year};..;1;\r\n"),
                    2025 => format!("{region};{crime};År;{year} prel.;{count};1;\n"),
                    _ => format!("{region};{crime};År;{year};{count};1;\n"),
                });
                if year == 2018 && crime == "Misshandel" {
                    text.push_str(&extra.replace("ROW", region));
                }
            }
        }
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

#[test]
fn kept_runs_read_as_the_line_reader_does_with_repeated_and_odd_rows() {
    for extra in [
        "",
        "ROW;Misshandel;År;2017;27;1;\n",
        "ROW;Misshandel;År;2017;28;1;\n",
        "ROW;Misshandel;År;2016;..;1;\n",
        "ROW;Misshandel;År;2031;5x;1;\n",
        "ROW;Misshandel;År;2031 (prel.);5;1;\n",
        "ROW;Misshandel;2031;Jan;5;1;\n",
        "ROW;Misshandel;År;2031;5\n",
    ] {
        let bytes = kept_export(extra);
        let by_line = read(&bytes, None).map(|(s, _)| (s.observations, s.rows_read));
        for lines in [1, 3, 1000] {
            let by_range = read(&bytes, Some(lines)).map(|(s, _)| (s.observations, s.rows_read));
            assert_eq!(by_range, by_line, "{extra}, ranges of {lines}");
        }
        if extra.is_empty() {
            let (observations, _) = by_line.unwrap();
            assert_eq!(observations.len(), 2 * 11);
            assert_eq!(observations.iter().filter(|o| o.count.is_none()).count(), 2);
            assert_eq!(observations.iter().filter(|o| o.preliminary).count(), 2);
        }
    }
}
