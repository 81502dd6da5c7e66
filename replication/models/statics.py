"""Comparative statics of the resilience model: where the escalation boundary lies as A's prior that B is
resilient (q, through Pr(H | c_B)) moves, by Proposition 2's condition and in the game solved from its
primitives; and how the share of B's types that open moves with the cost of escalation and of the signal.
Axes are normalised by the gain from escalation, p' - p."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .distributions import uniform
from .primitives import ResilienceParameters, linear_pr_high
from .propositions import fearon_cutoff, posterior_q_hat
from .solver import Game, escalation_gain_after_open, solve_resilience

P, P_PRIME, C_A, C_LO, C_HI, DROP = 0.5, 0.8, 0.1, 0.1, 0.4, 0.4
TOPS = np.round(np.linspace(0.45, 0.95, 11), 4)  # Pr(H | c_B = c_lo); Pr(H) falls by DROP across the support
NU_STEPS, K_RATIOS, TOP_FOR_SHARES = 13, (0.5, 1.5), 0.55
CELLS, STEP = 24, 2


def _model(top: float, nu: float, k: float) -> ResilienceParameters:
    return ResilienceParameters(p=P, p_prime=P_PRIME, nu=nu, k=k, c_A=C_A, F=uniform(C_LO, C_HI),
                                pr_high=linear_pr_high(top, DROP, C_LO, C_HI))


def boundary_table() -> pd.DataFrame:
    """Per prior: the admissible range of nu/(p'-p) and the escalation boundary by the proposition and by the game."""
    rows, gain = [], P_PRIME - P
    for top in TOPS:
        m = _model(top, gain, gain)
        c_star = fearon_cutoff(m.F, C_A)
        q, q_hat = m.prior_q(), posterior_q_hat(m, c_star)
        rows.append({"panel": "boundary", "pr_high_top": float(top), "prior_q": q,
                     "q_hat": q_hat, "admissible_nu_ratio_low": 1 - q, "prop2_boundary_nu_ratio": 1 - q_hat,
                     "solver_boundary_nu_ratio": escalation_gain_after_open(Game.of(m, n=CELLS), c_star) / gain,
                     "nu_ratio": None, "k_ratio": None, "share_open_max": None})
    return pd.DataFrame(rows)


def share_table() -> pd.DataFrame:
    """At one prior: the largest share of types that open in any equilibrium the solver finds, across nu from
    0 to p' - p (below 1 - q the assumptions are broken; the game is solved there too, to show the boundary)."""
    rows, gain = [], P_PRIME - P
    q = _model(TOP_FOR_SHARES, gain, gain).prior_q()
    for kr in K_RATIOS:
        for nr in np.linspace(0.02, 0.98, NU_STEPS):
            m = _model(TOP_FOR_SHARES, nr * gain, kr * gain)
            eqs = solve_resilience(Game.of(m, n=CELLS), step=STEP)
            rows.append({"panel": "share_open", "pr_high_top": TOP_FOR_SHARES, "prior_q": q, "q_hat": None,
                         "admissible_nu_ratio_low": 1 - q, "prop2_boundary_nu_ratio": None,
                         "solver_boundary_nu_ratio": None, "nu_ratio": float(nr), "k_ratio": kr,
                         "share_open_max": max((e.share_open for e in eqs), default=0.0)})
    return pd.DataFrame(rows)


def statics_table() -> pd.DataFrame:
    b, s = boundary_table(), share_table()
    return pd.DataFrame(b.to_dict("records") + s.to_dict("records"), columns=b.columns)
