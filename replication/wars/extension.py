"""Extending the war list: a user's file of added wars, validated, joined to the paper's wars.

The added wars run through every analysis with `python -m replication all --sample extended`;
results go to data/processed/extended/ and figures/extended/, leaving the paper's results untouched."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd

from ..common import paths
from ..common.errors import DataError, ValidationFailed
from ..common.formats import csv_text, typed
from ..common.text import decode
from ..common.validation import run_suite
from ..sources.cow import read_cow_participants, summarise_wars
from .rules import WAR_RULES
from .schema import RESPONSE_TYPES, WARS_EXTENDED

DEFAULT = paths.DATA / "extensions" / "wars_extension.csv"
EXAMPLE = paths.DATA / "extensions" / "example_extension.csv"
COLUMNS = ["war_id", "war_name", "start_date", "end_date", "is_ongoing", "proposer", "response", "response_type",
           "days_to_talks", "cow_war_num", "battle_deaths", "states_side_a", "states_side_b", "source_citation",
           "coder", "coded_on"]
REQUIRED = ["war_id", "war_name", "start_date", "is_ongoing", "response_type", "source_citation", "coder", "coded_on"]
ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _parse(path: Path, line: int, column: str, value: str, kind: str):
    def fail(rule, detail=""):
        raise DataError(path, rule, detail, line=line, column=column, value=value)

    if value == "":
        if column in REQUIRED:
            fail("required value")
        return None
    if kind == "date":
        if not ISO.fullmatch(value):
            fail("ISO date YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            fail("valid calendar date", str(exc))
    if kind == "int":
        if not (value.isascii() and value.isdigit()):
            fail("non-negative whole number")
        return int(value)
    if kind == "bool":
        if value not in ("true", "false"):
            fail("true or false")
        return value == "true"
    return value


KINDS = {"start_date": "date", "end_date": "date", "coded_on": "date", "is_ongoing": "bool", "days_to_talks": "int",
         "cow_war_num": "int", "battle_deaths": "int", "states_side_a": "int", "states_side_b": "int"}


def read_extension(path: Path, cow_wars: pd.DataFrame, paper_ids: set) -> pd.DataFrame:
    """Parse and check the rows of an extension file; errors name file, line, column and rule."""
    if not path.exists():
        raise DataError(path, "extension file exists", f"copy {EXAMPLE.relative_to(paths.ROOT)} to start one")
    rows = list(csv.reader(io.StringIO(decode(path, path.read_bytes()))))
    if not rows or rows[0] != COLUMNS:
        raise DataError(path, "extension columns", f"expected {COLUMNS}, got {rows[0] if rows else 'an empty file'}",
                        line=1)
    if len(rows) == 1:
        raise DataError(path, "at least one added war", "the file has a header only")
    cow = cow_wars.set_index("cow_war_num")
    records, seen = [], set()
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS):
            raise DataError(path, f"{len(COLUMNS)} fields per line", f"found {len(row)}", line=line)
        r = {c: _parse(path, line, c, v.strip(), KINDS.get(c, "text")) for c, v in zip(COLUMNS, row)}
        r["line"] = line
        if not re.fullmatch(r"[a-z0-9_]+", r["war_id"]):
            raise DataError(path, "war_id is a lower-case slug", line=line, column="war_id", value=r["war_id"])
        if r["war_id"] in seen or r["war_id"] in paper_ids:
            raise DataError(path, "war_id unique across the paper's wars and the extension", line=line,
                            column="war_id", value=r["war_id"])
        seen.add(r["war_id"])
        if r["response_type"] not in RESPONSE_TYPES:
            raise DataError(path, f"response_type one of {list(RESPONSE_TYPES)}", line=line, column="response_type",
                            value=r["response_type"])
        if r["cow_war_num"] is not None and r["cow_war_num"] not in cow.index:
            raise DataError(path, "cow_war_num exists in COW v4.0", line=line, column="cow_war_num",
                            value=r["cow_war_num"])
        if r["cow_war_num"] is None and None in (r["battle_deaths"], r["states_side_a"], r["states_side_b"]):
            raise DataError(path, "battle_deaths and states per side given when cow_war_num is empty", line=line,
                            column="battle_deaths")
        records.append(r)
    return pd.DataFrame(records)


def extended_rows(ext: pd.DataFrame, cow_wars: pd.DataFrame) -> pd.DataFrame:
    """Extension rows in the columns of wars_extended.csv (derived columns computed as for the paper's wars)."""
    cow = cow_wars.set_index("cow_war_num")
    out = []
    for r in ext.itertuples():
        c = cow.loc[r.cow_war_num] if r.cow_war_num is not None and not pd.isna(r.cow_war_num) else None
        start, end, days = r.start_date, r.end_date, r.days_to_talks
        days = None if days is None or pd.isna(days) else int(days)
        out.append({
            "war_id": r.war_id, "war_name": r.war_name,
            "cow_war_num": None if c is None else int(r.cow_war_num),
            "start_date": start, "end_date": end, "is_ongoing": r.is_ongoing, "proposer": r.proposer,
            "response": r.response, "response_type": r.response_type, "response_date": None,
            "has_talks": days is not None, "days_to_talks": days,
            "talks_date": start + dt.timedelta(days=days) if days is not None else None,
            "duration_days": (end - start).days if end else None,
            "cow_war_name": None if c is None else c["cow_war_name"],
            "cow_start_date": None if c is None else c["cow_start_date"],
            "cow_end_date": None if c is None else c["cow_end_date"],
            "start_gap_days": None if c is None else (start - c["cow_start_date"]).days,
            "end_gap_days": None if c is None or end is None else (end - c["cow_end_date"]).days,
            "cow_battle_deaths": int(c["cow_battle_deaths"]) if c is not None else int(r.battle_deaths),
            "cow_battle_deaths_complete": bool(c["cow_battle_deaths_complete"]) if c is not None else True,
            "cow_states_side_a": int(c["cow_states_side_a"]) if c is not None else int(r.states_side_a),
            "cow_states_side_b": int(c["cow_states_side_b"]) if c is not None else int(r.states_side_b),
            "cow_initiators": None if c is None else c["cow_initiators"],
            "ledger_repairs": None, "raw_lines": f"extension line {r.line}",
            "sample": "extension", "source_citation": r.source_citation, "coder": r.coder, "coded_on": r.coded_on,
        })
    return pd.DataFrame(out)


def build_extended(paper: pd.DataFrame, extension: Path | None = None, root: Path = paths.ROOT, log=print) -> dict:
    """The extended sample: the paper's wars (`paper`, as in wars.csv) and the extension file's, validated;
    returns the file to write under `root`."""
    path = Path(extension) if extension else DEFAULT
    cow_wars = summarise_wars(read_cow_participants(paths.RAW_COW_WARS), paths.RAW_COW_WARS)
    ext = read_extension(path, cow_wars, set(paper["war_id"]))
    added = typed(extended_rows(ext, cow_wars), WARS_EXTENDED)
    failures = run_suite(added, WARS_EXTENDED, WAR_RULES, name="extension_suite")
    if failures:
        lines = dict(zip(ext["war_id"], ext["line"]))
        raise ValidationFailed([f"{path.name}:{lines.get(f.split(':')[0].removeprefix('war '), '?')}: {f}"
                                for f in failures])
    paper_rows = paper.assign(sample="paper", source_citation="Mastro and Siegel, Appendix 1 (this archive)",
                              coder="", coded_on="")
    combined = pd.concat([typed(paper_rows, WARS_EXTENDED), added], ignore_index=True)
    log(f"extension: {len(added)} war(s) added from {path.name}; {len(combined)} wars in the extended sample")
    return {root / WARS_EXTENDED.path: csv_text(combined, WARS_EXTENDED).encode()}
