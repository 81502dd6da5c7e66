"""Reading a user's or a producer's text file: strict UTF-8, with the harmless variants removed."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError


# A cell a spreadsheet would run as a formula (CSV injection), refused in every text cell a user supplies.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_RULE = "no text cell starts with =, +, -, @, a tab or a carriage return"


def refuse_formula(path: Path, value, line=None, column=None) -> None:
    """Raise DataError when `value` (as given, or with spaces stripped) starts like a spreadsheet formula."""
    if isinstance(value, str) and (value.startswith(FORMULA_START) or value.strip().startswith(FORMULA_START)):
        raise DataError(path, FORMULA_RULE, "a spreadsheet would run it as a formula; reword it or drop the sign",
                        line=line, column=column, value=value)


def decode(path: Path, data: bytes) -> str:
    """Strict UTF-8; a byte-order mark and CRLF endings are harmless and removed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(path, "UTF-8 text", f"byte {data[exc.start]:#04x} at offset {exc.start}", line=line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
