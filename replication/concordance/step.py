"""The concordance stage as pipeline steps: the paper's talks beside ICB and UCDP (data/processed/concordance/;
the survival stage's timeline marks the independent dates), and the list of war-intensity interstate conflicts not in the sample (`candidates`)."""

from __future__ import annotations

from ..common.steps import Context, Step

OUT = "data/processed/concordance"


def _wars(ctx: Context):
    from ..wars.dataset import read_wars

    return read_wars(ctx.root / "data/processed/wars.csv")


def run_concordance(ctx: Context) -> dict:
    from ..common import paths
    from ..common.validation import validated_csv
    from ..sources.external import read_icb, read_ucdp_term
    from .compare import concordance, load_crosswalk, summary
    from .schema import CONCORDANCE, SUMMARY

    wars = _wars(ctx)
    icb, term = read_icb(paths.RAW_ICB), read_ucdp_term(paths.RAW_UCDP_TERM)  # sources: the archive's own
    crosswalk = load_crosswalk(paths.CONCORDANCE_CROSSWALK, wars, icb, term)
    conc = concordance(wars, crosswalk, icb, term)
    ctx.log(f"concordance: {len(conc)} wars beside ICB v14 and UCDP termination v3-2021")
    files = {ctx.root / OUT / "concordance.csv": validated_csv(conc, CONCORDANCE)}
    files[ctx.root / OUT / "concordance_summary.csv"] = validated_csv(summary(conc), SUMMARY)
    return files


def run_candidates(ctx: Context) -> dict:
    from ..common import paths
    from ..common.formats import read_typed
    from ..common.validation import validated_csv
    from ..sources.external import read_ucdp_acd
    from ..wars.schema import WAR_PARTICIPANTS
    from .candidates import candidates
    from .schema import CANDIDATES

    table = candidates(read_ucdp_acd(paths.RAW_UCDP_ACD), _wars(ctx),
                       read_typed(ctx.root / WAR_PARTICIPANTS.path, WAR_PARTICIPANTS))
    todo = table[table["sample_war_id"].isna()]
    ctx.log(f"candidates: {len(table)} ACD interstate episodes reach war intensity; {len(todo)} are not in the "
            "sample (conflict, start, end, years at war, side A, side B):")
    for r in todo.itertuples():
        end = "ongoing" if r.ongoing else r.episode_end.date().isoformat()
        ctx.log(f"  {r.conflict_id:>6}  {r.episode_start.date()}  {end:<10}  {r.war_years:<18} "
                f"{r.side_a_gwno}  v  {r.side_b_gwno}{'  (after COW v4.0)' if r.after_cow else ''}")
    return {ctx.root / CANDIDATES.path: validated_csv(table, CANDIDATES)}


STEPS = (
    Step(name="concordance",
         description="wars.csv + ICB v14 + UCDP termination v3-2021 -> the paper's talks beside independent data",
         inputs=("data/processed/wars.csv", "data/raw/icb1v14.csv", "data/raw/ucdp-term-dyad-3-2021.csv",
                 "data/hand_coding/concordance_crosswalk.csv"),
         outputs=(f"{OUT}/concordance.csv", f"{OUT}/concordance_summary.csv"),
         run=run_concordance),
    Step(name="candidates",
         description="UCDP/PRIO ACD v25.1 -> interstate conflicts at war intensity not in the sample (a starting "
                     "list for extending the war list)",
         inputs=("data/processed/wars.csv", "data/processed/war_participants.csv",
                 "data/raw/ucdp_acd_v25_1_interstate_rows_from_peacesciencer.csv"),
         outputs=(f"{OUT}/candidates.csv",),
         run=run_candidates),
)
