//! Unit tests of `src/stats/power.rs`.

use super::*;
use crate::stats::test_util::assert_doc;

#[test]
fn section_8f_seven_years_at_thirty() {
    let t: Vec<f64> = (0..7).map(f64::from).collect();
    let d = detectable_trend(&t, &[30.0; 7], 1.0, 0.05, 0.80).expect("value");
    assert_doc(d * 100.0, 10.149, 3);
    // SE 0.034503: (z.975 + z.80)·SE recovered from the change.
    let se = d.ln_1p() / (normal_quantile(0.975) + normal_quantile(0.80));
    assert_doc(se, 0.034503, 6);
}

#[test]
fn the_glm_slope_se_gives_the_same_detectable_change() {
    let t: Vec<f64> = (0..7).map(f64::from).collect();
    let design: Vec<Vec<f64>> = t.iter().map(|v| vec![1.0, *v]).collect();
    let fit = crate::stats::glm::fit_poisson_glm(&design, &[30.0; 7], &[0.0; 7]).unwrap();
    let from_se = detectable_from_se(fit.se[1], 0.05, 0.8).unwrap();
    let direct = detectable_trend(&t, &fit.fitted, 1.0, 0.05, 0.8).unwrap();
    assert!((from_se - direct).abs() < 1e-9);
    assert_eq!(detectable_from_se(0.0, 0.05, 0.8), None);
}

#[test]
fn overdispersion_widens_and_underdispersion_does_not_narrow() {
    let t: Vec<f64> = (0..7).map(f64::from).collect();
    let base = detectable_trend(&t, &[30.0; 7], 1.0, 0.05, 0.8).unwrap();
    let wide = detectable_trend(&t, &[30.0; 7], 2.0, 0.05, 0.8).unwrap();
    assert!(wide > base);
    assert_eq!(detectable_trend(&t, &[30.0; 7], 0.3, 0.05, 0.8), Some(base));
}

#[test]
fn degenerate_input_gives_none() {
    assert_eq!(detectable_trend(&[1.0; 4], &[3.0; 4], 1.0, 0.05, 0.8), None);
    assert_eq!(
        detectable_trend(&[0.0, 1.0], &[3.0; 2], 1.0, 0.05, 0.8),
        None
    );
    assert_eq!(
        detectable_trend(&[0.0, 1.0, 2.0], &[0.0; 3], 1.0, 0.05, 0.8),
        None
    );
    let nan = [0.0, f64::NAN, 2.0];
    assert_eq!(detectable_trend(&nan, &[3.0; 3], 1.0, 0.05, 0.8), None);
}
