//! A general Poisson GLM (log link) with an offset, fitted by IRLS, with a quasi-Poisson
//! scale — the one model behind the period comparison (§8a), the trend with step terms
//! across breaks (§8c), the comparison with the surroundings (§8e) and the monthly
//! interrupted time series (§8g) of `docs/statistics.md`; `docs/methods.md` explains when
//! each is used.
//!
//! Model: log E(y_i) = offset_i + x_iᵀβ, where `offset` is usually log(population) and
//! each row x_i of the design matrix holds p ≤ ~8 covariates (the caller adds the
//! intercept column). Fitted by iteratively reweighted least squares — for the canonical
//! log link this is Newton's method — solving the p×p normal equations XᵀWX·β = XᵀWz by
//! Cholesky (McCullagh, P. & Nelder, J. A. 1989, *Generalized Linear Models*, 2nd ed.,
//! §2.5). Over-dispersion is handled as in quasi-Poisson models (ibid. ch. 9): the
//! dispersion φ = X²/(n − p) from Pearson's X², φ* = max(1, φ) so under-dispersion never
//! narrows an interval, and every standard error is multiplied by √φ*. Wald intervals and
//! p-values use Student's t with n − p degrees of freedom when φ* > 1 and the normal
//! distribution otherwise (as statsmodels does for a GLM fitted with `scale="X2"`).
//!
//! With n = p (a saturated model, e.g. the four cells of §8e) φ cannot be estimated; the
//! fit then reports `dispersion = None`, uses φ* = 1, and a caller that has an estimate
//! from elsewhere applies it with [`GlmFit::with_dispersion`].

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

use super::alpha_from_level;

/// Largest number of IRLS iterations before the fit is declared not to converge.
const MAX_ITER: usize = 100;
/// Convergence tolerance on the largest coefficient change (relative to 1 + |β|).
const TOL: f64 = 1e-10;
/// Largest number of covariates accepted (the normal equations are solved densely).
pub const MAX_COVARIATES: usize = 16;

/// A fitted Poisson GLM (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct GlmFit {
    /// Coefficients β, in the order of the design matrix's columns.
    pub coefficients: Vec<f64>,
    /// Model-based (Poisson) standard errors, √diag((XᵀWX)⁻¹).
    pub se_poisson: Vec<f64>,
    /// Standard errors used for inference: `se_poisson · √dispersion_used`.
    pub se: Vec<f64>,
    /// (XᵀWX)⁻¹ at the fit: the Poisson covariance of β, before scaling by φ*.
    pub cov_unscaled: Vec<Vec<f64>>,
    /// Poisson deviance 2·Σ[y·ln(y/μ) − (y − μ)].
    pub deviance: f64,
    /// Pearson's X² = Σ(y − μ)²/μ.
    pub pearson_chi2: f64,
    /// Estimated dispersion φ = X²/(n − p); `None` when n = p (saturated model).
    pub dispersion: Option<f64>,
    /// φ* = max(1, φ), the dispersion applied to the standard errors.
    pub dispersion_used: f64,
    /// Residual degrees of freedom n − p (the t distribution's df when φ* > 1).
    pub df_resid: usize,
    /// Fitted expected counts μ, one per observation.
    pub fitted: Vec<f64>,
    /// Pearson residuals (y − μ)/√μ, one per observation (not yet divided by √φ*).
    pub pearson_residuals: Vec<f64>,
}

/// A Wald estimate for one coefficient or a linear combination of coefficients, on the
/// log scale; exponentiate for a rate ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wald {
    /// The estimate cᵀβ.
    pub estimate: f64,
    /// Its standard error (scaled by √φ*).
    pub se: f64,
    /// Lower confidence limit.
    pub ci_low: f64,
    /// Upper confidence limit.
    pub ci_high: f64,
    /// Two-sided p-value for cᵀβ = 0.
    pub p_value: f64,
}

impl GlmFit {
    /// Whether inference uses Student's t (φ* > 1) rather than the normal distribution.
    pub fn uses_t(&self) -> bool {
        self.dispersion_used > 1.0 && self.df_resid > 0
    }

    /// The same fit with φ* = max(1, `phi`) applied instead of the fit's own estimate,
    /// inferring with t on `df` degrees of freedom when φ* > 1 — for a saturated model
    /// whose dispersion is estimated from a finer model (§8e). A non-finite `phi` or
    /// `df` = 0 leaves φ* = 1.
    pub fn with_dispersion(mut self, phi: f64, df: usize) -> GlmFit {
        let phi_star = if phi.is_finite() && df > 0 {
            phi.max(1.0)
        } else {
            1.0
        };
        self.dispersion_used = phi_star;
        self.df_resid = if phi_star > 1.0 { df } else { self.df_resid };
        self.se = self
            .se_poisson
            .iter()
            .map(|s| s * phi_star.sqrt())
            .collect();
        self
    }

