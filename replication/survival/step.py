"""The survival stage as a pipeline step: wars.csv -> time to talks (data/processed/survival/, figures/)."""

from __future__ import annotations

from ..common.steps import Context, Step


def run(ctx: Context) -> dict:
    from .analysis import run_survival

    files = run_survival(root=ctx.root, log=ctx.log)
    if ctx.sample == "extended":
        files |= run_survival(root=ctx.root, sample="extended", log=ctx.log, censor_date=ctx.observed_on)
    return files


STEPS = (
    Step(name="survival",
         description="wars.csv -> time to talks: Kaplan-Meier, Aalen-Johansen, Cox, AFT, log-rank, sensitivity, "
                     "figures",
         inputs=("data/processed/wars.csv", "data/processed/discrepancies.csv",
                 "data/processed/concordance/concordance.csv"),
         outputs=("data/processed/survival/*.csv", "figures/km_talks.*", "figures/cif.*",
                  "figures/forest_hazard_ratios.*", "figures/timeline.*", "figures/schoenfeld.*",
                  "figures/cif_by_group.*",
                  "data/processed/extended/survival/*.csv", "figures/extended/*"),
         run=run),
)
