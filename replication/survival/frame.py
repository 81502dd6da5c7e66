"""The analysis frame of the survival stage: time from a war's start to the opening of talks, with war
end as a competing event.

Unit: a war. Origin: start_date. Event 1: talks open (days_to_talks). Event 2: the war ends without
talks (duration_days). A war still ongoing without talks is censored at CENSOR_DATE.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..common.steps import DATA_VERSION_DATE

CENSOR_DATE = DATA_VERSION_DATE  # cut-off for wars ongoing without talks (an extended run may set another)
COLD_WAR_END = dt.date(1989, 11, 9)  # fall of the Berlin Wall
COVARIATES = ["cold_war", "log_battle_deaths", "n_states"]  # declared in advance; see README
HORIZONS = (30, 90, 365, 1000)
TALKS, WAR_END, CENSORED = 1, 2, 0


def _dates(df, column):
    return pd.to_datetime(df[column])


def covariate_cases(sf: pd.DataFrame) -> pd.DataFrame:
    """The wars the covariate models use: those with every declared covariate (an added war may lack its
    battle deaths)."""
    return sf.dropna(subset=COVARIATES).reset_index(drop=True)


def survival_frame(wars: pd.DataFrame, censor_date: dt.date = CENSOR_DATE) -> pd.DataFrame:
    """One row per war: time (days), event (1 talks, 2 war end without talks, 0 censored), covariates.

    Talks dated after the war's end are not an event of the war (the war ended first). An ongoing war
    without talks is censored at `censor_date`. Counts come from `battle_deaths` and `states_side_a/b`
    where the table has them (the extended sample: COW's or the extension file's), else from COW's columns."""
    start, end, talks = _dates(wars, "start_date"), _dates(wars, "end_date"), _dates(wars, "talks_date")
    talks_in_war = talks.notna() & (end.isna() | (talks <= end))
    censor = pd.Timestamp(censor_date)
    counts = "" if "battle_deaths" in wars else "cow_"
    time = np.where(talks_in_war, (talks - start).dt.days,
                    np.where(end.notna(), (end - start).dt.days, (censor - start).dt.days))
    event = np.where(talks_in_war, TALKS, np.where(end.notna(), WAR_END, CENSORED))
    return pd.DataFrame({
        "war_id": wars["war_id"].to_numpy(),
        "time_days": time.astype(int),
        "event": event.astype(int),
        "cold_war": (start < pd.Timestamp(COLD_WAR_END)).astype(int).to_numpy(),
        "log_battle_deaths": np.log(wars[f"{counts}battle_deaths"].astype(float)).round(10).to_numpy(),  # as written
        "n_states": (wars[f"{counts}states_side_a"].astype(int) + wars[f"{counts}states_side_b"].astype(int)).to_numpy(),
    })
