//! Many files, one truth: overlapping exports are merged by fixed rules (see README).

use crate::common::*;

const HEADER: &str = "Region;Brott;År;Period;Antal;/100 000 inv\r\n";

/// A tiny-fixture folder without its SOL file, plus the given SOL files.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = copy_of("tiny");
    std::fs::remove_file(dir.path().join("data/sol_latin1_crlf_prel_2025-02-01.csv")).unwrap();
    for (name, rows) in files {
        std::fs::write(
            dir.path().join("data").join(name),
            format!("{HEADER}{rows}"),
        )
        .unwrap();
    }
    dir
}

const OLD: &str = "Nordanstig;Grov kvinnofridskränkning;År;2021;9;95;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2022;10;105;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2023 prel.;12;126;\r\n";
const NEW: &str = "Nordanstig;Grov kvinnofridskränkning;År;2021 prel.;8;84;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2022;11;116;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2023;13;137;\r\n\
Nordanstig;Grov kvinnofridskränkning;År;2024 prel.;14;147;\r\n";

fn count(dir: &std::path::Path, year: &str) -> String {
    metrics_row(&metrics(dir), "relationship", "2132", year)[5].clone()
}

#[test]
fn the_newer_export_wins_and_a_final_figure_is_never_replaced_by_a_preliminary_one() {
    let dir = folder(&[("sol_2025-03-01.csv", OLD), ("sol_2026-03-01.csv", NEW)]);
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        count(dir.path(), "2021"),
        "9",
        "the final 9 stays although the newer file says 8 prel."
    );
    assert_eq!(
        count(dir.path(), "2022"),
        "11",
        "a revision: the newer export wins"
    );
    assert_eq!(
        count(dir.path(), "2023"),
        "13",
        "final replaces preliminary"
    );
    assert_eq!(count(dir.path(), "2024"), "14");
    let s = summary(dir.path());
    let revisions: Vec<String> = s["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}: {} → {}",
                r["crime"].as_str().unwrap(),
                r["year"],
                r["old_value"].as_str().unwrap(),
                r["new_value"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        revisions,
        [
            "Grov kvinnofridskränkning 2021: 8 (prel.) → 9",
            "Grov kvinnofridskränkning 2022: 10 → 11",
            "Grov kvinnofridskränkning 2023: 12 (prel.) → 13",
        ]
    );
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    assert!(report.contains("- Nordanstig / Grov kvinnofridskränkning / 2022: 10 (sol_2025-03-01.csv) → 11 (sol_2026-03-01.csv)"));
}

#[test]
fn file_order_does_not_matter() {
    // The same files under names that sort the other way round give the same result.
    let a = folder(&[("a_sol_2026-03-01.csv", NEW), ("b_sol_2025-03-01.csv", OLD)]);
    assert_eq!(analyze(a.path(), &[]).0, 0);
    assert_eq!(count(a.path(), "2022"), "11");
    assert_eq!(count(a.path(), "2021"), "9");
}

#[test]
fn exact_duplicates_are_merged_silently() {
    let dir = folder(&[("sol_2025-03-01.csv", OLD), ("kopia_2025-03-02.csv", OLD)]);
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    assert_eq!(
        summary(dir.path())["revisions"].as_array().unwrap().len(),
        0
    );
    assert_eq!(count(dir.path(), "2022"), "10");
}

#[test]
fn two_undated_files_that_disagree_stop_the_run_and_name_both() {
    let dir = folder(&[("gammal.csv", OLD), ("ny.csv", NEW)]);
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("gammal.csv and ny.csv give different values for Nordanstig / Grov kvinnofridskränkning / 2022"), "{err}");
    assert!(
        err.contains("sources = [\"gammal.csv\", \"ny.csv\"]"),
        "{err}"
    );
}

#[test]
fn the_sources_order_in_pledge_toml_decides_between_undated_files() {
    let dir = folder(&[("gammal.csv", OLD), ("ny.csv", NEW)]);
    let config = dir.path().join("data/pledge.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replacen(
        "baseline = [2019, 2022]",
        "baseline = [2019, 2022]\nsources = [\"gammal.csv\", \"ny.csv\"]",
        1,
    );
    std::fs::write(&config, text).unwrap();
    let (code, _, err) = analyze(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(count(dir.path(), "2022"), "11");
}

#[test]
fn validate_prints_the_revisions_table() {
    let dir = folder(&[("sol_2025-03-01.csv", OLD), ("sol_2026-03-01.csv", NEW)]);
    let out = brottstrend()
        .args(["validate", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("revisions (region / crime / year: old → new):"),
        "{stdout}"
    );
    assert!(stdout.contains("Nordanstig / Grov kvinnofridskränkning / 2022: 10 (sol_2025-03-01.csv) → 11 (sol_2026-03-01.csv)"), "{stdout}");
}

mod split {
    //! Property: splitting a valid export into two overlapping files (with export dates) and
    //! loading both gives the same canonical table as loading the original.
    use brottstrend::load::{LoadOptions, load_dir};
    use brottstrend::regions::Regions;
    use proptest::prelude::*;

    const REGIONS: [&str; 3] = ["Nordanstig", "Hudiksvall", "Hela landet"];
    const CRIMES: [&str; 2] = [
        "Grov kvinnofridskränkning",
        "Brott mot narkotikastrafflagen",
    ];

    type Key = (String, String, i32, bool, Option<u64>);

    fn table(files: &[(&str, Vec<String>)]) -> Vec<Key> {
        let dir = tempfile::TempDir::new().unwrap();
        for (name, rows) in files {
            let text = format!(
                "Region;Brott;År;Period;Antal;/100 000 inv\r\n{}",
                rows.join("")
            );
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let data = load_dir(dir.path(), &Regions::new(), &LoadOptions::default()).unwrap();
        data.observations
            .into_iter()
            .map(|o| (o.region_code, o.crime, o.year, o.preliminary, o.count))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn splitting_an_export_into_two_overlapping_files_changes_nothing(
            counts in proptest::collection::vec(proptest::option::weighted(0.9, 0u64..500), 18),
            cut in 0usize..18,
            overlap in 0usize..18,
        ) {
            let mut rows = Vec::new();
            let mut i = 0;
            for region in REGIONS {
                for crime in CRIMES {
                    for year in 2022..2025 {
                        let period = if year == 2024 { "2024 prel.".to_owned() } else { year.to_string() };
                        let count = counts[i].map_or("..".to_owned(), |c| c.to_string());
                        rows.push(format!("{region};{crime};År;{period};{count};1;\r\n"));
                        i += 1;
                    }
                }
            }
            let whole = table(&[("sol_2026-01-01.csv", rows.clone())]);
            let first: Vec<String> = rows[..(cut + overlap).min(rows.len())].to_vec();
            let second: Vec<String> = rows[cut..].to_vec();
            let split = table(&[("a_2026-01-01.csv", first), ("b_2026-01-02.csv", second)]);
            prop_assert_eq!(whole, split);
        }
    }
}
