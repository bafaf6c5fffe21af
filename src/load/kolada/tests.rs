use super::*;
use crate::load::text::{decode, read_text};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load_fixture(name: &str) -> Vec<KoladaRate> {
    let file = read_text(&fixture(name)).expect("fixture");
    assert!(detect(&file.text), "{name}");
    load(&file, 2, &Regions::new()).expect(name)
}

fn rate<'a>(rates: &'a [KoladaRate], code: &str, kpi: &str, year: i32) -> &'a KoladaRate {
    rates
        .iter()
        .find(|r| r.region_code == code && r.kpi == kpi && r.year == year)
        .unwrap_or_else(|| panic!("{code} / {kpi} / {year} missing"))
}

fn error(text: &str) -> InputError {
    let file = decode(Path::new("kolada.json"), text.as_bytes()).expect("text");
    load(&file, 0, &Regions::new()).expect_err(text)
}

fn population(code: &str, year: i32, population: u64) -> PopulationRow {
    PopulationRow {
        region_code: code.into(),
        year,
        population,
        source: 0,
    }
}

#[test]
fn the_api_answer_keeps_totals_and_skips_missing_values() {
    let rates = load_fixture("kolada_api_N07544.json");
    assert_eq!(rates.len(), 7);
    assert!(
        rates
            .iter()
            .all(|r| r.per == 100_000.0 && r.title == "Anmälda narkotikabrott, antal/100 000 inv")
    );
    let first = rate(&rates, "2132", "N07544", 2019);
    assert_eq!(
        (first.rate, first.line, first.source, first.level),
        (463.2, 4, 2, Level::Kommun)
    );
    assert!(
        !rates
            .iter()
            .any(|r| r.region_code == "2132" && r.year == 2022)
    );
    assert_eq!(rate(&rates, "2132", "N07544", 2023).rate, 600.1);
    let county = rate(&rates, "21", "N07544", 2023);
    assert_eq!(
        (county.rate, county.level, county.line),
        (702.5, Level::County, 10)
    );
    assert_eq!(county.region_name, "Gävleborgs län");
    assert_eq!(rate(&rates, "00", "N07544", 2023).level, Level::Nation);
}

#[test]
fn the_swedish_excel_export_with_title_decimal_comma_and_sexes() {
    let file = read_text(&fixture("kolada_export.csv")).expect("fixture");
    assert_eq!(file.encoding.as_str(), "ISO-8859-1");
    let rates = load_fixture("kolada_export.csv");
    assert_eq!(rates.len(), 5);
    let violence = rate(&rates, "2132", "N07403", 2022);
    assert_eq!(
        (violence.rate, violence.line, violence.per),
        (1012.4, 3, 100_000.0)
    );
    assert_eq!(rate(&rates, "2132", "N07403", 2023).rate, 987.6);
    assert_eq!(rate(&rates, "2132", "N07402", 2023).rate, 52.6);
    assert_eq!(rate(&rates, "00", "N07540", 2023).rate, 13_980.5);
    let mean = rate(&rates, "2132", "U07418", 2023);
    assert_eq!((mean.rate, mean.per, mean.line), (9.8, 1_000.0, 10));
    assert!(
        !rates.iter().any(|r| r.region_code == "2184"),
        "an empty value is skipped"
    );
}

#[test]
fn the_export_with_api_column_names() {
    let rates = load_fixture("kolada_export_api_columns.csv");
    assert_eq!(rates.len(), 3);
    assert_eq!(rate(&rates, "2132", "N07540", 2022).rate, 8540.3);
    assert_eq!(rate(&rates, "21", "N07540", 2023).line, 4);
}

