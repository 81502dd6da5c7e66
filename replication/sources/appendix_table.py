"""Read the raw Appendix 1 lines into columns of cells, each cell keeping its file line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..common.errors import DataError
from ..common.text import decode

# Header as the paper prints it -> column name used in the code and the ledger.
HEADER = {
    "Conflict Name": "conflict_name",
    "Conflict Start": "conflict_start",
    "Proposer": "proposer",
    "Response": "response",
    "Days Before Talks": "days_before_talks",
    "Conflict End": "conflict_end",
}
COLUMNS = tuple(HEADER.values())


class Cell(NamedTuple):
    value: str
    line: int | None  # line of the raw file; None for a cell the ledger supplied
    repair: str | None = None  # id of the ledger repair that supplied or moved the cell


@dataclass
class RawTable:
    path: Path
    columns: dict[str, list[Cell]]  # column -> cells, top to bottom, blanks kept

    @property
    def n_lines(self) -> int:
        return len(next(iter(self.columns.values())))


def read_appendix_table(path: Path, data: bytes | None = None) -> RawTable:
    """Parse the tab-separated lines. Every data line must have exactly six fields."""
    text = decode(path, path.read_bytes() if data is None else data)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise DataError(path, "non-empty file", "the file has no lines")
    header = [h.strip() for h in lines[0].split("\t")]
    if header != list(HEADER):
        raise DataError(path, "header as printed in the paper", f"expected {list(HEADER)}, got {header}", line=1)
    if len(lines) == 1:
        raise DataError(path, "at least one data line", "the file has a header only")
    columns: dict[str, list[Cell]] = {c: [] for c in COLUMNS}
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise DataError(path, "six tab-separated fields per line",
                            f"found {len(fields)} field(s)", line=number, value=line)
        for column, value in zip(COLUMNS, fields):
            columns[column].append(Cell(value.strip(), number))
    return RawTable(path, columns)
