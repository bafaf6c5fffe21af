//! Tests of the analysis as a whole on the shipped example data: the thresholds of
//! `thresholds.rs` drive the verdict, the sentences and the method text together.

use super::*;
use crate::model::{Method, Verdict};
use crate::render::RenderOptions;
use crate::render::format::Lang;

fn shipped(method: Method) -> Summary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let regions = Regions::new();
    let config = dir.join("pledge.toml");
    let pledge = crate::config::read_pledge(&config, &regions).expect("pledge");
    let (breaks, _) = crate::config::read_breaks(&dir).expect("breaks");
    let data =
        crate::load::load_dir(&dir, &regions, &crate::load::LoadOptions::default()).expect("data");
    analyze_with(&pledge, &breaks, &data, &regions, &config, method).expect("analysis")
}

fn report(s: &Summary) -> String {
    let opts = RenderOptions {
        lang: Lang::Sv,
        chart_format: crate::render::charts::ChartFormat::Png,
        pooled: false,
        report_format: crate::render::ReportFormat::Markdown,
        command_line: "test".into(),
    };
    crate::render::markdown::render(s, &opts)
}

#[test]
fn changing_a_threshold_changes_verdict_sentences_and_method_text_together() {
    let strict = shipped(thresholds::DEFAULT);
    // A lenient α: the drug comparison's Holm-adjusted p (≈ 0.26) now counts as a sign.
    let lenient = shipped(Method {
        alpha: 0.30,
        ..thresholds::DEFAULT
    });
    let drugs = |s: &Summary| s.areas.iter().find(|a| a.id == "drugs").unwrap().verdict;
    assert_eq!(drugs(&strict), Verdict::NoDetectableChange);
    assert_eq!(drugs(&lenient), Verdict::ClearIncrease);
    let (a, b) = (report(&strict), report(&lenient));
    assert!(a.contains("hålls under 0,05") && b.contains("hålls under 0,30"));
    assert!(a.contains("Skillnaden ryms inom vad slumpen kan ge (kvot 1,30"));
    assert!(b.contains("Skillnaden är större än vad slumpen brukar ge (kvot 1,30"));
    assert!(b.contains("Tydlig ökning") && !a.contains("Tydlig ökning"));
}

#[test]
fn the_relationship_area_compares_like_for_like_and_has_a_trend_with_a_step() {
    let s = shipped(thresholds::DEFAULT);
    let rel = s.areas.iter().find(|a| a.id == "relationship").unwrap();
    assert!(!rel.basket.iter().any(|c| c.starts_with("Barnfridsbrott")));
    assert_eq!(rel.left_out.len(), 1);
    assert_eq!(rel.left_out[0].crime, "Barnfridsbrott");
    assert_eq!((rel.trend.from, rel.trend.to), (Some(2019), Some(2025)));
    let steps: Vec<(&str, i32)> = rel
        .trend
        .steps
        .iter()
        .map(|s| (s.date.as_str(), s.from_year))
        .collect();
    assert_eq!(steps, vec![("2020-06-30", 2021)]);
    assert_eq!(rel.pledge_vs_baseline.steps.len(), 1);
    assert_eq!(s.method.comparisons, 2);
    // Averages are divided by the years used.
    let c = &rel.pledge_vs_baseline;
    let mean = c.pledge_count.unwrap() as f64 / c.pledge_years_used as f64;
    assert_eq!(c.pledge_mean, Some(mean));
}

/// The small national file (its two exports only) and the three pledges of `pledges_three`.
fn national_small() -> (tempfile::TempDir, Vec<(std::path::PathBuf, Pledge)>) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "bra_sol_national_2026-03-26.csv",
        "scb_folkmangd_1996-2025.csv",
    ] {
        let from = fixtures.join("national_small").join(name);
        std::fs::copy(from, dir.path().join(name)).expect("copy");
    }
    let regions = Regions::new();
    let pledges = ["kiruna", "nordanstig", "ockelbo"]
        .iter()
        .map(|name| {
            let path = fixtures.join("pledges_three").join(format!("{name}.toml"));
            let pledge = crate::config::read_pledge(&path, &regions).expect("pledge");
            (path, pledge)
        })
        .collect();
    (dir, pledges)
}

#[test]
fn a_summary_does_not_depend_on_what_the_thread_analysed_before() {
    // The remembered intervals and quantiles are per thread: a pledge analysed after others
    // (one index shared, in either order) gives the same summary as alone on a fresh thread.
    let (dir, pledges) = national_small();
    let regions = Regions::new();
    let options = crate::load::LoadOptions::default();
    let data = crate::load::load_dir(dir.path(), &regions, &options).expect("data");
    let breaks_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national_small");
    let (breaks, _) = crate::config::read_breaks(&breaks_dir).expect("breaks");
    let json = |s: Summary| serde_json::to_string(&s).expect("json");
    let alone: Vec<String> = pledges
        .iter()
        .map(|(path, p)| {
            let run = || json(analyze(p, &breaks, &data, &regions, path, None).expect("alone"));
            std::thread::scope(|s| s.spawn(run).join().expect("thread"))
        })
        .collect();
    let index = DatasetIndex::new(&data, &regions).expect("index");
    for order in [[0, 1, 2], [2, 1, 0]] {
        std::thread::scope(|s| {
            s.spawn(|| {
                for i in order {
                    let (path, p) = &pledges[i];
                    let summary = analyze_indexed(p, &breaks, &data, &index, &regions, path, None);
                    assert_eq!(
                        json(summary.expect("in turn")),
                        alone[i],
                        "{}",
                        path.display()
                    );
                }
            })
            .join()
            .expect("thread")
        });
    }
}
