"""Distributions F of B's private cost of war c_B on [c_lo, c_hi]."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from scipy import special, stats

from .assumptions import ADVERSE_INFERENCE, AssumptionViolated


@dataclass(frozen=True)
class CostDistribution:
    """F on [c_lo, c_hi] (a frozen scipy distribution restricted to its support)."""

    name: str
    dist: object
    c_lo: float
    c_hi: float
    # the same cdf and pdf by their formulas on numpy ufuncs (scipy's frozen methods cost ~0.3 ms a call,
    # which the solver's thousands of calls feel); tests check them against the frozen distribution
    fast_cdf: Callable | None = field(default=None, compare=False, repr=False)
    fast_pdf: Callable | None = field(default=None, compare=False, repr=False)

    def cdf(self, c):
        return self.fast_cdf(c) if self.fast_cdf else self.dist.cdf(c)

    def pdf(self, c):
        return self.fast_pdf(c) if self.fast_pdf else self.dist.pdf(c)

    def hazard(self, c):
        return self.pdf(c) / (1 - self.cdf(c))


def uniform(c_lo: float, c_hi: float) -> CostDistribution:
    if not c_hi > c_lo:
        raise AssumptionViolated(ADVERSE_INFERENCE[2], f"uniform on [{c_lo}, {c_hi}]")
    width = c_hi - c_lo
    return CostDistribution("uniform", stats.uniform(loc=c_lo, scale=width), c_lo, c_hi,
                            lambda c: np.clip((np.asarray(c, float) - c_lo) / width, 0.0, 1.0),
                            lambda c: np.where((np.asarray(c) >= c_lo) & (np.asarray(c) <= c_hi), 1 / width, 0.0))


def truncated_normal(mean: float, sd: float, c_lo: float, c_hi: float) -> CostDistribution:
    a, b = (c_lo - mean) / sd, (c_hi - mean) / sd
    lo, mass = special.ndtr(a), special.ndtr(b) - special.ndtr(a)

    def cdf(c):
        z = (np.clip(np.asarray(c, float), c_lo, c_hi) - mean) / sd
        return np.clip((special.ndtr(z) - lo) / mass, 0.0, 1.0)

    def pdf(c):
        c = np.asarray(c, float)
        return np.where((c >= c_lo) & (c <= c_hi), np.exp(-0.5 * ((c - mean) / sd) ** 2) / (np.sqrt(2 * np.pi) * sd * mass), 0.0)

    return CostDistribution("truncated normal", stats.truncnorm(a, b, loc=mean, scale=sd), c_lo, c_hi, cdf, pdf)


def beta(alpha: float, beta_: float, c_lo: float, c_hi: float) -> CostDistribution:
    width = c_hi - c_lo
    log_norm = special.betaln(alpha, beta_)

    def cdf(c):
        return special.betainc(alpha, beta_, np.clip((np.asarray(c, float) - c_lo) / width, 0.0, 1.0))

    def pdf(c):
        u = (np.asarray(c, float) - c_lo) / width
        inside = (u >= 0) & (u <= 1)
        u = np.clip(u, 0.0, 1.0)
        with np.errstate(divide="ignore"):
            logp = special.xlogy(alpha - 1, u) + special.xlog1py(beta_ - 1, -u) - log_norm
        return np.where(inside, np.exp(logp) / width, 0.0)

    return CostDistribution("beta", stats.beta(alpha, beta_, loc=c_lo, scale=width), c_lo, c_hi, cdf, pdf)
