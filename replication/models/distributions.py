"""Distributions F of B's private cost of war c_B on [c_lo, c_hi]."""

from __future__ import annotations

from dataclasses import dataclass

from scipy import stats

from .assumptions import ADVERSE_INFERENCE, AssumptionViolated


@dataclass(frozen=True)
class CostDistribution:
    """F on [c_lo, c_hi] (a frozen scipy distribution restricted to its support)."""

    name: str
    dist: object
    c_lo: float
    c_hi: float

    def cdf(self, c):
        return self.dist.cdf(c)

    def pdf(self, c):
        return self.dist.pdf(c)

    def hazard(self, c):
        return self.pdf(c) / (1 - self.cdf(c))


def uniform(c_lo: float, c_hi: float) -> CostDistribution:
    if not c_hi > c_lo:
        raise AssumptionViolated(ADVERSE_INFERENCE[2], f"uniform on [{c_lo}, {c_hi}]")
    return CostDistribution("uniform", stats.uniform(loc=c_lo, scale=c_hi - c_lo), c_lo, c_hi)


def truncated_normal(mean: float, sd: float, c_lo: float, c_hi: float) -> CostDistribution:
    a, b = (c_lo - mean) / sd, (c_hi - mean) / sd
    return CostDistribution("truncated normal", stats.truncnorm(a, b, loc=mean, scale=sd), c_lo, c_hi)


def beta(alpha: float, beta_: float, c_lo: float, c_hi: float) -> CostDistribution:
    return CostDistribution("beta", stats.beta(alpha, beta_, loc=c_lo, scale=c_hi - c_lo), c_lo, c_hi)
