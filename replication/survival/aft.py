"""Parametric accelerated-failure-time models, fitted by Newton's method on the exact likelihood.

log T = x'b + sigma W, with W standard minimum-extreme-value (Weibull), normal (log-normal) or logistic
(log-logistic); right-censored observations contribute log S. The score and the observed information
are analytic, so the fit stops at a gradient of 1e-9 and the standard errors need no numerical
differentiation. Results are reported in lifelines' parameterisation and checked, in the tests, against
lifelines' fitters and R's survreg."""

from __future__ import annotations

import numpy as np
from scipy import optimize, special, stats

LOG_2PI = float(np.log(2 * np.pi))
# distribution -> (location block, shape block, sign of the shape parameter against log sigma)
PARAMETERS = {"weibull": ("lambda_", "rho_", -1.0), "lognormal": ("mu_", "sigma_", 1.0),
              "loglogistic": ("alpha_", "beta_", -1.0)}
GTOL = 1e-9


def _g(dist: str, z: np.ndarray, d: np.ndarray):
    """d log f_W(z) + (1 - d) log S_W(z) and its first and second derivatives in z."""
    if dist == "weibull":
        ez = np.exp(z)
        return d * (z - ez) - (1 - d) * ez, d - ez, -ez
    if dist == "loglogistic":
        p, log1pez = special.expit(z), np.logaddexp(0, z)
        return d * z - (1 + d) * log1pez, d - (1 + d) * p, -(1 + d) * p * (1 - p)
    if dist == "lognormal":
        log_s = special.log_ndtr(-z)
        mills = np.exp(-0.5 * z * z - 0.5 * LOG_2PI - log_s)
        return (d * (-0.5 * z * z - 0.5 * LOG_2PI) + (1 - d) * log_s, -d * z - (1 - d) * mills,
                -d - (1 - d) * mills * (mills - z))
    raise ValueError(f"unknown AFT distribution {dist!r}; expected one of {list(PARAMETERS)}")


def loglik(theta: np.ndarray, X: np.ndarray, y: np.ndarray, d: np.ndarray, dist: str):
    """Log-likelihood of T (not log T), its gradient and Hessian in theta = (b, log sigma)."""
    beta, s = theta[:-1], theta[-1]
    sigma = np.exp(s)
    z = (y - X @ beta) / sigma
    g, g1, g2 = _g(dist, z, d)
    ll = g.sum() - (d * (s + y)).sum()
    grad = np.append(-(X.T @ g1) / sigma, -(g1 * z).sum() - d.sum())
    hess = np.empty((len(theta), len(theta)))
    hess[:-1, :-1] = (X.T * (g2 / sigma**2)) @ X
    hess[:-1, -1] = hess[-1, :-1] = X.T @ ((g2 * z + g1) / sigma)
    hess[-1, -1] = (g2 * z * z + g1 * z).sum()
    return ll, grad, hess


def fit(X: np.ndarray, time: np.ndarray, observed: np.ndarray, dist: str) -> dict:
    """Maximum-likelihood fit; X includes the intercept column. Returns theta = (b, log sigma), the
    log-likelihood and the standard errors (from the observed information); raises ArithmeticError
    with fewer events than parameters, or unless every score is below GTOL at a point where the
    information is positive definite."""
    y, d = np.log(time), observed.astype(float)
    if d.sum() <= X.shape[1]:  # with this few events the likelihood has no interior maximum to speak of
        raise ArithmeticError(f"{dist} AFT fit: {int(d.sum())} events for {X.shape[1] + 1} parameters")
    b0 = np.linalg.lstsq(X, y, rcond=None)[0]
    theta = np.append(b0, np.log(np.std(y - X @ b0)))

    def neg(th):
        ll, grad, hess = loglik(th, X, y, d, dist)
        return -ll, -grad, -hess

    res = optimize.minimize(lambda th: neg(th)[0], theta, jac=lambda th: neg(th)[1], hess=lambda th: neg(th)[2],
                            method="trust-exact", options={"gtol": GTOL, "maxiter": 1000})
    theta = res.x
    for _ in range(20):  # Newton polish: quadratic convergence from the trust-region optimum
        ll, grad, hess = loglik(theta, X, y, d, dist)
        if np.abs(grad).max() < GTOL:
            break
        theta = theta - np.linalg.solve(hess, grad)
    ll, grad, hess = loglik(theta, X, y, d, dist)
    if not np.all(np.isfinite(theta)) or np.abs(grad).max() >= GTOL:
        raise ArithmeticError(f"{dist} AFT fit did not converge (largest score {np.abs(grad).max():.2e})")
    info = -hess
    eigen = np.linalg.eigvalsh(info)
    if eigen.min() <= 0:
        raise ArithmeticError(f"{dist} AFT fit: observed information not positive definite (not a maximum)")
    return {"theta": theta, "log_likelihood": float(ll), "se": np.sqrt(np.diag(np.linalg.inv(info)))}


def aft_table(X: np.ndarray, time: np.ndarray, observed: np.ndarray, covariates: list[str]) -> list[dict]:
    """One row per parameter of each distribution, in lifelines' names and parameterisation."""
    rows = []
    for dist, (location, shape, sign) in PARAMETERS.items():
        f = fit(X, time, observed, dist)
        coef, se = f["theta"].copy(), f["se"]
        coef[-1] *= sign
        k = len(coef)
        aic = -2 * f["log_likelihood"] + 2 * k
        names = [(location, c) for c in covariates] + [(location, "Intercept"), (shape, "Intercept")]
        for (param, cov), c, s in zip(names, coef, se):
            rows.append({"model": dist, "parameter": param, "covariate": cov, "coef": float(c), "se": float(s),
                         "p_value": float(2 * stats.norm.sf(abs(c / s))), "log_likelihood": f["log_likelihood"],
                         "aic": float(aic), "n_parameters": k})
    return rows
