"""The steps of the replication, in the paper's order. Adding a stage is adding its folder (with a
`step.py` that declares `STEPS`) and one line here; nothing else reads a step's name."""

from __future__ import annotations

import importlib

from ..common.steps import Step

STAGES = (
    "replication.wars.step",  # raw sources -> the war dataset
    "replication.concordance.step",  # -> the paper's coding beside ICB and UCDP; candidate wars
    "replication.survival.step",  # -> time to talks
    "replication.models.step",  # -> the formal models and the cases
    "replication.archive.step",  # -> claims, codebook, report
)


def _load() -> dict[str, Step]:
    steps: dict[str, Step] = {}
    for module in STAGES:
        for step in importlib.import_module(module).STEPS:
            if step.name in steps:
                raise ValueError(f"two steps are named {step.name!r} ({module})")
            steps[step.name] = step
    return steps


STEPS = _load()
