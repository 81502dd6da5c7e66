"""Parsers for the two date formats the paper prints: '1954 Sept 3' (table) and 'June 7, 1977' (prose)."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
TABLE_DATE = re.compile(r"^(\d{4}) ([A-Za-z]+)\.? (\d{1,2})$", re.ASCII)
PROSE_DATE = re.compile(r"\b([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})\b", re.ASCII)


class DateFormatError(ValueError):
    """A date string that is not a valid date in the expected format; the message says which rule."""

    def __init__(self, rule: str, detail: str):
        self.rule = rule
        super().__init__(detail)


def _make(year: int, month_name: str, day: int) -> dt.date:
    month = MONTHS.get(month_name.lower())
    if month is None:
        raise DateFormatError("known month name", f"unknown month name {month_name!r}")
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateFormatError("valid calendar date", str(exc)) from None


def parse_table_date(text: str) -> dt.date:
    """'1954 Sept 3' -> date(1954, 9, 3). Four-digit years only."""
    m = TABLE_DATE.match(text)
    if not m:
        raise DateFormatError("date as 'YYYY Mon D'", f"{text!r} is not 'YYYY Mon D' with a four-digit year")
    return _make(int(m.group(1)), m.group(2), int(m.group(3)))


def find_prose_date(text: str) -> dt.date | None:
    """The one 'Month D, YYYY' date inside free text, or None; two dates are an error."""
    found = [m for m in PROSE_DATE.finditer(text) if m.group(1).lower() in MONTHS]
    if len(found) > 1:
        raise DateFormatError("at most one date in a response", f"{len(found)} dates in {text!r}")
    if not found:
        return None
    m = found[0]
    return _make(int(m.group(3)), m.group(1), int(m.group(2)))
