"""Competing-risks regression and tests on the cumulative incidence: the Fine-Gray subdistribution hazard
model of R's `cmprsk::crr` and Gray's test of `cmprsk::cuminc`, ported from cmprsk's Fortran (crr.f:
crrfsv for the likelihood, score and information, crrvv for the sandwich variance that accounts for the
estimated censoring distribution; crstm.f for Gray's test). Neither lifelines nor statsmodels has them.

Censoring is handled as crr does: a war that ended without talks stays in the risk set for talks with
weight G(t-)/G(T_i-), G the Kaplan-Meier of the censoring times (1 throughout when nothing is censored)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from .product_limit import survival_just_before


@dataclass(frozen=True)
class CrrFit:
    coef: np.ndarray
    se: np.ndarray
    var: np.ndarray
    information: np.ndarray
    loglik: float
    loglik_null: float
    converged: bool
    iterations: int


class _Data:
    """Sorted data in crr's coding: ici 1 the cause of interest, 2 another cause, 0 censored."""

    def __init__(self, ftime, fstatus, X, failcode, cencode):
        order = np.argsort(np.asarray(ftime, float), kind="stable")
        self.t = np.asarray(ftime, float)[order]
        status = np.asarray(fstatus)[order]
        self.X = np.asarray(X, float)[order]
        censored = status == cencode
        self.ici = np.where(status == failcode, 1, np.where(censored, 0, 2))
        self.wt = survival_just_before(self.t, censored)  # G(t-), the censoring Kaplan-Meier (crr's `uuu`)
        self.fail_times = np.unique(self.t[self.ici == 1])
        # crr's risk set at each failure time, as weights (fixed: they do not depend on the coefficients):
        # 1 for t_i >= t; G(t-)/G(t_i-) for a failure from another cause before t; 0 otherwise
        first = np.searchsorted(self.t, self.fail_times, side="left")
        later = self.t[None, :] >= self.fail_times[:, None]
        other = (self.t[None, :] < self.fail_times[:, None]) & (self.ici[None, :] == 2)
        self.W = np.where(later, 1.0, np.where(other, self.wt[first][:, None] / self.wt[None, :], 0.0))
        self.fails = ((self.t[None, :] == self.fail_times[:, None]) & (self.ici[None, :] == 1)).astype(float)
        self.n_fail = self.fails.sum(axis=1)
        n, p = self.X.shape
        self.xx = (self.X[:, :, None] * self.X[:, None, :]).reshape(n, p * p)


def _fsv(d: _Data, b: np.ndarray, derivatives: bool = True):
    """Negative log partial likelihood, its gradient and Hessian (crrfsv; Breslow ties), vectorised over
    the failure times."""
    p = len(b)
    xb = d.X @ b
    shift = xb.max()
    w = np.exp(xb - shift)
    s0 = d.W @ w
    lik = float(-(d.fails @ xb).sum() + (d.n_fail * (np.log(s0) + shift)).sum())
    if not derivatives:
        return lik
    s1 = d.W @ (w[:, None] * d.X)
    s2 = (d.W @ (w[:, None] * d.xx)).reshape(-1, p, p)
    xbar = s1 / s0[:, None]
    s = -(d.fails @ d.X).sum(axis=0) + d.n_fail @ xbar
    v = np.einsum("t,tab->ab", d.n_fail / s0, s2) - np.einsum("t,ta,tb->ab", d.n_fail, xbar, xbar)
    return lik, s, v


