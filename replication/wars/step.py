"""The war dataset stage as a pipeline step: raw sources -> data/processed/wars.csv and its companions
(with `--sample extended`, also the extended sample)."""

from __future__ import annotations

from ..common.steps import Context, Step


def run(ctx: Context) -> dict:
    from .build import build

    data = build(out_dir=ctx.root / "data/processed", log=ctx.log)
    files = dict(data.files)
    if ctx.sample == "extended":
        from .extension import build_extended

        files |= build_extended(data.wars, ctx.extension, root=ctx.root, log=ctx.log, observed_on=ctx.observed_on)
    return files


STEPS = (
    Step(name="build",
         description="raw Appendix 1 + COW v4.0 -> validated data/processed/wars.csv, wars.dta, war_participants.csv, discrepancies.csv",
         inputs=("data/raw/*", "data/corrections/*", "data/hand_coding/cow_crosswalk.csv",
                 "data/hand_coding/response_coding.yaml", "data/hand_coding/actor_coding.csv",
                 "data/hand_coding/gw_codes.csv"),
         outputs=("data/processed/wars.csv", "data/processed/wars.dta", "data/processed/war_participants.csv",
                  "data/processed/war_participants.dta", "data/processed/discrepancies.csv",
                  "data/processed/alignment_check.csv", "data/processed/extended/wars_extended.csv",
                  "data/processed/extended/wars_extended.dta"),
         run=run),
)
