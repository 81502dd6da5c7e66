"""Alternative codings of the war table, one per kind of discrepancy, and the headline numbers under each.

The alternatives are driven by discrepancies.csv: each check id has one generic alternative coding,
applied to every war the check lists. No war is named here."""

from __future__ import annotations

import pandas as pd

from .survival import headline, survival_frame


def _listed(w, disc, check):
    """A copy of the wars and the mask of those discrepancies.csv lists under `check`."""
    return w.copy(), w["war_id"].isin(set(disc.loc[disc["check_id"] == check, "war_id"]))


def cow_dates(w, disc):
    """COW's start and end dates; talks keep their calendar date."""
    w = w.copy()
    w["start_date"] = w["cow_start_date"]
    w["end_date"] = w["end_date"].where(w["end_date"].isna(), w["cow_end_date"])
    return w


def response_date_for_talks(w, disc):
    """Talks open on the date printed in the response text, not start + printed days."""
    w, sel = _listed(w, disc, "response_date_vs_days")
    w.loc[sel, "talks_date"] = w.loc[sel, "response_date"]
    return w


def verbless_response_as_no_talks(w, disc):
    """A response with no verb is not read as acceptance: no talks."""
    w, sel = _listed(w, disc, "response_without_verb")
    w.loc[sel, "talks_date"] = None
    return w


def ongoing_ended_at_cow(w, disc):
    """A war the paper codes as ongoing ends at COW's end date (talks after it do not count)."""
    w, sel = _listed(w, disc, "ongoing_vs_cow")
    w.loc[sel, "end_date"] = w.loc[sel, "cow_end_date"]
    return w


def refused_proposal_before_start_ignored(w, disc):
    """A refusal dated before the war began: no talks either way, so time to talks is unchanged."""
    return w


ALTERNATIVES = {
    "paper (primary)": (None, lambda w, d: w),
    "COW start and end dates": ("start_vs_cow, end_vs_cow", cow_dates),
    "talks at the date printed in the response": ("response_date_vs_days", response_date_for_talks),
    "verbless response read as no talks": ("response_without_verb", verbless_response_as_no_talks),
    "ongoing war ended at COW's end date": ("ongoing_vs_cow", ongoing_ended_at_cow),
    "refusal dated before the war's start": ("response_date_before_start", refused_proposal_before_start_ignored),
}


def sensitivity_table(wars: pd.DataFrame, disc: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, (checks, alter) in ALTERNATIVES.items():
        sf = survival_frame(alter(wars, disc))
        affected = sorted(set(disc.loc[disc["check_id"].isin((checks or "").split(", ")), "war_id"]))
        rows.append({"coding": name, "discrepancy_checks": checks or "", "wars_affected": "; ".join(affected),
                     **headline(sf)})
    return pd.DataFrame(rows)
