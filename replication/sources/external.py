"""The independent conflict datasets, read as sources in their own right: ICB v14 (system level), the UCDP
Conflict Termination dyad file v3-2021 and the UCDP/PRIO ACD v25.1 interstate rows. Each reader checks the
columns it uses and parses them; a bad cell raises DataError naming file, line, column, value and rule."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd

from ..common.errors import DataError
from ..common.text import decode

ICB_COLUMNS = ("crisno", "crisname", "yrtrig", "motrig", "datrig", "yrterm", "moterm", "daterm", "crismg",
               "mediate", "yrmedst", "momedst", "damedst")
TERM_COLUMNS = ("conflict_id", "dyad_id", "dyadepisode", "year", "side_a", "side_b", "type_of_conflict",
                "start_date2", "ependdate", "outcome", "cfiredate", "peagdate", "dyadterm")
ACD_COLUMNS = ("conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "intensity_level",
               "type_of_conflict", "start_date2", "ep_end", "ep_end_date")
US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})", re.ASCII)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
UCDP_FIRST_YEAR = 1946  # two-digit years: 46-99 -> 19xx, 00-45 -> 20xx


def _read(path: Path, columns: tuple[str, ...], na: tuple[str, ...] = ("",)) -> pd.DataFrame:
    text = decode(path, path.read_bytes())
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(path, "well-formed CSV", str(exc)) from None
    if missing := [c for c in columns if c not in df.columns]:
        raise DataError(path, "the columns this archive reads", f"missing {missing}", line=1)
    df = df[list(columns)].apply(lambda col: col.str.strip())
    df = df.mask(df.isin(na), "")
    df["line"] = df.index + 2
    return df


def _int(df: pd.DataFrame, column: str, path: Path, required: bool = True) -> pd.Series:
    bad = ~df[column].str.fullmatch(r"-?\d+(\.0)?") & ((df[column] != "") | required)
    if bad.any():
        i = int(bad.idxmax())
        raise DataError(path, "whole number" + ("" if required else " or empty"), line=int(df.at[i, "line"]),
                        column=column, value=df.at[i, column])
    return pd.to_numeric(df[column].replace("", None)).astype("Int64")


def read_icb(path: Path) -> pd.DataFrame:
    """One row per crisis: number, name, trigger and termination dates, crismg, mediation start."""
    df = _read(path, ICB_COLUMNS)
    for column in ICB_COLUMNS:
        if column != "crisname":
            df[column] = _int(df, column, path, required=column == "crisno")  # crisis 474 has a name only
    if df["crisno"].duplicated().any():
        i = int(df["crisno"].duplicated().idxmax())
        raise DataError(path, "one row per crisis", line=int(df.at[i, "line"]), column="crisno",
                        value=df.at[i, "crisno"])
    return df


def icb_date(year, month, day) -> tuple[dt.date | None, str | None]:
    """An ICB date and its precision: 'day', 'month' (day missing or coded above 31) or 'year'."""
    if pd.isna(year):
        return None, None
    if pd.isna(month) or not 1 <= int(month) <= 12:
        return dt.date(int(year), 1, 1), "year"
    if pd.isna(day) or not 1 <= int(day) <= 31:
        return dt.date(int(year), int(month), 1), "month"
    return dt.date(int(year), int(month), int(day)), "day"


def ucdp_date(value: str, path: Path, line: int, column: str) -> dt.date | None:
    """A UCDP m/d/yy or ISO date; a cell listing several dates gives the earliest. Empty or '0' (the
    termination file's Arab-Israeli 1948 peagdate) -> None."""
    if value in ("", "0"):
        return None
    found = [dt.date(int(y), int(m), int(d)) for y, m, d in
             (s.split("-") for s in ISO_DATE.findall(value))]
    for m, d, yy in US_DATE.findall(value):
        year = int(yy) + (1900 if int(yy) >= UCDP_FIRST_YEAR % 100 else 2000)
        try:
            found.append(dt.date(year, int(m), int(d)))
        except ValueError as exc:
            raise DataError(path, "valid calendar date", str(exc), line=line, column=column, value=value) from None
    if not found:
        raise DataError(path, "a date m/d/yy or YYYY-MM-DD", line=line, column=column, value=value)
    return min(found)


def read_ucdp_term(path: Path) -> pd.DataFrame:
    """Interstate dyad-years of the termination file (type_of_conflict 2), dates parsed."""
    df = _read(path, TERM_COLUMNS)
    df = df[df["type_of_conflict"] == "2"].copy()
    for column in ("conflict_id", "dyad_id", "dyadepisode", "year"):
        df[column] = _int(df, column, path)
    df["dyadterm"] = _int(df, "dyadterm", path, required=False)  # empty: the episode was ongoing in 2020
    df["outcome"] = _int(df, "outcome", path, required=False)
    for column in ("start_date2", "ependdate", "cfiredate", "peagdate"):
        df[column] = [ucdp_date(v, path, line, column) for v, line in zip(df[column], df["line"])]
    return df.reset_index(drop=True)


def read_ucdp_acd(path: Path) -> pd.DataFrame:
    """ACD interstate conflict-years; gwno_*_2nd hold comma-separated secondary parties."""
    df = _read(path, ACD_COLUMNS, na=("", "NA"))
    for column in ("conflict_id", "year", "gwno_a", "gwno_b", "intensity_level", "ep_end"):
        df[column] = _int(df, column, path)
    for column in ("gwno_a_2nd", "gwno_b_2nd"):
        bad = ~df[column].str.fullmatch(r"(\d+(, ?\d+)*)?")
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(path, "comma-separated Gleditsch-Ward numbers or NA", line=int(df.at[i, "line"]),
                            column=column, value=df.at[i, column])
    bad = ~df["intensity_level"].isin([1, 2])
    if bad.any():
        i = int(bad.idxmax())
        raise DataError(path, "intensity_level is 1 or 2", line=int(df.at[i, "line"]), column="intensity_level",
                        value=df.at[i, "intensity_level"])
    for column in ("start_date2", "ep_end_date"):
        df[column] = [ucdp_date(v, path, line, column) for v, line in zip(df[column], df["line"])]
    return df


def acd_states(value: str) -> list[int]:
    return [int(x) for x in re.split(r",\s*", value) if x] if value else []
