"""The great-expectations suite, built from the schema plus the cross-field rules of the data.

Every failure is reported as one line naming the war, the column(s), the value and the rule.
"""

from __future__ import annotations

import functools
import logging
import os
from typing import Callable

import pandas as pd

from .alignment_check import name_years
from .errors import ValidationFailed
from .schema import WARS, Table

# Paper dates may differ from COW's by at most this many days. Consecutive wars of the table start
# months to years apart, so a shifted column breaks this; every non-zero gap is listed in
# discrepancies.csv. The largest gap in the paper's table is 62 days (Arab-Israeli War end).
COW_DATE_TOLERANCE_DAYS = 90


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
    """Expectations that follow from each field's definition (helper columns come last)."""
    E, out = gx.expectations, []
    out.append(E.ExpectTableColumnsToMatchOrderedList(column_list=table.columns + helpers,
                                                      meta={"rule": "columns as in the schema"}))
    key = list(table.primary_key)
    if len(key) > 1:
        out.append(E.ExpectCompoundColumnsToBeUnique(column_list=key, meta={"rule": f"primary key {key} unique"}))
    if MISSING_REQUIRED in helpers:  # one expectation for all required columns (one per column costs 5 ms each)
        out.append(E.ExpectColumnValuesToBeNull(column=MISSING_REQUIRED, meta={"rule": "required"}))
    for f in table.fields:
        if f.unique:
            out.append(E.ExpectColumnValuesToBeUnique(column=f.name, meta={"rule": "unique"}))
        if f.enum:
            out.append(E.ExpectColumnValuesToBeInSet(column=f.name, value_set=list(f.enum),
                                                     meta={"rule": f"one of {list(f.enum)}"}))
        if f.pattern:
            out.append(E.ExpectColumnValuesToMatchRegex(column=f.name, regex=f.pattern,
                                                        meta={"rule": f"matches {f.pattern}"}))
        if f.type == "boolean":
            out.append(E.ExpectColumnValuesToBeInSet(column=f.name, value_set=[True, False],
                                                     meta={"rule": "true or false"}))
        if f.minimum is not None or f.maximum is not None:
            out.append(E.ExpectColumnValuesToBeBetween(column=f.name, min_value=f.minimum, max_value=f.maximum,
                                                       meta={"rule": f"at least {f.minimum}" if f.maximum is None else
                                                             f"between {f.minimum} and {f.maximum}"}))
    return out


