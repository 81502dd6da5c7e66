"""The formal models worked at illustrative parameters: Proposition 1 for three cost distributions,
Proposition 2 at one parameter set, and the terminal payoffs of Figure 1."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import models as M

# Illustrative parameters (not estimates): the paper states no numbers for its models.
EXAMPLE = {"p": 0.5, "c_A": 0.1, "c_lo": 0.1, "c_hi": 0.4, "kappa_positive": 0.05}
RESILIENCE_EXAMPLE = {"p_prime": 0.8, "nu": 0.2, "k": 0.1, "pr_high_at_c_lo": 0.9, "pr_high_slope": -2.0}


def example_distributions():
    lo, hi = EXAMPLE["c_lo"], EXAMPLE["c_hi"]
    return {"uniform": M.uniform(lo, hi), "truncated normal(0.25, 0.1)": M.truncated_normal(0.25, 0.1, lo, hi),
            "beta(2, 2)": M.beta(2, 2, lo, hi)}


def proposition1_examples() -> pd.DataFrame:
    rows = []
    p, c_A = EXAMPLE["p"], EXAMPLE["c_A"]
    for name, F in example_distributions().items():
        for kappa in (0.0, EXAMPLE["kappa_positive"]):
            o = M.adverse_inference(F, p, c_A, kappa)
            rows.append({
                "distribution": name, "p": p, "c_A": c_A, "c_B_min": F.c_lo, "c_B_max": F.c_hi, "kappa": kappa,
                "b_opens": o.opens, "cutoff": o.cutoff, "offer": o.offer, "share_open": o.share_open,
                "fearon_offer": o.fearon_offer,
                "cutoff_by_optimisation": M.fearon_cutoff_by_optimisation(F, p, c_A),
                "cutoff_closed_form": M.uniform_cutoff_closed_form(F.c_lo, F.c_hi, c_A) if name == "uniform" else None,
            })
    return pd.DataFrame(rows)


def resilience_example() -> tuple[M.ResilienceParameters, M.ResilienceOutcome]:
    e, r = EXAMPLE, RESILIENCE_EXAMPLE
    pr_high = lambda c: r["pr_high_at_c_lo"] + r["pr_high_slope"] * (np.asarray(c) - e["c_lo"])  # noqa: E731
    m = M.ResilienceParameters(p=e["p"], p_prime=r["p_prime"], nu=r["nu"], k=r["k"], c_A=e["c_A"],
                               F=M.uniform(e["c_lo"], e["c_hi"]), pr_high=pr_high)
    return m, M.resilience(m)


def proposition2_example(m, out) -> pd.DataFrame:
    return pd.DataFrame([{"p": m.p, "p_prime": m.p_prime, "nu": m.nu, "k": m.k, "c_A": m.c_A,
                          "prior_q": out.prior_q, "cutoff": out.cutoff, "q_hat": out.q_hat,
                          "nu_ratio": m.nu / m.gain, "k_ratio": m.k / m.gain,
                          "escalation_too_costly": out.escalation_too_costly, "separation": out.separation,
                          "regime": out.regime, "type_class": cls, "predicted_posture": posture}
                         for cls, posture in out.postures.items()])


def figure1_payoffs() -> pd.DataFrame:
    rows = []
    for t in M.game_tree():
        (al, bl), (ah, bh) = M.payoff_expression(t, "L"), M.payoff_expression(t, "H")
        rows.append({"label": t.label, "signal": t.signal, "opened": t.opened, "escalated": t.escalated,
                     "accepted": t.accepted, "payoff_a_low": al, "payoff_b_low": bl,
                     "payoff_a_high": ah, "payoff_b_high": bh})
    return pd.DataFrame(rows)
