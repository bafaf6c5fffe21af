//! The mapped reader gives what the stream reader gives: the same lines with the same numbers,
//! the same errors in file order, the same SHA-256; what cannot be mapped is left to the stream.

use super::{CHUNK, Numbering, for_each_range, map};
use crate::error::InputError;
use crate::load::file_hash::FileHash;
use crate::load::stream::{Decoder, parse_lines, read_stream};
use crate::load::text::Encoding;
use std::path::Path;

/// Lines of many lengths (one longer than a range), CRLF and LF, a BOM, Latin-1 bytes, blank
/// lines, and no line end after the last line: several ranges of [`CHUNK`] bytes.
fn contents() -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBFRegion;Brott\r\n".to_vec();
    let mut i = 0u64;
    while bytes.len() < 3 * CHUNK + 12_345 {
        i += 1;
        let width = (i * 7919 % 97) as usize;
        bytes.extend_from_slice(format!("{i};G").as_bytes());
        bytes.push(0xE4);
        bytes.extend_from_slice(format!("vle;{}", "x".repeat(width)).as_bytes());
        bytes.extend_from_slice(if i.is_multiple_of(3) { b"\n" } else { b"\r\n" });
        if i.is_multiple_of(1000) {
            bytes.extend_from_slice(b"\r\n");
        }
        if i == 20_000 {
            bytes.extend(std::iter::repeat_n(b'y', CHUNK + 5));
            bytes.push(b'\n');
        }
    }
    bytes.extend_from_slice(b"last;line");
    bytes
}

type Lines = Vec<(usize, Vec<u8>)>;

/// The text of line `n` (1-based) without its line end.
fn line_text(bytes: &[u8], n: usize) -> Vec<u8> {
    let line = bytes.split(|b| *b == b'\n').nth(n - 1).unwrap();
    line.strip_suffix(b"\r").unwrap_or(line).to_vec()
}

/// Every line each reader saw, in file order, per range; `fail_at` makes that line an error
/// (found by its text: lines may be numbered provisionally while a range is read). The mapped
/// reader numbers exactly and provisionally, with one worker, two and more than cores: each
/// gives the same.
fn read_both(path: &Path, fail_at: Option<usize>) -> [(Vec<Result<Lines, String>>, String); 2] {
    let bad = fail_at.map(|n| line_text(&std::fs::read(path).unwrap(), n));
    let new = Lines::new;
    let line = |state: &mut Lines, n: usize, raw: &[u8], _: &mut Decoder| {
        if Some(raw) == bad.as_deref() {
            return Err(InputError::at(path, n, Some(1), "a bad line"));
        }
        state.push((n, raw.to_vec()));
        Ok(())
    };
    let f = |state: &mut Lines, first: usize, bytes: &[u8], d: &mut Decoder| {
        parse_lines(bytes, first, state, d, &line)
    };
    let end = |state: &mut Lines| std::mem::take(state);
    let shown = |(_, blocks, sha): (Vec<Lines>, Vec<Result<Lines, InputError>>, FileHash)| {
        let blocks = blocks.into_iter().map(|b| b.map_err(|e| e.to_string()));
        (blocks.collect(), sha.get().unwrap().to_owned())
    };
    let renumber = |lines: &mut Lines, by: usize| lines.iter_mut().for_each(|(n, _)| *n -= by);
    let provisional = Numbering::Provisional(&renumber);
    let mapped = for_each_range(path, Encoding::Latin1, 2, &new, &f, &end, &provisional)
        .expect("a regular file is mapped")
        .unwrap();
    for (workers, numbering) in [(2, &Numbering::Exact), (1, &provisional), (5, &provisional)] {
        let other = for_each_range(path, Encoding::Latin1, workers, &new, &f, &end, numbering);
        assert_eq!(
            shown(other.unwrap().unwrap()),
            shown(mapped.clone()),
            "{workers} workers"
        );
    }
    let streamed = read_stream(path, Encoding::Latin1, 2, new, f, end).unwrap();
    [shown(mapped), shown(streamed)]
}

fn lines_of(blocks: &[Result<Lines, String>]) -> Lines {
    blocks.iter().flat_map(|b| b.clone().unwrap()).collect()
}

#[test]
fn the_mapped_reader_reads_every_line_as_the_stream_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    let bytes = contents();
    std::fs::write(&path, &bytes).unwrap();
    let [(mapped, mapped_sha), (streamed, streamed_sha)] = read_both(&path, None);
    assert!(mapped.len() >= 3, "several ranges: {}", mapped.len());
    let expected: Lines = bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .map(|(i, l)| {
            let l = if i == 0 { &l[3..] } else { l };
            (i + 1, l.strip_suffix(b"\r").unwrap_or(l).to_vec())
        })
        .collect();
    assert_eq!(lines_of(&mapped), expected);
    assert_eq!(lines_of(&streamed), expected);
    use sha2::Digest;
    let sha = crate::load::text::hex(&sha2::Sha256::digest(&bytes));
    assert_eq!(mapped_sha, sha);
    assert_eq!(streamed_sha, sha);
}

#[test]
fn an_error_in_a_later_range_names_the_same_line_as_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, contents()).unwrap();
    let line = contents().iter().filter(|b| **b == b'\n').count() - 7;
    let [(mapped, _), (streamed, _)] = read_both(&path, Some(line));
    let first_error =
        |blocks: &[Result<Lines, String>]| blocks.iter().find_map(|b| b.clone().err()).unwrap();
    assert_eq!(first_error(&mapped), first_error(&streamed));
    assert!(
        first_error(&mapped).contains(&format!(":{line}:1")),
        "{}",
        first_error(&mapped)
    );
}

#[test]
fn what_is_not_a_regular_file_is_left_to_the_stream() {
    assert!(map(Path::new("/dev/null")).is_none());
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    assert!(map(&empty).is_none());
    assert!(map(&dir.path().join("missing.csv")).is_none());
}
