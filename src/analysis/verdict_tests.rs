//! Unit tests of `src/analysis/verdict.rs`.

use super::*;
use crate::render::charts::fixtures;

fn area(adjusted_p: Option<f64>, ratio: f64, years_used: usize) -> AreaSummary {
    let mut a = fixtures::area("a", "A", &["X"], Vec::new());
    let c = &mut a.pledge_vs_baseline;
    c.pledge_years_used = years_used;
    c.baseline_years_used = 4;
    c.rate_ratio = Some(ratio);
    c.adjusted_p_value = adjusted_p;
    a
}

#[test]
fn holm_across_areas_decides_the_signs() {
    let mut method = Method::standard();
    // Alone, p = 0.03 would be a clear increase; with two areas Holm makes it 0.06.
    let mut two = vec![area(Some(0.03), 1.4, 3), area(Some(0.04), 1.3, 3)];
    adjust(&mut two, &mut method);
    assert_eq!(method.comparisons, 2);
    assert!(two.iter().all(|a| a.verdict == Verdict::NoDetectableChange));
    let mut one = vec![area(Some(0.03), 1.4, 3)];
    adjust(&mut one, &mut method);
    assert_eq!(one[0].verdict, Verdict::ClearIncrease);
    assert_eq!(one[0].pledge_vs_baseline.holm_p_value, Some(0.03));
}

#[test]
fn a_missing_input_cannot_be_assessed_and_is_not_counted_as_a_comparison() {
    let mut method = Method::standard();
    let mut areas = vec![area(None, 1.0, 0), area(Some(0.03), 0.6, 3)];
    adjust(&mut areas, &mut method);
    assert_eq!(areas[0].verdict, Verdict::CannotAssess);
    assert_eq!(method.comparisons, 1);
    assert_eq!(areas[1].verdict, Verdict::ClearDecrease);
}

#[test]
fn a_trend_alone_gives_a_possible_change_and_conflicts_give_none() {
    let mut method = Method::standard();
    let mut a = vec![area(Some(0.5), 1.1, 3)];
    a[0].trend.p_value = Some(0.001);
    a[0].trend.annual_change = Some(0.1);
    adjust(&mut a, &mut method);
    assert_eq!(a[0].verdict, Verdict::PossibleIncrease);
    let mut b = vec![area(Some(0.001), 0.5, 3)];
    b[0].trend.p_value = Some(0.001);
    b[0].trend.annual_change = Some(0.1);
    adjust(&mut b, &mut method);
    assert_eq!(b[0].verdict, Verdict::NoDetectableChange);
}

/// The surroundings are context: an extreme ratio against the county changes no verdict.
#[test]
fn the_surroundings_never_change_the_verdict() {
    let mut method = Method::standard();
    let base = || vec![area(Some(0.03), 1.4, 3), area(Some(0.5), 0.9, 3)];
    let mut without = base();
    adjust(&mut without, &mut method);
    for ratio in [0.1, 1.0, 10.0] {
        let mut with = base();
        for a in &mut with {
            a.surroundings = vec![crate::model::surroundings::Surrounding {
                level: "county".into(),
                region_code: "21".into(),
                region_name: "Gävleborgs län".into(),
                region_rate_ratio: Some(1.4 / ratio),
                ratio: Some(ratio),
                ci_low: Some(ratio * 0.9),
                ci_high: Some(ratio * 1.1),
                p_value: Some(1e-9),
                notes: Vec::new(),
                note: None,
            }];
        }
        adjust(&mut with, &mut method);
        let verdicts = |v: &[AreaSummary]| v.iter().map(|a| a.verdict).collect::<Vec<_>>();
        assert_eq!(verdicts(&with), verdicts(&without));
    }
}

#[test]
fn the_comparison_records_only_the_adjustments_it_made() {
    let mut method = Method::standard();
    let mut two = vec![area(Some(0.03), 1.4, 3), area(Some(0.04), 1.3, 3)];
    // Area 0: underdispersed, with a step; area 1: overdispersed, no step.
    two[0].pledge_vs_baseline.dispersion = Some(0.42);
    two[0].pledge_vs_baseline.steps = vec![crate::model::Step {
        date: "2020-06-30".into(),
        from_year: 2021,
    }];
    two[1].pledge_vs_baseline.dispersion = Some(1.9);
    adjust(&mut two, &mut method);
    assert_eq!(
        two[0].pledge_vs_baseline.adjusted_for,
        [Adjustment::Steps, Adjustment::SeveralAreas]
    );
    assert_eq!(
        two[1].pledge_vs_baseline.adjusted_for,
        [Adjustment::Overdispersion, Adjustment::SeveralAreas]
    );
    let mut one = vec![area(Some(0.03), 1.4, 3)];
    adjust(&mut one, &mut method);
    assert!(one[0].pledge_vs_baseline.adjusted_for.is_empty());
}

#[test]
fn the_direction_follows_the_model_s_ratio_when_it_has_one() {
    let mut method = Method::standard();
    // The exact ratio says up, the model with its step term says down: the model decides.
    let mut one = vec![area(Some(0.01), 1.1, 3)];
    one[0].pledge_vs_baseline.adjusted_rate_ratio = Some(0.8);
    adjust(&mut one, &mut method);
    assert_eq!(one[0].verdict, Verdict::ClearDecrease);
}
