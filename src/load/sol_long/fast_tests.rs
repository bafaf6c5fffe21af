//! The fast path reads a file exactly as the slow path does: the same observations, rows,
//! census (labels, regions, years) and duplicate conflicts among the skipped rows.

use super::super::{CrimeFilter, Parser, SolLong, census::Conflict};
use crate::load::stream::Decoder;
use crate::load::text::Encoding;
use crate::regions::Regions;
use std::path::Path;

/// A Latin-1 export in the `År` layout: two regions, a kept type between skipped ones, a
/// skipped type that comes back after another (so it is skipped from the raw-cell cache),
/// a `..` and a skipped row repeated with another count (a conflict `validate` must see).
fn export() -> Vec<u8> {
    let mut text = String::from("Region;Brott;År;Period;Antal;/100 000 inv\n");
    for region in ["Nordanstig", "Hudiksvall"] {
        for crime in ["Skadegörelse", "Misshandel", "Stöld", "Bedrägeri", "Stöld"] {
            for year in 2019..2022 {
                let count = if crime == "Bedrägeri" && year == 2020 {
                    "..".to_owned()
                } else {
                    (year - 2000 + crime.len() as i32).to_string()
                };
                text.push_str(&format!("{region};{crime};År;{year};{count};1\n"));
            }
        }
    }
    // The same skipped key again with another count.
    text.push_str("Hudiksvall;Skadegörelse;År;2019;99;1\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

/// Reads `bytes` with the fast path (raw lines) or the slow one (decoded lines).
fn read(bytes: &[u8], fast: bool) -> (SolLong, Vec<Conflict>, usize) {
    let regions = Regions::new();
    let filter = CrimeFilter::new(vec!["Misshandel".to_owned()]);
    let mut p = Parser::new(Path::new("x.csv"), 0, &regions, Some(filter)).with_census(100);
    let mut decoder = Decoder::new(Encoding::Latin1);
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        if fast {
            p.line_raw(i + 1, raw, &mut decoder).unwrap();
        } else {
            let text = decoder
                .decode(raw)
                .expect("Latin-1 decodes every byte")
                .to_owned();
            p.line(i + 1, &text).unwrap();
        }
    }
    let fast_rows = p.fast_rows;
    let mut out = p.finish().unwrap();
    let conflicts = out.census.as_mut().unwrap().conflicts();
    (out, conflicts, fast_rows)
}

#[test]
fn the_fast_path_reads_a_file_exactly_as_the_slow_path() {
    let bytes = export();
    let (fast, fast_conflicts, on_bytes) = read(&bytes, true);
    let (slow, slow_conflicts, _) = read(&bytes, false);
    // Nordanstig: the first row of Skadegörelse, Stöld and Bedrägeri and every Misshandel row
    // are decoded, the second Stöld run is skipped on its bytes from its first row (2+2+2+3);
    // Hudiksvall: only its first row is decoded (a new region) and Misshandel (2+3+3+3); the
    // repeated row at the end is skipped on its bytes too.
    assert_eq!(on_bytes, 9 + 11 + 1, "rows skipped on their bytes");
    assert_eq!(fast.observations, slow.observations);
    assert_eq!(
        fast.observations.len(),
        6,
        "Misshandel, 2 regions × 3 years"
    );
    assert_eq!(fast.rows_read, slow.rows_read);
    assert_eq!(fast.rows_read, 31);
    let (f, s) = (fast.census.unwrap(), slow.census.unwrap());
    assert_eq!(f.labels, s.labels);
    assert_eq!(f.regions, s.regions);
    assert_eq!(f.years(), s.years());
    assert_eq!(fast_conflicts, slow_conflicts);
    assert_eq!(fast_conflicts.len(), 1, "{fast_conflicts:?}");
}
