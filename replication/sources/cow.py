"""The Correlates of War Inter-State War Data v4.0: participant rows -> one row per war."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..common.errors import DataError
from ..common.text import decode

COLUMNS = ["WarNum", "WarName", "WarType", "ccode", "StateName", "Side", "StartMonth1", "StartDay1",
           "StartYear1", "EndMonth1", "EndDay1", "EndYear1", "StartMonth2", "StartDay2", "StartYear2",
           "EndMonth2", "EndDay2", "EndYear2", "TransFrom", "WhereFought", "Initiator", "Outcome",
           "TransTo", "BatDeath", "Version"]
INTEGER_COLUMNS = [c for c in COLUMNS if c not in ("WarName", "StateName", "TransFrom", "TransTo")]  # Trans*: lists
NOT_APPLICABLE = -8  # COW missing-value codes: -8 not applicable, -9 unknown, -7 ongoing
WWII_END = dt.date(1945, 9, 2)


def read_cow_participants(path: Path) -> pd.DataFrame:
    import io

    text = decode(path, path.read_bytes())
    if not text.strip():
        raise DataError(path, "non-empty file", "the file has no lines")
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(path, "well-formed CSV", str(exc)) from None
    if list(df.columns) != COLUMNS:
        raise DataError(path, "COW v4.0 columns", f"expected {COLUMNS}, got {list(df.columns)}", line=1)
    if df.empty:
        raise DataError(path, "at least one participant row", "the file has a header only")
    for column in INTEGER_COLUMNS:
        bad = ~df[column].str.fullmatch(r"-?\d+")
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(path, "integer", "", line=i + 2, column=column, value=df.at[i, column])
        df[column] = df[column].astype(int)
    df["line"] = df.index + 2
    return df


def _date(row, which: str, path: Path) -> dt.date | None:
    y, m, d = (int(row[f"{which[:-1]}{part}{which[-1]}"]) for part in ("Year", "Month", "Day"))
    if y == NOT_APPLICABLE:
        return None
    if min(y, m, d) < 0:
        raise DataError(path, "known date for a war in the crosswalk", f"{which} is coded {y}/{m}/{d}",
                        line=int(row["line"]), column=f"{which[:-1]}Year{which[-1]}", value=y)
    try:
        return dt.date(y, m, d)
    except ValueError as exc:
        raise DataError(path, "valid calendar date", str(exc), line=int(row["line"]),
                        column=f"{which[:-1]}Day{which[-1]}", value=d) from None


def summarise_wars(participants: pd.DataFrame, path: Path) -> pd.DataFrame:
    """One row per COW war: dates, battle deaths, states per side, initiators."""
    records = []
    for war_num, g in participants.groupby("WarNum", sort=True):
        starts, ends = [], []
        for _, row in g.iterrows():
            starts += [d for d in (_date(row, "Start1", path), _date(row, "Start2", path)) if d]
            ends += [d for d in (_date(row, "End1", path), _date(row, "End2", path)) if d]
        deaths = g["BatDeath"]
        records.append({
            "cow_war_num": int(war_num),
            "cow_war_name": g["WarName"].iloc[0],
            "cow_start_date": min(starts),
            "cow_end_date": max(ends),
            "cow_battle_deaths": int(deaths[deaths >= 0].sum()),
            "cow_battle_deaths_complete": bool((deaths >= 0).all()),
            "cow_states_side_a": int((g["Side"] == 1).sum()),
            "cow_states_side_b": int((g["Side"] == 2).sum()),
            "cow_initiators": "; ".join(sorted(g.loc[g["Initiator"] == 1, "StateName"])),
        })
    return pd.DataFrame.from_records(records)


def post_wwii_wars(wars: pd.DataFrame) -> pd.DataFrame:
    """COW wars that began after WWII ended: the population the paper's table covers."""
    return wars[wars["cow_start_date"] > WWII_END]
