//! Format detection over every fixture: each file is claimed by its own format's `detect()` and
//! by no other, and loads with its own loader. Also the CRLF line numbers and `År` rows of the
//! SOL long fixture (fixed in `text.rs` and `sol_long.rs`).

use brottstrend::load::text::{self, TextFile};
use brottstrend::load::{Format, REGISTRY, sol_long};
use brottstrend::regions::Regions;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The formats whose `detect()` claims the text.
fn claims(text: &str) -> Vec<Format> {
    Format::all().filter(|f| f.detect(text)).collect()
}

/// Loads with the loader of `format`; the number of records read.
fn load_as(format: Format, file: &TextFile) -> Result<usize, brottstrend::error::InputError> {
    Ok(format.load(file, 0, &Regions::new(), None)?.len())
}

const FIXTURES: [(&str, Format, usize); 17] = [
    (
        "tiny/sol_latin1_crlf_prel_2025-02-01.csv",
        Format::SolLong,
        73,
    ),
    // Months, quarters, `Helår`, `2026 prel.`, a police region, a label with its code.
    ("monthly/sol_monthly_2026-04-10.csv", Format::SolLong, 93),
    (
        "tiny/scb_population_long_comma.csv",
        Format::ScbPopulation,
        18,
    ),
    (
        "formats/sol_wide_regions_as_groups_nbsp.csv",
        Format::SolWide,
        42,
    ),
    (
        "formats/sol_wide_region_column_excel.csv",
        Format::SolWide,
        36,
    ),
    ("formats/sol_wide_comma_quoted.csv", Format::SolWide, 6),
    ("formats/sol_wide_tab.txt", Format::SolWide, 2),
    ("formats/bra_kommun_2024.csv", Format::BraKommun, 15),
    ("formats/bra_kommun_2025_prel.csv", Format::BraKommun, 4),
    (
        "formats/bra_kommun_2021_headerless.csv",
        Format::BraKommun,
        6,
    ),
    ("formats/kolada_api_N07544.json", Format::Kolada, 7),
    ("formats/kolada_export.csv", Format::Kolada, 5),
    ("formats/kolada_export_api_columns.csv", Format::Kolada, 3),
    ("formats/polisen_events.json", Format::PoliceEvents, 9),
    ("formats/polisen_events.csv", Format::PoliceEvents, 7),
    (
        "formats/population_wide_title.csv",
        Format::ScbPopulation,
        4,
    ),
    // Three yearly rows and one monthly row (Aug 2024 prel.).
    ("formats/sol_long_utf8_lf.csv", Format::SolLong, 4),
];

#[test]
fn every_registered_format_has_a_fixture() {
    for info in REGISTRY {
        assert!(
            FIXTURES.iter().any(|f| f.1 == info.format),
            "{} has no fixture",
            info.json_name
        );
    }
}

#[test]
fn every_fixture_is_claimed_by_its_own_format_and_no_other() {
    for (name, format, _) in FIXTURES {
        let file = text::read_text(&fixture(name)).expect(name);
        assert_eq!(claims(&file.text), vec![format], "{name}");
    }
}

#[test]
fn every_fixture_loads_with_its_own_loader() {
    for (name, format, rows) in FIXTURES {
        let file = text::read_text(&fixture(name)).expect(name);
        assert_eq!(load_as(format, &file), Ok(rows), "{name}");
    }
}

#[test]
fn the_matrix_covers_every_file_in_the_formats_folder() {
    for entry in std::fs::read_dir(fixture("formats")).expect("folder") {
        let name = format!(
            "formats/{}",
            entry.expect("entry").file_name().to_string_lossy()
        );
        assert!(
            FIXTURES.iter().any(|f| f.0 == name),
            "{name} is not in FIXTURES"
        );
    }
}

#[test]
fn no_other_loader_accepts_a_fixture() {
    for (name, own, _) in FIXTURES {
        let file = text::read_text(&fixture(name)).expect(name);
        for format in Format::all().filter(|f| *f != own) {
            let accepted = load_as(format, &file);
            assert!(
                !matches!(accepted, Ok(n) if n > 0),
                "{name} ({}) is also read as {}: {accepted:?}",
                own.as_str(),
                format.as_str()
            );
        }
    }
}

#[test]
fn crlf_sol_long_rows_keep_their_own_line_numbers() {
    let file =
        text::read_text(&fixture("tiny/sol_latin1_crlf_prel_2025-02-01.csv")).expect("fixture");
    let sol = sol_long::load(&file, 0, &Regions::new()).expect("the År rows load");
    let lines: Vec<usize> = sol.observations.iter().take(3).map(|o| o.line).collect();
    assert_eq!(lines, [2, 3, 4]);
    let bytes = "Region;Brott;År;Period;Antal;/100 000 inv\r\n\r\nNordanstig;Rån;År;2020;4;3;\r\nNordanstig;Rån;År;2020;5;3;\r\n";
    let file = text::decode(Path::new("dubbel.csv"), bytes.as_bytes()).expect("text");
    let e = sol_long::load(&file, 0, &Regions::new()).expect_err("differing duplicate");
    assert_eq!((e.line, e.column), (Some(4), Some(5)));
    assert!(e.problem.contains("(line 3: 4)"), "{}", e.problem);
}
