//! No input makes a loader panic: arbitrary bytes, arbitrary text from the formats' alphabet,
//! and random mutations of every fixture go through decode → detect → load of every format
//! (whatever detect said). Every error must name a line ≥ 1 when it names one. Run more cases
//! with `PROPTEST_CASES=20000 cargo test --test cli robustness`.

use brottstrend::load::canonical::PopulationRow;
use brottstrend::load::text;
use brottstrend::load::{Format, bra_kommun, kolada, police_events, population};
use brottstrend::regions::Regions;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(Regions::new)
}

/// The bytes of every fixture.
fn fixtures() -> &'static [Vec<u8>] {
    static FIXTURES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        for dir in ["formats", "tiny"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("fixtures") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e != "toml") {
                    out.push(std::fs::read(path).expect("fixture"));
                }
            }
        }
        out.sort();
        out
    })
}

fn check<T>(result: Result<T, brottstrend::error::InputError>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(e.line != Some(0), "line 0 in {e}");
            assert!(!e.to_string().is_empty());
            None
        }
    }
}

/// decode → detect → load, for every format.
fn exercise(bytes: &[u8]) {
    let Some(file) = check(text::decode(Path::new("fuzz_2024.csv"), bytes)) else {
        return;
    };
    let r = regions();
    for format in Format::all() {
        let _ = format.detect(&file.text);
        check(format.load(&file, 0, r, None));
    }
    check(bra_kommun::load(&file, 0, r, Some(2021)));
    let population = check(population::load(&file, 0, r)).unwrap_or_default();
    if let Some(rates) = check(kolada::load(&file, 0, r)) {
        let pop = [PopulationRow {
            region_code: "2132".into(),
            year: 2023,
            population: u64::MAX,
            source: 0,
        }];
        kolada::derive_counts(&rates, &pop);
        kolada::derive_counts(&rates, &population);
    }
    if let Some(events) = check(police_events::load(&file, 0, r)) {
        events.warnings();
    }
}

/// Pieces that matter to the parsers, for insertion.
const TOKENS: [&[u8]; 20] = [
    b";",
    b",",
    b"\t",
    b"\"",
    b"\r\n",
    b"\n",
    b"..",
    b"-",
    b"\xc2\xa0",
    b"\xa0",
    b"2024 prel.",
    b"-5",
    b"99999999999999999999999",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\",
    b"\xef\xbb\xbf",
    b"0021",
];

/// Applies edits to a fixture: (kind, position, byte).
fn mutate(base: &[u8], edits: &[(u8, usize, u8)]) -> Vec<u8> {
    let mut out = base.to_vec();
    for &(kind, pos, byte) in edits {
        let at = if out.is_empty() {
            0
        } else {
            pos % (out.len() + 1)
        };
        match kind % 6 {
            0 => out.insert(at, byte),
            1 if at < out.len() => {
                out.remove(at);
            }
            2 if at < out.len() => out[at] = byte,
            3 => out.truncate(at),
            4 => {
                let token = TOKENS[usize::from(byte) % TOKENS.len()];
                out.splice(at..at, token.iter().copied());
            }
            _ => {
                // Duplicate a slice (a repeated line or record).
                let end = (at + usize::from(byte)).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
        }
    }
    out
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        exercise(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[A-Za-zåäöÅÄÖ0-9 ;,\t\"\n\r.:{}\\[\\]\u{a0}–-]{0,400}") {
        exercise(text.as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        index in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..8),
    ) {
        let base = &fixtures()[index.index(fixtures().len())];
        exercise(&mutate(base, &edits));
    }
}
