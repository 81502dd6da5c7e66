"""Where the paper's table disagrees with COW or with itself. Reported, never corrected."""

from __future__ import annotations

import pandas as pd

from .hand_coding import ResponseCoding
from .schema import DISCREPANCIES


def _iso(value) -> str:
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)


def find_discrepancies(wars: pd.DataFrame, coding: ResponseCoding) -> pd.DataFrame:
    rows = []

    def add(w, check, column, paper, other, days, description):
        rows.append({"war_id": w.war_id, "war_name": w.war_name, "check_id": check, "column": column,
                     "paper_value": _iso(paper), "other_value": None if other is None else _iso(other),
                     "difference_days": days, "description": description})

    for w in wars.itertuples(index=False):
        if w.start_gap_days != 0:
            add(w, "start_vs_cow", "start_date", w.start_date, w.cow_start_date, int(w.start_gap_days),
                f"The paper starts the war {abs(w.start_gap_days)} day(s) "
                f"{'later' if w.start_gap_days > 0 else 'earlier'} than COW v4.0.")
        if not pd.isna(w.end_gap_days) and w.end_gap_days != 0:
            add(w, "end_vs_cow", "end_date", w.end_date, w.cow_end_date, int(w.end_gap_days),
                f"The paper ends the war {abs(w.end_gap_days)} day(s) "
                f"{'later' if w.end_gap_days > 0 else 'earlier'} than COW v4.0.")
        if w.is_ongoing:
            add(w, "ongoing_vs_cow", "end_date", "ongoing", w.cow_end_date, None,
                f"The paper codes the war as ongoing; COW v4.0 ends it on {_iso(w.cow_end_date)}.")
        if not pd.isna(w.response_date) and not pd.isna(w.talks_date) and w.response_date != w.talks_date:
            gap = (w.response_date - w.talks_date).days
            add(w, "response_date_vs_days", "response_date", w.response_date, w.talks_date, gap,
                f"The response text dates acceptance {abs(gap)} day(s) {'after' if gap > 0 else 'before'} "
                f"the talks date implied by {w.days_to_talks} days before talks "
                f"({(w.response_date - w.start_date).days} days after the start).")
        if not pd.isna(w.response_date) and w.response_date < w.start_date:
            gap = (w.response_date - w.start_date).days
            add(w, "response_date_before_start", "response_date", w.response_date, w.start_date, gap,
                f"The proposal the response refers to is dated {abs(gap)} day(s) before the war began.")
        if w.response is not None and coding.classify(w.war_id, w.response)[1] == "hand_code":
            add(w, "response_without_verb", "response", w.response, None, None,
                f"The response prints no verb of acceptance or refusal; hand-coded as "
                f"'{w.response_type}' in data/hand_coding/response_coding.yaml.")
    columns = DISCREPANCIES.columns
    out = pd.DataFrame.from_records(rows, columns=columns)
    out["difference_days"] = pd.array([None if pd.isna(v) else int(v) for v in out["difference_days"]],
                                      dtype="Int64")
    return out.sort_values(["war_id", "check_id"], kind="stable").reset_index(drop=True)
