//! The wide loop never skips a row the scalar check would not skip, and skips every ordinary
//! row: prefixes of every length around the 32-byte steps, tails around 32 bytes, and each
//! kind of cell the scalar check refuses or leaves to the line reader.

use super::super::Columns;
use super::super::runs::skippable_tail;
use super::super::tail::starts_with;
use super::skip_rows;

const COLUMNS: Columns = Columns {
    region: 0,
    crime: 1,
    year: 2,
    period: 3,
    count_col: 4,
    n_fields: 6,
};

/// The rows from the start of `bytes` the scalar check of `runs` skips: (bytes, rows).
fn scalar(bytes: &[u8], prefix: &[u8]) -> (usize, usize) {
    scalar_in(bytes, prefix, COLUMNS)
}

fn scalar_in(bytes: &[u8], prefix: &[u8], columns: Columns) -> (usize, usize) {
    let (mut at, mut rows) = (0, 0);
    while let Some(line) = bytes.get(at..)
        && starts_with(line, prefix)
        && let Some(length) = skippable_tail(&line[prefix.len()..], columns)
    {
        at += prefix.len() + length;
        rows += 1;
    }
    (at, rows)
}

/// A prefix of `length` bytes ending in `;År;` as SOL prefixes do.
fn prefix_of(length: usize) -> Vec<u8> {
    let mut prefix = b"Ale;".to_vec();
    while prefix.len() + 4 < length {
        prefix.push(b'a' + (prefix.len() % 26) as u8);
    }
    prefix.extend_from_slice(b";\xC5r;");
    prefix
}

/// Ordinary tails, then `odd` after `before` of them, then ordinary tails again.
fn run(prefix: &[u8], before: usize, odd: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for year in 0..40 {
        let tail: Vec<u8> = if year == before {
            odd.to_vec()
        } else {
            format!("{};{};{};\n", 1990 + year, year * 37, year).into_bytes()
        };
        bytes.extend_from_slice(prefix);
        bytes.extend_from_slice(&tail);
    }
    bytes
}

/// The wide loop stops where the scalar one does or before it, on a row boundary the scalar
/// loop reached, and skips at least the rows before `before`, when it runs at all.
fn check(prefix: &[u8], before: usize, odd: &[u8]) {
    let bytes = run(prefix, before, odd);
    let (scalar_at, scalar_rows) = scalar(&bytes, prefix);
    let (at, rows) = skip_rows(&bytes, prefix, COLUMNS.n_fields..=12);
    assert!(rows <= scalar_rows, "{prefix:?} {odd:?}");
    assert!(at <= scalar_at);
    assert_eq!(scalar(&bytes[..at], prefix), (at, rows), "{odd:?}");
    if cfg!(target_arch = "x86_64") && std::is_x86_feature_detected!("avx2") && prefix.len() <= 128
    {
        // Every ordinary row before the odd one is skipped, but those too near the end to load
        // 32 bytes after their prefix.
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', &bytes).map(|i| i + 1));
        let fits = starts
            .take(before)
            .take_while(|s| s + prefix.len() + 32 <= bytes.len())
            .count();
        assert!(rows >= fits, "{} {odd:?}: {rows} < {fits}", prefix.len());
    }
}

#[test]
fn the_wide_loop_skips_what_the_scalar_loop_skips_and_nothing_else() {
    let odd: [&[u8]; 20] = [
        b"2024;5;1;\n",
        b"2025 prel.;5;1;\n",
        b"2025 prel;5;1;\n",
        b"1899;5;1;\n",
        b"20x4;5;1;\n",
        b"2024;..;1;\n",
        b"2024;.;1;\n",
        b"2024;5x;1;\n",
        b"2024;;1;\n",
        b"2024;-4;1;\n",
        b"2024;5;1\n",
        b"2024;5\n",
        b"2024;5;1;2;3;4;5;6;7;8;\n",
        b"2024;5;1;\r\n",
        b"2024\r;5;1;\n",
        b"2024;12345678901234567890;1;\n",
        b"2024;5;1;xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;\n",
        b"2024;5;1;xxxxxxxxxxxxxxxxxxxxx;\n",
        b"2024;1 234;1;\n",
        b"2024;5;1;\xA0\n",
    ];
    for length in (8..=140).filter(|l| l % 32 < 3 || l % 32 > 29 || l % 7 == 0) {
        let prefix = prefix_of(length);
        for tail in odd {
            for before in [0, 1, 17, 39] {
                check(&prefix, before, tail);
            }
        }
    }
}

#[test]
fn a_row_of_another_prefix_ends_the_wide_loop() {
    let prefix = prefix_of(40);
    let mut bytes = run(&prefix, 99, b"");
    let changed = memchr::memchr_iter(b'\n', &bytes).nth(19).unwrap() + 3;
    bytes[changed] ^= 1;
    let (at, rows) = skip_rows(&bytes, &prefix, 6..=12);
    assert_eq!((at, rows), scalar(&bytes[..at], &prefix));
    assert!(rows <= 20);
    if std::is_x86_feature_detected!("avx2") {
        assert_eq!(rows, 20);
    }
}

#[test]
fn a_count_in_the_last_cell_is_left_to_the_scalar_loop() {
    // Five columns: the count is the last cell, where a CR before the line end is not part of
    // it; the scalar loop strips it, the wide loop leaves such rows alone.
    let columns = Columns {
        n_fields: 5,
        ..COLUMNS
    };
    let prefix = prefix_of(40);
    let mut bytes = Vec::new();
    for year in 1990..2020 {
        bytes.extend_from_slice(&prefix);
        bytes.extend_from_slice(format!("{year};5\r\n").as_bytes());
    }
    let (at, rows) = skip_rows(&bytes, &prefix, 5..=12);
    assert_eq!((at, rows), (0, 0));
    assert_eq!(scalar_in(&bytes, &prefix, columns).1, 30);
}
