"""wars.csv -> the survival and competing-risks results and figures of one sample (paper or extended)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..common import paths
from ..common.validation import validated_csv
from ..common.formats import read_typed
from ..wars.schema import WARS, WARS_EXTENDED
from .estimators import aalen_johansen, aft_models, cox_cause_specific, kaplan_meier_talks, logrank_cold_war
from .frame import CENSOR_DATE, TALKS, WAR_END, covariate_cases, survival_frame
from .schema import (AFT, BOOTSTRAP, CIF, CIF_BY_GROUP, COX, COX_PH_TEST, EXACT_LOGRANK, FINE_GRAY, FIRTH, GRAY_TEST,
                     KM_MEDIAN, KM_TALKS, LOGRANK, PH_REMEDY, SCHOENFELD, SENSITIVITY, SURVIVAL_DATA)


SAMPLES = {  # sample -> (wars table, output folder, figure folder, first row of the sensitivity table)
    "paper": (WARS, "data/processed/survival", "figures", "paper (primary)"),
    "extended": (WARS_EXTENDED, "data/processed/extended/survival", "figures/extended", "extended sample (primary)"),
}


def independent_dates(root: Path) -> pd.DataFrame | None:
    """ICB's and UCDP's dates for the paper's wars (concordance.csv), marked on the timeline."""
    path = root / "data/processed/concordance/concordance.csv"
    if not path.exists():
        return None
    return pd.read_csv(path, usecols=["war_id", "icb_mediation_date", "ucdp_ceasefire_date",
                                      "ucdp_peace_agreement_date"])


def run_survival(root: Path = paths.ROOT, sample: str = "paper", log=print, censor_date=CENSOR_DATE) -> dict:
    """The files (tables and figures) of one sample, validated; nothing is written here. An ongoing war
    without talks is censored at `censor_date` (the observation date of an extension)."""
    from ..common.figures import write_figures
    from .competing import cif_by_group, fine_gray_table, gray_table
    from .figures import cif_by_group_figure, cif_figure, forest_figure, km_figure, schoenfeld_figure, timeline_figure
    from .ph import ph_remedy, ph_tables, schoenfeld_panels
    from .small_sample import bootstrap_table, exact_logrank_table, firth_table
    from .sensitivity import sensitivity_table

    table, out_rel, fig_rel, primary = SAMPLES[sample]
    out_dir, fig_dir = root / out_rel, root / fig_rel
    wars = read_typed(root / table.path, table)
    sf = survival_frame(wars, censor_date)
    log(f"survival: {len(sf)} wars, {int((sf.event == TALKS).sum())} with talks, "
        f"{int((sf.event == WAR_END).sum())} ended without talks, {int((sf.event == 0).sum())} censored")
    km, median = kaplan_meier_talks(sf)
    cif = aalen_johansen(sf["time_days"], sf["event"])
    cov = covariate_cases(sf)
    if len(cov) < len(sf):
        log(f"survival: {len(sf) - len(cov)} war(s) without battle deaths left out of the covariate models")
    _, _, cox_talks = cox_cause_specific(cov, TALKS)
    _, _, cox_end = cox_cause_specific(cov, WAR_END)
    cox = pd.concat([cox_talks, cox_end], ignore_index=True)
    ph, schoenfeld, zph = ph_tables(cov, cox)
    fine_gray, gray, by_group = fine_gray_table(cov), gray_table(sf), cif_by_group(sf)
    log("survival: drawing figures")  # first: during `all` they are drawn in parallel with what follows
    figures = write_figures({"timeline": (timeline_figure, wars, censor_date, sample, independent_dates(root)),
                             "schoenfeld": (schoenfeld_figure, schoenfeld_panels(zph), ph, cox),
                             "km_talks": (km_figure, km, median, sf["time_days"]),
                             "cif_by_group": (cif_by_group_figure, by_group, gray),
                             "cif": (cif_figure, cif, km), "forest_hazard_ratios": (forest_figure, cox)}, fig_dir)
    remedy = ph_remedy(cov, ph)
    aft = aft_models(cov)
    log("survival: sensitivity to each coding choice")
    sens = sensitivity_table(wars, pd.read_csv(root / "data/processed/discrepancies.csv", dtype=str), primary,
                             censor_date)
    log("survival: validating the result tables against the schema")
    tables = {SURVIVAL_DATA: sf, KM_TALKS: km, KM_MEDIAN: pd.DataFrame([median]), CIF: cif, COX: cox,
              COX_PH_TEST: ph, SCHOENFELD: schoenfeld, PH_REMEDY: remedy,
              FINE_GRAY: fine_gray, GRAY_TEST: gray, CIF_BY_GROUP: by_group, FIRTH: firth_table(cov),
              EXACT_LOGRANK: exact_logrank_table(sf), BOOTSTRAP: bootstrap_table(cov), AFT: aft, LOGRANK: logrank_cold_war(sf), SENSITIVITY: sens}
    files = {out_dir / t.path.rsplit("/", 1)[1]: validated_csv(df, t) for t, df in tables.items()} | figures
    log(f"survival: {len(files)} files ready")
    return files
