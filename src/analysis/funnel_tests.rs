//! Unit tests of `src/analysis/funnel.rs`.

use super::*;

fn row(code: &str, count: u64, population: u64) -> AreaYear {
    AreaYear {
        area: "a".into(),
        level: Level::Kommun,
        region_code: code.into(),
        year: 2024,
        preliminary: false,
        count: Some(count),
        population: Some(population),
        parts: None,
    }
}

#[test]
fn target_excludes_the_pledge_kommun() {
    // Eleven others at 100 per 10 000, the pledge kommun at 1 000 per 10 000: the target is
    // the others' rate exactly (1 000 per 100 000), not pulled up by the pledge kommun.
    let mut rows: Vec<AreaYear> = (0..11)
        .map(|i| row(&format!("{:04}", 100 + i), 100, 10_000))
        .collect();
    rows.push(row("2132", 1_000, 10_000));
    let refs: Vec<&AreaYear> = rows.iter().collect();
    let f = funnel(&refs, &[2024], "2132", 10);
    assert_eq!(f.kommuner, 12);
    assert!((f.target_rate.unwrap() - 1_000.0).abs() < 1e-9);
    // The others are identical: no spread, exact limits, the pledge kommun far above.
    assert_eq!(f.tau2, Some(0.0));
    assert_eq!(f.position, Some(funnel::FunnelPosition::Above99_8));
    assert!((f.rate.unwrap() - 10_000.0).abs() < 1e-9);
}

#[test]
fn spread_is_dersimonian_laird_over_kommuner_with_events() {
    let pts = |x: &[f64]| -> Vec<funnel::FunnelPoint> {
        x.iter()
            .map(|o| funnel::FunnelPoint {
                observed: *o,
                population: 10_000.0,
            })
            .collect()
    };
    let with_zero = spread(&pts(&[0.0, 50.0, 100.0, 200.0])).unwrap();
    let without =
        crate::stats::funnel::dersimonian_laird_tau2(&[50.0, 100.0, 200.0], &[1e4, 1e4, 1e4])
            .unwrap()
            .1;
    assert!(with_zero.tau2 > 0.0);
    assert_eq!(with_zero.tau2, without);
    // Three kommuner with events: one degree of freedom; the zero adds nothing to the target.
    assert_eq!(with_zero.df, 1);
    let expected =
        (350.0 + (50f64.powi(2) + 100f64.powi(2) + 200f64.powi(2)) * without) / 350f64.powi(2);
    assert!((with_zero.target_log_variance - expected).abs() < 1e-15);
    assert_eq!(spread(&pts(&[0.0, 50.0, 100.0])), None);
}
