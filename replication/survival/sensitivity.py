"""Alternative codings of the war table, one per kind of discrepancy, and the headline numbers under each.

The alternatives are driven by discrepancies.csv: each check id has one generic alternative coding,
applied to every war the check lists. No war is named here."""

from __future__ import annotations

import pandas as pd

from .estimators import headline
from .frame import survival_frame


def cow_dates(w, disc):
    """COW's start and end dates; talks keep their calendar date. (An added war outside COW keeps its own.)"""
    w = w.copy()
    in_cow = w["cow_start_date"].notna()
    w["start_date"] = w["start_date"].where(~in_cow, w["cow_start_date"])
    w["end_date"] = w["end_date"].where(w["end_date"].isna() | ~in_cow, w["cow_end_date"])
    return w


def recode(check: str, column: str, source: str | None):
    """Alternative coding: for the wars discrepancies.csv lists under `check`, take `column` from
    `source` (None: leave it empty)."""

    def alter(w, disc):
        w = w.copy()
        sel = w["war_id"].isin(set(disc.loc[disc["check_id"] == check, "war_id"]))
        w.loc[sel, column] = w.loc[sel, source] if source else None
        return w

    return alter


def unchanged(w, disc):
    return w


ALTERNATIVES = {  # coding -> (discrepancy checks it answers, how the table is recoded)
    "paper (primary)": (None, unchanged),
    "COW start and end dates": ("start_vs_cow, end_vs_cow", cow_dates),
    # talks open on the date printed in the response text, not at start + printed days
    "talks at the date printed in the response": ("response_date_vs_days",
                                                  recode("response_date_vs_days", "talks_date", "response_date")),
    # a response with no verb is not read as acceptance
    "verbless response read as no talks": ("response_without_verb",
                                           recode("response_without_verb", "talks_date", None)),
    # the war ends at COW's end date; talks after it do not count
    "ongoing war ended at COW's end date": ("ongoing_vs_cow", recode("ongoing_vs_cow", "end_date", "cow_end_date")),
    # a refusal dated before the war began means no talks either way: time to talks is unchanged
    "refusal dated before the war's start": ("response_date_before_start", unchanged),
}


def sensitivity_table(wars: pd.DataFrame, disc: pd.DataFrame, primary: str = "paper (primary)",
                      censor_date=None) -> pd.DataFrame:
    """The headline numbers under each alternative coding; the first row (named `primary`) is the data as coded."""
    rows = []
    for name, (checks, alter) in ALTERNATIVES.items():
        altered = alter(wars, disc)
        sf = survival_frame(altered) if censor_date is None else survival_frame(altered, censor_date)
        affected = sorted(set(disc.loc[disc["check_id"].isin((checks or "").split(", ")), "war_id"]))
        rows.append({"coding": primary if checks is None else name, "discrepancy_checks": checks or "", "wars_affected": "; ".join(affected),
                     **headline(sf)})
    return pd.DataFrame(rows)
