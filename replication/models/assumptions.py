"""The paper's assumptions on the two models; each violation raises AssumptionViolated naming it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: the assumptions import nothing of the models they guard
    from .distributions import CostDistribution
    from .propositions import ResilienceParameters


class AssumptionViolated(ValueError):
    """A parameter set outside the paper's assumptions; the message names the assumption."""


def interior_grid(F: CostDistribution, n: int = 2001) -> np.ndarray:
    eps = (F.c_hi - F.c_lo) * 1e-6
    return np.linspace(F.c_lo, F.c_hi - eps, n)


def check_adverse_inference_assumptions(F: CostDistribution, p: float, c_A: float, kappa: float) -> None:
    """The assumptions of the adverse inference model; raises AssumptionViolated naming the one broken."""
    if not 0 <= p <= 1:
        raise AssumptionViolated(f"0 <= p <= 1 (A's probability of victory), got p={p}")
    if kappa < 0:
        raise AssumptionViolated(f"kappa >= 0 (cost of opening), got kappa={kappa}")
    if not p - c_A > 0:
        raise AssumptionViolated(f"p - c_A > 0 (A prefers war to getting nothing), got {p - c_A:.6g}")
    if not 1 - p - F.c_hi > -kappa:
        raise AssumptionViolated(f"1 - p - c_B_max > -kappa (no type opens to concede everything), got "
                                 f"{1 - p - F.c_hi:.6g} <= {-kappa:.6g}")
    if not F.pdf(F.c_lo) * (F.c_lo + c_A) < 1:
        raise AssumptionViolated(f"f(c_B_min)(c_B_min + c_A) < 1 (A does not buy off every type), got "
                                 f"{F.pdf(F.c_lo) * (F.c_lo + c_A):.6g}")
    h = F.hazard(interior_grid(F))
    if np.any(np.diff(h) < -1e-9 * np.maximum(1, np.abs(h[:-1]))):
        raise AssumptionViolated(f"non-decreasing hazard rate f/(1-F): the {F.name} distribution's hazard "
                                 "decreases somewhere on its support")


def check_resilience_assumptions(m: ResilienceParameters) -> None:
    if not m.p_prime > m.p:
        raise AssumptionViolated(f"p' > p (escalation can raise A's chance of victory), got p={m.p}, p'={m.p_prime}")
    if not m.k > 0:
        raise AssumptionViolated(f"k > 0 (the signal costs low-resilience types something), got k={m.k}")
    if not m.nu > 0:
        raise AssumptionViolated(f"nu > 0 (escalation is costly), got nu={m.nu}")
    grid = interior_grid(m.F, 501)
    r = np.asarray(m.pr_high(grid), float)
    if np.any((r <= 0) | (r >= 1)) or np.any(np.diff(r) >= 0):
        raise AssumptionViolated("Pr(rho = H | c_B) in (0, 1) and strictly decreasing in c_B")
    q = m.prior_q()
    if not (1 - q) * m.gain <= m.nu + 1e-12:
        raise AssumptionViolated(f"(1 - q)(p' - p) <= nu (no escalation on the prior), got "
                                 f"{(1 - q) * m.gain:.6g} > nu={m.nu}")
    if not m.nu < m.gain:
        raise AssumptionViolated(f"nu < p' - p (A escalates against a known low-resilience type), got "
                                 f"nu={m.nu} >= {m.gain:.6g}")
