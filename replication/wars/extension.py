"""Extending the war list: a user's file of added wars, checked as strictly as the paper's rows, joined to
the paper's wars.

The added wars run through every analysis with `python -m replication all --sample extended`;
results go to data/processed/extended/ and figures/extended/, leaving the paper's results untouched.
An ongoing war is observed up to the observation date (`--observed-on`, default the data version date):
talks before it are an event, a war without talks is censored there."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd

from ..common import paths
from ..common.errors import DataError, ValidationFailed
from ..common.formats import csv_text, stata_bytes, typed
from ..common.steps import DATA_VERSION_DATE
from ..common.text import csv_records, decode, refuse_formula
from ..common.validation import run_suite
from ..sources.cow import WWII_END, read_cow_participants, summarise_wars
from .alignment_check import name_years
from .rules import COW_DATE_TOLERANCE_DAYS, extension_rules
from .schema import RESPONSE_TYPES, WARS_EXTENDED

CODE_COLUMNS = [f"{role}_{part}" for role in ("proposer", "responder")
                for part in ("ccode", "gwcode", "third_party", "third_party_ccode")] + ["proposer_side", "proposer_is_initiator"]

DEFAULT = paths.DATA / "extensions" / "wars_extension.csv"
EXAMPLE = paths.DATA / "extensions" / "example_extension.csv"
OBSERVED_ON = DATA_VERSION_DATE  # the default end of observation of an ongoing war
COLUMNS = ["war_id", "war_name", "start_date", "end_date", "is_ongoing", "proposer", "response", "response_type",
           "days_to_talks", "cow_war_num", "battle_deaths", "states_side_a", "states_side_b", "source_citation",
           "coder", "coded_on"]
REQUIRED = ["war_id", "war_name", "start_date", "is_ongoing", "response_type", "source_citation", "coder", "coded_on"]
ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
TRUE, FALSE = ("true", "TRUE", "1"), ("false", "FALSE", "0")
# The sources file beside an extension (post2007.csv -> post2007_sources.csv): one row per coded cell with its
# citation, a quoted sentence, coder and date, or, for a cell left empty, the reason. Required when it exists
# for every coded cell; an empty battle_deaths needs it.
SOURCES_SUFFIX = "_sources.csv"
SOURCE_COLUMNS = ["war_id", "column", "value", "citation", "quote", "coder", "coded_on", "reason"]
CODED = ["start_date", "end_date", "is_ongoing", "proposer", "response", "response_type", "days_to_talks",
         "battle_deaths", "states_side_a", "states_side_b"]


def _parse(path: Path, line: int, column: str, value: str, kind: str):
    def fail(rule, detail=""):
        raise DataError(path, rule, detail, line=line, column=column, value=value)

    if kind == "text":
        refuse_formula(path, value, line, column)
    value = value.strip()
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
        if value not in TRUE + FALSE:
            fail("true or false")
        return value in TRUE
    return value


KINDS = {"start_date": "date", "end_date": "date", "coded_on": "date", "is_ongoing": "bool", "days_to_talks": "int",
         "cow_war_num": "int", "battle_deaths": "int", "states_side_a": "int", "states_side_b": "int"}


def _check_row(path: Path, r: dict, cow: pd.DataFrame, paper: pd.DataFrame, observed_on: dt.date) -> None:
    """The rules of the paper's table that a single row can be checked against, with precise messages;
    the great-expectations suite then checks the whole extended sample again."""
    line = r["line"]

    def fail(column, rule, detail=""):
        raise DataError(path, rule, detail, line=line, column=column, value=r[column])

    if not re.fullmatch(r"[a-z0-9_]+", r["war_id"]):
        fail("war_id", "war_id is a lower-case slug")
    if r["response_type"] not in RESPONSE_TYPES:
        fail("response_type", f"response_type one of {list(RESPONSE_TYPES)}")
    start, end, days = r["start_date"], r["end_date"], r["days_to_talks"]
    if start <= WWII_END:
        fail("start_date", "the war began after WWII ended (2 September 1945), as the paper's wars do")
    for column in ("start_date", "end_date", "coded_on"):
        if r[column] is not None and r[column] > observed_on:
            fail(column, f"not after the observation date {observed_on}", "set it with --observed-on")
    if days is not None and start + dt.timedelta(days=days) > observed_on:
        fail("days_to_talks", f"talks not after the observation date {observed_on}",
             f"start + days_to_talks is {start + dt.timedelta(days=days)}")
    if r["is_ongoing"] != (end is None):
        fail("end_date" if end is not None else "is_ongoing", "end_date is empty exactly when the war is ongoing")
    if end is not None and end < start:
        fail("end_date", "start_date <= end_date")
    first, last = name_years(r["war_name"])
    if first is not None and first != start.year:
        fail("war_name", "the first year in the war's name is the start year", f"start_date is {start}")
    if last is not None and end is not None and last != end.year:
        fail("war_name", "the last year in the war's name is the end year", f"end_date is {end}")
    implied = {"accept": True, "reject": False, "none": False}.get(r["response_type"])  # unknown: either
    if implied is not None and implied != (days is not None):
        fail("days_to_talks", "an accepted proposal has talks; a refused or absent one has none",
             f"response_type is {r['response_type']!r}")
    number = r["cow_war_num"]
    if number is None:
        for column in ("states_side_a", "states_side_b"):
            if r[column] is None:
                fail(column, "states per side given when cow_war_num is empty")
        if r["battle_deaths"] is None and not r.get("_deaths_reason"):
            fail("battle_deaths", "battle_deaths given when cow_war_num is empty, or left empty with its reason "
                 f"in the sources file (<extension>{SOURCES_SUFFIX})")
        return
    if number not in cow.index:
        fail("cow_war_num", "cow_war_num exists in COW v4.0")
    if number in set(paper["cow_war_num"]):
        war = paper.loc[paper["cow_war_num"] == number, "war_id"].iloc[0]
        fail("cow_war_num", "one row per COW war across the paper's wars and the extension",
             f"COW war {number} is the paper's {war}")
    for column in ("battle_deaths", "states_side_a", "states_side_b"):
        if r[column] is not None:
            fail(column, "empty when cow_war_num is given", "COW's count is used for a COW war")
    c = cow.loc[number]
    for column, cow_column in (("start_date", "cow_start_date"), ("end_date", "cow_end_date")):
        if r[column] is not None and abs((r[column] - c[cow_column]).days) > COW_DATE_TOLERANCE_DAYS:
            fail(column, f"within {COW_DATE_TOLERANCE_DAYS} days of COW's date for war {number}",
                 f"COW v4.0 gives {c[cow_column]} ({c['cow_war_name']})")


def read_sources(path: Path, raw: dict[str, dict]) -> dict[str, dict[str, list[dict]]]:
    """The sources file of an extension, checked against the extension's raw cells (`raw`: war_id -> column ->
    text): every coded cell of every war has a source row whose value is the cell, with citation, quote, coder
    and an ISO date; every empty coded cell has a row with the reason. Returns war_id -> column -> rows."""
    out: dict[str, dict[str, list[dict]]] = {}
    for r in csv_records(path, SOURCE_COLUMNS, "sources columns"):
        line = r["line"]

        def fail(column, rule, detail=""):
            raise DataError(path, rule, detail, line=line, column=column, value=r[column])

        if r["war_id"] not in raw:
            fail("war_id", "war_id is a war of the extension file")
        if r["column"] not in CODED:
            fail("column", f"column one of the coded columns {CODED}")
        cell = raw[r["war_id"]][r["column"]]
        if r["value"] != cell:
            fail("value", "value is the extension's cell as written", f"the extension has {cell!r}")
        need = ["citation", "quote", "coder", "coded_on"] if cell else ["reason", "coder", "coded_on"]
        for column in need:
            if not r[column]:
                fail(column, f"{column} given for a {'coded' if cell else 'empty'} cell")
        if not ISO.fullmatch(r["coded_on"]):
            fail("coded_on", "ISO date YYYY-MM-DD")
        out.setdefault(r["war_id"], {}).setdefault(r["column"], []).append(r)
    for war_id, cells in raw.items():
        for column in CODED:
            if column not in out.get(war_id, {}):
                raise DataError(path, "every coded cell of the extension has a source row (or its reason, if empty)",
                                f"war {war_id}", column=column, value=cells[column])
    return out


def read_extension(path: Path, cow_wars: pd.DataFrame, paper: pd.DataFrame,
                   observed_on: dt.date = OBSERVED_ON) -> pd.DataFrame:
    """Parse and check the rows of an extension file; errors name file, line, column, value and rule."""
    if not path.exists():
        raise DataError(path, "extension file exists", f"copy {EXAMPLE.relative_to(paths.ROOT)} to start one")
    rows = list(csv.reader(io.StringIO(decode(path, path.read_bytes()))))
    if rows and [c.strip() for c in rows[0]] == COLUMNS:
        rows[0] = COLUMNS
    if not rows or rows[0] != COLUMNS:
        raise DataError(path, "extension columns", f"expected {COLUMNS}, got {rows[0] if rows else 'an empty file'}",
                        line=1)
    if len(rows) == 1:
        raise DataError(path, "at least one added war", "the file has a header only")
    cow = cow_wars.set_index("cow_war_num")
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS):
            raise DataError(path, f"{len(COLUMNS)} fields per line", f"found {len(row)}", line=line)
    sources_path = path.with_name(path.stem + SOURCES_SUFFIX)
    sources = read_sources(sources_path, {row[0].strip(): dict(zip(COLUMNS, (v.strip() for v in row)))
                                          for row in rows[1:]}) if sources_path.exists() else {}
    records, seen = [], {}
    for line, row in enumerate(rows[1:], start=2):
        r = {c: _parse(path, line, c, v, KINDS.get(c, "text")) for c, v in zip(COLUMNS, row)}
        r["line"] = line
        r["_deaths_reason"] = any(s["reason"] for s in sources.get(r["war_id"], {}).get("battle_deaths", []))
        for column, taken in (("war_id", set(paper["war_id"])), ("war_name", set(paper["war_name"]))):
            if r[column] in taken or r[column] in seen.get(column, {}):
                raise DataError(path, f"{column} unique across the paper's wars and the extension", line=line,
                                column=column, value=r[column])
            seen.setdefault(column, {})[r[column]] = line
        if r["cow_war_num"] is not None and r["cow_war_num"] in seen.get("cow_war_num", {}):
            raise DataError(path, "one row per COW war across the paper's wars and the extension",
                            f"also on line {seen['cow_war_num'][r['cow_war_num']]}", line=line,
                            column="cow_war_num", value=r["cow_war_num"])
        seen.setdefault("cow_war_num", {})[r["cow_war_num"]] = line
        _check_row(path, r, cow, paper, observed_on)
        records.append(r)
    return pd.DataFrame(records)


def extended_rows(ext: pd.DataFrame, cow_wars: pd.DataFrame) -> pd.DataFrame:
    """Extension rows in the columns of wars_extended.csv (derived columns computed as for the paper's wars).
    COW columns hold COW's values only; a user's own counts go to battle_deaths and states_side_a/b."""
    cow = cow_wars.set_index("cow_war_num")
    out = []
    for r in ext.itertuples():
        c = cow.loc[r.cow_war_num] if r.cow_war_num is not None and not pd.isna(r.cow_war_num) else None
        start, end, days = r.start_date, r.end_date, r.days_to_talks
        days = None if days is None or pd.isna(days) else int(days)
        end = None if end is None or pd.isna(end) else end
        out.append({
            "war_id": r.war_id, "war_name": r.war_name,
            "cow_war_num": None if c is None else int(r.cow_war_num),
            "start_date": start, "end_date": end, "is_ongoing": r.is_ongoing, "proposer": r.proposer,
            "response": r.response, "response_type": r.response_type, "response_date": None,
            **dict.fromkeys(CODE_COLUMNS),  # the extension format has no country-code columns yet
            "has_talks": days is not None, "days_to_talks": days,
            "talks_date": start + dt.timedelta(days=days) if days is not None else None,
            "duration_days": (end - start).days if end else None,
            "cow_war_name": None if c is None else c["cow_war_name"],
            "cow_start_date": None if c is None else c["cow_start_date"],
            "cow_end_date": None if c is None else c["cow_end_date"],
            "start_gap_days": None if c is None else (start - c["cow_start_date"]).days,
            "end_gap_days": None if c is None or end is None else (end - c["cow_end_date"]).days,
            "cow_battle_deaths": None if c is None else int(c["cow_battle_deaths"]),
            "cow_battle_deaths_complete": None if c is None else bool(c["cow_battle_deaths_complete"]),
            "cow_states_side_a": None if c is None else int(c["cow_states_side_a"]),
            "cow_states_side_b": None if c is None else int(c["cow_states_side_b"]),
            "cow_initiators": None if c is None else c["cow_initiators"],
            "ledger_repairs": None, "raw_lines": f"extension line {r.line}",
            "sample": "extension",
            "battle_deaths": int(c["cow_battle_deaths"]) if c is not None else (
                None if r.battle_deaths is None or pd.isna(r.battle_deaths) else int(r.battle_deaths)),
            "states_side_a": int(c["cow_states_side_a"]) if c is not None else int(r.states_side_a),
            "states_side_b": int(c["cow_states_side_b"]) if c is not None else int(r.states_side_b),
            "counts_source": "COW v4.0" if c is not None else "extension file",
            "source_citation": r.source_citation, "coder": r.coder, "coded_on": r.coded_on,
        })
    return pd.DataFrame(out)


def paper_rows(paper: pd.DataFrame) -> pd.DataFrame:
    return paper.assign(sample="paper", battle_deaths=paper["cow_battle_deaths"],
                        states_side_a=paper["cow_states_side_a"], states_side_b=paper["cow_states_side_b"],
                        counts_source="COW v4.0", source_citation="Mastro and Siegel, Appendix 1 (this archive)",
                        coder="", coded_on="")


def build_extended(paper: pd.DataFrame, extension: Path | None = None, root: Path = paths.ROOT, log=print,
                   observed_on: dt.date = OBSERVED_ON) -> dict:
    """The extended sample: the paper's wars (`paper`, as in wars.csv) and the extension file's, checked row
    by row and then by the same great-expectations suite as a whole; returns the files to write under `root`."""
    path = Path(extension) if extension else DEFAULT
    cow_wars = summarise_wars(read_cow_participants(paths.RAW_COW_WARS), paths.RAW_COW_WARS)
    ext = read_extension(path, cow_wars, paper, observed_on)
    added = typed(extended_rows(ext, cow_wars), WARS_EXTENDED)
    combined = pd.concat([typed(paper_rows(paper), WARS_EXTENDED), added], ignore_index=True)
    failures = run_suite(combined, WARS_EXTENDED, extension_rules(observed_on), name="extension_suite")
    if failures:
        lines = dict(zip(ext["war_id"], ext["line"]))
        raise ValidationFailed([f"{path.name}:{lines.get(f.split(':')[0].removeprefix('war '), '?')}: {f}"
                                for f in failures])
    log(f"extension: {len(added)} war(s) added from {path.name}; {len(combined)} wars in the extended sample")
    return {root / WARS_EXTENDED.path: csv_text(combined, WARS_EXTENDED).encode(),
            root / WARS_EXTENDED.path.replace(".csv", ".dta"): stata_bytes(
                combined, WARS_EXTENDED, "Talking to the Enemy: the paper's wars and an extension")}
