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
SPELLS = (("Start1", "End1"), ("Start2", "End2"))
# The negative codes each column may hold (COW v4.0 codebook); any other negative value is refused.
MISSING_CODES = {
    "StartMonth1": {-9}, "StartDay1": {-9}, "EndMonth1": {-7, -9}, "EndDay1": {-7, -9}, "EndYear1": {-7},
    "StartMonth2": {-8, -9}, "StartDay2": {-8, -9}, "StartYear2": {-8},
    "EndMonth2": {-7, -8, -9}, "EndDay2": {-7, -8, -9}, "EndYear2": {-7, -8},
    "TransTo": {-8}, "BatDeath": {-9},
}
CODED = {"Side": {1, 2}, "Initiator": {1, 2}}
# A state can hold two rows in one war (it changed sides or re-entered: Romania and Italy in WWII), never
# two with the same side and first start: that is a duplicated row.
ROW_KEY = ["WarNum", "ccode", "Side", "StartYear1", "StartMonth1", "StartDay1"]


def _parts(which: str) -> tuple[str, str, str]:
    return tuple(f"{which[:-1]}{part}{which[-1]}" for part in ("Year", "Month", "Day"))


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
    df = df.apply(lambda col: col.str.strip())  # spaces around a cell are harmless
    for column in INTEGER_COLUMNS:
        bad = ~df[column].str.fullmatch(r"-?\d+")
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(path, "integer", "", line=i + 2, column=column, value=df.at[i, column])
        df[column] = df[column].astype(int)
    df["line"] = df.index + 2
    check_participants(df, path)
    return df


def check_participants(df: pd.DataFrame, path: Path) -> None:
    """COW's own rules, as a source in its own right: missing-value codes only where the codebook allows
    them, sides and initiators 1 or 2, a second spell given whole or not at all, valid and ordered dates,
    one row per war, state, side and spell, one name per war."""
    def fail(row, column, rule, detail=""):
        raise DataError(path, rule, detail, line=int(row["line"]), column=column, value=row[column])

    for column in INTEGER_COLUMNS:
        allowed = MISSING_CODES.get(column, set())
        bad = df[(df[column] < 0) & ~df[column].isin(allowed)]
        if len(bad):
            fail(bad.iloc[0], column, "missing-value code allowed in this column",
                 f"allowed: {sorted(allowed)}" if allowed else "no negative code is allowed here")
    for column, allowed in CODED.items():
        bad = df[~df[column].isin(allowed)]
        if len(bad):
            fail(bad.iloc[0], column, f"{column} is one of {sorted(allowed)}")
    spell2 = [c for which in SPELLS[1] for c in _parts(which)]
    for row in df.to_dict("records"):
        absent = [row[c] == NOT_APPLICABLE for c in spell2]
        if any(absent) and not all(absent):  # name the odd cell out
            column = spell2[absent.index(sum(absent) < len(absent) / 2)]
            fail(row, column, "a second spell is given whole or not at all (-8 in all its six cells)")
        dates = {}
        for which in ("Start1", "End1", "Start2", "End2"):
            y, m, d = (int(row[c]) for c in _parts(which))
            if min(y, m, d) < 0:
                continue
            try:
                dates[which] = dt.date(y, m, d)
            except ValueError as exc:
                fail(row, _parts(which)[2], "valid calendar date", str(exc))
        for a, b in (("Start1", "End1"), ("End1", "Start2"), ("Start2", "End2")):
            if a in dates and b in dates and dates[b] < dates[a]:
                fail(row, _parts(b)[0], f"{b} not before {a}", f"{b} {dates[b]} is before {a} {dates[a]}")
    dup = df[df.duplicated(ROW_KEY)]
    if len(dup):
        row = dup.iloc[0]
        first = df[(df[ROW_KEY] == row[ROW_KEY]).all(axis=1)].iloc[0]
        fail(row, "ccode", "one row per war, state, side and spell",
             f"duplicates line {int(first['line'])} (war {row['WarNum']}, {row['StateName']})")
    first_name = df.groupby("WarNum")["WarName"].transform("first")
    if (renamed := df[df["WarName"] != first_name]).size:
        row = renamed.iloc[0]
        fail(row, "WarName", "one name per war", f"war {row['WarNum']} is named {first_name[row.name]!r} above")


def _date(row, which: str, path: Path) -> dt.date | None:
    y, m, d = (int(row[c]) for c in _parts(which))
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
    by_war: dict[int, list[dict]] = {}
    for row in participants.to_dict("records"):  # plain dicts: a Series a row (iterrows) costs far more
        by_war.setdefault(int(row["WarNum"]), []).append(row)
    for war_num in sorted(by_war):
        g = by_war[war_num]
        starts, ends = [], []
        for row in g:
            starts += [d for d in (_date(row, "Start1", path), _date(row, "Start2", path)) if d]
            ends += [d for d in (_date(row, "End1", path), _date(row, "End2", path)) if d]
        deaths = [r["BatDeath"] for r in g]
        records.append({
            "cow_war_num": war_num,
            "cow_war_name": g[0]["WarName"],
            "cow_start_date": min(starts),
            "cow_end_date": max(ends),
            "cow_battle_deaths": int(sum(d for d in deaths if d >= 0)),
            "cow_battle_deaths_complete": all(d >= 0 for d in deaths),
            "cow_states_side_a": sum(r["Side"] == 1 for r in g),
            "cow_states_side_b": sum(r["Side"] == 2 for r in g),
            "cow_initiators": "; ".join(sorted(r["StateName"] for r in g if r["Initiator"] == 1)),
        })
    return pd.DataFrame.from_records(records)


def post_wwii_wars(wars: pd.DataFrame) -> pd.DataFrame:
    """COW wars that began after WWII ended: the population the paper's table covers."""
    return wars[wars["cow_start_date"] > WWII_END]
