"""The formal-models stage as a pipeline step: the worked propositions, Figure 1 redrawn, the regime map,
and the observed cases beside the regimes the resilience model predicts."""

from __future__ import annotations

from ..common.steps import Context, Step


def agreement_files(root) -> dict:
    """The propositions against the solver on the archive's grid (models/agreement.py; a test runs a larger one)."""
    from ..common.validation import validated_csv
    from .agreement import prop1_grid, prop2_grid
    from .schema import AGREEMENT_PROP1, AGREEMENT_PROP2

    return {root / AGREEMENT_PROP1.path: validated_csv(prop1_grid(), AGREEMENT_PROP1),
            root / AGREEMENT_PROP2.path: validated_csv(prop2_grid(), AGREEMENT_PROP2)}


def run(ctx: Context) -> dict:
    from .. import models as M
    from ..common import paths
    from ..common.figures import write_figures
    from ..common.validation import validated_csv
    from ..wars.dataset import read_wars
    from .examples import figure1_payoffs, proposition1_examples, proposition2_example, resilience_example
    from .figures import cases_figure, game_tree_figure, regime_boxes, regime_map_figure, statics_figure
    from .schema import STATICS
    from .statics import statics_table
    from .link import link_cases, load_cases
    from .schema import CASES, FIGURE1_PAYOFFS, PROP1_EXAMPLES, PROP2_EXAMPLE

    root, cases_yaml, log = ctx.root, paths.CASES, ctx.log
    out_dir, fig_dir = root / "data/processed", root / "figures"
    # each figure is handed over as soon as its data exist: during `all` it is drawn while the stage goes on
    figures = write_figures({"figure1_game_tree": (game_tree_figure, M.game_tree(), M.payoff_expression)}, fig_dir)
    m, outcome = resilience_example()
    cases = link_cases(load_cases(cases_yaml), read_wars(out_dir / "wars.csv"), cases_yaml)
    verdicts = cases["agrees"]
    log(f"models: example regime '{outcome.regime}'; {len(cases)} cases linked ({int((verdicts == True).sum())} "  # noqa: E712
        f"agree, {int((verdicts == False).sum())} differ, {int(verdicts.isna().sum())} undetermined)")  # noqa: E712
    regions = [(box, M.REGIMES[int(M.regime_codes(box[0] + box[2] / 2, box[1] + box[3] / 2, outcome.q_hat))])
               for box in regime_boxes(outcome.q_hat)]
    figures |= write_figures({"regime_map": (regime_map_figure, regions, outcome.prior_q, outcome.q_hat, cases),
                              "cases": (cases_figure, cases)}, fig_dir)
    statics = statics_table()
    figures |= write_figures({"comparative_statics": (statics_figure, statics)}, fig_dir)
    tables = {PROP1_EXAMPLES: proposition1_examples(), PROP2_EXAMPLE: proposition2_example(m, outcome),
              FIGURE1_PAYOFFS: figure1_payoffs(), CASES: cases,
              STATICS: statics}
    files = {root / table.path: validated_csv(df, table) for table, df in tables.items()} | figures
    files |= agreement_files(root)
    log(f"models: {len(files)} files ready")
    return files


STEPS = (
    Step(name="models",
         description="Propositions 1 and 2 worked and checked against the games solved from their primitives, "
                     "Figure 1 redrawn, regime map, comparative statics, observed cases beside predicted regimes "
                     "with the share of parameter draws behind each",
         inputs=("data/processed/wars.csv", "data/hand_coding/cases.yaml"),
         outputs=("data/processed/models/*.csv", "data/processed/link/cases.csv", "figures/figure1_game_tree.*",
                  "figures/regime_map.*", "figures/cases.*", "figures/comparative_statics.*"),
         run=run),
)
