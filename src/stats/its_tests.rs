//! Reference values: statistics.md §8g, and statsmodels GLM (Poisson, scale X2) on a second
//! series from `tools/its_reference.py`.

use super::*;
use crate::stats::test_util::assert_doc;

/// §8g: 60 months from 2021-01, t0 = 30 (2023-07), no offset.
#[test]
fn its_matches_section_8g() {
    let y = [
        4, 2, 2, 5, 2, 3, 5, 1, 2, 2, 1, 2, 3, 1, 3, 6, 4, 4, 4, 4, 4, 3, 4, 3, 1, 4, 2, 3, 0, 4,
        3, 4, 2, 0, 0, 1, 0, 3, 5, 3, 5, 0, 0, 3, 3, 2, 2, 3, 3, 0, 0, 2, 2, 3, 2, 3, 1, 0, 2, 0,
    ]
    .map(f64::from);
    let t: Vec<f64> = (0..60).map(f64::from).collect();
    let f = fit_its(&t, &y, &[0.0; 60], 30.0).expect("fit");
    let expected = [
        1.047273, -0.000152, -0.186276, -0.015503, 0.168091, -0.200455,
    ];
    for (b, e) in f.fit.coefficients.iter().zip(expected) {
        assert!((b - e).abs() < 1e-6, "{b} != {e}");
    }
    assert_doc(f.fit.se[2], 0.329966, 6);
    assert_doc(f.fit.dispersion.expect("phi"), 0.908200, 6);
    assert_doc(f.level_change, 0.830045, 6);
    // The document rounds the limits of exp(β2 ± 1.96·SE) to six places.
    assert_doc(f.level_ci.0, 0.434745, 5);
    assert_doc(f.level_ci.1, 1.584779, 6);
    assert_doc(f.slope_change, 0.984616, 6);
}

/// A second series with a population offset (statsmodels reference).
#[test]
fn its_matches_statsmodels_on_a_second_series_with_population() {
    let y = [
        3, 5, 2, 4, 6, 3, 2, 5, 4, 3, 1, 4, 6, 2, 3, 5, 4, 7, 3, 2, 4, 5, 3, 2, 4, 3, 5, 2, 6, 4,
        7, 5, 6, 8, 4, 6, 5, 7, 9, 4, 6, 5, 8, 6, 7, 5, 9, 6,
    ]
    .map(f64::from);
    let pop: Vec<f64> = [9480.0f64, 9470.0, 9460.0, 9450.0]
        .iter()
        .flat_map(|p| [p.ln(); 12])
        .collect();
    let t: Vec<f64> = (0..48).map(f64::from).collect();
    let f = fit_its(&t, &y, &pop, 30.0).expect("fit");
    let expected = [-7.882077, 0.002483, 0.429339, 0.005609, 0.057781, -0.043249];
    for (b, e) in f.fit.coefficients.iter().zip(expected) {
        assert!((b - e).abs() < 2e-6, "{b} != {e}");
    }
    assert_doc(f.fit.dispersion.expect("phi"), 0.536971, 6);
    assert_doc(f.fit.se[2], 0.268015, 6);
    assert_doc(f.level_change, 1.536242, 6);
    assert_doc(f.level_ci.0, 0.9085, 4);
    assert_doc(f.level_ci.1, 2.59773, 5);
    assert_doc(f.level_p, 0.109173, 6);
    assert_doc(f.slope_change, 1.005625, 6);
}

/// Year to date with φ > 1: t with 3 df (statsmodels + SciPy reference).
#[test]
fn year_to_date_matches_statsmodels_with_overdispersion() {
    let f = fit_year_to_date(
        &[10.0, 22.0, 9.0, 20.0, 25.0],
        &[9477.0, 9474.0, 9480.0, 9487.0, 9445.0],
        &[false, false, false, false, true],
    )
    .expect("fit");
    assert_doc(f.dispersion.expect("phi"), 2.945068, 6);
    assert_doc(f.rate_ratio, 1.645332, 6);
    assert_doc(f.ci.0, 0.449775, 6);
    assert_doc(f.ci.1, 6.018824, 6);
    assert_doc(f.p_value, 0.309016, 6);
}

#[test]
fn too_little_or_broken_input_gives_no_fit() {
    assert!(fit_its(&[0.0, 1.0], &[1.0, 2.0], &[0.0, 0.0], 1.0).is_none());
    let zeros = [0.0; 30];
    let t: Vec<f64> = (0..30).map(f64::from).collect();
    assert!(fit_its(&t, &zeros, &zeros, 20.0).is_none());
    assert!(fit_year_to_date(&[1.0, 2.0], &[0.0, 10.0], &[false, true]).is_none());
}