def war_rules(gx) -> list:
    """Cross-field rules every war obeys, the paper's and an extension's (on helper columns added by
    `validation_frame`)."""
    E, skip = gx.expectations, "either_value_is_missing"
    return [
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_end", column_B="_start", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "start_date <= end_date"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_talks", column_B="_start", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "start_date <= talks_date"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_end", column_B="_talks", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "talks_date <= end_date"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="duration_days", column_B="days_to_talks",
                                                  or_equal=True, ignore_row_if=skip,
                                                  meta={"rule": "days_to_talks <= duration_days"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="_talks", column_B="_start_plus_days", ignore_row_if=skip,
                                          meta={"rule": "talks_date = start_date + days_to_talks"}),
        # Pair rules as equalities with helper columns: GE checks pair *sets* row by row (7 s at 10^5 rows).
        E.ExpectColumnPairValuesToBeEqual(column_A="has_talks", column_B="_has_days",
                                          meta={"rule": "has_talks exactly when days_to_talks is given"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="is_ongoing", column_B="_no_end",
                                          meta={"rule": "end_date is empty exactly when the war is ongoing"}),
        E.ExpectColumnPairValuesToBeEqual(
            column_A="has_talks", column_B="_talks_by_response", ignore_row_if=skip,
            meta={"rule": "an accepted proposal has talks; a refused or absent one has none"}),
    ]


def wars_expectations(expected_rows: int, gx) -> list:
    """The war rules, plus the rules of the paper's table: its population, the years in the names, the
    tolerance against COW and the COW order."""
    E, tol = gx.expectations, COW_DATE_TOLERANCE_DAYS
    skip = "either_value_is_missing"
    return war_rules(gx) + [
        E.ExpectTableRowCountToEqual(value=expected_rows, meta={
            "rule": "one row per COW v4.0 interstate war begun after WWII (the paper's population)"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="_name_first_year", column_B="_start_year", ignore_row_if=skip,
                                          meta={"rule": "the first year in the war's name is the start year"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="_name_last_year", column_B="_end_year", ignore_row_if=skip,
                                          meta={"rule": "the last year in the war's name is the end year"}),
        E.ExpectColumnValuesToBeBetween(column="start_gap_days", min_value=-tol, max_value=tol,
                                        meta={"rule": f"start_date within {tol} days of COW's start"}),
        E.ExpectColumnValuesToBeBetween(column="end_gap_days", min_value=-tol, max_value=tol,
                                        meta={"rule": f"end_date within {tol} days of COW's end"}),
        E.ExpectColumnValuesToBeIncreasing(column="cow_war_num", strictly=True,
                                           meta={"rule": "the table runs in COW war order, one war per row"}),
    ]


# Helper column: the required columns that are empty in the row (None when there are none).
MISSING_REQUIRED = "_missing_required"
# Helper columns of the validation frame -> the real columns a reader should see in a failure.
HELPER_SOURCES = {
    "_start": ["start_date"], "_end": ["end_date"], "_talks": ["talks_date"],
    "_start_plus_days": ["start_date", "days_to_talks"], "_name_first_year": ["war_name"],
    "_name_last_year": ["war_name"], "_start_year": ["start_date"], "_end_year": ["end_date"],
    "_has_days": ["days_to_talks"], "_no_end": ["end_date"], "_talks_by_response": ["response_type"],
}


def _ordinal(series: pd.Series) -> list:
    return [None if pd.isna(v) else v.toordinal() for v in series]


def validation_frame(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The table as it will be written (dates as ISO text, integers as int or None), plus helpers."""
    if list(df.columns) != table.columns:
        raise ValidationFailed([f"table {table.name}: rule 'columns as in the schema': "
                                f"expected {table.columns}, got {list(df.columns)}"])
    out = pd.DataFrame(index=df.index)
    for f in table.fields:
        col = df[f.name]
        if f.type == "date":
            out[f.name] = [None if pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in col]
        elif f.type in ("integer", "boolean"):
            out[f.name] = pd.Series([None if pd.isna(v) else (bool(v) if f.type == "boolean" else int(v))
                                     for v in col], index=df.index, dtype=object)
        else:
            out[f.name] = col
    required = [f.name for f in table.fields if f.required]
    if required:
        empty = out[required].isna().to_numpy()
        missing = pd.Series(None, index=out.index, dtype=object)
        for i in empty.any(axis=1).nonzero()[0]:  # only rows with an empty required cell
            missing.iloc[i] = ", ".join(c for c, e in zip(required, empty[i]) if e)
        out[MISSING_REQUIRED] = missing
    if {"start_date", "end_date", "talks_date", "war_name"} <= set(table.columns):
        start, end, talks = (pd.to_datetime(df[c]) for c in ("start_date", "end_date", "talks_date"))
        out["_start"], out["_end"], out["_talks"] = _ordinal(start), _ordinal(end), _ordinal(talks)
        out["_start_plus_days"] = [None if s is None or pd.isna(d) else s + int(d)
                                   for s, d in zip(out["_start"], df["days_to_talks"])]
        years = [name_years(n) for n in df["war_name"]]
        out["_name_first_year"] = [y[0] for y in years]
        out["_name_last_year"] = [y[1] for y in years]
        out["_start_year"] = [None if pd.isna(v) else v.year for v in start]
        out["_end_year"] = [None if pd.isna(v) else v.year for v in end]
        out["_has_days"] = df["days_to_talks"].notna().astype(bool).astype(object)
        out["_no_end"] = df["end_date"].isna().astype(bool).astype(object)
        # what the response implies for has_talks; an unknown response implies nothing (row skipped)
        out["_talks_by_response"] = df["response_type"].map({"accept": True, "reject": False, "none": False})
    return out.astype(object).where(out.notna(), None)


def run_suite(df: pd.DataFrame, table: Table, extra: Callable | None = None, name: str | None = None) -> list[str]:
    """Validate against the schema's expectations plus `extra(gx)`; return one line per failing value
    (empty when the suite passes)."""
    gx = _gx()
    frame = validation_frame(df, table)
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
    # Given to the constructor: add_expectation compares each new expectation with all earlier ones.
    suite = gx.ExpectationSuite(name=name or f"{table.name}_suite", expectations=schema_expectations(
        table, gx, list(frame.columns[len(table.columns):])) + (extra(gx) if extra else []))
    key = table.primary_key[0]
    # A cheap pass first; only a failing suite is rerun to collect the failing rows.
    if batch.validate(suite, result_format="BOOLEAN_ONLY").success:
        return []
    result = batch.validate(suite, result_format={"result_format": "COMPLETE",
                                                  "unexpected_index_column_names": [key]})
    return describe_failures(result, key, frame)


def describe_failures(result, key: str, frame: pd.DataFrame) -> list[str]:
    lines = []
    for res in result.results:
        if res.success:
            continue
        config = res.expectation_config
        rule = (config.meta or {}).get("rule", config.type)
        columns = []
        for k in ("column", "column_A", "column_B"):
            for c in HELPER_SOURCES.get(config.kwargs.get(k), [config.kwargs.get(k)]):
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
            cols = row[MISSING_REQUIRED].split(", ") if columns == [MISSING_REQUIRED] else columns
            values = ", ".join(f"{c}={row[c]!r}" for c in cols)
            lines.append(f"war {item.get(key)}: {values}: rule '{rule}'")
    return sorted(lines)


def check(df: pd.DataFrame, table: Table, extra: Callable | None = None) -> None:
    """Validate now, raising ValidationFailed; or, during `all`, hand the suite to the background worker
    (its failures stop the run before anything is written)."""
    from . import background

    if background.current is not None:
        background.current.validate(df, table, extra)
        return
    failures = run_suite(df, table, extra)
    if failures:
        raise ValidationFailed(failures)


def validate_wars(wars: pd.DataFrame, expected_rows: int) -> None:
    check(wars, WARS, functools.partial(wars_expectations, expected_rows))


def validated_csv(df: pd.DataFrame, table: Table) -> bytes:
    """The table's columns, validated against its schema, as the bytes of its CSV file."""
    from .outputs import csv_text

    df = df[table.columns]
    check(df, table)
    return csv_text(df, table).encode()
