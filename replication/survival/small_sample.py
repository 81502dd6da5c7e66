"""What 16 talks can support: Firth-penalised Cox models with profile penalised-likelihood intervals, the
exact (conditional permutation) log-rank test, and bootstrap percentile intervals with their Monte Carlo
error and the share of resamples that fail or separate.

Firth's penalty (Heinze and Schemper 2001) removes the first-order bias of maximum likelihood and keeps
estimates finite under separation: it maximises l(b) + log|I(b)| / 2. Here l is the Efron partial
likelihood, as in the archive's Cox models (R's coxphf, not in Debian, uses Breslow's; the two differ
where events are tied, as two talks are on day 5)."""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd
from scipy import stats

from .cox import Efron, firth_newton, newton
from .frame import COVARIATES, HORIZONS, TALKS, WAR_END

CHI2_95 = float(stats.chi2.ppf(0.95, 1))
PROFILE_TOL, PROFILE_MAX_STEPS = 1e-10, 100  # a profile bound: |l*(bound) - target| below this
BOOTSTRAP_RESAMPLES = 200
BOOTSTRAP_SEED = 20261124


def firth_table(sf: pd.DataFrame) -> pd.DataFrame:
    """Firth-penalised cause-specific Cox models: estimates, penalised-likelihood-ratio p-values, and
    profile penalised-likelihood 95% intervals (where 2 (l*max - l*profile) = chi-square(1) 95%)."""
    rows = []
    for cause, name in ((TALKS, "talks"), (WAR_END, "war_end")):
        data = Efron(sf["time_days"], (sf["event"] == cause).astype(int), sf[COVARIATES].to_numpy(float))
        ml = newton(data).coef
        b, top = firth_newton(data, ml)
        for j, covariate in enumerate(COVARIATES):
            warm = {"rest": b}

            def profile(value, j=j):
                """The profile penalised log-likelihood at b_j = value, and its slope: the penalised score
                of b_j at the constrained optimum (the other scores are zero there)."""
                rest, lp = firth_newton(data, warm["rest"], fixed={j: value})
                warm["rest"] = rest
                return lp, data.firth(rest)[1][j]

            lr = max(2 * (top - profile(0.0)[0]), 0.0)
            se = np.sqrt(np.linalg.inv(data.firth(b)[2])[j, j])
            target = top - CHI2_95 / 2

            def bound(direction, j=j):
                """Where the profile falls to `target`: bracketed from the estimate outwards, then Newton's
                method on the profile (bisection when a step would leave the bracket)."""
                warm["rest"] = b
                inside, edge = b[j], b[j] + direction * 2 * se
                while (value := profile(edge))[0] > target:
                    inside, edge = edge, edge + direction * 2 * se
                v, (lp, slope) = edge, value
                for _ in range(PROFILE_MAX_STEPS):
                    if abs(lp - target) < PROFILE_TOL:
                        break
                    if lp > target:
                        inside = v
                    else:
                        edge = v
                    step = v - (lp - target) / slope if slope else np.nan
                    v = step if min(inside, edge) < step < max(inside, edge) else (inside + edge) / 2
                    lp, slope = profile(v)
                return v

            lo, hi = bound(-1), bound(+1)
            rows.append({"cause": name, "covariate": covariate, "coef": b[j], "hazard_ratio": np.exp(b[j]),
                         "hr_lower": np.exp(lo), "hr_upper": np.exp(hi), "p_value": float(stats.chi2.sf(lr, 1)),
                         "coef_ml": ml[j], "events": int((sf["event"] == cause).sum())})
    return pd.DataFrame(rows)


def logrank_scores(time, status) -> np.ndarray:
    """Log-rank scores a_i = delta_i - (Nelson-Aalen cumulative hazard at t_i), ties counted in full
    (coin's logrank_trafo, ties.method = "mid-ranks", returns their negatives)."""
    time, status = np.asarray(time, float), np.asarray(status, int)
    times = np.unique(time)
    hazard = np.array([status[time == t].sum() / (time >= t).sum() for t in times])
    return status - np.cumsum(hazard)[np.searchsorted(times, time)]


