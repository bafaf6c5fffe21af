//! Several comparisons at once: Holm's step-down adjustment of p-values (Holm, S. 1979,
//! "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6, 65–70;
//! `docs/statistics.md` §8d). Rejecting where the adjusted p is below α keeps the chance of
//! any false claim among the m comparisons at most α.

/// Holm-adjusted p-values, in the input order: sort ascending, multiply the i-th smallest
/// (from 0) by m − i, carry the running maximum, cap at 1. A NaN p is treated as 1.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let clean: Vec<f64> = p
        .iter()
        .map(|v| if v.is_nan() { 1.0 } else { v.clamp(0.0, 1.0) })
        .collect();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| clean[a].total_cmp(&clean[b]).then(a.cmp(&b)));
    let mut out = vec![1.0; m];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank) as f64 * clean[i]).min(1.0));
        out[i] = running;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::test_util::assert_close;

    #[test]
    fn section_8d_reference_values() {
        let adj = holm(&[0.012, 0.04, 0.30, 0.02]);
        for (a, e) in adj.iter().zip([0.048, 0.08, 0.30, 0.06]) {
            assert_close(*a, e, 1e-12);
        }
    }

    #[test]
    fn one_comparison_is_unchanged_and_nan_counts_as_one() {
        assert_eq!(holm(&[0.03]), vec![0.03]);
        assert_eq!(holm(&[]), Vec::<f64>::new());
        assert_eq!(holm(&[f64::NAN, 0.01]), vec![1.0, 0.02]);
        assert_eq!(holm(&[0.9, 0.3]), vec![0.9, 0.6]);
    }
}