    /// Wald inference for coefficient `j` at confidence `level` (e.g. 0.95);
    /// `None` when `j` is out of range.
    pub fn coefficient(&self, j: usize, level: f64) -> Option<Wald> {
        let mut c = vec![0.0; self.coefficients.len()];
        *c.get_mut(j)? = 1.0;
        self.contrast(&c, level)
    }

    /// Wald inference for the linear combination cᵀβ at confidence `level`;
    /// `None` when `c` has the wrong length or the result is not finite.
    pub fn contrast(&self, c: &[f64], level: f64) -> Option<Wald> {
        let p = self.coefficients.len();
        if c.len() != p {
            return None;
        }
        let estimate: f64 = c.iter().zip(&self.coefficients).map(|(a, b)| a * b).sum();
        let mut var = 0.0;
        for (i, ci) in c.iter().enumerate() {
            for (j, cj) in c.iter().enumerate() {
                var += ci * cj * self.cov_unscaled[i][j];
            }
        }
        let se = (var.max(0.0) * self.dispersion_used).sqrt();
        let alpha = alpha_from_level(level);
        let (q, p_value) = if self.uses_t() {
            let t = StudentsT::new(0.0, 1.0, self.df_resid as f64).ok()?;
            (
                t.inverse_cdf(1.0 - alpha / 2.0),
                2.0 * t.sf((estimate / se).abs()),
            )
        } else {
            let n = Normal::standard();
            (
                n.inverse_cdf(1.0 - alpha / 2.0),
                2.0 * n.sf((estimate / se).abs()),
            )
        };
        let w = Wald {
            estimate,
            se,
            ci_low: estimate - q * se,
            ci_high: estimate + q * se,
            p_value: p_value.clamp(0.0, 1.0),
        };
        let finite = [w.estimate, w.se, w.ci_low, w.ci_high, w.p_value];
        finite.iter().all(|v| v.is_finite()).then_some(w)
    }
}

/// Fits log E(y) = offset + Xβ by IRLS (see the module documentation). `design` holds
/// one row per observation, each of the same length p (include a column of ones for an
/// intercept); `offset` is typically ln(population).
///
/// `None` when the lengths disagree, p = 0 or p > [`MAX_COVARIATES`], n < p, any value
/// is not finite, a count is negative, all counts are zero, the design is rank deficient
/// (a column that is constant zero, or two columns that coincide on the data), or the fit
/// does not converge within 100 iterations (e.g. a step column whose years all have zero
/// counts, where its coefficient runs off to −∞).
pub fn fit_poisson_glm(design: &[Vec<f64>], y: &[f64], offset: &[f64]) -> Option<GlmFit> {
    let n = y.len();
    let p = design.first()?.len();
    let shapes_ok = design.len() == n && offset.len() == n && design.iter().all(|r| r.len() == p);
    if !shapes_ok || p == 0 || p > MAX_COVARIATES || n < p {
        return None;
    }
    let finite = y.iter().chain(offset).chain(design.iter().flatten());
    if !finite.clone().all(|v| v.is_finite()) || y.iter().any(|&v| v < 0.0) {
        return None;
    }
    if y.iter().sum::<f64>() <= 0.0 {
        return None;
    }
    let beta = irls(design, y, offset)?;
    summarise(design, y, offset, beta)
}

/// The IRLS iterations; returns the converged coefficients.
fn irls(design: &[Vec<f64>], y: &[f64], offset: &[f64]) -> Option<Vec<f64>> {
    let p = design[0].len();
    let mean_y = y.iter().sum::<f64>() / y.len() as f64;
    // The usual GLM start: μ₀ halfway between y and its mean, so no μ₀ is zero.
    let mut eta: Vec<f64> = y.iter().map(|v| ((v + mean_y) / 2.0).ln()).collect();
    let mut beta = vec![0.0; p];
    for iter in 0..MAX_ITER {
        let mu: Vec<f64> = eta.iter().map(|e| e.exp()).collect();
        // Working response on the scale of Xβ (the offset taken out).
        let z: Vec<f64> = (0..y.len())
            .map(|i| eta[i] - offset[i] + (y[i] - mu[i]) / mu[i])
            .collect();
        let xtwx = weighted_cross(design, &mu);
        let mut xtwz = vec![0.0; p];
        for ((row, m), zi) in design.iter().zip(&mu).zip(&z) {
            for (acc, x) in xtwz.iter_mut().zip(row) {
                *acc += x * m * zi;
            }
        }
        let chol = cholesky(&xtwx)?;
        let new_beta = chol_solve(&chol, &xtwz);
        if new_beta.iter().any(|b| !b.is_finite()) {
            return None;
        }
        let change = new_beta
            .iter()
            .zip(&beta)
            .map(|(a, b)| (a - b).abs() / (1.0 + a.abs()))
            .fold(0.0, f64::max);
        beta = new_beta;
        eta = linear_predictor(design, &beta, offset);
        if eta.iter().any(|e| !e.is_finite() || *e > 700.0) {
            return None;
        }
        if iter > 0 && change < TOL {
            return Some(beta);
        }
    }
    None
}