def _vv(d: _Data, b: np.ndarray):
    """The information and the middle of crr's sandwich (crrvv, one censoring group, no time functions)."""
    n, p = d.X.shape
    t, ici, X, wt = d.t, d.ici, d.X, d.wt
    ex = np.exp(X @ b)
    # S0, S1 at each type-1 failure i
    S0, S1 = np.zeros(n), np.zeros((n, p))
    for i in np.nonzero(ici == 1)[0]:
        twt = np.where(t < t[i], np.where(ici > 1, ex * wt[i] / wt, 0.0), ex)
        S0[i], S1[i] = twt.sum(), twt @ X
    fails = np.nonzero(ici == 1)[0]
    v, v2 = np.zeros((p, p)), np.zeros((p, p))
    ss2, qu = np.zeros(p), np.zeros(p)
    icrsk, lc = n, 0
    for i in range(n):
        st1 = np.zeros(p)
        for j in fails:
            if t[j] <= t[i]:
                twt = ex[i]
            elif t[i] < t[j] and ici[i] > 1:
                twt = ex[i] * wt[j] / wt[i]
            else:
                continue
            st1 -= (X[i] - S1[j] / S0[j]) * twt / S0[j]
        if ici[i] == 1:
            st1 += X[i] - S1[i] / S0[i]
            twt = np.where(t < t[i], np.where(ici > 1, ex * wt[i] / wt, 0.0), ex)
            dev = X - S1[i] / S0[i]
            v += (dev.T * twt) @ dev / S0[i]
        if i == 0 or t[i] > t[i - 1]:
            group = np.nonzero(t == t[i])[0]
            last_group = group[-1] == n - 1
            if (ici[group] == 0).any() or last_group:
                qu = np.zeros(p)
                for j1 in range(lc, n):
                    if ici[j1] != 1:
                        continue
                    before = np.nonzero((t < t[i]) & (ici > 1))[0]
                    tw = ex[before] * wt[j1] / wt[before]
                    ss4, ss3 = tw.sum(), tw @ X[before]
                    qu += (ss3 - S1[j1] * ss4 / S0[j1]) / S0[j1]
                for j in group:
                    if ici[j] == 0:
                        ss2 = ss2 - qu / icrsk ** 2
        st2 = ss2.copy()
        if ici[i] == 0:
            st2 = st2 + qu / icrsk
        st1 = st1 + st2
        v2 += np.outer(st1, st1)
        if i < n - 1 and t[i + 1] > t[i]:
            icrsk -= i + 1 - lc
            lc = i + 1
    return v, v2


def crr(ftime, fstatus, X, failcode=1, cencode=0, gtol: float = 1e-12, maxiter: int = 100) -> CrrFit:
    """Fine-Gray regression as cmprsk::crr fits it (Newton with its backtracking), run to gtol."""
    d = _Data(ftime, fstatus, X, failcode, cencode)
    b = np.zeros(d.X.shape[1])
    converged, it = False, 0
    for it in range(maxiter + 1):
        lik, s, h = _fsv(d, b)
        if np.max(np.abs(s) * np.maximum(np.abs(b), 1)) < max(abs(lik), 1) * gtol:
            converged = True
            break
        if it == maxiter:
            break
        sc = -np.linalg.solve(h, s)
        decrement = -(sc @ s)  # the gain Newton's step promises
        bn = b + sc
        fbn = _fsv(d, bn, derivatives=False)
        halvings = 0
        while not np.isfinite(fbn) or fbn > lik + 1e-4 * (sc @ s):
            halvings += 1
            sc *= 0.5
            bn = b + sc
            fbn = _fsv(d, bn, derivatives=False)
            if halvings > 20:
                break
        if halvings > 20:
            # no step improves the likelihood in floating point: stationary if the promised gain is below
            # its rounding (on some CPUs the score then stays just above gtol; R's crr would stop too)
            converged = decrement <= 1e-10 * max(abs(lik), 1)
            break
        b = bn
    info, middle = _vv(d, b)
    h_inv = np.linalg.inv(info)
    var = h_inv @ middle @ h_inv.T
    return CrrFit(b, np.sqrt(np.diag(var)), var, info, -_fsv(d, b, False), -_fsv(d, np.zeros_like(b), False),
                  converged, it)


