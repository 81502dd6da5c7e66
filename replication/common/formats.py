"""Output formats: schema-formatted CSV and Stata files, the reader for them, and schema dtypes in memory.
(Writing files to disk is the pipeline's job: pipeline/atomic.py.)"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd

from .steps import DATA_VERSION_DATE
from .tables import Table

STATA_TIMESTAMP = dt.datetime.combine(DATA_VERSION_DATE, dt.time())  # fixed: reruns give byte-identical .dta


NUMBER_FORMAT = ".12g"  # a number as the CSV files write it: 12 significant digits


def as_written(x: float) -> float:
    """`x` as a CSV file holds it (NUMBER_FORMAT), for a value derived from written numbers."""
    return float(format(float(x), NUMBER_FORMAT))


def csv_text(df: pd.DataFrame, table: Table) -> str:
    """UTF-8 CSV: ISO dates, booleans as 1/0 (numeric in R, Stata and pandas alike), whole numbers,
    12 significant digits, empty cells for missing values."""
    out = {}  # column -> its cells as text; framed once
    for f in table.fields:
        col = df[f.name]
        if f.type == "date":
            out[f.name] = ["" if pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in col]
        elif f.type == "boolean":
            out[f.name] = ["" if pd.isna(v) else ("1" if v else "0") for v in col]
        elif f.type == "integer":
            out[f.name] = ["" if pd.isna(v) else str(int(v)) for v in col]
        elif f.type == "number":
            out[f.name] = ["" if pd.isna(v) else format(float(v), NUMBER_FORMAT) for v in col]
        else:
            out[f.name] = ["" if v is None or pd.isna(v) else str(v) for v in col]
    return pd.DataFrame(out, index=df.index, columns=table.columns, dtype=object).to_csv(index=False, lineterminator="\n")


_READ: dict = {}  # (path, table, size, mtime, inode) -> frame: the codebook and the report read every table


def read_typed(path: Path, table: Table) -> pd.DataFrame:
    """Read a file `csv_text` wrote: numbers numeric, 1/0 booleans as booleans, ISO dates as datetimes.
    Columns not in the schema stay text. A file read before and unchanged since is not parsed again."""
    st = Path(path).stat()
    key = (str(path), table.name, st.st_size, st.st_mtime_ns, st.st_ino)
    if key not in _READ:
        _READ[key] = _parse_typed(path, table)
    return _READ[key].copy()


def _parse_typed(path: Path, table: Table) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for f in table.fields:
        if f.name not in df:
            continue
        if f.type in ("integer", "number"):
            df[f.name] = pd.to_numeric(df[f.name])
        elif f.type == "date":
            df[f.name] = pd.to_datetime(df[f.name])
        elif f.type == "boolean":
            col = df[f.name].map({"1": True, "0": False})
            df[f.name] = col.astype(bool) if col.notna().all() else col.astype("boolean")
    return df


BOOLEAN_LABELS = {0: "no", 1: "yes"}


def stata_bytes(df: pd.DataFrame, table: Table, label: str) -> bytes:
    """Stata 118 .dta: dates as %td, booleans as 0/1 labelled no/yes, categories (a field's allowed
    values) as 1, 2, ... labelled with their values, missing numbers as Stata missing, variable labels
    from the schema."""
    out = pd.DataFrame(index=df.index)
    value_labels = {}
    for f in table.fields:
        col = df[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(col)
        elif f.type == "boolean":
            out[f.name] = pd.array([None if pd.isna(v) else int(bool(v)) for v in col], dtype="Int8")
            value_labels[f.name] = BOOLEAN_LABELS
        elif f.enum and f.type == "string":
            code = {v: i for i, v in enumerate(f.enum, start=1)}
            out[f.name] = pd.array([None if v is None or pd.isna(v) else code[v] for v in col], dtype="Int8")
            value_labels[f.name] = {i: v for v, i in code.items()}
        elif f.type == "integer":
            out[f.name] = col.astype("float64") if col.isna().any() else col.astype("int32")
        else:
            out[f.name] = ["" if v is None or pd.isna(v) else str(v) for v in col]
    dates = {f.name: "td" for f in table.fields if f.type == "date"}
    labels = {f.name: f.description[:80] for f in table.fields}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.dta"
        out.to_stata(path, write_index=False, convert_dates=dates, variable_labels=labels, version=118,
                     data_label=label[:80], time_stamp=STATA_TIMESTAMP, value_labels=value_labels)
        return path.read_bytes()


def typed(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Schema dtypes: nullable integers and booleans, dates as datetime64, strings as object."""
    df = df.copy()
    for f in table.fields:
        if f.type == "integer":
            df[f.name] = pd.array([None if pd.isna(v) else int(v) for v in df[f.name]], dtype="Int64")
        elif f.type == "boolean":
            df[f.name] = df[f.name].astype("boolean")
        elif f.type == "date":
            df[f.name] = pd.to_datetime(df[f.name])
        else:
            df[f.name] = df[f.name].astype(object).where(df[f.name].notna(), None)
    return df