#[test]
fn counts_are_derived_where_population_is_known() {
    let mut rates = load_fixture("kolada_api_N07544.json");
    rates.extend(load_fixture("kolada_export.csv"));
    let pop = [
        population("2132", 2019, 9500),
        population("2132", 2023, 9500),
        population("2184", 2023, 37_000),
    ];
    let derived = derive_counts(&rates, &pop);
    let find = |code: &str, kpi: &str, year: i32| {
        derived
            .iter()
            .find(|d| d.region_code == code && d.kpi == kpi && d.year == year)
            .expect("derived")
    };
    assert_eq!(find("2132", "N07544", 2019).count, 44);
    assert_eq!(find("2132", "N07544", 2023).count, 57);
    assert_eq!(find("2184", "N07544", 2023).count, 250);
    let mean = find("2132", "U07418", 2023);
    assert_eq!(
        (mean.count, mean.three_year_mean, mean.population),
        (93, true, 9500)
    );
    assert!(
        !derived.iter().any(|d| d.region_code == "21"),
        "no county population given"
    );
    let obs = find("2132", "N07403", 2023).to_observation();
    assert_eq!(
        (obs.crime.as_str(), obs.count),
        ("Anmälda våldsbrott, antal/100 000 inv", Some(94))
    );
}

#[test]
fn truncated_or_misshapen_json_is_located() {
    let e = error("{\n  \"values\": [\n    {\"kpi\": \"N07544\", \"municipality\": \"21");
    assert_eq!((e.line, e.column.is_some()), (Some(3), true));
    assert!(e.problem.contains("ends too early"), "{}", e.problem);
    let e = error(
        "{\"values\": [\n{\"kpi\": \"N07544\", \"municipality\": \"2132\", \"period\": 2019,\n \"values\": [{\"gender\": \"T\", \"value\": \"abc\"}]}]}",
    );
    assert_eq!(
        (e.line, e.column),
        (Some(3), Some(42)),
        "at the end of \"abc\""
    );
    let e = error(
        "{\"values\": [\n{\"kpi\": \"N07544\", \"municipality\": \"2132\", \"period\": true, \"values\": []}]}",
    );
    assert_eq!(
        (e.line, e.problem.as_str()),
        (Some(2), "the period is not a year")
    );
}

#[test]
fn unknown_regions_kpis_and_bad_values_are_refused() {
    let row = |kpi: &str, m: &str, v: &str| {
        format!(
            "{{\"values\": [\n\n{{\"kpi\": \"{kpi}\", \"municipality\": \"{m}\", \"period\": 2019, \"values\": [{{\"gender\": \"T\", \"value\": {v}}}]}}]}}"
        )
    };
    let e = error(&row("N07544", "2133", "1.0"));
    assert_eq!((e.line, e.value.as_deref()), (Some(3), Some("2133")));
    let e = error(&row("N01951", "2132", "1.0"));
    assert_eq!((e.line, e.value.as_deref()), (Some(3), Some("N01951")));
    assert!(e.expected.unwrap_or_default().contains("N07544"));
    let e = error(&row("N07544", "2132", "-1.5"));
    assert_eq!(
        (e.line, e.problem.as_str()),
        (Some(3), "the rate is negative")
    );
    // Records are located inside `values` even after another array of objects.
    let text = row("N07544", "2133", "1.0").replacen('{', "{\"meta\": [{\"a\": [{}]}],\n", 1);
    let e = error(&text);
    assert_eq!((e.line, e.value.as_deref()), (Some(4), Some("2133")));
    let csv = |value: &str| {
        let text = format!("Nyckeltal;Kommun;År;Kön;Värde\nN07403;Nordanstig;2023;T;{value}\n");
        load(
            &decode(Path::new("k.csv"), text.as_bytes()).expect("text"),
            0,
            &Regions::new(),
        )
        .expect_err(value)
    };
    let e = csv("12,x");
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(2), Some(5), Some("12,x"))
    );
    assert_eq!(csv("-3,0").problem, "the rate is negative");
}

#[test]
fn kpis_match_by_id_or_title() {
    assert_eq!(kpi("N07403").map(|k| k.per), Some(100_000.0));
    assert_eq!(kpi("u07418 Våldsbrott").map(|k| k.id), Some("U07418"));
    assert_eq!(
        kpi("anmälda brott totalt, antal/100 000 inv").map(|k| k.id),
        Some("N07540")
    );
    assert_eq!(kpi("N074031"), None);
    assert_eq!(kpi("Nå"), None);
}
