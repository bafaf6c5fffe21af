//! Unit tests for `funnel.rs`: the reference values of `docs/statistics.md` and edge cases
//! (zero counts, too-short series, population 0, non-finite input; no NaN may escape).

use super::*;
use crate::stats::test_util::{assert_close, assert_doc};

const PS: [f64; 4] = [0.001, 0.025, 0.975, 0.999];

fn pts(obs: &[f64], pop: &[f64]) -> Vec<FunnelPoint> {
    obs.iter()
        .zip(pop)
        .map(|(&observed, &population)| FunnelPoint {
            observed,
            population,
        })
        .collect()
}

#[test]
fn funnel_limits_match_the_reference_for_e_10_20_and_50() {
    let table = [
        (10.0, [1.2205, 3.7752, 16.1600, 20.6620]),
        (20.0, [7.1692, 11.2050, 28.7458, 34.7135]),
        (50.0, [29.1228, 36.1217, 63.8305, 72.7514]),
    ];
    for (e, limits) in table {
        for (p, want) in PS.iter().zip(limits) {
            assert_doc(funnel_limit(e, *p), want, 4);
        }
    }
}

#[test]
fn funnel_limit_for_zero_or_invalid_input_is_zero() {
    for p in PS {
        assert_eq!(funnel_limit(0.0, p), 0.0);
    }
    assert_eq!(funnel_limit(-3.0, 0.5), 0.0);
    assert_eq!(funnel_limit(f64::NAN, 0.5), 0.0);
    assert_eq!(funnel_limit(f64::INFINITY, 0.5), 0.0);
    assert_eq!(funnel_limit(10.0, 0.0), 0.0);
    assert_eq!(funnel_limit(10.0, f64::NAN), 0.0);
    let top = funnel_limit(10.0, 1.0);
    assert!(top.is_finite() && top > 20.6620);
}

#[test]
fn funnel_limit_is_close_to_normal_for_large_expected_counts() {
    for e in [1e4, 1e6, 1e9, 1e13] {
        let z = normal_quantile(0.975);
        let lim = funnel_limit(e, 0.975);
        assert!((lim - (e + z * e.sqrt())).abs() < 2.0, "{e}: {lim}");
    }
    // Tiny E: the lower limits are clamped at 0.
    assert_eq!(funnel_limit(0.01, 0.025), 0.0);
    assert!(funnel_limit(0.01, 0.999) > 0.0);
}

#[test]
fn target_rate_is_pooled_and_rejects_bad_points() {
    let p = pts(&[10.0, 30.0], &[10_000.0, 10_000.0]);
    assert_close(target_rate(&p).expect("rate"), 0.002, 1e-15);
    assert_eq!(target_rate(&[]), None);
    assert_eq!(target_rate(&pts(&[1.0], &[0.0])), None);
    assert_eq!(target_rate(&pts(&[f64::NAN], &[10.0])), None);
    assert_eq!(target_rate(&pts(&[-1.0], &[10.0])), None);
    assert_eq!(target_rate(&pts(&[0.0, 0.0], &[10.0, 20.0])), None);
}

#[test]
fn tau2_matches_an_independent_computation() {
    let obs = [
        12.0, 60.0, 5.0, 20.0, 40.0, 25.0, 2.0, 90.0, 15.0, 35.0, 33.0, 3.0,
    ];
    let pop = [
        9500.0, 21000.0, 4000.0, 25000.0, 12000.0, 15000.0, 8000.0, 30000.0, 11000.0, 14000.0,
        20000.0, 6000.0,
    ];
    let p = pts(&obs, &pop);
    let target = target_rate(&p).expect("rate");
    assert_close(target, 0.0019373219373219374, 1e-18);
    let tau2 = overdispersion_tau2(&p, target).expect("tau2");
    assert_close(tau2, 7.304717285695492e-07, 1e-15);
}

#[test]
fn tau2_is_zero_without_overdispersion_and_none_for_few_points() {
    let pop = [10_000.0; 10];
    let flat = pts(&[10.0; 10], &pop);
    assert_eq!(overdispersion_tau2(&flat, 0.001), Some(0.0));
    assert_eq!(overdispersion_tau2(&flat[..9], 0.001), None);
    assert_eq!(overdispersion_tau2(&flat, 0.0), None);
    assert_eq!(overdispersion_tau2(&flat, f64::NAN), None);
    let zero = pts(&[0.0; 10], &pop);
    assert_eq!(target_rate(&zero), None);
    assert_eq!(overdispersion_tau2(&zero, 0.0), None);
    let mut bad = flat.clone();
    bad[3].population = 0.0;
    assert_eq!(overdispersion_tau2(&bad, 0.001), None);
}

