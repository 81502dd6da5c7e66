"""Apply the corrections ledger to the raw Appendix 1 columns, generically.

Each repair names its action, the columns it acts on, a line of the raw file, and what it
expects to find there; a repair whose expectation fails stops the build. No war is named here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..common.errors import DataError
from ..common.text import refuse_formula, yaml_compose, yaml_load
from .appendix_table import COLUMNS, Cell, RawTable

ACTIONS = {
    "insert": {"id", "action", "columns", "before_line", "values", "expect_above", "reason", "evidence"},
    "drop": {"id", "action", "columns", "line", "expect", "reason", "evidence"},
    "override": {"id", "action", "columns", "line", "expect", "values", "reason", "evidence"},
}


@dataclass(frozen=True)
class Repair:
    id: str
    action: str
    columns: tuple[str, ...]
    line: int  # the raw line acted on (for insert: the line the new cell goes above)
    expect: tuple[str, ...]  # drop/override: cells at `line`; insert: cells just above the insertion
    values: tuple[str, ...]
    reason: str
    evidence: str
    ledger_line: int


def load_ledger(path: Path, text: str | None = None) -> list[Repair]:
    text = path.read_text(encoding="utf-8") if text is None else text
    try:
        doc = yaml_load(text)
        node = yaml_compose(text)
    except yaml.YAMLError as exc:
        raise DataError(path, "valid YAML", str(exc)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("repairs"), list):
        raise DataError(path, "a mapping with a 'repairs' list", "top level must hold 'repairs:'")
    entry_lines = next(v.value for k, v in node.value if k.value == "repairs")
    repairs, seen = [], set()
    for entry, entry_node in zip(doc["repairs"], entry_lines):
        line = entry_node.start_mark.line + 1
        repairs.append(_parse_repair(path, entry, line, seen))
    return repairs


def _parse_repair(path: Path, entry, line: int, seen: set) -> Repair:
    def fail(rule, detail, column=None, value=None):
        raise DataError(path, rule, detail, line=line, column=column, value=value)

    if not isinstance(entry, dict):
        fail("each repair is a mapping", f"got {type(entry).__name__}")
    action = entry.get("action")
    if action not in ACTIONS:
        fail("known ledger action", f"action must be one of {sorted(ACTIONS)}", column="action", value=action)
    keys = set(entry)
    if missing := ACTIONS[action] - keys:
        fail("required ledger key", f"{action} needs {sorted(missing)}")
    if extra := keys - ACTIONS[action]:
        fail("no unknown ledger key", f"unexpected {sorted(extra)}")
    if entry["id"] in seen:
        fail("unique repair id", "duplicate id", column="id", value=entry["id"])
    seen.add(entry["id"])
    columns = tuple(entry["columns"] or ())
    if not columns or any(c not in COLUMNS for c in columns):
        fail("columns of the Appendix 1 table", f"columns must be a non-empty subset of {list(COLUMNS)}",
             column="columns", value=list(columns))
    expect = tuple(str(v) for v in entry.get("expect", entry.get("expect_above")) or ())
    values = tuple(str(v) for v in entry.get("values") or ())
    if len(expect) != len(columns) or (action != "drop" and len(values) != len(columns)):
        fail("one expected value and one new value per column", f"{len(columns)} column(s), "
             f"{len(expect)} expected value(s), {len(values)} new value(s)")
    target = entry.get("line", entry.get("before_line"))
    if not isinstance(target, int) or target < 2:
        fail("a data line of the raw table (>= 2)", "line must be an integer", column="line", value=target)
    for key in ("reason", "evidence"):
        if not str(entry[key]).strip():
            fail("every repair has a reason and evidence", f"{key} is empty", column=key)
    for value in values:  # a supplied cell reaches wars.csv: no spreadsheet formula
        refuse_formula(path, value, line, "values")
    return Repair(entry["id"], action, columns, target, expect, values, str(entry["reason"]).strip(),
                  str(entry["evidence"]).strip(), line)


def _index_of(cells: list[Cell], line: int) -> int | None:
    return next((i for i, c in enumerate(cells) if c.line == line), None)


def apply_ledger(table: RawTable, repairs: list[Repair], ledger_path: Path) -> list[dict[str, Cell]]:
    """Apply the repairs in order; return the aligned rows (column -> cell)."""
    columns = {c: list(cells) for c, cells in table.columns.items()}
    shifted_by: dict[tuple[str, int], list[str]] = {}  # (column, raw line) -> repairs that moved the cell

    for r in repairs:
        for column, expected, new in zip(r.columns, r.expect, r.values or r.expect):
            cells = columns[column]
            i = _index_of(cells, r.line)
            if i is None:
                raise DataError(ledger_path, "repair points at an existing cell", f"repair {r.id}: "
                                f"{table.path.name} has no line {r.line} in this column", line=r.ledger_line,
                                column=column, value=r.line)
            if r.action == "insert":
                found = cells[i - 1].value if i > 0 else None
                where = f"line {r.line - 1}"
            else:
                found, where = cells[i].value, f"line {r.line}"
            if found != expected:
                raise DataError(ledger_path, "repair finds the cell it expects", f"repair {r.id} expects "
                                f"{expected!r} at {where} of {table.path.name}, found {found!r}",
                                line=r.ledger_line, column=column, value=found)
            if r.action == "override":
                cells[i] = Cell(new, cells[i].line, r.id)
                continue
            moved = cells[i:] if r.action == "insert" else cells[i + 1:]
            for c in moved:
                if c.line is not None:
                    shifted_by.setdefault((column, c.line), []).append(r.id)
            if r.action == "insert":
                cells.insert(i, Cell(new, None, r.id))
            else:
                del cells[i]

    lengths = {c: len(cells) for c, cells in columns.items()}
    if len(set(lengths.values())) != 1:
        raise DataError(table.path, "all columns of equal length after the ledger's repairs",
                        "; ".join(f"{c} has {n} cells" for c, n in lengths.items()))
    rows = [dict(zip(COLUMNS, cells)) for cells in zip(*(columns[c] for c in COLUMNS))]
    for row in rows:  # name the repairs that moved a cell (a supplied or overridden cell names its own)
        for column, cell in row.items():
            if ids := shifted_by.get((column, cell.line)):
                row[column] = cell._replace(repair="; ".join(ids + ([cell.repair] if cell.repair else [])))
    return rows