def gray_test(ftime, fstatus, group, cause, cencode=0, rho: float = 0.0) -> tuple[float, int, float]:
    """Gray's (1988) test of equal cumulative incidence of `cause` across groups, as cmprsk::cuminc's
    `Tests` (crstm, one stratum). Returns (statistic, df, p)."""
    order = np.argsort(np.asarray(ftime, float), kind="stable")
    y = np.asarray(ftime, float)[order]
    status = np.asarray(fstatus)[order]
    m = np.where(status == cencode, 0, np.where(status == cause, 1, 2))
    levels = sorted(set(np.asarray(group)[order]))
    ig = np.array([levels.index(g) for g in np.asarray(group)[order]])
    ng, n = len(levels), len(y)
    ng1 = ng - 1
    rs = np.bincount(ig, minlength=ng).astype(float)
    s = np.zeros(ng1)
    v = np.zeros((ng1, ng1))
    f1m, f1 = np.zeros(ng), np.zeros(ng)
    skmm, skm = np.ones(ng), np.ones(ng)
    v3, v2 = np.zeros(ng), np.zeros((ng1, ng))
    c = np.zeros((ng, ng))
    fm = f = 0.0
    ll = 0
    while ll < n:
        lu = ll
        while lu + 1 < n and y[lu + 1] <= y[ll]:
            lu += 1
        dd = np.zeros((3, ng))
        for i in range(ll, lu + 1):
            dd[m[i], ig[i]] += 1
        nd1, nd2 = dd[1].sum(), dd[2].sum()
        if nd1 > 0 or nd2 > 0:
            tr = tq = 0.0
            for i in range(ng):
                if rs[i] <= 0:
                    continue
                td = dd[1, i] + dd[2, i]
                skm[i] = skmm[i] * (rs[i] - td) / rs[i]
                f1[i] = f1m[i] + skmm[i] * dd[1, i] / rs[i]
                tr += rs[i] / skmm[i]
                tq += rs[i] * (1 - f1m[i]) / skmm[i]
            f = fm + nd1 / tr
            fb = (1 - fm) ** rho
            a = np.zeros((ng, ng))
            for i in range(ng):
                if rs[i] <= 0:
                    continue
                t1 = rs[i] / skmm[i]
                a[i, i] = fb * t1 * (1 - t1 / tr)
                if a[i, i] != 0:
                    c[i, i] += a[i, i] * nd1 / (tr * (1 - fm))
                for j in range(i + 1, ng):
                    if rs[j] <= 0:
                        continue
                    a[i, j] = -fb * t1 * rs[j] / (skmm[j] * tr)
                    if a[i, j] != 0:
                        c[i, j] += a[i, j] * nd1 / (tr * (1 - fm))
            for i in range(1, ng):
                for j in range(i):
                    a[i, j], c[i, j] = a[j, i], c[j, i]
            for i in range(ng1):
                if rs[i] > 0:
                    s[i] += fb * (dd[1, i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq))
            if nd1 > 0:
                for k in range(ng):
                    if rs[k] <= 0:
                        continue
                    t4 = 1 - (1 - f) / skm[k] if skm[k] > 0 else 1.0
                    t5 = 1 - (nd1 - 1) / (tr * skmm[k] - 1) if nd1 > 1 else 1.0
                    t3 = t5 * skmm[k] * nd1 / (tr * rs[k])
                    v3[k] += t4 * t4 * t3
                    for i in range(ng1):
                        t1 = a[i, k] - t4 * c[i, k]
                        v2[i, k] += t1 * t4 * t3
                        for j in range(i + 1):
                            v[i, j] += t1 * (a[j, k] - t4 * c[j, k]) * t3
            if nd2 > 0:
                for k in range(ng):
                    if skm[k] <= 0 or dd[2, k] <= 0:
                        continue
                    t4 = (1 - f) / skm[k]
                    t5 = 1 - (dd[2, k] - 1) / (rs[k] - 1) if dd[2, k] > 1 else 1.0
                    t3 = t5 * (skmm[k] ** 2) * dd[2, k] / rs[k] ** 2
                    v3[k] += t4 * t4 * t3
                    for i in range(ng1):
                        t1 = t4 * c[i, k]
                        v2[i, k] -= t1 * t4 * t3
                        for j in range(i + 1):
                            v[i, j] += t1 * t4 * c[j, k] * t3
        if lu >= n - 1:
            break
        for i in range(ll, lu + 1):
            rs[ig[i]] -= 1
        fm = f
        f1m, skmm = f1.copy(), skm.copy()
        ll = lu + 1
    for i in range(ng1):
        for j in range(i + 1):
            v[i, j] += sum(c[i, k] * c[j, k] * v3[k] + c[i, k] * v2[j, k] + c[j, k] * v2[i, k] for k in range(ng))
    v = np.tril(v) + np.tril(v, -1).T
    stat = float(s @ np.linalg.solve(v, s))
    return stat, ng1, float(stats.chi2.sf(stat, ng1))
