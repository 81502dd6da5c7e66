"""The formal-models stage: the paper's two models, Figure 1, the link of the observed cases.

`from replication import models as M` gives the models' public names (M.uniform, M.adverse_inference,
M.ResilienceParameters, M.resilience, M.game_tree, ...), loaded on first use so that the pipeline's
start-up imports nothing heavy."""

from __future__ import annotations

import importlib

_PUBLIC = {
    "assumptions": ("AssumptionViolated", "check_adverse_inference_assumptions", "check_resilience_assumptions",
                    "interior_grid"),
    "distributions": ("CostDistribution", "uniform", "truncated_normal", "beta"),
    "propositions": ("fearon_cutoff", "fearon_cutoff_by_optimisation", "uniform_cutoff_closed_form",
                     "AdverseInferenceOutcome", "adverse_inference", "best_offer_after_opening", "REGIMES",
                     "posterior_q_hat", "regime_codes", "POSTURES", "predicted_posture",
                     "ResilienceOutcome", "resilience"),
    "primitives": ("ResilienceParameters", "expect"),
    "figure1": ("Terminal", "payoff_expression", "payoff_value", "game_tree"),
}
_WHERE = {name: module for module, names in _PUBLIC.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)


def __dir__():
    return sorted(set(globals()) | set(_WHERE))
