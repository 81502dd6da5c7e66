"""The checks that show the table's shift: the straight-across reading against the ledger's reading."""

from __future__ import annotations

import re

import pandas as pd

from ..sources.appendix_table import COLUMNS, RawTable
from ..sources.dates import DateFormatError, parse_table_date

NAME_YEARS = re.compile(r"(\d{4})(?:-(\d{2,4}))?\s*$")


def name_years(name: str) -> tuple[int | None, int | None]:
    """Years in a war's name: 'X of 1977-78' -> (1977, 1978); 'X 1962' -> (1962, 1962); none -> (None, None)."""
    m = NAME_YEARS.search(name or "")
    if not m:
        return None, None
    first = int(m.group(1))
    last = m.group(2)
    if last is None:
        return first, first
    return first, int(last) if len(last) == 4 else first // 100 * 100 + int(last)


def _date(value):
    try:
        return parse_table_date(value)
    except DateFormatError:
        return None


CHECKS = {
    "start_year_matches_name": "the start year equals the first year in the war's name",
    "end_year_matches_name": "the end year equals the last year in the war's name",
    "end_not_before_start": "the end date is not before the start date",
    "talks_within_war": "start + days before talks is not after the end date",
    "start_within_tolerance_of_cow": "the start date is within the tolerance of the named war's COW start",
}


def evaluate(rows: list[dict], cow_start_by_name: dict, tolerance_days: int) -> dict[str, tuple[int, int]]:
    """check -> (rows passing, rows checked). A row is checked when the check can be computed."""
    tally = {c: [0, 0] for c in CHECKS}
    for r in rows:
        first, last = name_years(r["conflict_name"])
        start, end = _date(r["conflict_start"]), _date(r["conflict_end"])
        days = int(r["days_before_talks"]) if r["days_before_talks"].isascii() and r["days_before_talks"].isdigit() else None
        outcomes = {
            "start_year_matches_name": None if not (first and start) else start.year == first,
            "end_year_matches_name": None if not (last and end) else end.year == last,
            "end_not_before_start": None if not (start and end) else end >= start,
            "talks_within_war": None if not (start and end and days is not None)
            else (end - start).days >= days,
            "start_within_tolerance_of_cow": None if not (start and r["conflict_name"] in cow_start_by_name)
            else abs((start - cow_start_by_name[r["conflict_name"]]).days) <= tolerance_days,
        }
        for check, ok in outcomes.items():
            if ok is not None:
                tally[check][1] += 1
                tally[check][0] += int(ok)
    return {c: tuple(v) for c, v in tally.items()}


def alignment_table(raw: RawTable, aligned: list[dict], cow_start_by_name: dict, tolerance_days: int) -> pd.DataFrame:
    straight = [{c: raw.columns[c][i].value for c in COLUMNS} for i in range(raw.n_lines)]
    repaired = [{c: cell.value for c, cell in row.items()} for row in aligned]
    before = evaluate(straight, cow_start_by_name, tolerance_days)
    after = evaluate(repaired, cow_start_by_name, tolerance_days)
    return pd.DataFrame([
        {"check": c, "rule": CHECKS[c],
         "straight_across_passing": before[c][0], "straight_across_checked": before[c][1],
         "ledger_passing": after[c][0], "ledger_checked": after[c][1]}
        for c in CHECKS
    ])
