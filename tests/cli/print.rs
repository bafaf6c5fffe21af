//! Issue #13: a report a coordinator can send as it is — the date and the export, typography
//! that never breaks a number, short hashes with an appendix, Excel's CSV, English throughout
//! and no composition chart for a single crime type.

use crate::common::*;
use std::path::Path;

/// Runs `analyze` on a copy of the shipped data with extra arguments and environment.
fn shipped(extra: &[&str], env: &[(&str, &str)]) -> (tempfile::TempDir, i32, String) {
    let dir = tempfile::TempDir::new().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut cmd = brottstrend();
    cmd.arg("analyze")
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(dir.path().join("reports"))
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    (dir, code, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join("reports").join(file)).unwrap()
}

#[test]
fn the_report_names_its_date_the_export_and_when_the_next_figures_come() {
    let (dir, code, err) = shipped(&[], &[]);
    assert_eq!(code, 0, "{err}");
    let md = read(dir.path(), "report.md");
    // The newest export in the shipped data is the monthly one of 2026-09-15.
    assert!(md.contains("Rapportens datum: 2026-09-15. Bygger på Brås export från 2026-09-15."));
    // The summary card for the meeting is named, by its file name beside the report.
    assert!(md.contains("Till sammanträdet: bilden `sammanfattning.png` bredvid rapporten"));
    assert!(dir.path().join("reports/sammanfattning.png").is_file());
    assert!(md.contains(
        // The final 2025 figures came in March 2026, before the report's date: not named.
        "Nästa siffror: Brå publicerar de preliminära siffrorna för 2026 i januari 2027 och de slutliga siffrorna för 2026 i mars 2027."
    ));
    let (dir, code, err) = shipped(&[], &[("SOURCE_DATE_EPOCH", "1775001600")]);
    assert_eq!(code, 0, "{err}");
    let md = read(dir.path(), "report.md");
    assert!(md.contains("Rapportens datum: 2026-04-01."), "{md}");
    let json = summary(dir.path());
    assert_eq!(json["publication"]["date_from"], "source_date_epoch");
}