/// Deviance, Pearson X², dispersion and standard errors at the converged β.
fn summarise(design: &[Vec<f64>], y: &[f64], offset: &[f64], beta: Vec<f64>) -> Option<GlmFit> {
    let (n, p) = (y.len(), beta.len());
    let fitted: Vec<f64> = linear_predictor(design, &beta, offset)
        .iter()
        .map(|e| e.exp())
        .collect();
    let chol = cholesky(&weighted_cross(design, &fitted))?;
    let cov_unscaled = chol_inverse(&chol);
    let mut deviance = 0.0;
    let mut pearson_chi2 = 0.0;
    let mut pearson_residuals = Vec::with_capacity(n);
    for (&yi, &mi) in y.iter().zip(&fitted) {
        let unit = if yi > 0.0 { yi * (yi / mi).ln() } else { 0.0 };
        deviance += 2.0 * (unit - (yi - mi));
        let r = (yi - mi) / mi.sqrt();
        pearson_chi2 += r * r;
        pearson_residuals.push(r);
    }
    let df_resid = n - p;
    let dispersion = (df_resid > 0).then(|| pearson_chi2 / df_resid as f64);
    let dispersion_used = dispersion.map_or(1.0, |d| d.max(1.0));
    let se_poisson: Vec<f64> = (0..p).map(|j| cov_unscaled[j][j].max(0.0).sqrt()).collect();
    let se = se_poisson
        .iter()
        .map(|s| s * dispersion_used.sqrt())
        .collect();
    let fit = GlmFit {
        coefficients: beta,
        se_poisson,
        se,
        cov_unscaled,
        deviance,
        pearson_chi2,
        dispersion,
        dispersion_used,
        df_resid,
        fitted,
        pearson_residuals,
    };
    let scalars = fit.coefficients.iter().chain(&fit.se).chain(&fit.fitted);
    let ok = scalars.chain(&fit.pearson_residuals).all(|v| v.is_finite())
        && fit.deviance.is_finite()
        && fit.dispersion_used.is_finite();
    ok.then_some(fit)
}

/// η = offset + Xβ.
fn linear_predictor(design: &[Vec<f64>], beta: &[f64], offset: &[f64]) -> Vec<f64> {
    design
        .iter()
        .zip(offset)
        .map(|(row, o)| o + row.iter().zip(beta).map(|(x, b)| x * b).sum::<f64>())
        .collect()
}

/// XᵀWX with W = diag(w).
// Index loops mirror the matrix formulas in this and the next three functions.
#[allow(clippy::needless_range_loop)]
fn weighted_cross(design: &[Vec<f64>], w: &[f64]) -> Vec<Vec<f64>> {
    let p = design[0].len();
    let mut m = vec![vec![0.0; p]; p];
    for (row, wi) in design.iter().zip(w) {
        for i in 0..p {
            for j in 0..=i {
                m[i][j] += row[i] * wi * row[j];
            }
        }
    }
    for i in 0..p {
        for j in 0..i {
            m[j][i] = m[i][j];
        }
    }
    m
}

/// Lower-triangular L with LLᵀ = A; `None` when A is not (numerically) positive definite,
/// i.e. the design is rank deficient.
#[allow(clippy::needless_range_loop)]
fn cholesky(a: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let p = a.len();
    let mut l = vec![vec![0.0; p]; p];
    for i in 0..p {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a[i][i] - s;
                // Relative pivot check: a column collinear with earlier ones leaves only
                // rounding noise here.
                if !(d.is_finite() && d > 0.0 && d > 1e-12 * a[i][i].abs()) {
                    return None;
                }
                l[i][i] = d.sqrt();
            } else {
                l[i][j] = (a[i][j] - s) / l[j][j];
            }
        }
    }
    Some(l)
}

/// Solves LLᵀx = b by forward and back substitution.
#[allow(clippy::needless_range_loop)]
fn chol_solve(l: &[Vec<f64>], b: &[f64]) -> Vec<f64> {
    let p = l.len();
    let mut z = vec![0.0; p];
    for i in 0..p {
        let s: f64 = (0..i).map(|k| l[i][k] * z[k]).sum();
        z[i] = (b[i] - s) / l[i][i];
    }
    let mut x = vec![0.0; p];
    for i in (0..p).rev() {
        let s: f64 = (i + 1..p).map(|k| l[k][i] * x[k]).sum();
        x[i] = (z[i] - s) / l[i][i];
    }
    x
}

/// (LLᵀ)⁻¹, column by column.
#[allow(clippy::needless_range_loop)]
fn chol_inverse(l: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let p = l.len();
    let mut inv = vec![vec![0.0; p]; p];
    for j in 0..p {
        let mut e = vec![0.0; p];
        e[j] = 1.0;
        for (i, v) in chol_solve(l, &e).into_iter().enumerate() {
            inv[i][j] = v;
        }
    }
    inv
}

#[cfg(test)]
#[path = "glm_tests.rs"]
mod tests;
