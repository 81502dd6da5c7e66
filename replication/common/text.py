"""Reading a user's or a producer's text file: strict UTF-8, with the harmless variants removed."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError


def yaml_load(text: str):
    """yaml.safe_load through libyaml, PyYAML's C parser (in every PyYAML wheel): the same objects, several
    times faster. Errors are yaml.YAMLError with the same marks (line and column)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def yaml_compose(text: str):
    """yaml.compose (the node tree, with line numbers) through libyaml, as yaml_load."""
    import yaml

    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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


def csv_records(path: Path, columns: list[str], what: str = "columns") -> list[dict]:
    """A hand-coded CSV as records: the header must be `columns`; every line has as many fields; cells are
    stripped, and none may start like a spreadsheet formula. Each record carries its file line ('line')."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(decode(path, path.read_bytes()))))
    if not rows or [c.strip() for c in rows[0]] != columns:
        raise DataError(path, what, f"expected {columns}, got {rows[0] if rows else 'an empty file'}", line=1)
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            raise DataError(path, f"{len(columns)} fields per line", f"found {len(row)}", line=line)
        r = dict(zip(columns, (v.strip() for v in row)))
        for column, value in r.items():
            refuse_formula(path, value, line, column)
        r["line"] = line
        out.append(r)
    return out
