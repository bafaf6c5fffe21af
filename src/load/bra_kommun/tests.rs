use super::*;
use crate::load::text::{decode, read_text};
use crate::regions::Level;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load_fixture(name: &str, year: Option<i32>) -> Vec<Observation> {
    let file = read_text(&fixture(name)).expect("fixture");
    assert_eq!(file.encoding.as_str(), "UTF-8 with BOM", "{name}");
    assert!(detect(&file.text), "{name}");
    load(&file, 1, &Regions::new(), year).expect(name)
}

fn count(obs: &[Observation], code: &str) -> Option<u64> {
    obs.iter()
        .find(|o| o.region_code == code)
        .and_then(|o| o.count)
}

fn error(name: &str, text: &str, year: Option<i32>) -> InputError {
    let file = decode(Path::new(name), text.as_bytes()).expect("text");
    load(&file, 0, &Regions::new(), year).expect_err(text)
}

#[test]
fn the_annual_file_takes_its_year_from_the_name() {
    let obs = load_fixture("bra_kommun_2024.csv", None);
    assert_eq!(obs.len(), 15);
    assert!(
        obs.iter()
            .all(|o| o.year == 2024 && !o.preliminary && o.crime == TOTAL_CRIME_LABEL)
    );
    assert!(
        obs.iter()
            .all(|o| o.level == Level::Kommun && o.source == 1)
    );
    let ale = &obs[0];
    assert_eq!(
        (ale.region_code.as_str(), ale.count, ale.line),
        ("1440", Some(2537), 2)
    );
    assert_eq!(count(&obs, "2132"), Some(812));
    assert_eq!(count(&obs, "2023"), Some(1320));
    assert_eq!(count(&obs, "0114"), Some(4620));
}

#[test]
fn a_prel_header_marks_the_year_preliminary() {
    let obs = load_fixture("bra_kommun_2025_prel.csv", None);
    assert_eq!(obs.len(), 4);
    assert!(obs.iter().all(|o| o.year == 2025 && o.preliminary));
    assert_eq!(count(&obs, "2132"), Some(838));
    let soderhamn = obs
        .iter()
        .find(|o| o.region_code == "2182")
        .expect("Söderhamn");
    assert_eq!((soderhamn.count, soderhamn.line), (None, 5));
}

#[test]
fn the_headerless_2021_file_with_kommun_suffixes_and_an_en_dash() {
    let obs = load_fixture("bra_kommun_2021_headerless.csv", None);
    assert_eq!(obs.len(), 6);
    assert!(obs.iter().all(|o| o.year == 2021 && !o.preliminary));
    assert_eq!(count(&obs, "1440"), Some(2731));
    assert_eq!(count(&obs, "2506"), Some(180));
    assert_eq!(count(&obs, "2023"), Some(1400));
    let nordanstig = obs
        .iter()
        .find(|o| o.region_code == "2132")
        .expect("Nordanstig");
    assert_eq!(
        (
            nordanstig.count,
            nordanstig.line,
            nordanstig.region_name.as_str()
        ),
        (Some(845), 6, "Nordanstig")
    );
    // --year wins over the name.
    let obs = load_fixture("bra_kommun_2021_headerless.csv", Some(2020));
    assert!(obs.iter().all(|o| o.year == 2020));
}

#[test]
fn years_in_names_leave_out_download_dates() {
    let years = |n: &str| years_in_file_name(Path::new(n));
    assert_eq!(years("bra_kommun_2024.csv"), vec![2024]);
    assert_eq!(
        years("data/2019/kommuner_2023_hämtad_2025-02-01.csv"),
        vec![2023]
    );
    assert_eq!(years("kommuner_2025-02-01.csv"), Vec::<i32>::new());
    assert_eq!(years("kommuner_20250201.csv"), Vec::<i32>::new());
    assert_eq!(years("k_1989_3000.csv"), Vec::<i32>::new());
    assert_eq!(years("k_2022_2023.csv"), vec![2022, 2023]);
}

#[test]
fn a_missing_or_ambiguous_year_asks_for_year() {
    let rows = "Kommun;Antal;Per 100 000 inv.\r\nAle;1;2\r\n";
    for name in ["kommuner.csv", "kommuner_2022_2023.csv"] {
        let e = error(name, rows, None);
        assert_eq!(e.line, None);
        assert!(e.expected.unwrap_or_default().contains("--year"), "{name}");
    }
    assert_eq!(
        error("k.csv", rows, Some(1850)).value.as_deref(),
        Some("1850")
    );
}

#[test]
fn bad_rows_are_located() {
    let header = "Kommun;Antal;Per 100 000 inv.\r\n";
    let e = error(
        "k_2024.csv",
        &format!("{header}Ale;2537;7810\r\nAlingsås;12a;1\r\n"),
        None,
    );
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(3), Some(2), Some("12a"))
    );
    let e = error("k_2024.csv", &format!("{header}Ale;-3;7810\r\n"), None);
    assert_eq!(
        (e.line, e.column, e.problem.as_str()),
        (Some(2), Some(2), "the count is negative")
    );
    let e = error("k_2024.csv", &format!("{header}Nordanstg;3;1\r\n"), None);
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(2), Some(1), Some("Nordanstg"))
    );
    assert!(e.expected.unwrap_or_default().contains("Nordanstig"));
    let e = error(
        "k_2024.csv",
        &format!("{header}Ale;1;1\r\nAle kommun;2;1\r\n"),
        None,
    );
    assert_eq!(
        (e.line, e.problem.as_str()),
        (Some(3), "Ale appears twice (first on line 2)")
    );
}

#[test]
fn detection_needs_the_header_or_three_field_rows() {
    assert!(detect("Kommun;Antal (prel.);Per 100 000 inv. (prel.)\n"));
    assert!(detect("Ale kommun;2731;8547\nArjeplogs kommun;180;6020\n"));
    assert!(!detect("Ale kommun;2731\n"));
    assert!(!detect("Region;Brott;2019\nAle;Rån;3\n"));
    assert!(!detect("2132;2731;8547\n"));
}