def exact_logrank(time, status, group) -> dict:
    """The exact conditional (permutation) two-sided log-rank test: every way of choosing the smaller
    group's members from all wars is equally likely under the null; p = P(|T - E| >= |t - E|), counted
    exactly by meeting in the middle (subset sums of two halves), as coin's distribution = "exact"."""
    a = logrank_scores(time, status)
    group = np.asarray(group, int)
    n, n1 = len(a), int(group.sum())
    small = 1 if n1 <= n - n1 else 0
    m = int((group == small).sum())
    t_obs = a[group == small].sum()
    mean = m * a.mean()
    var = m * (n - m) / (n * (n - 1)) * ((a - a.mean()) ** 2).sum()
    c = abs(t_obs - mean) * (1 - 1e-9) - 1e-12  # observed deviation, less a hair for rounding
    half = n // 2

    def subset_sums(values):
        """sums[k]: the sums of every k-subset of `values` (k = 0..m), built one value at a time."""
        sums = [np.zeros(1)] + [np.zeros(0)] * m
        for x in values:
            sums = [sums[0]] + [np.concatenate((sums[k], sums[k - 1] + x)) for k in range(1, m + 1)]
        return sums

    left, right = subset_sums(a[:half]), [np.sort(v) for v in subset_sums(a[half:])]
    count = 0
    for k in range(m + 1):
        sa, sb = left[k], right[m - k]
        if len(sa) == 0 or len(sb) == 0:
            continue
        high = len(sb) - np.searchsorted(sb, mean + c - sa, side="left")
        low = np.searchsorted(sb, mean - c - sa, side="right")
        count += int(high.sum() + low.sum())
    z = (a[group == 1].sum() - int(group.sum()) * a.mean()) / np.sqrt(var)
    return {"z": float(z), "p_exact": count / comb(n, m), "p_normal": float(2 * stats.norm.sf(abs(z))),
            "subsets": comb(n, m)}


def exact_logrank_table(sf: pd.DataFrame) -> pd.DataFrame:
    g = sf["cold_war"].to_numpy(int)
    talks = (sf["event"] == TALKS).to_numpy(int)
    r = exact_logrank(sf["time_days"], talks, g)
    return pd.DataFrame([{"groups": "cold_war=1 vs cold_war=0", "n_1": int(g.sum()), "n_0": int((1 - g).sum()),
                          "events_1": int(talks[g == 1].sum()), "events_0": int(talks[g == 0].sum()), **r}])


def _order_statistic_range(B: int, q: float) -> tuple[int, int]:
    """Ranks bracketing the q-quantile of B draws with 95% Monte Carlo confidence (binomial)."""
    half = 1.959963984540054 * np.sqrt(B * q * (1 - q))
    return max(int(np.floor(B * q - half)), 0), min(int(np.ceil(B * q + half)), B - 1)


def cif_at(time: np.ndarray, event: np.ndarray, cause: int, horizons) -> np.ndarray:
    """Aalen-Johansen cumulative incidence of `cause` at each horizon (vectorised; equals
    estimators.aalen_johansen, which the tests check against cmprsk)."""
    times, index = np.unique(time, return_inverse=True)
    n = np.bincount(index, minlength=len(times))[::-1].cumsum()[::-1].astype(float)
    d_all = np.bincount(index, weights=(event != 0).astype(float), minlength=len(times))
    d_k = np.bincount(index, weights=(event == cause).astype(float), minlength=len(times))
    s_before = np.concatenate(([1.0], np.cumprod(1 - d_all / n)[:-1]))
    cif = np.cumsum(s_before * d_k / n)
    at = np.searchsorted(times, horizons, side="right") - 1
    return np.where(at >= 0, cif[np.maximum(at, 0)], 0.0)


def bootstrap_table(sf: pd.DataFrame, resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED):
    """Percentile intervals from resampling wars with replacement (seeded): the hazard ratio of talks for
    the Cold-War era (cause-specific Cox, maximum likelihood) and the cumulative incidence of talks at the
    declared horizons. A resample whose Cox fit does not reach a finite optimum is counted as failed or
    separated and left out of the hazard-ratio interval (the share is reported). Each bound carries the
    range within which it lies with 95% Monte Carlo confidence (the order statistics that bracket the
    quantile, by the binomial distribution of the count below it)."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(sf), size=(resamples, len(sf)))
    time, event = sf["time_days"].to_numpy(float), sf["event"].to_numpy(int)
    X = sf[COVARIATES].to_numpy(float)
    k = COVARIATES.index("cold_war")
    b_full = newton(Efron(time, (event == TALKS).astype(int), X)).coef
    hr = []
    for idx in draws:
        fit = newton(Efron(time[idx], (event[idx] == TALKS).astype(int), X[idx]), start=b_full)
        if fit.converged:
            hr.append(np.exp(fit.coef[k]))
    cifs = np.array([cif_at(time[idx], event[idx], TALKS, HORIZONS) for idx in draws])
    quantities = {"hr_cold_war_talks": (float(np.exp(b_full[k])), np.array(hr))}
    full_cif = cif_at(time, event, TALKS, HORIZONS)
    quantities |= {f"cif_talks_{h}d": (float(full_cif[i]), cifs[:, i]) for i, h in enumerate(HORIZONS)}
    rows = []
    for name, (estimate, values) in quantities.items():
        values = np.sort(values)
        row = {"quantity": name, "estimate": estimate, "resamples": resamples, "seed": seed,
               "used": len(values), "failed_or_separated": resamples - len(values)}
        for side, q in (("lower", 0.025), ("upper", 0.975)):
            row[side] = float(np.quantile(values, q))
            lo, hi = _order_statistic_range(len(values), q)
            row[f"{side}_mc_low"], row[f"{side}_mc_high"] = float(values[lo]), float(values[hi])
        rows.append(row)
    return pd.DataFrame(rows)
