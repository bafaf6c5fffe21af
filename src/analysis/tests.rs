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
