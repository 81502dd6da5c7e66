"""The great-expectations suite of any table: the expectations that follow from its schema, plus the
cross-field rules a stage declares for it (`Rules`).

Every failure is reported as one line naming the row, the column(s), the value and the rule.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from . import offload
from .errors import ValidationFailed
from .tables import Table


@dataclass(frozen=True)
class Rules:
    """Cross-field rules of a table beyond its schema: `expectations(gx)` builds them, on helper
    columns that `helpers(df)` computes (name -> values, in order); `sources` names the real columns
    behind each helper, for the failure messages. Picklable, so a suite can run in another process."""

    expectations: Callable
    helpers: Callable | None = None
    sources: dict = field(default_factory=dict)


def _gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx

    return gx


@functools.cache
def _batch_definition():
    """One ephemeral context and in-memory data asset, reused by every suite of the process."""
    gx = _gx()
    context = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # pragma: no cover - progress bars are cosmetic
        pass
    return context.data_sources.add_pandas("tables").add_dataframe_asset("frame").add_batch_definition_whole_dataframe(
        "all")


def schema_expectations(table: Table, gx, helpers: list[str]) -> list:
    """Expectations that follow from each field's definition (helper columns come last). The columns
    themselves are the schema's by construction: validation_frame refuses a table whose columns differ,
    so an expectation on them could never fail (it cost 5 ms a suite)."""
    E, out = gx.expectations, []
    key = list(table.primary_key)
    if len(key) > 1:
        out.append(E.ExpectCompoundColumnsToBeUnique(column_list=key, meta={"rule": f"primary key {key} unique"}))
    if MISSING_REQUIRED in helpers:  # one expectation for all required columns (one per column costs 5 ms each)
        out.append(E.ExpectColumnValuesToBeNull(column=MISSING_REQUIRED, meta={"rule": "required"}))
    if SCHEMA_VIOLATIONS in helpers:  # every enum, pattern, boolean and range rule in one expectation
        out.append(E.ExpectColumnValuesToBeNull(column=SCHEMA_VIOLATIONS, meta={"rule": "field rules"}))
    for f in table.fields:
        if f.unique:
            out.append(E.ExpectColumnValuesToBeUnique(column=f.name, meta={"rule": "unique"}))
    return out


# Helper column: the required columns that are empty in the row (None when there are none).
MISSING_REQUIRED = "_missing_required"
# Helper column: the field rules (allowed values, pattern, boolean, range) the row breaks, as
# "column\trule" entries joined by "\n" (None when it breaks none). One expectation per table instead of one
# per rule and column: each costs about 5 ms in great-expectations, and there are a few hundred.
SCHEMA_VIOLATIONS = "_schema_violations"


def field_rules(f) -> list[tuple[str, object]]:
    """(rule text, test of the non-missing values) for each rule a field declares."""
    rules = []
    if f.enum:
        rules.append((f"one of {list(f.enum)}", lambda col, allowed=list(f.enum): col.isin(allowed)))
    if f.pattern:
        rules.append((f"matches {f.pattern}", lambda col, pat=f.pattern: col.astype(str).str.match(pat)))
    if f.type == "boolean":
        rules.append(("true or false", lambda col: col.map(type) == bool))
    if f.minimum is not None or f.maximum is not None:
        text = f"at least {f.minimum}" if f.maximum is None else f"between {f.minimum} and {f.maximum}"

        def within(col, lo=f.minimum, hi=f.maximum):
            num = pd.to_numeric(col, errors="coerce")
            ok = num.notna()
            if lo is not None:
                ok &= num >= lo
            if hi is not None:
                ok &= num <= hi
            return ok
        rules.append((text, within))
    return rules
def _as_bool(v):
    """A boolean as Python's bool; anything else (a string, a 2) kept, so that the rule 'true or false'
    sees it (bool() would turn 'maybe' into True)."""
    return bool(v) if isinstance(v, (bool, np.bool_)) or (isinstance(v, (int, np.integer)) and v in (0, 1)) else v


def validation_frame(df: pd.DataFrame, table: Table, rules: Rules | None = None) -> pd.DataFrame:
    """The table as it will be written (dates as ISO text, integers as int, missing cells as None), plus
    helpers. Built column by column as object arrays and framed once (a suite runs for every table)."""
    if list(df.columns) != table.columns:
        raise ValidationFailed([f"table {table.name}: rule 'columns as in the schema': "
                                f"expected {table.columns}, got {list(df.columns)}"])
    cols, empty = {}, {}
    for f in table.fields:
        col = df[f.name]
        missing = col.isna().to_numpy()
        if f.type == "date":
            values = pd.to_datetime(col).dt.strftime("%Y-%m-%d").to_numpy(object)
        elif f.type in ("integer", "boolean"):
            convert = _as_bool if f.type == "boolean" else int
            values = np.empty(len(col), object)
            values[:] = [None if m else convert(v) for v, m in zip(col.to_numpy(object), missing)]
        else:
            values = col.to_numpy(object).copy()
        values[missing] = None
        cols[f.name], empty[f.name] = values, missing
    n = len(df)
    required = [f.name for f in table.fields if f.required]
    helpers = {}
    if required:
        missing = np.full(n, None, object)
        for i in np.logical_or.reduce([empty[c] for c in required]).nonzero()[0]:  # rows with an empty cell
            missing[i] = ", ".join(c for c in required if empty[c][i])
        helpers[MISSING_REQUIRED] = missing
    broken: list = [None] * n
    for f in table.fields:
        tests = field_rules(f)
        present = ~empty[f.name]
        if not tests or not present.any():
            continue
        col = pd.Series(cols[f.name][present])
        rows = present.nonzero()[0]
        for text, test in tests:
            for i in rows[~test(col).to_numpy(bool)]:  # only rows that break a rule
                entry = f"{f.name}\t{text}"
                broken[i] = entry if broken[i] is None else broken[i] + "\n" + entry
    helpers[SCHEMA_VIOLATIONS] = np.empty(n, object)
    helpers[SCHEMA_VIOLATIONS][:] = broken
    if rules is not None and rules.helpers is not None:
        for name, values in rules.helpers(df).items():
            values = pd.Series(values, index=df.index).astype(object)
            helpers[name] = values.where(values.notna(), None).to_numpy(object)
    return pd.DataFrame(cols | helpers, index=df.index, dtype=object)


def run_suite(df: pd.DataFrame, table: Table, rules: Rules | None = None, name: str | None = None) -> list[str]:
    """Validate against the schema's expectations plus the table's `rules`; return one line per
    failing value (empty when the suite passes)."""
    gx = _gx()
    frame = validation_frame(df, table, rules)
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
    # Given to the constructor: add_expectation compares each new expectation with all earlier ones.
    suite = gx.ExpectationSuite(name=name or f"{table.name}_suite", expectations=schema_expectations(
        table, gx, list(frame.columns[len(table.columns):])) + (rules.expectations(gx) if rules else []))
    key = table.primary_key[0]
    # A cheap pass first; only a failing suite is rerun to collect the failing rows.
    if batch.validate(suite, result_format="BOOLEAN_ONLY").success:
        return []
    result = batch.validate(suite, result_format={"result_format": "COMPLETE",
                                                  "unexpected_index_column_names": [key]})
    return describe_failures(result, key, frame, rules.sources if rules else {})


def describe_failures(result, key: str, frame: pd.DataFrame, sources: dict) -> list[str]:
    lines = []
    for res in result.results:
        if res.success:
            continue
        config = res.expectation_config
        rule = (config.meta or {}).get("rule", config.type)
        columns = []
        for k in ("column", "column_A", "column_B"):
            for c in sources.get(config.kwargs.get(k), [config.kwargs.get(k)]):
                if c is not None and c not in columns:
                    columns.append(c)
        if res.exception_info and res.exception_info.get("raised_exception"):
            lines.append(f"rule '{rule}': could not be evaluated: {res.exception_info.get('exception_message')}")
            continue
        indexed = res.result.get("unexpected_index_list")
        if not indexed:
            lines.append(f"table: rule '{rule}': observed {res.result.get('observed_value')!r}")
            continue
        rows = frame.set_index(key)
        for item in indexed:
            row = rows.loc[item.get(key)]
            row = pd.concat([row, pd.Series({key: item.get(key)})])  # the key column too (set_index dropped it)
            if columns == [SCHEMA_VIOLATIONS]:  # one line per broken rule, as a per-rule expectation gives
                for entry in row[SCHEMA_VIOLATIONS].split("\n"):
                    column, text = entry.split("\t")
                    lines.append(f"war {item.get(key)}: {column}={row[column]!r}: rule '{text}'")
                continue
            cols = row[MISSING_REQUIRED].split(", ") if columns == [MISSING_REQUIRED] else columns
            values = ", ".join(f"{c}={row[c]!r}" for c in cols)
            lines.append(f"war {item.get(key)}: {values}: rule '{rule}'")
    return sorted(lines)


def check(df: pd.DataFrame, table: Table, rules: Rules | None = None) -> None:
    """Validate now, raising ValidationFailed; or, when the pipeline has installed a helper process
    (`offload.current`), hand the suite to it (its failures stop the run before anything is written)."""
    if offload.current is not None:
        offload.current.validate(df, table, rules)
        return
    failures = run_suite(df, table, rules)
    if failures:
        raise ValidationFailed(failures)


def validated_csv(df: pd.DataFrame, table: Table, rules: Rules | None = None) -> bytes:
    """The table's columns, validated against its schema, as the bytes of its CSV file."""
    from .formats import csv_text

    df = df[table.columns]
    check(df, table, rules)
    return csv_text(df, table).encode()
