"""Writing outputs: schema-formatted CSV and Stata files, atomically, one run at a time."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .schema import Table

STATA_TIMESTAMP = dt.datetime(2026, 11, 24)  # fixed, so that reruns give byte-identical .dta files


def csv_text(df: pd.DataFrame, table: Table) -> str:
    """UTF-8 CSV: ISO dates, true/false, whole numbers, 12 significant digits, empty cells for missing values."""
    out = pd.DataFrame(index=df.index)
    for f in table.fields:
        col = df[f.name]
        if f.type == "date":
            out[f.name] = ["" if pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in col]
        elif f.type == "boolean":
            out[f.name] = ["" if pd.isna(v) else ("true" if v else "false") for v in col]
        elif f.type == "integer":
            out[f.name] = ["" if pd.isna(v) else str(int(v)) for v in col]
        elif f.type == "number":
            out[f.name] = ["" if pd.isna(v) else format(float(v), ".12g") for v in col]
        else:
            out[f.name] = ["" if v is None or pd.isna(v) else str(v) for v in col]
    return out.to_csv(index=False, lineterminator="\n")


def read_typed(path: Path, table: Table) -> pd.DataFrame:
    """Read a file `csv_text` wrote: numbers numeric, true/false as booleans, ISO dates as datetimes.
    Columns not in the schema stay text."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for f in table.fields:
        if f.name not in df:
            continue
        if f.type in ("integer", "number"):
            df[f.name] = pd.to_numeric(df[f.name])
        elif f.type == "date":
            df[f.name] = pd.to_datetime(df[f.name])
        elif f.type == "boolean":
            col = df[f.name].map({"true": True, "false": False})
            df[f.name] = col.astype(bool) if col.notna().all() else col.astype("boolean")
    return df


def stata_bytes(df: pd.DataFrame, table: Table, label: str) -> bytes:
    """Stata 118 .dta: dates as %td, booleans as 0/1, missing numbers as Stata missing, labels from the schema."""
    out = pd.DataFrame(index=df.index)
    for f in table.fields:
        col = df[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(col)
        elif f.type == "boolean":
            out[f.name] = col.astype("int8")
        elif f.type == "integer":
            out[f.name] = col.astype("float64") if col.isna().any() else col.astype("int32")
        else:
            out[f.name] = ["" if v is None or pd.isna(v) else str(v) for v in col]
    dates = {f.name: "td" for f in table.fields if f.type == "date"}
    labels = {f.name: f.description[:80] for f in table.fields}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.dta"
        out.to_stata(path, write_index=False, convert_dates=dates, variable_labels=labels, version=118,
                     data_label=label[:80], time_stamp=STATA_TIMESTAMP)
        return path.read_bytes()


JOURNAL = ".replication-journal.json"
STAGING = ".replication-staging"  # temporaries live here (same file system as the outputs), never beside them


def write_atomic(files: dict[Path, bytes], journal_dir: Path | None = None) -> None:
    """Write a set of files so that a reader sees either all old or all new versions.

    Every file is first written in full to a temporary file in a staging folder; then a journal listing the moves is
    written (atomically); then the moves are made and the journal removed. A run killed before the
    journal exists leaves the old files (and stray temporaries, removed by `recover`); one killed
    after it is completed by `recover` at the start of the next run."""
    if not files:
        return
    journal_dir = journal_dir or _common_dir(files)
    staging = journal_dir / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=staging, prefix=f"{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            staged.append((tmp, str(path)))
        journal = journal_dir / JOURNAL
        fd, tmp_journal = tempfile.mkstemp(dir=staging, prefix="journal.", suffix=".tmp")
        with os.fdopen(fd, "w") as fh:
            json.dump(staged, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_journal, journal)  # the commit point
        _apply(journal)
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        with contextlib.suppress(OSError):
            staging.rmdir()


def _common_dir(files) -> Path:
    return Path(os.path.commonpath([str(p.parent) for p in files]))


def _apply(journal: Path) -> None:
    for tmp, dest in json.loads(journal.read_text()):
        if os.path.exists(tmp):
            os.replace(tmp, dest)
    journal.unlink()


def recover(root: Path) -> list[str]:
    """Finish a committed write that a killed run left half done; delete uncommitted temporaries."""
    done = []
    places = [root] + ([p for p in (root / "data/processed").rglob("*") if p.is_dir()] + [root / "data/processed"]
                       if (root / "data/processed").exists() else [])
    for place in places:
        journal = place / JOURNAL
        if journal.exists():
            done += [dest for _, dest in json.loads(journal.read_text())]
            _apply(journal)
        if (place / STAGING).exists():
            shutil.rmtree(place / STAGING)
    return done


@contextlib.contextmanager
def run_lock(root: Path):
    """One run at a time per archive: a second run waits for the first instead of interleaving."""
    with open(root / ".replication.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