#[test]
fn a_report_date_that_is_not_a_number_is_one_clear_error() {
    let (dir, code, err) = shipped(&[], &[("SOURCE_DATE_EPOCH", "igår")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("SOURCE_DATE_EPOCH") && err.contains("igår"),
        "{err}"
    );
    assert!(!dir.path().join("reports/report.md").exists());
}

#[test]
fn numbers_and_units_never_break_across_lines() {
    let (dir, _, _) = shipped(&[], &[]);
    let md = read(dir.path(), "report.md");
    assert!(md.contains("95\u{a0}%\u{a0}KI"));
    assert!(md.contains("| 1\u{a0}936 |"));
    assert!(md.contains("+2,6\u{a0}% per år"));
    for (i, line) in md.lines().enumerate() {
        let b: Vec<char> = line.chars().collect();
        for w in b.windows(3) {
            assert!(
                !(w[0].is_ascii_digit() && w[1] == ' ' && w[2] == '%'),
                "line {}: {line}",
                i + 1
            );
        }
    }
}

#[test]
fn hashes_are_short_in_the_table_and_whole_in_the_appendix() {
    let (dir, _, _) = shipped(&[], &[]);
    let md = read(dir.path(), "report.md");
    let json = summary(dir.path());
    let sha = json["sources"][0]["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    let quality = &md[md.find("## Datakvalitet").unwrap()..md.find("## Metod").unwrap()];
    assert!(quality.contains(&format!("`{}`", &sha[..12])));
    assert!(!quality.contains(sha));
    assert!(quality.contains("Kommando: `brottstrend analyze"));
    let appendix = &md[md.find("## Bilaga: kontrollsummor").unwrap()..];
    assert!(appendix.contains(&format!("`{sha}`")));
    assert!(md.ends_with("---\n\nFramtagen med brottstrend 0.2 från Brås statistikdatabas\n"));
}

#[test]
fn the_summary_table_has_a_legend_and_the_overview_chart_follows() {
    let (dir, _, _) = shipped(&[], &[]);
    let md = read(dir.path(), "report.md");
    let legend = md.find("*Kvot*:").unwrap();
    assert!(md[legend..].contains("*KI*: konfidensintervall"));
    let table = md.find("| Område |").unwrap();
    let overview = md.find("(charts/overview.png)").unwrap();
    assert!(table < legend && legend < overview);
    assert!(md.find("## Brott i nära relation").unwrap() > overview);
}

#[test]
fn metrics_csv_keeps_its_columns_and_gains_two_at_the_end() {
    let (dir, _, _) = shipped(&[], &[]);
    let csv = read(dir.path(), "metrics.csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(
        header,
        [
            "area",
            "region_code",
            "region_name",
            "year",
            "preliminary",
            "count",
            "population",
            "rate_per_100k",
            "count_ci_low",
            "count_ci_high",
            "rate_ci_low",
            "rate_ci_high",
            "example_data",
            "complete"
        ]
    );
    let rows = metrics(dir.path());
    assert_eq!(
        metrics_row(&rows, "relationship", "2132", "2015")[13],
        "false"
    );
    assert_eq!(
        metrics_row(&rows, "relationship", "2132", "2021")[13],
        "true"
    );
    assert_eq!(metrics_row(&rows, "drugs", "2132", "2021")[12], "true");
}

#[test]
fn the_excel_csv_is_semicolon_separated_with_decimal_commas_and_a_bom() {
    let (dir, _, _) = shipped(&[], &[]);
    let bytes = std::fs::read(dir.path().join("reports/metrics-excel.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(header.len(), 14);
    assert_eq!(header[..4], ["område", "regionkod", "region", "år"]);
    assert_eq!(header[7], "per 100 000 invånare");
    let rows = metrics(dir.path());
    assert_eq!(text.lines().count(), rows.len());
    let plain = metrics_row(&rows, "drugs", "2132", "2021");
    let excel: Vec<&str> = lines
        .find(|l| l.starts_with("drugs;2132;") && l.contains(";2021;"))
        .unwrap()
        .split(';')
        .collect();
    assert_eq!(excel[7], plain[7].replace('.', ","));
    assert!(excel[7].contains(','), "{excel:?}");
    assert_eq!(excel[12], "ja");
}

#[test]
fn the_english_report_is_english_throughout() {
    let (dir, code, err) = shipped(&["--lang", "en"], &[]);
    assert_eq!(code, 0, "{err}");
    let md = read(dir.path(), "report.md");
    for english in [
        "## Crime in close relationships",
        "The promise: *“The police and the kommun shall work together against every kind",
        "**Crime in close relationships.** Year to date (January–August 2026",
        "![Crime in close relationships – count per period, rolling 12-month sum",
        "an average of 29 offences were reported per year",
        "For the council meeting: the image `summary-card.png` beside the report",
        "Brå has no single series",
        "- Sweden 2025:",
        "- Gävleborg County 2025:",
        "county: Gävleborg County",
        "2020-06-30: During the first half of 2020 the police changed how assault is recorded",
        "Produced with brottstrend 0.2 from Brå's statistics database",
    ] {
        assert!(md.contains(english), "missing {english:?}");
    }
    for swedish in [
        "Riket",
        "Gävleborgs län",
        "Polisen och kommunen",
        "95 %",
        "95\u{a0}%",
        "Brott i nära relation",
        "Narkotikabrott",
        "(brott i nära relation)",
    ] {
        assert!(!md.contains(swedish), "still {swedish:?}");
    }
}

#[test]
fn a_single_crime_type_gets_no_composition_chart() {
    let (dir, _, _) = shipped(&[], &[]);
    let charts = dir.path().join("reports/charts");
    assert!(charts.join("relationship-composition.png").exists());
    assert!(!charts.join("drugs-composition.png").exists());
    let md = read(dir.path(), "report.md");
    assert!(!md.contains("drugs-composition"));
}

#[test]
fn the_html_report_prints_on_a4_and_its_tables_scroll() {
    let (dir, code, err) = shipped(&["--report-format", "html"], &[]);
    assert_eq!(code, 0, "{err}");
    let html = read(dir.path(), "report.html");
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains(".table-scroll { overflow-x: auto;"));
    let tables = html.matches("<table>").count();
    assert!(tables >= 4);
    assert_eq!(
        html.matches("<div class=\"table-scroll\">\n<table>")
            .count(),
        tables
    );
    assert!(html.contains("95\u{a0}%\u{a0}KI"));
}

/// The deepest bracket nesting on any one line of `md`, with that line.
fn deepest_brackets(md: &str) -> (usize, &str) {
    let mut worst = (0, "");
    for line in md.lines() {
        let mut depth = 0usize;
        for c in line.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > worst.0 {
                worst = (depth, line);
            }
        }
    }
    worst
}

#[test]
fn the_swedish_report_reads_as_written_in_swedish_and_neither_nests_brackets() {
    for case in [
        "",
        "verdicts/doubling",
        "verdicts/underpowered",
        "verdicts/spike",
    ] {
        let (dir, md_sv, md_en) = if case.is_empty() {
            let (dir, code, err) = shipped(&[], &[]);
            assert_eq!(code, 0, "{err}");
            let (en, code, err) = shipped(&["--lang", "en"], &[]);
            assert_eq!(code, 0, "{err}");
            let sv = read(dir.path(), "report.md");
            (dir, sv, read(en.path(), "report.md"))
        } else {
            let dir = copy_of(case);
            assert_eq!(analyze(dir.path(), &[]).0, 0, "{case}");
            let sv = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
            let en = copy_of(case);
            assert_eq!(analyze(en.path(), &["--lang", "en"]).0, 0, "{case}");
            let en_md = std::fs::read_to_string(en.path().join("reports/report.md")).unwrap();
            (dir, sv, en_md)
        };
        drop(dir);
        // No-break spaces read as spaces here, so a phrase is found however it is typeset.
        let md_sv = md_sv.replace(['\u{a0}', '\u{202f}'], " ");
        // The phrases issue #13 found translated, and "fall" for what is counted as crimes.
        for stiff in [
            "skiljer sig inte säkert från noll",
            "(som väntat)",
            "inom 95 %-gränserna",
            "kommuner i data",
            "en exakt betingad test",
            "fall per år",
        ] {
            assert!(!md_sv.contains(stiff), "{case}: still {stiff:?}");
        }
        for (lang, md) in [("sv", &md_sv), ("en", &md_en)] {
            let (depth, line) = deepest_brackets(md);
            assert!(depth <= 1, "{case} {lang}: nested brackets in {line:?}");
        }
    }
}
