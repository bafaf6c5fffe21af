//! Unit tests for `mann_kendall.rs`: the reference values of `docs/statistics.md` and edge cases
//! (zero counts, too-short series, population 0, non-finite input; no NaN may escape).

use super::*;
use crate::stats::test_util::{assert_close, assert_doc};

const A: [f64; 10] = [14.0, 11.0, 17.0, 15.0, 19.0, 22.0, 18.0, 25.0, 23.0, 27.0];
const SERIES: [f64; 10] = [5.0, 3.0, 5.0, 6.0, 4.0, 6.0, 8.0, 6.0, 9.0, 7.0];
/// R `datasets::Nile`: annual flow of the Nile at Aswan, 1871–1970 (10⁸ m³).
const NILE: [f64; 100] = [
    1120.0, 1160.0, 963.0, 1210.0, 1160.0, 1160.0, 813.0, 1230.0, 1370.0, 1140.0, 995.0, 935.0,
    1110.0, 994.0, 1020.0, 960.0, 1180.0, 799.0, 958.0, 1140.0, 1100.0, 1210.0, 1150.0, 1250.0,
    1260.0, 1220.0, 1030.0, 1100.0, 774.0, 840.0, 874.0, 694.0, 940.0, 833.0, 701.0, 916.0, 692.0,
    1020.0, 1050.0, 969.0, 831.0, 726.0, 456.0, 824.0, 702.0, 1120.0, 1100.0, 832.0, 764.0, 821.0,
    768.0, 845.0, 864.0, 862.0, 698.0, 845.0, 744.0, 796.0, 1040.0, 759.0, 781.0, 865.0, 845.0,
    944.0, 984.0, 897.0, 822.0, 1010.0, 771.0, 676.0, 649.0, 846.0, 812.0, 742.0, 801.0, 1040.0,
    860.0, 874.0, 848.0, 890.0, 744.0, 749.0, 838.0, 1050.0, 918.0, 986.0, 797.0, 923.0, 975.0,
    815.0, 1020.0, 906.0, 901.0, 1170.0, 912.0, 746.0, 919.0, 718.0, 714.0, 740.0,
];

fn years(n: usize) -> Vec<f64> {
    (0..n).map(|i| i as f64).collect()
}

#[test]
fn data_a_matches_the_reference_test_and_slope() {
    let mk = mann_kendall(&A).expect("test");
    assert_eq!(mk.s, 35);
    assert_eq!(mk.var_s, 125.0);
    assert_doc(mk.z, 3.041052, 6);
    assert_doc(mk.p_value, 0.0023575, 7);
    assert_doc(mk.tau, 0.777778, 6);
    let sen = sen_slope(&years(10), &A).expect("slope");
    assert_doc(sen.slope, 1.571429, 6);
}

#[test]
fn tied_series_matches_the_reference_with_tie_correction() {
    let mk = mann_kendall(&SERIES).expect("test");
    assert_eq!(mk.s, 27);
    assert_doc(mk.var_s, 120.3333, 4);
    assert_close(mk.var_s, 361.0 / 3.0, 1e-12);
    assert_doc(mk.z, 2.370175, 6);
    assert_doc(mk.p_value, 0.017780, 6);
    let sen = sen_slope(&years(10), &SERIES).expect("slope");
    assert_eq!(sen.slope, 0.5);
    assert_eq!(sen.intercept, 3.75);
}

#[test]
fn nile_flow_matches_the_reference() {
    let mk = mann_kendall(&NILE).expect("test");
    assert_eq!(mk.s, -1387);
    assert_doc(mk.var_s, 112728.3333, 4);
    assert_doc(mk.z, -4.128067, 6);
    assert_doc(mk.p_value, 3.658263e-05, 11);
    let t: Vec<f64> = (1871..=1970).map(f64::from).collect();
    let sen = sen_slope(&t, &NILE).expect("slope");
    assert_close(sen.slope, -2.6, 1e-12);
}

#[test]
fn short_constant_or_non_finite_series_give_none() {
    assert!(mann_kendall(&[]).is_none());
    assert!(mann_kendall(&[1.0]).is_none());
    assert!(mann_kendall(&[1.0, 2.0]).is_none());
    assert!(mann_kendall(&[0.0; 6]).is_none());
    assert!(mann_kendall(&[1.0, f64::NAN, 3.0]).is_none());
    assert!(mann_kendall(&[1.0, f64::INFINITY, 3.0]).is_none());
}

#[test]
fn a_series_with_zeros_is_finite_and_s_of_one_gives_p_1() {
    let mk = mann_kendall(&[0.0, 1.0, 0.0, 1.0, 0.0]).expect("test");
    assert!(mk.p_value.is_finite() && mk.tau.abs() <= 1.0);
    let flat = mann_kendall(&[2.0, 1.0, 3.0]).expect("test");
    assert_eq!((flat.s, flat.z, flat.p_value), (1, 0.0, 1.0));
}

#[test]
fn sen_slope_edge_cases_give_none_or_zero() {
    assert!(sen_slope(&[], &[]).is_none());
    assert!(sen_slope(&[0.0], &[4.0]).is_none());
    assert!(sen_slope(&[1.0, 1.0], &[4.0, 5.0]).is_none());
    assert!(sen_slope(&[0.0, 1.0], &[4.0]).is_none());
    assert!(sen_slope(&[0.0, 1.0], &[4.0, f64::NAN]).is_none());
    let zero = sen_slope(&years(4), &[0.0; 4]).expect("slope");
    assert_eq!((zero.slope, zero.intercept), (0.0, 0.0));
    let two = sen_slope(&[0.0, 2.0], &[1.0, 5.0]).expect("slope");
    assert_eq!((two.slope, two.intercept), (2.0, 1.0));
}
