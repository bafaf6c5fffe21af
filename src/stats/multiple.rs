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
#[path = "multiple_tests.rs"]
mod tests;
