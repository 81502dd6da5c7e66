"""The paper's assumptions on the two models; each violation raises AssumptionViolated naming it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: the assumptions import nothing of the models they guard
    from .distributions import CostDistribution
    from .primitives import ResilienceParameters


class AssumptionViolated(ValueError):
    """A parameter set outside the paper's assumptions. `assumption` names the one broken (as listed in
    ADVERSE_INFERENCE and RESILIENCE); the message adds the values."""

    def __init__(self, assumption: str, detail: str = ""):
        self.assumption = assumption
        super().__init__(f"{assumption}{': ' + detail if detail else ''}")


# Every assumption each model makes, in the order they are checked. The resilience model inherits all
# of the adverse inference model's (at kappa = 0: opening is free there) and adds its own.
ADVERSE_INFERENCE = (
    "0 <= p <= 1 (A's probability of victory)",
    "c_A >= 0 (A's cost of war)",
    "0 <= c_B_min < c_B_max (B's costs of war)",
    "kappa >= 0 (cost of opening)",
    "p - c_A > 0 (A prefers war to getting nothing)",
    "1 - p - c_B_max > -kappa (no type opens to concede everything)",
    "f(c_B_min)(c_B_min + c_A) < 1 (A does not buy off every type: an interior cutoff)",
    "non-decreasing hazard rate f/(1-F)",
)
RESILIENCE = ADVERSE_INFERENCE + (
    "p < p' <= 1 (escalation can raise A's chance of victory, which stays a probability)",
    "k > 0 (the signal costs low-resilience types something)",
    "nu > 0 (escalation is costly)",
    "Pr(rho = H | c_B) in (0, 1) and strictly decreasing in c_B",
    "(1 - q)(p' - p) <= nu (no escalation on the prior)",
    "nu < p' - p (A escalates against a known low-resilience type)",
)


def interior_grid(F: CostDistribution, n: int = 2001) -> np.ndarray:
    eps = (F.c_hi - F.c_lo) * 1e-6
    return np.linspace(F.c_lo, F.c_hi - eps, n)


def check_adverse_inference_assumptions(F: CostDistribution, p: float, c_A: float, kappa: float) -> None:
    """Every assumption of the adverse inference model; raises AssumptionViolated naming the first broken."""
    a = ADVERSE_INFERENCE
    if not 0 <= p <= 1:
        raise AssumptionViolated(a[0], f"p={p}")
    if not c_A >= 0:
        raise AssumptionViolated(a[1], f"c_A={c_A}")
    if not 0 <= F.c_lo < F.c_hi:
        raise AssumptionViolated(a[2], f"[{F.c_lo}, {F.c_hi}]")
    if not kappa >= 0:
        raise AssumptionViolated(a[3], f"kappa={kappa}")
    if not p - c_A > 0:
        raise AssumptionViolated(a[4], f"p - c_A = {p - c_A:.6g}")
    if not 1 - p - F.c_hi > -kappa:
        raise AssumptionViolated(a[5], f"{1 - p - F.c_hi:.6g} <= {-kappa:.6g}")
    if not F.pdf(F.c_lo) * (F.c_lo + c_A) < 1:
        raise AssumptionViolated(a[6], f"f(c_B_min)(c_B_min + c_A) = {F.pdf(F.c_lo) * (F.c_lo + c_A):.6g}")
    h = F.hazard(interior_grid(F))
    if np.any(np.diff(h) < -1e-9 * np.maximum(1, np.abs(h[:-1]))):
        raise AssumptionViolated(a[7], f"the {F.name} distribution's hazard decreases somewhere on its support")


def check_resilience_assumptions(m: ResilienceParameters) -> None:
    """Every assumption of the resilience model: the adverse inference model's (at kappa = 0), then its own."""
    check_adverse_inference_assumptions(m.F, m.p, m.c_A, 0.0)
    a = RESILIENCE[len(ADVERSE_INFERENCE):]
    if not m.p < m.p_prime <= 1:
        raise AssumptionViolated(a[0], f"p={m.p}, p'={m.p_prime}")
    if not m.k > 0:
        raise AssumptionViolated(a[1], f"k={m.k}")
    if not m.nu > 0:
        raise AssumptionViolated(a[2], f"nu={m.nu}")
    grid = interior_grid(m.F, 501)
    r = np.asarray(m.pr_high(grid), float)
    if np.any((r <= 0) | (r >= 1)) or np.any(np.diff(r) >= 0):
        raise AssumptionViolated(a[3])
    q = m.prior_q()
    if not (1 - q) * m.gain <= m.nu + 1e-12:
        raise AssumptionViolated(a[4], f"(1 - q)(p' - p) = {(1 - q) * m.gain:.6g} > nu = {m.nu}")
    if not m.nu < m.gain:
        raise AssumptionViolated(a[5], f"nu = {m.nu} >= p' - p = {m.gain:.6g}")
