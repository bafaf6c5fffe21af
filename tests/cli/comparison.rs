//! The comparison region (#10, #12): the export's county figure when the export has county
//! rows, the sum of the county's kommuner when it has all of them, the police region when the
//! export has it and the county cannot be built whole, and a labelled, warned-about partial sum
//! otherwise. Fixtures: `tests/fixtures/comparison/`, real SOL layout (Latin-1, CRLF, trailing
//! `;`), Gävleborg's kommuner with known counts; the export's county figure is the sum of its
//! kommuner + 7 (crimes not placed in a kommun).

use crate::common::{analyze, fixtures, masked, metrics, summary};
use tempfile::TempDir;

/// Runs `analyze` on one comparison fixture into a fresh folder.
fn run(case: &str, extra: &[&str]) -> (TempDir, i32, String) {
    let dir = TempDir::new().expect("temp dir");
    std::os::unix::fs::symlink(
        fixtures().join("comparison").join(case),
        dir.path().join("data"),
    )
    .expect("link data");
    let (code, _, stderr) = analyze(dir.path(), extra);
    (dir, code, stderr)
}

/// The metrics rows of one area and region code, as (region name, year, count).
fn rows_of(dir: &TempDir, code: &str) -> Vec<(String, String, String)> {
    metrics(dir.path())
        .into_iter()
        .filter(|r| r[0] == "drugs" && r[1] == code)
        .map(|r| (r[2].clone(), r[3].clone(), r[5].clone()))
        .collect()
}

#[test]
fn county_rows_in_the_export_are_used_once_and_the_sum_is_not_added() {
    let (dir, code, stderr) = run("with_county_rows", &[]);
    assert_eq!(code, 0, "{stderr}");
    let county = rows_of(&dir, "21");
    let years: Vec<&str> = county.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(years, ["2019", "2020", "2021", "2022", "2023", "2024"]);
    // The export's figure (sum of the ten kommuner + 7), not the sum of the two in the data.
    assert_eq!(
        county[0],
        ("Gävleborgs län".into(), "2019".into(), "320".into())
    );
    let json = summary(dir.path());
    let area = &json["areas"][0];
    assert_eq!(area["comparison"]["source"], "export");
    assert_eq!(area["comparison"]["level"], "county");
    let county_years = area["years"]
        .as_array()
        .expect("years")
        .iter()
        .filter(|y| y["level"] == "county")
        .count();
    assert_eq!(county_years, 6);
    assert!(!stderr.contains("municipalities of"), "{stderr}");
}

#[test]
fn two_runs_on_an_export_with_county_rows_are_byte_identical() {
    let (a, _, _) = run("with_county_rows", &[]);
    let (b, _, _) = run("with_county_rows", &[]);
    for file in ["summary.json", "metrics.csv"] {
        let read = |d: &TempDir| std::fs::read(d.path().join("reports").join(file)).expect(file);
        assert!(read(&a) == read(&b), "{file} differs between runs");
    }
    let report = |d: &TempDir| {
        masked(&std::fs::read_to_string(d.path().join("reports/report.md")).expect("report"))
    };
    assert_eq!(report(&a), report(&b));
}

#[test]
fn without_county_rows_the_sum_of_every_kommun_is_used_and_said_to_be_one() {
    let (dir, code, stderr) = run("sum_of_kommuner", &[]);
    assert_eq!(code, 0, "{stderr}");
    let county = rows_of(&dir, "21");
    assert_eq!(county.len(), 6);
    assert_eq!(
        county[0],
        ("Gävleborgs län".into(), "2019".into(), "313".into())
    );
    let c = &summary(dir.path())["areas"][0]["comparison"];
    assert_eq!(c["source"], "sum_of_kommuner");
    assert_eq!(c["kommuner"]["present"], 10);
    assert_eq!(c["kommuner"]["total"], 10);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(
        report.contains(
            "Gävleborgs län: summan av länets 10 kommuner (exporten har inga rader för länet)."
        ),
        "{report}"
    );
}

#[test]
fn a_county_short_of_kommuner_is_labelled_as_a_partial_sum_and_warned_about() {
    let (dir, code, stderr) = run("kommun_missing", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("the data has 8 of the 10 municipalities of Gävleborgs län"),
        "{stderr}"
    );
    let county = rows_of(&dir, "21");
    assert!(
        county
            .iter()
            .all(|r| r.0 == "summan av 8 av 10 kommuner i Gävleborgs län"),
        "{county:?}"
    );
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(
        report.contains("- Summan av 8 av 10 kommuner i Gävleborgs län 2024:"),
        "{report}"
    );
    assert!(!report.contains("- Gävleborgs län 2024"), "{report}");
    let c = &summary(dir.path())["areas"][0]["comparison"];
    assert_eq!(c["kommuner"]["present"], 8);
    let (en, _, _) = run("kommun_missing", &["--lang", "en"]);
    let report = std::fs::read_to_string(en.path().join("reports/report.md")).expect("report");
    assert!(
        report.contains("- Sum of 8 of 10 municipalities in Gävleborg County 2024:"),
        "{report}"
    );
}

#[test]
fn the_police_region_is_the_comparison_when_the_county_cannot_be_built_whole() {
    let (dir, code, stderr) = run("police_region", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        rows_of(&dir, "21").is_empty(),
        "no partial county beside the region"
    );
    let region = rows_of(&dir, "PR-MITT");
    assert_eq!(region.len(), 6);
    assert_eq!(
        region[0],
        ("Region Mitt".into(), "2019".into(), "9000".into())
    );
    let json = summary(dir.path());
    let c = &json["areas"][0]["comparison"];
    assert_eq!(c["level"], "police_region");
    assert_eq!(c["source"], "export");
    // Population: Uppsala, Västmanland and Gävleborg summed.
    let first = json["areas"][0]["years"]
        .as_array()
        .expect("years")
        .iter()
        .find(|y| y["level"] == "police_region")
        .expect("a police-region year")
        .clone();
    assert_eq!(first["population"], 395_000 + 279_000 + 286_000);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).expect("report");
    assert!(report.contains("- Polisregion Mitt 2024:"), "{report}");
    let (en, _, _) = run("police_region", &["--lang", "en"]);
    let report = std::fs::read_to_string(en.path().join("reports/report.md")).expect("report");
    assert!(report.contains("- Police Region Mitt 2024:"), "{report}");
}

#[test]
fn county_rows_that_stop_early_give_way_to_the_sum_of_every_kommun() {
    // SOL's county series end in 2014: county rows for 2019–2020 only, all ten kommuner to
    // 2024. The sum covers every year; the export's rows would leave 2021–2024 empty.
    let (dir, code, stderr) = run("county_rows_stop", &[]);
    assert_eq!(code, 0, "{stderr}");
    let county = rows_of(&dir, "21");
    assert_eq!(county.len(), 6, "{county:?}");
    assert_eq!(
        county[0],
        ("Gävleborgs län".into(), "2019".into(), "313".into())
    );
    let c = &summary(dir.path())["areas"][0]["comparison"];
    assert_eq!(c["source"], "sum_of_kommuner");
}
