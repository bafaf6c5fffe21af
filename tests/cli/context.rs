//! Context sources beside the SOL export: BRÅ's kommun CSV (total crime), Kolada (derived
//! counts) and the police events feed — shown as context, never added to the pledge areas.

use crate::common::*;

fn with_context_files() -> tempfile::TempDir {
    let dir = copy_of("tiny");
    for name in [
        "bra_kommun_2024.csv",
        "polisen_events.json",
        "kolada_api_N07544.json",
    ] {
        std::fs::copy(
            fixtures().join("formats").join(name),
            dir.path().join("data").join(name),
        )
        .unwrap();
    }
    dir
}

#[test]
fn every_format_in_one_folder_is_detected_and_listed_as_a_source() {
    let dir = with_context_files();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let s = summary(dir.path());
    let formats: Vec<&str> = s["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["format"].as_str().unwrap())
        .collect();
    assert_eq!(
        formats,
        [
            "bra_kommun",
            "kolada",
            "police_events",
            "scb_population",
            "bra_sol_long"
        ]
    );
    for source in s["sources"].as_array().unwrap() {
        assert_eq!(source["sha256"].as_str().unwrap().len(), 64);
    }
}

#[test]
fn police_events_and_total_crime_are_context_and_never_change_the_areas() {
    let plain = copy_of("tiny");
    assert_eq!(analyze(plain.path(), &[]).0, 0);
    let dir = with_context_files();
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let (a, b) = (summary(plain.path()), summary(dir.path()));
    for i in 0..2 {
        assert_eq!(
            a["areas"][i]["years"], b["areas"][i]["years"],
            "area {i} changed"
        );
    }
    // Total crime for Nordanstig 2024 from BRÅ's kommun CSV.
    let total = b["total_crime"].as_array().unwrap();
    assert_eq!(total.len(), 1);
    assert_eq!(total[0]["year"], 2024);
    assert_eq!(total[0]["count"], 812);
    // Police events for Nordanstig, per type and month.
    let events = b["police_events"].as_array().unwrap();
    assert!(events.iter().any(|e| e["event_type"] == "Misshandel, grov"
        && e["month"] == "2018-12"
        && e["count"] == 1));
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(report.contains("## Sammanhang"));
    assert!(
        report.contains("Den är inte brottsstatistik och blandas aldrig med de anmälda brotten")
    );
    assert!(report.contains("| 2024 | 812 |"));
}

#[test]
fn kolada_rates_become_counts_marked_as_derived() {
    let dir = with_context_files();
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("kolada_api_N07544.json\n  format kolada"),
        "{stdout}"
    );
    assert!(
        stdout.contains("(counts derived from Kolada rates × population)"),
        "{stdout}"
    );
}

#[test]
fn chart_footers_name_the_sources_actually_used() {
    let dir = with_context_files();
    assert_eq!(analyze(dir.path(), &["--chart-format", "svg"]).0, 0);
    let svg = std::fs::read_to_string(dir.path().join("reports/charts/drugs-trend.svg")).unwrap();
    assert!(
        svg.contains("Källa: Brå, anmälda brott; Kolada (RKA); befolkning: SCB"),
        "Kolada named"
    );
    let plain = copy_of("tiny");
    assert_eq!(analyze(plain.path(), &["--chart-format", "svg"]).0, 0);
    let svg = std::fs::read_to_string(plain.path().join("reports/charts/drugs-trend.svg")).unwrap();
    assert!(svg.contains("Källa: Brå, anmälda brott; befolkning: SCB. Bearbetning: brottstrend"));
}
