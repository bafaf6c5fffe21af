//! Format detection over every fixture: each file is claimed by its own format's `detect()` and
//! by no other, and loads with its own loader. Also the CRLF line numbers and `År` rows of the
//! SOL long fixture (fixed in `text.rs` and `sol_long.rs`).

use brottstrend::load::text::{self, TextFile};
use brottstrend::load::{bra_kommun, kolada, police_events, population, sol_long, sol_wide};
use brottstrend::regions::Regions;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The formats whose `detect()` claims the text.
fn claims(text: &str) -> Vec<&'static str> {
    let checks: [(&str, bool); 6] = [
        ("sol_long", sol_long::detect(text::first_line(text))),
        ("population", population::detect(text)),
        ("sol_wide", sol_wide::detect(text)),
        ("bra_kommun", bra_kommun::detect(text)),
        ("kolada", kolada::detect(text)),
        ("police_events", police_events::detect(text)),
    ];
    checks.iter().filter(|c| c.1).map(|c| c.0).collect()
}

/// Loads with the loader of `format`; the number of rows read.
fn load_as(format: &str, file: &TextFile) -> Result<usize, brottstrend::error::InputError> {
    let r = Regions::new();
    Ok(match format {
        "sol_long" => sol_long::load(file, 0, &r)?.observations.len(),
        "population" => population::load(file, 0, &r)?.len(),
        "sol_wide" => sol_wide::load(file, 0, &r)?.len(),
        "bra_kommun" => bra_kommun::load(file, 0, &r, None)?.len(),
        "kolada" => kolada::load(file, 0, &r)?.len(),
        "police_events" => police_events::load(file, 0, &r)?.events,
        other => panic!("unknown format {other}"),
    })
}

const FIXTURES: [(&str, &str, usize); 16] = [
    ("tiny/sol_latin1_crlf_prel_2025-02-01.csv", "sol_long", 72),
    ("tiny/scb_population_long_comma.csv", "population", 18),
    (
        "formats/sol_wide_regions_as_groups_nbsp.csv",
        "sol_wide",
        42,
    ),
    ("formats/sol_wide_region_column_excel.csv", "sol_wide", 36),
    ("formats/sol_wide_comma_quoted.csv", "sol_wide", 6),
    ("formats/sol_wide_tab.txt", "sol_wide", 2),
    ("formats/bra_kommun_2024.csv", "bra_kommun", 15),
    ("formats/bra_kommun_2025_prel.csv", "bra_kommun", 4),
    ("formats/bra_kommun_2021_headerless.csv", "bra_kommun", 6),
    ("formats/kolada_api_N07544.json", "kolada", 7),
    ("formats/kolada_export.csv", "kolada", 5),
    ("formats/kolada_export_api_columns.csv", "kolada", 3),
    ("formats/polisen_events.json", "police_events", 9),
    ("formats/polisen_events.csv", "police_events", 6),
    ("formats/population_wide_title.csv", "population", 4),
    ("formats/sol_long_utf8_lf.csv", "sol_long", 3),
];

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
fn other_loaders_refuse_a_file_with_an_error_not_a_panic() {
    for (name, own, _) in FIXTURES {
        let file = text::read_text(&fixture(name)).expect(name);
        for format in [
            "sol_long",
            "population",
            "sol_wide",
            "bra_kommun",
            "kolada",
            "police_events",
        ] {
            if format != own {
                let _ = load_as(format, &file);
            }
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
