"""The paper's two propositions, as formulas: adverse inference (Proposition 1) and resilience (Proposition 2).

Notation follows the paper: A offers x (A's share) after B opens; p is A's probability of victory;
c_A, c_B costs of war; B's cost c_B is private, distributed by F on [c_lo, c_hi]; kappa the cost of
opening; in the resilience model A may escalate (p -> p' at cost nu), resilience rho in {L, H} with
Pr(H | c_B) decreasing, prior q, and a signal S costing k to low-resilience types.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

from .assumptions import check_adverse_inference_assumptions, check_resilience_assumptions
from .distributions import CostDistribution
from .primitives import ResilienceParameters, expect


# ---------------------------------------------------------------- Proposition 1: adverse inference

def fearon_cutoff(F: CostDistribution, c_A: float) -> float:
    """The type A makes indifferent: solves (1 - F(c)) = f(c)(c + c_A), unique under a monotone hazard."""
    g = lambda c: (1 - F.cdf(c)) - F.pdf(c) * (c + c_A)  # noqa: E731
    hi = F.c_hi - (F.c_hi - F.c_lo) * 1e-12
    if g(F.c_lo) <= 0:
        return F.c_lo
    return optimize.brentq(g, F.c_lo, hi, xtol=1e-14, rtol=1e-14)


def fearon_cutoff_by_optimisation(F: CostDistribution, p: float, c_A: float) -> float:
    """The same cutoff by maximising A's expected payoff directly (an independent check)."""
    payoff = lambda c: -(F.cdf(c) * (p - c_A) + (1 - F.cdf(c)) * (p + c))  # noqa: E731
    return optimize.minimize_scalar(payoff, bounds=(F.c_lo, F.c_hi), method="bounded",
                                    options={"xatol": 1e-12}).x


def uniform_cutoff_closed_form(c_lo: float, c_hi: float, c_A: float) -> float:
    """Uniform F: (c + c_A)/(c_hi - c) = 1  =>  c* = (c_hi - c_A)/2 (interior by assumption)."""
    return max(c_lo, (c_hi - c_A) / 2)


@dataclass(frozen=True)
class AdverseInferenceOutcome:
    opens: bool
    cutoff: float | None  # types with c_B >= cutoff open
    offer: float | None  # A's offer x (A's share) after an opening
    share_open: float  # probability that B opens
    fearon_offer: float  # A's offer when B must negotiate (Fearon 1995)


def adverse_inference(F: CostDistribution, p: float, c_A: float, kappa: float) -> AdverseInferenceOutcome:
    """Proposition 1: kappa > 0 -> no type opens; kappa = 0 -> the cutoff equilibrium the paper
    characterises, in which the types c_B >= c* open and A offers Fearon's p + c*, c* solving
    (1 - F(c)) = f(c)(c + c_A). That c* is the equilibrium the paper selects, not the only one: with
    kappa = 0 every cutoff from c* to the top of the support confirms itself (A's best offer against the types
    that open above it is p plus that cutoff); models/solver.py finds them all from the game's primitives."""
    check_adverse_inference_assumptions(F, p, c_A, kappa)
    c_star = fearon_cutoff(F, c_A)
    fearon_offer = p + c_star
    if kappa > 0:
        return AdverseInferenceOutcome(False, None, None, 0.0, fearon_offer)
    return AdverseInferenceOutcome(True, c_star, fearon_offer, float(1 - F.cdf(c_star)), fearon_offer)


def best_offer_after_opening(F: CostDistribution, p: float, c_A: float, cutoff: float) -> float:
    """A's optimal offer when it knows c_B >= cutoff (equilibrium check: equals p + cutoff at c*)."""
    payoff = lambda c: -((F.cdf(c) - F.cdf(cutoff)) * (p - c_A) + (1 - F.cdf(c)) * (p + c))  # noqa: E731
    c = optimize.minimize_scalar(payoff, bounds=(cutoff, F.c_hi), method="bounded", options={"xatol": 1e-12}).x
    return p + c


# ---------------------------------------------------------------- Proposition 2: resilience

REGIMES = ("escalation_too_costly", "separation", "closed")


def posterior_q_hat(m: ResilienceParameters, cutoff: float) -> float:
    """A's belief that B is highly resilient after an open stance by the types c_B >= cutoff."""
    return expect(m.F, m.pr_high, cutoff)


def regime_codes(nu_ratio, k_ratio, q_hat) -> np.ndarray:
    """Vectorised regime of Proposition 2 on the normalised axes nu/(p'-p) and k/(p'-p):
    0 escalation too costly (nu >= (1 - q_hat)(p'-p)), 1 separation (k >= p'-p), 2 closed."""
    nu_ratio, k_ratio, q_hat = np.broadcast_arrays(np.asarray(nu_ratio, float), np.asarray(k_ratio, float),
                                                   np.asarray(q_hat, float))
    return np.where(nu_ratio >= 1 - q_hat, 0, np.where(k_ratio >= 1, 1, 2)).astype(np.int8)


POSTURES = {  # regime -> (cost, resilience) -> predicted posture of B
    "escalation_too_costly": {("high", "high"): "open", ("high", "low"): "open",
                              ("low", "high"): "closed", ("low", "low"): "closed or open"},
    "separation": {("high", "high"): "open", ("high", "low"): "open",
                   ("low", "high"): "closed", ("low", "low"): "closed"},
    "closed": {("high", "high"): "open", ("high", "low"): "closed",
               ("low", "high"): "closed", ("low", "low"): "closed"},
}


def predicted_posture(regimes: list[str], cost: str | None, resilience: str | None) -> str:
    """Posture the model predicts for a type class in any of `regimes`; with a class dimension not
    coded (None), over both of its values. 'undetermined' when the candidates differ."""
    costs = [cost] if cost else ["high", "low"]
    resiliences = [resilience] if resilience else ["high", "low"]
    found = {POSTURES[g][(c, r)] for g in regimes for c in costs for r in resiliences}
    return found.pop() if len(found) == 1 else "undetermined"


@dataclass(frozen=True)
class ResilienceOutcome:
    prior_q: float
    cutoff: float
    q_hat: float
    escalation_too_costly: bool
    separation: bool
    regime: str
    postures: dict


def resilience(m: ResilienceParameters, cutoff: float | None = None) -> ResilienceOutcome:
    """Proposition 2 for one parameter set. High-cost types are c_B >= cutoff (default: the
    Proposition 1 cutoff c*, the types that open when opening is free)."""
    check_resilience_assumptions(m)
    cutoff = fearon_cutoff(m.F, m.c_A) if cutoff is None else cutoff
    q_hat = posterior_q_hat(m, cutoff)
    code = int(regime_codes(m.nu / m.gain, m.k / m.gain, q_hat))
    regime = REGIMES[code]
    return ResilienceOutcome(
        prior_q=m.prior_q(), cutoff=cutoff, q_hat=q_hat,
        escalation_too_costly=bool(m.nu >= (1 - q_hat) * m.gain), separation=bool(m.k >= m.gain),
        regime=regime, postures={f"{c} cost, {r} resilience": POSTURES[regime][(c, r)]
                                 for c in ("high", "low") for r in ("high", "low")})
