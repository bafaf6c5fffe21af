//! Unit tests of `funnel.rs`: the rate axis and limit lines cut at its top.

use super::*;

#[test]
fn a_limit_above_the_top_is_cut_where_it_crosses() {
    // Falls from 30 to 10 across a top of 20: the part from the crossing on is kept.
    let line = [(0.0, 30.0), (1.0, 25.0), (2.0, 15.0), (3.0, 10.0)];
    let runs = below(&line, 20.0);
    assert_eq!(runs, vec![vec![(1.5, 20.0), (2.0, 15.0), (3.0, 10.0)]]);
    // Dips below and rises again: one run with both crossings.
    let line = [(0.0, 30.0), (1.0, 10.0), (2.0, 30.0)];
    assert_eq!(
        below(&line, 20.0),
        vec![vec![(0.5, 20.0), (1.0, 10.0), (1.5, 20.0)]]
    );
    // Wholly above: nothing; wholly below: all of it.
    assert!(below(&[(0.0, 30.0), (1.0, 40.0)], 20.0).is_empty());
    assert_eq!(below(&line, 50.0), vec![line.to_vec()]);
}

#[test]
fn the_top_follows_the_kommuner_and_the_95_percent_limits_and_a_near_99_8_limit() {
    let limit = FunnelLimit {
        person_years: 10_000.0,
        low_998: 10.0,
        low_95: 100.0,
        high_95: 1_000.0,
        high_998: 7_000.0,
    };
    let points = [(10_000.0, 500.0, true), (20_000.0, 800.0, false)];
    let (_, top) = ranges(&points, &[&limit], Some(550.0));
    assert!((top - 1_120.0).abs() < 1e-9, "{top}");
    // A 99.8 % limit within twice that height is shown whole.
    let near = FunnelLimit {
        high_998: 1_900.0,
        ..limit.clone()
    };
    let (_, top) = ranges(&points, &[&near], Some(550.0));
    assert!((top - 1_900.0 * 1.12).abs() < 1e-9, "{top}");
}
