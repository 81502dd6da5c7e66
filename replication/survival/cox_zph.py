"""The proportional-hazards score test of R's `survival::cox.zph` as it is since survival 3.0: the score
test, at the fitted coefficients, of adding X * g(t) to the Cox model, per covariate and GLOBAL, with the
full information matrix (the pre-3.0 approximation, which lifelines' `proportional_hazard_test`
reproduces, assumed the covariate variance constant over time). A port of survival's C routine zph1
(Efron and Breslow ties, one stratum, unit weights), and the scaled Schoenfeld residuals that
`plot(cox.zph(fit))` draws."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from .product_limit import survival_just_before

TRANSFORMS = ("km", "rank", "identity", "log")


def time_transform(time: np.ndarray, status: np.ndarray, transform: str) -> np.ndarray:
    """g(t) before centring, as cox.zph computes it; 'km' is one minus the left-continuous Kaplan-Meier."""
    if transform == "identity":
        return time.astype(float)
    if transform == "log":
        return np.log(time.astype(float))
    if transform == "rank":
        return stats.rankdata(time)  # average ranks for ties, as R's rank()
    if transform != "km":
        raise ValueError(f"transform must be one of {TRANSFORMS}")
    return 1.0 - survival_just_before(time, status)


@dataclass(frozen=True)
class ZphResult:
    covariates: list
    chisq: np.ndarray  # per covariate, then GLOBAL
    df: np.ndarray
    p: np.ndarray
    x: np.ndarray  # g(t) at each event time (ascending)
    time: np.ndarray  # event times
    scaled_schoenfeld: np.ndarray  # events x covariates, beta added (what plot.cox.zph draws)
    var: np.ndarray  # inverse of the information per event (cox.zph()$var)


def cox_zph(time, status, X, beta, transform: str = "km", efron: bool = True, names=None) -> ZphResult:
    time, status = np.asarray(time, float), np.asarray(status, int)
    X = np.asarray(X, float)
    n, p = X.shape
    beta = np.asarray(beta, float)
    eta = X @ beta
    eta = eta - eta.mean()
    ttimes = time_transform(time, status, transform)
    event = status == 1
    gtime = ttimes - ttimes[event].mean()
    Xc = X - X.mean(axis=0)
    order = np.argsort(time, kind="stable")
    u = np.zeros(2 * p)
    imat = np.zeros((2 * p, 2 * p))
    schoen = np.zeros((int(event.sum()), p))
    a, cmat, denom = np.zeros(p), np.zeros((p, p)), 0.0
    nevent = int(event.sum())
    ip = n - 1
    while ip >= 0:  # backwards in time, one set of tied times at a time
        dtime = time[order[ip]]
        timewt = gtime[order[ip]]
        ndead, a2, cmat2, denom2 = 0, np.zeros(p), np.zeros((p, p)), 0.0
        while ip >= 0 and time[order[ip]] == dtime:
            i = order[ip]
            risk = np.exp(eta[i])
            x = Xc[i]
            if status[i] == 0:
                denom += risk
                a += risk * x
                cmat += risk * np.outer(x, x)
            else:
                ndead += 1
                denom2 += risk
                nevent -= 1
                schoen[nevent] = x
                u[:p] += x
                u[p:] += timewt * x
                a2 += risk * x
                cmat2 += risk * np.outer(x, x)
            ip -= 1
        if ndead == 0:
            continue
        if not efron:
            denom += denom2
            a += a2
            cmat += cmat2
            mean = a / denom
            u[:p] -= ndead * mean
            u[p:] -= timewt * ndead * mean
            block = ndead * (cmat - np.outer(mean, a)) / denom
            schoen[nevent:nevent + ndead] -= mean
        else:
            tmean = sum((a + a2 * (k + 1) / ndead) / (denom + denom2 * (k + 1) / ndead) for k in range(ndead))
            schoen[nevent:nevent + ndead] -= tmean / ndead
            block = np.zeros((p, p))
            for _ in range(ndead):
                denom += denom2 / ndead
                a += a2 / ndead
                cmat += cmat2 / ndead
                mean = a / denom
                u[:p] -= mean
                u[p:] -= timewt * mean
                block += (cmat - np.outer(mean, a)) / denom
        block = np.tril(block) + np.tril(block, -1).T  # zph1 accumulates the lower triangle (j <= i)
        imat[:p, :p] += block
        imat[:p, p:] += timewt * block
        imat[p:, p:] += timewt ** 2 * block
    imat[p:, :p] = imat[:p, p:].T
    chisq = []
    for j in range(p):
        kk = list(range(p)) + [p + j]
        uj = np.concatenate((np.zeros(p), u[[p + j]]))
        chisq.append(float(uj @ np.linalg.solve(imat[np.ix_(kk, kk)], uj)))
    uall = np.concatenate((np.zeros(p), u[p:]))
    chisq.append(float(uall @ np.linalg.solve(imat, uall)))
    df = np.array([1] * p + [p])
    chisq = np.array(chisq)
    # scaled Schoenfeld residuals: the information per event, inverted, plus the coefficient
    vmean = imat[:p, :p] / event.sum()
    scaled = np.linalg.solve(vmean, schoen.T).T + beta
    ev = order[event[order]]
    return ZphResult(list(names) if names is not None else [f"x{j}" for j in range(p)], chisq, df,
                     stats.chi2.sf(chisq, df), ttimes[ev], time[ev], scaled, np.linalg.inv(vmean))


def natural_spline_basis(x: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """A basis (with intercept) of the natural cubic splines with these knots (boundary knots first and
    last); it spans the same space as R's splines::ns(..., intercept = TRUE) with the same knots."""
    xi, last = knots, knots[-1]

    def d(k):
        return (np.maximum(x - xi[k], 0) ** 3 - np.maximum(x - last, 0) ** 3) / (last - xi[k])

    cols = [np.ones_like(x), x] + [d(k) - d(len(xi) - 2) for k in range(len(xi) - 2)]
    return np.column_stack(cols)


def zph_smooth(z: ZphResult, j: int, df: int = 4, nsmo: int = 40, at: np.ndarray | None = None):
    """The curve plot.cox.zph draws through covariate j's residuals: a natural spline with `df` degrees of
    freedom (interior knots at quantiles of the grid and the data together, as R's code does), with
    +-2 standard errors from cox.zph()$var. Returns (grid, fit, lower, upper) and the fit at `at`."""
    xx, y = z.x, z.scaled_schoenfeld[:, j]
    grid = np.linspace(xx.min(), xx.max(), nsmo)
    both = np.concatenate((grid, xx))
    inner = np.quantile(both, np.linspace(0, 1, df)[1:-1])  # df - 2 interior knots (intercept included)
    knots = np.concatenate(([both.min()], inner, [both.max()]))
    X = natural_spline_basis(xx, knots)
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    P = natural_spline_basis(grid, knots)
    xtx_inv = np.linalg.inv(X.T @ X)
    band = 2 * np.sqrt(z.var[j, j] * np.einsum("ij,jk,ik->i", P, xtx_inv, P))
    fit = P @ coef
    at_fit = natural_spline_basis(np.asarray(at, float), knots) @ coef if at is not None else None
    return grid, fit, fit - band, fit + band, at_fit
