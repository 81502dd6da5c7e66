"""Aligned Appendix 1 rows -> the war dataset (one row per war), with the COW crosswalk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..common.errors import DataError
from ..common.formats import read_typed, typed
from ..sources.appendix_table import Cell
from ..sources.dates import DateFormatError, find_prose_date, parse_table_date
from .hand_coding import ResponseCoding
from .schema import WARS

NOT_PRINTED = {"N/A", "unknown", ""}


class RowParser:
    """Parses the cells of one aligned row; every error names the raw line and column."""

    def __init__(self, raw_path: Path, row: dict[str, Cell]):
        self.raw_path, self.row = raw_path, row

    def fail(self, column: str, rule: str, detail: str = ""):
        cell = self.row[column]
        if cell.line is None:
            detail = f"cell supplied by ledger repair {cell.repair}; " + detail
        raise DataError(self.raw_path, rule, detail, line=cell.line, column=column, value=cell.value)

    def text(self, column: str) -> str | None:
        value = self.row[column].value
        return None if value in NOT_PRINTED else value

    def date(self, column: str, allow_ongoing: bool = False) -> dt.date | None:
        value = self.row[column].value
        if allow_ongoing and value == "ongoing":
            return None
        try:
            return parse_table_date(value)
        except DateFormatError as exc:
            self.fail(column, exc.rule, str(exc))

    def days(self, column: str) -> int | None:
        value = self.row[column].value
        if value in NOT_PRINTED:
            return None
        if not (value.isascii() and value.isdigit()):
            self.fail(column, "non-negative whole number of days or N/A")
        return int(value)

    def prose_date(self, column: str) -> dt.date | None:
        try:
            return find_prose_date(self.row[column].value)
        except DateFormatError as exc:
            self.fail(column, exc.rule, str(exc))


def parse_rows(rows: list[dict[str, Cell]], raw_path: Path) -> list[dict]:
    """The paper's own columns, typed. Nothing from COW yet."""
    records = []
    for row in rows:
        p = RowParser(raw_path, row)
        if not row["conflict_name"].value:
            p.fail("conflict_name", "every war has a name")
        start, end = p.date("conflict_start"), p.date("conflict_end", allow_ongoing=True)
        repairs = sorted({r for cell in row.values() if cell.repair for r in cell.repair.split("; ")})
        records.append({
            "war_name": row["conflict_name"].value,
            "start_date": start,
            "end_date": end,
            "is_ongoing": row["conflict_end"].value == "ongoing",
            "proposer": p.text("proposer"),
            "response_printed": row["response"].value,
            "response": p.text("response"),
            "response_date": p.prose_date("response"),
            "days_to_talks": p.days("days_before_talks"),
            "ledger_repairs": "; ".join(repairs) or None,
            "raw_lines": "; ".join(f"{c}={cell.line if cell.line is not None else cell.repair}"
                                   for c, cell in row.items()),
            "_row": row,
        })
    return records


def build_wars(records: list[dict], coding: ResponseCoding, crosswalk: list[dict], cow_wars: pd.DataFrame,
               raw_path: Path, crosswalk_path: Path) -> pd.DataFrame:
    by_name = {r["war_name"]: r for r in crosswalk}
    table_names = {r["war_name"] for r in records}
    for rec in records:
        if rec["war_name"] not in by_name:
            cell = rec["_row"]["conflict_name"]
            raise DataError(raw_path, "every war of the table is in the COW crosswalk",
                            f"add it to {crosswalk_path.name}", line=cell.line, column="conflict_name",
                            value=rec["war_name"])
    for line, entry in enumerate(crosswalk, start=2):
        if entry["war_name"] not in table_names:
            raise DataError(crosswalk_path, "every crosswalk row is a war of the table", line=line,
                            column="war_name", value=entry["war_name"])
    cow = cow_wars.set_index("cow_war_num")
    out = []
    for rec in records:
        entry = by_name[rec["war_name"]]
        if entry["cow_war_num"] not in cow.index:
            raise DataError(crosswalk_path, "cow_war_num exists in COW v4.0", column="cow_war_num",
                            value=entry["cow_war_num"])
        c = cow.loc[entry["cow_war_num"]]
        response_type, _ = coding.classify(entry["war_id"], rec["response_printed"])
        days, start, end = rec["days_to_talks"], rec["start_date"], rec["end_date"]
        out.append({
            "war_id": entry["war_id"],
            "war_name": rec["war_name"],
            "cow_war_num": entry["cow_war_num"],
            "start_date": start,
            "end_date": end,
            "is_ongoing": rec["is_ongoing"],
            "proposer": rec["proposer"],
            "response": rec["response"],
            "response_type": response_type,
            "response_date": rec["response_date"],
            "has_talks": days is not None,
            "days_to_talks": days,
            "talks_date": start + dt.timedelta(days=days) if days is not None else None,
            "duration_days": (end - start).days if end else None,
            "cow_war_name": c["cow_war_name"],
            "cow_start_date": c["cow_start_date"],
            "cow_end_date": c["cow_end_date"],
            "start_gap_days": (start - c["cow_start_date"]).days,
            "end_gap_days": (end - c["cow_end_date"]).days if end else None,
            "cow_battle_deaths": int(c["cow_battle_deaths"]),
            "cow_battle_deaths_complete": bool(c["cow_battle_deaths_complete"]),
            "cow_states_side_a": int(c["cow_states_side_a"]),
            "cow_states_side_b": int(c["cow_states_side_b"]),
            "cow_initiators": c["cow_initiators"],
            "ledger_repairs": rec["ledger_repairs"],
            "raw_lines": rec["raw_lines"],
        })
    return typed(pd.DataFrame.from_records(out, columns=WARS.columns), WARS)


def read_wars(path: Path) -> pd.DataFrame:
    """wars.csv (or wars_extended.csv), typed by the schema."""
    return read_typed(path, WARS)
