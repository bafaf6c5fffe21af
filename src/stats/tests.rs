//! Unit tests of `src/stats/mod.rs`.

use super::*;

#[test]
fn median_of_odd_and_even_lengths() {
    assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    assert_eq!(median(&mut [7.0]), Some(7.0));
}

#[test]
fn median_of_empty_or_nan_input_is_none() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [1.0, f64::NAN]), None);
}

#[test]
fn invalid_level_falls_back_to_95_percent() {
    assert!((alpha_from_level(0.9) - 0.1).abs() < 1e-12);
    for bad in [0.0, 1.0, -1.0, 2.0, f64::NAN, f64::INFINITY] {
        assert_eq!(alpha_from_level(bad), alpha_from_level(0.95));
    }
}

#[test]
fn no_function_returns_nan_on_hostile_input() {
    use super::funnel::{self, FunnelPoint};
    use super::{mann_kendall as mk, poisson, rate_ratio, trend};
    let counts = [0u64, 1, 7, 150, 2_000_000, 200_000_000, u64::MAX];
    let reals = [
        0.0,
        -1.0,
        1e-300,
        0.5,
        1.0,
        9500.0,
        1e300,
        f64::NAN,
        f64::INFINITY,
    ];
    let ok = |v: f64| !v.is_nan();
    let ok_opt = |v: Option<f64>| v.is_none_or(|v| v.is_finite());
    for &x in &counts {
        for &r in &reals {
            let (lo, hi) = poisson::garwood_interval(x, r);
            assert!(lo.is_finite() && hi.is_finite() && lo <= hi, "{x} {r}");
            assert!(ok_opt(poisson::rate_per_100k(x as f64, r)));
            assert!(ok_opt(poisson::rate_per_100k(r, 9500.0)));
            assert!(ok(poisson::poisson_cdf(x.min(1 << 40) as i64, r)));
            assert!(funnel::funnel_limit(r, 0.975).is_finite());
            assert!(funnel::funnel_limit(x as f64, r).is_finite());
            for &x2 in &counts[..4] {
                for &t in &reals {
                    let rr = rate_ratio::exact_rate_ratio(x, r, x2, t, 0.95);
                    assert!(ok_opt(rr.rate_ratio) && ok_opt(rr.ci_low) && ok_opt(rr.ci_high));
                    assert!((0.0..=1.0).contains(&rr.p_value), "{x} {r} {x2} {t}");
                }
            }
            for &t in &reals[..7] {
                let _ = rate_ratio::detectable_counts(x.min(1000), r, t, 0.05);
                for tau2 in [None, Some(r), Some(1e-7)] {
                    assert!(funnel::funnel_limits_rate(t, r, 0.975, tau2).is_finite());
                    let _ = funnel::funnel_position(x as f64, r, t, tau2).as_str();
                }
            }
        }
    }
    for &r in &reals {
        let y = [3.0, r, 5.0, 4.0];
        let t = [0.0, 1.0, 2.0, 3.0];
        if let Some(f) = trend::fit_poisson_trend(&t, &y, &[r; 4]) {
            let all = [f.beta0, f.se, f.deviance, f.ci_low, f.ci_high, f.p_value];
            assert!(all.iter().chain(&f.fitted).all(|v| v.is_finite()));
        }
        let _ = trend::fit_poisson_trend(&[0.0, r, 2.0], &[1.0, 2.0, 3.0], &[9.0; 3]);
        if let Some(m) = mk::mann_kendall(&y) {
            assert!(m.z.is_finite() && m.p_value.is_finite() && m.tau.is_finite());
        }
        if let Some(s) = mk::sen_slope(&t, &[r, -r, r, 1.0]) {
            assert!(s.slope.is_finite() && s.intercept.is_finite());
        }
        let pts: Vec<FunnelPoint> = (0..12)
            .map(|i| FunnelPoint {
                observed: f64::from(i),
                population: r,
            })
            .collect();
        assert!(ok_opt(funnel::target_rate(&pts)));
        assert!(ok_opt(funnel::overdispersion_tau2(&pts, r)));
    }
}
