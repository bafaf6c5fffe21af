use super::*;
use crate::load::cells::COUNT_EXPECTED;
use crate::load::text::{decode, read_text};
use crate::regions::Level;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load_fixture(name: &str, encoding: &str) -> Vec<Observation> {
    let file = read_text(&fixture(name)).expect("fixture");
    assert_eq!(file.encoding.as_str(), encoding, "{name}");
    assert!(detect(&file.text), "{name}");
    load(&file, 3, &Regions::new()).expect(name)
}

fn find<'a>(obs: &'a [Observation], code: &str, crime: &str, year: i32) -> &'a Observation {
    obs.iter()
        .find(|o| o.region_code == code && o.crime == crime && o.year == year)
        .unwrap_or_else(|| panic!("{code} / {crime} / {year} missing"))
}

fn error(text: &str) -> InputError {
    let file = decode(Path::new("wide.csv"), text.as_bytes()).expect("text");
    assert!(detect(&file.text), "{text}");
    load(&file, 0, &Regions::new()).expect_err(text)
}

#[test]
fn row_groups_in_latin1_with_nbsp_thousands_dots_dashes_and_padding() {
    let obs = load_fixture("sol_wide_regions_as_groups_nbsp.csv", "ISO-8859-1");
    assert_eq!(obs.len(), 7 * 6);
    let total = find(&obs, "00", "Samtliga brott", 2024);
    assert_eq!(
        (total.count, total.preliminary, total.level),
        (Some(1_416_280), true, Level::Nation)
    );
    assert_eq!((total.source, total.line), (3, 4));
    let first = find(&obs, "00", "Samtliga brott", 2019);
    assert_eq!((first.count, first.preliminary), (Some(1_548_961), false));
    // A plain space as the thousands separator, in a padded cell.
    assert_eq!(
        find(&obs, "00", "Brott mot narkotikastrafflagen", 2020).count,
        Some(112_704)
    );
    let assault = find(&obs, "2132", "Misshandel inkl. grov", 2020);
    assert_eq!(
        (assault.count, assault.region_name.as_str()),
        (None, "Nordanstig")
    );
    assert_eq!(
        find(&obs, "2132", "Misshandel inkl. grov", 2021).count,
        Some(41)
    );
    let gkf = find(&obs, "2132", "Grov kvinnofridskränkning", 2020);
    assert_eq!(
        (gkf.count, gkf.line, gkf.level),
        (Some(0), 9, Level::Kommun)
    );
    assert_eq!(
        find(&obs, "2184", "Grov kvinnofridskränkning", 2021).count,
        Some(0)
    );
    assert_eq!(
        find(&obs, "2184", "Grov kvinnofridskränkning", 2023).count,
        None
    );
    assert_eq!(
        find(&obs, "2184", "Samtliga brott", 2022).count,
        Some(3_912)
    );
}

#[test]
fn region_column_from_excel_with_bom_crlf_and_merged_region_cells() {
    let obs = load_fixture("sol_wide_region_column_excel.csv", "UTF-8 with BOM");
    assert_eq!(obs.len(), 6 * 6);
    assert_eq!(
        find(&obs, "2132", "Brott mot narkotikastrafflagen", 2022).count,
        Some(61)
    );
    let ringa = find(&obs, "2132", "Ringa narkotikabrott", 2021);
    assert_eq!((ringa.count, ringa.line), (None, 3));
    assert_eq!(
        find(&obs, "2132", "Narkotikabrott, ringa, eget bruk", 2019).count,
        Some(0)
    );
    let malung = find(&obs, "2023", "Brott mot narkotikastrafflagen", 2024);
    assert_eq!((malung.count, malung.preliminary), (Some(69), true));
    assert_eq!(malung.region_name, "Malung-Sälen");
    assert_eq!(
        find(&obs, "00", "Brott mot narkotikastrafflagen", 2024).count,
        Some(90_115)
    );
}

#[test]
fn comma_with_quoted_labels_and_tab_variants() {
    let obs = load_fixture("sol_wide_comma_quoted.csv", "UTF-8");
    assert_eq!(obs.len(), 2 * 3);
    let hot = "Olaga hot, närstående genom parrelation";
    assert_eq!(find(&obs, "2132", hot, 2021).count, None);
    let last = find(&obs, "2132", hot, 2023);
    assert_eq!(
        (last.count, last.preliminary, last.line),
        (Some(0), true, 4)
    );
    let obs = load_fixture("sol_wide_tab.txt", "UTF-8");
    assert_eq!(find(&obs, "2132", "Samtliga brott", 2023).count, Some(866));
}

#[test]
fn bad_cells_are_located_with_value_and_expectation() {
    let e = error(";2019;2020\nNordanstig;;\nMisshandel;12;1x\n");
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(3), Some(3), Some("1x"))
    );
    assert_eq!(e.expected.as_deref(), Some(COUNT_EXPECTED));
    let e = error(";2019;2020\nNordanstig;;\nMisshandel;12;-4\n");
    assert_eq!(
        (e.line, e.column, e.problem.as_str()),
        (Some(3), Some(3), "the count is negative")
    );
    let e = error("Brott;2019;20x0;2021\nNordanstig;;;\n");
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(1), Some(3), Some("20x0"))
    );
    let e = error("Brott;2019;2019 prel.\n");
    assert_eq!((e.line, e.column), (Some(1), Some(3)));
}

#[test]
fn unknown_regions_get_suggestions_and_orphan_rows_are_refused() {
    let e = error(";2019\nNordanstg;\nMisshandel;3\n");
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(2), Some(1), Some("Nordanstg"))
    );
    assert!(e.expected.unwrap_or_default().contains("Nordanstig"));
    let e = error("Region;Brott;2019\nHudiksval;Misshandel;3\n");
    assert_eq!((e.line, e.column), (Some(2), Some(1)));
    let e = error(";2019\nMisshandel;3\n");
    assert_eq!(
        (e.line, e.problem.as_str()),
        (Some(2), "the crime row has no region above it")
    );
    let e = error("Brott per 100 000 inv\n;2019\nNordanstig;\nMisshandel;31\n");
    assert_eq!(e.line, Some(1));
}

#[test]
fn footnotes_after_the_data_are_ignored_but_duplicates_must_agree() {
    let file = decode(
        Path::new("w.csv"),
        b";2019\nAle;\nRan;4\nAle;\nRan;4\nK\xc3\xa4lla: Br\xc3\xa5;\n",
    )
    .expect("text");
    let obs = load(&file, 0, &Regions::new()).expect("loads");
    assert_eq!(obs.len(), 1);
    let e = error(";2019\nAle;\nRan;4\nAle;\nRan;5\n");
    assert_eq!((e.line, e.column), (Some(5), Some(2)));
}

#[test]
fn population_and_long_headers_are_not_wide_tables() {
    assert!(!detect(
        "\"region\",\"2019\",\"2020\"\n\"2132 Nordanstig\",9500,9511\n"
    ));
    assert!(!detect(
        "\"Folkmängd\"\n\n\"region\",\"år\",\"Folkmängd\"\n\"00 Riket\",\"2019\",10000000\n"
    ));
    assert!(!detect("Region;Brott;År;Period;Antal;/100 000 inv\n"));
    assert!(!detect("Ale kommun;2731;8547\n"));
    assert!(detect("Anmälda brott\n\nBrott;2019;2020\n"));
}
