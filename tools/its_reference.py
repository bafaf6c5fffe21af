#!/usr/bin/env python3
"""Reference values for src/stats/its_tests.rs: the interrupted time series of
statistics.md §8g and the year-to-date rate ratio, fitted with statsmodels GLM (Poisson,
scale="X2", i.e. quasi-Poisson with Pearson's dispersion) on a second, invented series.

    pip install statsmodels
    python3 tools/its_reference.py

The series below is fixed (not random) so the test values never move.
"""

import numpy as np
import statsmodels.api as sm

# 48 months from 2021-01, pledge after month 30 (t0 = 30), with a population offset.
Y = [3, 5, 2, 4, 6, 3, 2, 5, 4, 3, 1, 4, 6, 2, 3, 5, 4, 7, 3, 2, 4, 5, 3, 2,
     4, 3, 5, 2, 6, 4, 7, 5, 6, 8, 4, 6, 5, 7, 9, 4, 6, 5, 8, 6, 7, 5, 9, 6]
POP = [9480] * 12 + [9470] * 12 + [9460] * 12 + [9450] * 12
T0 = 30

t = np.arange(len(Y), dtype=float)
post = (t >= T0).astype(float)
X = np.column_stack([np.ones_like(t), t, post, (t - T0) * post,
                     np.sin(2 * np.pi * t / 12), np.cos(2 * np.pi * t / 12)])
m = sm.GLM(np.array(Y, float), X, family=sm.families.Poisson(),
           offset=np.log(np.array(POP, float))).fit(scale="X2")
phi = m.scale
print("ITS beta", [round(b, 6) for b in m.params])
print("ITS phi", round(phi, 6))
# φ* = max(1, φ): with φ ≤ 1 refit with scale 1 (normal quantiles), as the tool does.
m1 = sm.GLM(np.array(Y, float), X, family=sm.families.Poisson(),
            offset=np.log(np.array(POP, float))).fit(scale=max(1.0, phi))
ci = m1.conf_int()[2]
print("ITS level", round(float(np.exp(m1.params[2])), 6), "ci",
      [round(float(np.exp(c)), 6) for c in ci], "p", round(float(m1.pvalues[2]), 6),
      "slope", round(float(np.exp(m1.params[3])), 6), "se2", round(float(m1.bse[2]), 6))

# Year to date: Jan-Aug of the baseline years 2019-2022 and of 2026.
YTD = [10, 22, 9, 20, 25]
YPOP = [9477, 9474, 9480, 9487, 9445]
R = [0, 0, 0, 0, 1]
Xy = np.column_stack([np.ones(5), R])
q = sm.GLM(np.array(YTD, float), Xy, family=sm.families.Poisson(),
           offset=np.log(np.array(YPOP, float))).fit(scale="X2")
print("YTD phi", round(q.scale, 6))
scale = max(1.0, q.scale)
q = sm.GLM(np.array(YTD, float), Xy, family=sm.families.Poisson(),
           offset=np.log(np.array(YPOP, float))).fit(scale=scale)
if scale > 1.0:
    from scipy import stats
    se = q.bse[1]
    tq = stats.t.ppf(0.975, 3)
    lo, hi = q.params[1] - tq * se, q.params[1] + tq * se
    p = 2 * stats.t.sf(abs(q.params[1] / se), 3)
else:
    lo, hi = q.conf_int()[1]
    p = q.pvalues[1]
print("YTD rr", round(float(np.exp(q.params[1])), 6), "ci",
      [round(float(np.exp(lo)), 6), round(float(np.exp(hi)), 6)], "p", round(float(p), 6))
