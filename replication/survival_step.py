"""Step 2 of the replication: wars.csv -> survival and competing-risks results and figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .outputs import run_lock, write_atomic
from .survival import (TALKS, WAR_END, aalen_johansen, aft_models, cox_cause_specific, kaplan_meier_talks,
                       logrank_cold_war, ph_test, survival_frame)

FLOAT = "%.12g"


def read_wars(path: Path) -> pd.DataFrame:
    booleans = ("is_ongoing", "has_talks", "cow_battle_deaths_complete")
    wars = pd.read_csv(path, dtype={"war_id": str, **{c: str for c in booleans}}, keep_default_na=False,
                       na_values=[""])
    for c in booleans:
        wars[c] = wars[c].map({"true": True, "false": False}).astype(bool)
    return wars


def _csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n", float_format=FLOAT).encode()


def run_survival(wars_csv: Path = paths.WARS_CSV, discrepancies_csv: Path = paths.DISCREPANCIES_CSV,
                 out_dir: Path = paths.PROCESSED / "survival", fig_dir: Path = paths.ROOT / "figures", log=print):
    from .figures import cif_figure, forest_figure, km_figure, timeline_figure, write_figures
    from .sensitivity import sensitivity_table

    wars = read_wars(wars_csv)
    sf = survival_frame(wars)
    log(f"survival: {len(sf)} wars, {int((sf.event == TALKS).sum())} with talks, "
        f"{int((sf.event == WAR_END).sum())} ended without talks, {int((sf.event == 0).sum())} censored")
    km, median = kaplan_meier_talks(sf)
    cif = aalen_johansen(sf["time_days"], sf["event"])
    cph_talks, df_talks, cox_talks = cox_cause_specific(sf, TALKS)
    cph_end, df_end, cox_end = cox_cause_specific(sf, WAR_END)
    cox = pd.concat([cox_talks, cox_end], ignore_index=True)
    ph = pd.concat([ph_test(cph_talks, df_talks).assign(cause="talks"),
                    ph_test(cph_end, df_end).assign(cause="war_end")], ignore_index=True)
    aft = aft_models(sf)
    log("survival: sensitivity to each coding choice")
    sens = sensitivity_table(wars, pd.read_csv(discrepancies_csv, dtype=str))
    files = {
        out_dir / "survival_data.csv": _csv(sf),
        out_dir / "km_talks.csv": _csv(km[["time_days", "survival", "ci_lower", "ci_upper", "at_risk", "events"]]),
        out_dir / "km_median.csv": _csv(pd.DataFrame([median])),
        out_dir / "cif.csv": _csv(cif[["time_days", "at_risk", "cif_talks", "cif_talks_lower", "cif_talks_upper",
                                       "cif_war_end", "cif_war_end_lower", "cif_war_end_upper",
                                       "cif_talks_var", "cif_war_end_var"]]),
        out_dir / "cox.csv": _csv(cox),
        out_dir / "cox_ph_test.csv": _csv(ph[["cause", "covariate", "test_statistic", "p_value"]]),
        out_dir / "aft.csv": _csv(aft),
        out_dir / "logrank.csv": _csv(logrank_cold_war(sf)),
        out_dir / "sensitivity.csv": _csv(sens),
    }
    log("survival: drawing figures")
    files |= write_figures({"km_talks": km_figure(km, median, sf["time_days"]), "cif": cif_figure(cif, km),
                            "forest_hazard_ratios": forest_figure(cox), "timeline": timeline_figure(wars)}, fig_dir)
    with run_lock(out_dir):
        write_atomic(files)
    log(f"survival: wrote {len(files)} files")
    return files
