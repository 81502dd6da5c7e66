"""The propositions checked against the solver over a grid of admissible parameters (three families of F):
Proposition 1's cutoff and offer against the lowest self-confirming cutoff the solver finds, and Proposition 2's
regime against the regime of the equilibria the solver finds, with each point's distance to a regime boundary."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd

from .assumptions import AssumptionViolated
from .distributions import beta, truncated_normal, uniform
from .primitives import ResilienceParameters
from .propositions import adverse_inference, resilience
from .primitives import linear_pr_high
from .solver import (Game, escalation_gain_after_open, pooling_without_escalation, regime_from_solver,
                     separating_equilibrium, solve_adverse_inference, solve_resilience)

C_LO, C_HI = 0.1, 0.4
FAMILIES = {"uniform": lambda: uniform(C_LO, C_HI),
            "truncated normal(0.25, 0.1)": lambda: truncated_normal(0.25, 0.1, C_LO, C_HI),
            "beta(2, 2)": lambda: beta(2, 2, C_LO, C_HI)}
TYPE_CELLS, CUTOFF_STEP = 24, 2  # the resilience solver's grid of B's costs, and of the cutoffs it searches


def _families(names=None):
    return {k: f() for k, f in FAMILIES.items() if names is None or k in names}


def prop1_grid(ps=(0.3, 0.4, 0.5), c_As=(0.0, 0.1, 0.2), families=None) -> pd.DataFrame:
    rows = []
    for (name, F), p, c_A in itertools.product(_families(families).items(), ps, c_As):
        try:
            o = adverse_inference(F, p, c_A, 0.0)
        except AssumptionViolated:
            continue
        s = solve_adverse_inference(F, p, c_A, 0.0)
        rows.append({"distribution": name, "p": p, "c_A": c_A, "prop1_cutoff": o.cutoff, "solver_cutoff": s.selected_cutoff,
                     "cutoff_difference": s.selected_cutoff - o.cutoff, "offer_difference": s.selected_offer - o.offer,
                     "self_confirming_low": s.self_confirming[0], "self_confirming_high": s.self_confirming[1],
                     "agree": abs(s.selected_cutoff - o.cutoff) < 1e-8 and abs(s.selected_offer - o.offer) < 1e-8})
    return pd.DataFrame(rows)


def prop2_grid(tops=(0.7, 0.9), drops=(0.6,), p_primes=(0.8,), nu_steps=4,
               k_ratios=(0.9, 1.1), families=None, p=0.5, c_A=0.1,
               cells=TYPE_CELLS, step=CUTOFF_STEP) -> pd.DataFrame:
    rows = []
    for (name, F), top, drop, pp in itertools.product(_families(families).items(), tops, drops, p_primes):
        base = ResilienceParameters(p=p, p_prime=pp, nu=pp - p, k=pp - p, c_A=c_A, F=F, pr_high=linear_pr_high(top, drop, C_LO, C_HI))
        q, gain = base.prior_q(), pp - p
        for nu, kr in itertools.product(np.linspace((1 - q) * gain, 0.98 * gain, nu_steps), k_ratios):
            m = dataclasses.replace(base, nu=float(nu), k=float(kr * gain))
            try:
                o = resilience(m)
            except AssumptionViolated:
                continue
            game = Game.of(m, n=cells)
            eqs = solve_resilience(game, step=step)
            solver = regime_from_solver(eqs)
            distance = min(abs(m.nu / gain - (1 - o.q_hat)), abs(kr - 1))
            rows.append({"distribution": name, "pr_high_top": top, "pr_high_drop": drop, "p": p, "p_prime": pp,
                         "c_A": c_A, "nu": m.nu, "k": m.k, "prior_q": q, "q_hat": o.q_hat,
                         "nu_ratio": m.nu / gain, "k_ratio": kr, "prop2_regime": o.regime, "solver_regime": solver,
                         "equilibria_found": len(eqs), "boundary_distance": distance,
                         "prop2_escalation_gain": (1 - o.q_hat) * gain,
                         "solver_escalation_gain": escalation_gain_after_open(game, o.cutoff),
                         "prop2_escalation_too_costly": o.escalation_too_costly,
                         "solver_pooling_without_escalation": pooling_without_escalation(eqs),
                         "prop2_separation": o.separation, "solver_separating": separating_equilibrium(eqs),
                         "agree": o.regime == solver})
    return pd.DataFrame(rows)