#[test]
fn rate_limits_are_exact_without_tau2_and_normal_with_it() {
    let (target, pop) = (0.002, 10_000.0);
    assert_close(
        funnel_limits_rate(target, pop, 0.975, None),
        28.7458 / pop,
        5e-5 / pop,
    );
    assert_eq!(
        funnel_limits_rate(target, pop, 0.975, Some(0.0)),
        funnel_limits_rate(target, pop, 0.975, None)
    );
    let tau2 = 1e-7;
    let z = normal_quantile(0.975);
    let want = target + z * (target / pop + tau2).sqrt();
    assert_close(
        funnel_limits_rate(target, pop, 0.975, Some(tau2)),
        want,
        1e-15,
    );
    // The normal lower limit is clamped at 0.
    assert_eq!(funnel_limits_rate(target, 100.0, 0.001, Some(tau2)), 0.0);
}

#[test]
fn rate_limits_for_population_zero_or_bad_target_are_zero() {
    for tau2 in [None, Some(1e-7)] {
        assert_eq!(funnel_limits_rate(0.002, 0.0, 0.975, tau2), 0.0);
        assert_eq!(funnel_limits_rate(0.002, f64::NAN, 0.975, tau2), 0.0);
        assert_eq!(funnel_limits_rate(f64::NAN, 100.0, 0.975, tau2), 0.0);
        assert_eq!(funnel_limits_rate(-1.0, 100.0, 0.975, tau2), 0.0);
        assert_eq!(funnel_limits_rate(0.002, 100.0, f64::NAN, tau2), 0.0);
    }
}

#[test]
fn funnel_position_classifies_each_band() {
    // E = 20: limits 7.1692, 11.2050, 28.7458, 34.7135.
    let (pop, target) = (10_000.0, 0.002);
    let cases = [
        (35.0, FunnelPosition::Above99_8),
        (29.0, FunnelPosition::Above95),
        (20.0, FunnelPosition::Inside95),
        (11.0, FunnelPosition::Below95),
        (7.0, FunnelPosition::Below99_8),
        (0.0, FunnelPosition::Below99_8),
    ];
    for (obs, want) in cases {
        assert_eq!(funnel_position(obs, pop, target, None), want, "{obs}");
    }
    // Widening with τ² pulls 29 back inside.
    assert_eq!(
        funnel_position(29.0, pop, target, Some(1e-6)),
        FunnelPosition::Inside95
    );
}

#[test]
fn funnel_position_of_zero_counts_and_invalid_input_is_inside() {
    assert_eq!(
        funnel_position(0.0, 100.0, 0.002, None),
        FunnelPosition::Inside95
    );
    assert_eq!(
        funnel_position(0.0, 10_000.0, 0.0, None),
        FunnelPosition::Inside95
    );
    assert_eq!(
        funnel_position(1.0, 10_000.0, 0.0, None),
        FunnelPosition::Above99_8
    );
    assert_eq!(
        funnel_position(5.0, 0.0, 0.002, None),
        FunnelPosition::Inside95
    );
    assert_eq!(
        funnel_position(f64::NAN, 10.0, 0.002, None),
        FunnelPosition::Inside95
    );
    assert_eq!(
        funnel_position(5.0, 10.0, f64::NAN, None),
        FunnelPosition::Inside95
    );
}

#[test]
fn funnel_position_names_are_stable() {
    let names = [
        (FunnelPosition::Above99_8, "above_99_8"),
        (FunnelPosition::Above95, "above_95"),
        (FunnelPosition::Inside95, "inside_95"),
        (FunnelPosition::Below95, "below_95"),
        (FunnelPosition::Below99_8, "below_99_8"),
    ];
    for (pos, name) in names {
        assert_eq!(pos.as_str(), name);
        // summary.json writes the same name.
        assert_eq!(serde_json::to_string(&pos).unwrap(), format!("\"{name}\""));
    }
}

#[test]
fn section_8h_dersimonian_laird_reference_values() {
    let x = [
        123.0, 95.0, 60.0, 300.0, 410.0, 80.0, 150.0, 220.0, 90.0, 130.0,
    ];
    let py = [
        28358.0, 17469.0, 28197.0, 34000.0, 310000.0, 55000.0, 112000.0, 77000.0, 75000.0, 110000.0,
    ];
    let (q, tau2) = dersimonian_laird_tau2(&x, &py).expect("value");
    assert_doc(q, 946.621614, 6);
    assert_doc(tau2, 0.658493, 6);
    assert_eq!(dersimonian_laird_tau2(&[0.0, 3.0], &[1.0, 1.0]), None);
    assert_eq!(dersimonian_laird_tau2(&[3.0], &[1.0]), None);
    let (_, homogeneous) = dersimonian_laird_tau2(&[10.0, 10.0], &[100.0, 100.0]).unwrap();
    assert_eq!(homogeneous, 0.0);
}

