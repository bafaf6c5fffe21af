//! `analyze` on tiny fixtures whose answers are known by hand.

use crate::common::*;

#[test]
fn tiny_latin1_export_gives_the_hand_computed_metrics() {
    let dir = copy_of("tiny");
    let (code, stdout, stderr) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Nordanstig"), "{stdout}");
    let rows = metrics(dir.path());
    assert_eq!(
        rows[0].join(","),
        "area,region_code,region_name,year,preliminary,count,population,rate_per_100k,count_ci_low,count_ci_high,rate_ci_low,rate_ci_high,example_data,complete"
    );
    // 2019: grov kvinnofridskränkning 3 + misshandel (parrelation) 10; the `..` parent row adds nothing.
    let r = metrics_row(&rows, "relationship", "2132", "2019");
    assert_eq!(
        &r[2..8],
        ["Nordanstig", "2019", "false", "13", "9500", "136.842105"]
    );
    // 2020: 2 + 8 = 10, whose exact interval is in statistics.md.
    let r = metrics_row(&rows, "relationship", "2132", "2020");
    assert_eq!(r[5], "10");
    close(r[8].parse().unwrap(), 4.795389);
    close(r[9].parse().unwrap(), 18.390356);
    close(r[10].parse().unwrap(), 4.795389 / 9500.0 * 1e5);
    // Drugs 2020 = 20: interval [12.216520, 30.888378].
    let r = metrics_row(&rows, "drugs", "2132", "2020");
    close(r[8].parse().unwrap(), 12.216520);
    close(r[9].parse().unwrap(), 30.888378);
}

#[test]
fn not_available_years_are_empty_and_preliminary_years_are_marked() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let rows = metrics(dir.path());
    // Drugs 2019 is `..` in the export: no count, no rate, not zero.
    let r = metrics_row(&rows, "drugs", "2132", "2019");
    assert_eq!(&r[5..], ["", "9500", "", "", "", "", "", "false", "false"]);
    let r = metrics_row(&rows, "drugs", "2132", "2024");
    assert_eq!(r[4], "true");
    assert_eq!(
        r[5], "38",
        "the monthly row for August must not be added to the year"
    );
}

#[test]
fn a_county_summed_from_two_of_its_kommuner_is_labelled_and_the_nation_comes_from_hela_landet() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let rows = metrics(dir.path());
    // Nordanstig (2 + 8) + Hudiksvall (12 + 38); population 9 500 + 37 000. Two of
    // Gävleborg's ten kommuner: never named as the county.
    let r = metrics_row(&rows, "relationship", "21", "2020");
    assert_eq!(
        &r[2..7],
        [
            "summan av 2 av 10 kommuner i Gävleborgs län",
            "2020",
            "false",
            "60",
            "46500"
        ]
    );
    let r = metrics_row(&rows, "drugs", "00", "2021");
    assert_eq!(
        &r[2..8],
        ["Riket", "2021", "false", "95000", "10000000", "950"]
    );
}

#[test]
fn the_report_summary_and_metrics_are_byte_identical_across_runs() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let read = |f: &str| std::fs::read(dir.path().join("reports").join(f)).unwrap();
    let first: Vec<Vec<u8>> = ["report.md", "metrics.csv", "summary.json"]
        .iter()
        .map(|f| read(f))
        .collect();
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let second: Vec<Vec<u8>> = ["report.md", "metrics.csv", "summary.json"]
        .iter()
        .map(|f| read(f))
        .collect();
    assert_eq!(first, second);
}

#[test]
fn input_files_are_never_modified() {
    let dir = copy_of("tiny");
    let before: Vec<Vec<u8>> = sorted_files(&dir.path().join("data"));
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    assert_eq!(before, sorted_files(&dir.path().join("data")));
}

fn sorted_files(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn example_data_is_labelled_in_the_report_and_the_summary() {
    let dir = copy_of("tiny");
    let data = dir.path().join("data");
    std::fs::rename(
        data.join("sol_latin1_crlf_prel_2025-02-01.csv"),
        data.join("exempel_sol_2025-02-01.csv"),
    )
    .unwrap();
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    assert_eq!(summary(dir.path())["example_data"], true);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(report.contains("EXEMPELDATA – inte verklig statistik"));
}

#[test]
fn real_files_are_not_labelled_as_example_data() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    assert_eq!(summary(dir.path())["example_data"], false);
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(!report.contains("EXEMPELDATA"));
}

#[test]
fn a_pattern_matching_nothing_is_reported() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let s = summary(dir.path());
    assert_eq!(s["areas"][0]["unmatched_patterns"][0], "Barnfridsbrott*");
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(
        report.contains("”Barnfridsbrott\\*”"),
        "shown escaped, as text"
    );
}

#[test]
fn charts_are_written_as_svg_on_request_with_their_titles_and_labels() {
    let dir = copy_of("tiny");
    let (code, _, err) = analyze(dir.path(), &["--chart-format", "svg", "--pooled"]);
    assert_eq!(code, 0, "{err}");
    let charts = dir.path().join("reports/charts");
    let mut names: Vec<String> = std::fs::read_dir(&charts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Drugs has one crime type in this fixture: no composition chart for it; it has the
    // monthly chart (the fixture has one monthly drug row).
    assert_eq!(names.len(), 9, "{names:?}");
    assert!(!names.contains(&"drugs-composition.svg".to_owned()));
    assert!(names.contains(&"drugs-monthly.svg".to_owned()), "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".svg")));
    let svg = std::fs::read_to_string(charts.join("relationship-trend.svg")).unwrap();
    assert!(svg.contains("Brott i nära relation"), "the title");
    assert!(svg.contains("Antal anmälda brott"), "the y axis label");
    assert!(svg.contains("Källa: Brå"), "the footer");
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(report.contains("(charts/relationship-trend.svg)"));
}

#[test]
fn png_charts_are_large_enough_and_not_blank() {
    let dir = copy_of("tiny");
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    for entry in std::fs::read_dir(dir.path().join("reports/charts")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[1..4], b"PNG", "{}", path.display());
        // The IHDR chunk holds width and height, big-endian, at bytes 16..24.
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert!(
            width >= 1600 && height >= 900,
            "{}: {width}×{height}",
            path.display()
        );
        assert!(bytes.len() > 20_000, "{} looks blank", path.display());
    }
}

#[test]
fn the_terminal_summary_mirrors_the_sammanfattning_and_lists_the_files() {
    let dir = copy_of("verdicts/doubling");
    let (code, stdout, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    // The report joins numbers and units with no-break spaces; the terminal has plain ones.
    let report = std::fs::read_to_string(dir.path().join("reports/report.md"))
        .unwrap()
        .replace('\u{a0}', " ");
    let table = report.split("## Sammanfattning").nth(1).unwrap();
    for row in table
        .lines()
        .filter(|l| l.starts_with("| Brott") || l.starts_with("| Narkotika"))
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        for cell in &cells[1..6] {
            assert!(stdout.contains(cell), "terminal lacks {cell:?}:\n{stdout}");
        }
    }
    assert!(stdout.contains("reports/report.md") && stdout.contains("reports/summary.json"));
}
