"""The concordance figure: for each war, the paper's talks beside ICB's mediation start and UCDP's
ceasefire and peace-agreement dates, in days from the war's start."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.figures import OKABE_ITO


def concordance_figure(conc: pd.DataFrame, wars: pd.DataFrame):
    import matplotlib.pyplot as plt

    start = pd.to_datetime(wars.set_index("war_id").loc[conc["war_id"], "start_date"]).to_numpy()
    end = pd.to_datetime(wars.set_index("war_id").loc[conc["war_id"], "end_date"]).to_numpy()
    y = np.arange(len(conc))[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 7.2))
    days = lambda col: (pd.to_datetime(conc[col]).to_numpy() - start) / np.timedelta64(1, "D")  # noqa: E731
    duration = (end - start) / np.timedelta64(1, "D")
    ax.hlines(y, 1, np.where(np.isnan(duration), np.nanmax(duration), duration) + 1, color="#cccccc", lw=3,
              label="war (paper's dates)")
    for col, label, colour, marker in (
            ("paper_talks_date", "paper: talks open", OKABE_ITO["blue"], "o"),
            ("icb_mediation_date", "ICB: mediation begins", OKABE_ITO["orange"], "^"),
            ("ucdp_ceasefire_date", "UCDP: ceasefire", OKABE_ITO["green"], "s"),
            ("ucdp_peace_agreement_date", "UCDP: peace agreement", OKABE_ITO["vermillion"], "D")):
        d = days(col)
        ax.scatter(np.maximum(d, 0) + 1, y, marker=marker, s=22, color=colour, label=label, zorder=3,
                   facecolors="none" if marker in "sD" else colour)
    ax.set_xscale("log")
    ax.set_yticks(y, conc["war_name"], fontsize=6.5)
    ax.set_xlabel("days from the war's start (+1, log scale; a date before the start is drawn at the start)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    ax.set_title("The paper's talks beside independent dates (ICB v14, UCDP termination v3-2021)", fontsize=9)
    return fig