fn spread(tau2: f64) -> Option<LogSpread> {
    Some(LogSpread {
        tau2,
        target_log_variance: 0.002,
        df: 18,
    })
}

#[test]
fn log_scale_limits_are_prediction_limits_on_t() {
    // E = 0.003 · 10 000 = 30, τ² = 0.04, Var(ln θ0) = 0.002, 18 df:
    // 0.003·exp(t₁₈(p)·√(1/30 + 0.04 + 0.002)), scipy.stats.t.ppf.
    let at = |p| log_funnel_limits_rate(0.003, 10_000.0, p, spread(0.04));
    for (p, want) in [
        (0.975, 0.005340133475693747),
        (0.025, 0.0016853511323199264),
        (0.999, 0.008081513192260671),
        (0.001, 0.0011136528253915276),
    ] {
        assert!((at(p) - want).abs() < 1e-12, "{p}: {} vs {want}", at(p));
    }
    // No spread: the exact Poisson limits.
    assert_eq!(
        log_funnel_limits_rate(0.003, 10_000.0, 0.975, None),
        funnel_limits_rate(0.003, 10_000.0, 0.975, None)
    );
    // E = 5: the prediction's lower limit (1.94 events) is narrower than the exact Poisson
    // one, so the exact one is kept; the upper limit is the wider prediction.
    let (lo, hi) = (
        log_funnel_limits_rate(0.0005, 10_000.0, 0.025, spread(0.0)),
        log_funnel_limits_rate(0.0005, 10_000.0, 0.975, spread(0.0)),
    );
    assert_eq!(lo, funnel_limits_rate(0.0005, 10_000.0, 0.025, None));
    assert!(hi > funnel_limits_rate(0.0005, 10_000.0, 0.975, None));
    // 60 events where 30 are expected is far out under Poisson, inside with τ² = 0.2.
    assert_eq!(
        log_funnel_position(60.0, 10_000.0, 0.003, None),
        FunnelPosition::Above99_8
    );
    assert_eq!(
        log_funnel_position(60.0, 10_000.0, 0.003, spread(0.2)),
        FunnelPosition::Inside95
    );
    assert_eq!(
        log_funnel_position(f64::NAN, 10_000.0, 0.003, spread(0.2)),
        FunnelPosition::Inside95
    );
    assert_eq!(
        log_funnel_limits_rate(0.0, 10_000.0, 0.975, spread(0.2)),
        0.0
    );
}

#[test]
fn log_spread_needs_three_kommuner_with_events() {
    let s = log_spread(&[123.0, 95.0, 0.0, 60.0], &[28358.0, 17469.0, 1e4, 28197.0]).unwrap();
    let (_, tau2) =
        dersimonian_laird_tau2(&[123.0, 95.0, 60.0], &[28358.0, 17469.0, 28197.0]).unwrap();
    assert_eq!((s.tau2, s.df), (tau2, 1));
    assert_eq!(log_spread(&[123.0, 0.0, 60.0], &[1e4, 1e4, 1e4]), None);
}

#[test]
fn a_remembered_t_quantile_is_the_one_computed() {
    use statrs::distribution::{ContinuousCDF, StudentsT};
    for df in [1, 8, 288] {
        for p in [0.001, 0.025, 0.975, 0.999] {
            let t = StudentsT::new(0.0, 1.0, df as f64).unwrap();
            let computed = Some(t.inverse_cdf(p));
            assert_eq!(t_quantile(df, p), computed);
            assert_eq!(t_quantile(df, p), computed, "from the cache");
        }
    }
}

#[test]
fn the_exact_limit_is_the_interpolation_at_the_first_count_reaching_p() {
    // A plain scan from 0 finds the same count and the same bits as the bracketed search.
    for expected in [0.3, 1.0, 4.2, 17.0, 63.5, 250.0, 1_234.5] {
        for p in [0.001, 0.025, 0.5, 0.975, 0.999] {
            let f = |r: i64| poisson_cdf(r, expected);
            let hi = (0..).find(|&r| f(r) >= p).unwrap();
            let (f_r, f_prev) = (f(hi), f(hi - 1));
            let a = if f_r - f_prev > 0.0 {
                (f_r - p) / (f_r - f_prev)
            } else {
                0.0
            };
            let scanned = (hi as f64 - a.clamp(0.0, 1.0)).max(0.0);
            assert_eq!(
                funnel_limit(expected, p),
                scanned,
                "E = {expected}, p = {p}"
            );
        }
    }
}
