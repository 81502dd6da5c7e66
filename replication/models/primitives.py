"""The resilience model's primitives, shared by the proposition formulas (propositions.py) and the solver of the
game (solver.py): the parameters, and expectations under F. No equilibrium condition lives here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import integrate

from .distributions import CostDistribution


@dataclass(frozen=True)
class ResilienceParameters:
    p: float
    p_prime: float
    nu: float
    k: float
    c_A: float
    F: CostDistribution
    pr_high: Callable[[np.ndarray], np.ndarray]  # Pr(rho = H | c_B), strictly decreasing

    @property
    def gain(self) -> float:
        return self.p_prime - self.p

    def prior_q(self) -> float:
        return expect(self.F, self.pr_high, self.F.c_lo)


def linear_pr_high(top: float, drop: float, c_lo: float, c_hi: float):
    """Pr(rho = H | c_B) falling linearly from `top` at c_lo by `drop` across the support to c_hi."""
    return lambda c: top - drop * (np.asarray(c, float) - c_lo) / (c_hi - c_lo)


def expect(F: CostDistribution, g, lower: float) -> float:
    """E[g(c_B) | c_B >= lower] under F."""
    mass = 1 - F.cdf(lower)
    val, _ = integrate.quad(lambda c: g(np.asarray(c)) * F.pdf(c), lower, F.c_hi, epsabs=1e-13, epsrel=1e-12,
                            limit=200)
    return float(val / mass)
