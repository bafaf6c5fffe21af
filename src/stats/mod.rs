//! Statistics for brottstrend: small, tested implementations of the methods in
//! `docs/statistics.md`.
//!
//! * [`poisson`] — exact (Garwood 1936) Poisson intervals for counts and rates.
//! * [`rate_ratio`] — exact conditional rate ratio for pledge period against baseline
//!   (Fay 2010, R `exactci::rateratio.test`), and the smallest detectable change.
//! * [`trend`] — Poisson regression with a population offset and a quasi-Poisson scale
//!   (McCullagh & Nelder 1989).
//! * [`glm`] — a general Poisson GLM with an offset and a quasi-Poisson scale (IRLS),
//!   used for period comparisons, trends with step terms and interrupted time series.
//! * [`mann_kendall`] — Mann–Kendall trend test and Sen slope (Mann 1945, Kendall 1975,
//!   Sen 1968) as a robustness check.
//! * [`multiple`] — Holm's adjustment across the areas of one pledge.
//! * [`power`] — the smallest detectable trend.
//! * [`funnel`] — funnel-plot limits for comparing kommuner (Spiegelhalter 2005).
//! * [`its`] — monthly interrupted time series and year to date over the GLM (§8g).
//!
//! Every function takes counts straight from users' files, so none of them panics and
//! none returns NaN: invalid input gives `None` (or a documented neutral value where the
//! signature has no `Option`). Distributions come from `statrs`.

pub mod funnel;
pub mod glm;
pub mod its;
pub mod mann_kendall;
pub mod multiple;
pub mod poisson;
pub mod power;
pub mod rate_ratio;
pub mod trend;

/// Median of `v` (sorts `v` in place). `None` when `v` is empty or holds a NaN.
pub fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() || v.iter().any(|x| x.is_nan()) {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let m = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    m.is_finite().then_some(m)
}

/// Converts a confidence level such as 0.95 into the two-sided α (0.05).
/// A level that is not strictly between 0 and 1 (or is NaN) falls back to 0.95,
/// so the distribution quantiles below are never asked for a probability outside [0, 1].
pub(crate) fn alpha_from_level(level: f64) -> f64 {
    let level = if level > 0.0 && level < 1.0 {
        level
    } else {
        0.95
    };
    1.0 - level
}

/// The `p`-quantile of Student's t with `df` degrees of freedom; `None` when statrs refuses
/// the distribution. A funnel asks for the same four probabilities at eighty sizes, and each
/// quantile is a search over incomplete beta functions: they are remembered, per thread.
pub(crate) fn t_quantile(df: usize, p: f64) -> Option<f64> {
    use statrs::distribution::{ContinuousCDF, StudentsT};
    thread_local! {
        static KNOWN: std::cell::RefCell<std::collections::HashMap<(usize, u64), Option<f64>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let key = (df, p.to_bits());
    if let Some(known) = KNOWN.with_borrow(|m| m.get(&key).copied()) {
        return known;
    }
    let quantile = StudentsT::new(0.0, 1.0, df as f64)
        .ok()
        .map(|t| t.inverse_cdf(p));
    // A few probabilities and degrees of freedom per dataset; the bound is only a guard.
    KNOWN.with_borrow_mut(|m| {
        if m.len() < 1 << 14 {
            m.insert(key, quantile);
        }
    });
    quantile
}

#[cfg(test)]
pub(crate) mod test_util {
    /// Asserts that `actual` is finite and within `tol` (absolute) of `expected`.
    #[track_caller]
    pub fn assert_close(actual: f64, expected: f64, tol: f64) {
        assert!(
            actual.is_finite() && (actual - expected).abs() <= tol,
            "got {actual}, expected {expected} ± {tol}"
        );
    }

    /// Asserts agreement with a reference value printed with `decimals` decimals: to
    /// 1e-6 relative, or to half a unit in the last printed place when that is coarser.
    #[track_caller]
    pub fn assert_doc(actual: f64, expected: f64, decimals: i32) {
        let tol = (1e-6 * expected.abs()).max(0.5 * 10f64.powi(-decimals));
        assert_close(actual, expected, tol);
    }
}

#[cfg(test)]
mod tests;
