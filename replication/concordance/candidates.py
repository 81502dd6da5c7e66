"""Interstate conflicts of UCDP/PRIO ACD at war intensity, matched to the sample's wars by dates and states:
the unmatched ones are the starting list for extending the war list."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..common.formats import typed
from ..sources.external import acd_states
from .schema import CANDIDATES

COW_END = dt.date(2007, 12, 31)


def _states(primary: set, secondary: set) -> str:
    text = ", ".join(str(s) for s in sorted(primary))
    return text + (f" [{', '.join(str(s) for s in sorted(secondary - primary))}]" if secondary - primary else "")


def candidates(acd: pd.DataFrame, wars: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """One row per ACD episode (conflict, start_date2) with a year at intensity 2, and the sample war it matches:
    years overlapping (ACD is yearly and dates some episodes to December 31 of their first year, e.g. China-Taiwan
    1958) and a primary party of each side among the war's states."""
    gws = participants.groupby("war_id")["gwcode"].agg(set).to_dict()
    spans = [(w, pd.Timestamp(s).year, 9999 if pd.isna(e) else pd.Timestamp(e).year, gws.get(w, set()))
             for w, s, e in zip(wars["war_id"], wars["start_date"], wars["end_date"])]
    rows = []
    for (conflict, start), g in acd.groupby(["conflict_id", "start_date2"], sort=True):
        if not (g["intensity_level"] == 2).any():
            continue
        g = g.sort_values("year")
        last = g.iloc[-1]
        end = last["ep_end_date"] if last["ep_end"] == 1 else None
        a, b = set(g["gwno_a"].astype(int)), set(g["gwno_b"].astype(int))
        a2 = {s for v in g["gwno_a_2nd"] for s in acd_states(v)}
        b2 = {s for v in g["gwno_b_2nd"] for s in acd_states(v)}
        match = None
        years = (int(g["year"].min()), int(g["year"].max()))
        for war_id, first, last_year, states in spans:
            if years[0] <= last_year and years[1] >= first and a & states and b & states:
                match = war_id
                break
        rows.append({"conflict_id": int(conflict), "episode_start": start, "episode_end": end,
                     "ongoing": end is None,
                     "war_years": "; ".join(str(y) for y in sorted(set(g.loc[g["intensity_level"] == 2, "year"].astype(int)))),
                     "side_a_gwno": _states(a, a2), "side_b_gwno": _states(b, b2),
                     "after_cow": start > COW_END, "sample_war_id": match})
    df = pd.DataFrame(rows, columns=CANDIDATES.columns).sort_values(["episode_start", "conflict_id"])
    return typed(df.reset_index(drop=True), CANDIDATES)
