"""The cross-field rules of the war dataset, for the paper's table and for an extension's rows, as
great-expectations expectations on helper columns (dates as ordinals, the years in each name).

Each rule names itself in its failure message; `common/validation.py` adds the schema's own rules."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from ..common.validation import Rules, check
from ..sources.cow import WWII_END
from .alignment_check import name_years
from .schema import WARS

# Paper dates may differ from COW's by at most this many days. Consecutive wars of the table start
# months to years apart, so a shifted column breaks this; every non-zero gap is listed in
# discrepancies.csv. The largest gap in the paper's table is 62 days (Arab-Israeli War end).
COW_DATE_TOLERANCE_DAYS = 90

# Helper columns -> the real columns a reader should see in a failure.
HELPER_SOURCES = {
    "_start": ["start_date"], "_end": ["end_date"], "_talks": ["talks_date"],
    "_start_plus_days": ["start_date", "days_to_talks"], "_name_first_year": ["war_name"],
    "_name_last_year": ["war_name"], "_start_year": ["start_date"], "_end_year": ["end_date"],
    "_has_days": ["days_to_talks"], "_no_end": ["end_date"], "_talks_by_response": ["response_type"],
}


EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _ordinal(series: pd.Series) -> list:
    """Day numbers (date.toordinal) of a datetime column, None where missing."""
    days = series.to_numpy("datetime64[D]").astype("int64") + EPOCH_ORDINAL
    return [None if missing else int(d) for d, missing in zip(days, series.isna().to_numpy())]


def war_helpers(df: pd.DataFrame) -> dict[str, list]:
    start, end, talks = (pd.to_datetime(df[c]) for c in ("start_date", "end_date", "talks_date"))
    out = {"_start": _ordinal(start), "_end": _ordinal(end), "_talks": _ordinal(talks)}
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
    return out


def war_rules(gx) -> list:
    """Cross-field rules every war obeys, the paper's and an extension's (on the helper columns of
    `war_helpers`)."""
    E, skip = gx.expectations, "either_value_is_missing"
    return [
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_end", column_B="_start", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "start_date <= end_date"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_talks", column_B="_start", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "start_date <= talks_date"}),
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


def within_war_rules(gx) -> list:
    """The paper's table records talks during the war only. (An added war may record talks after its end:
    they are not an event of the war; see survival/frame.py.)"""
    E, skip = gx.expectations, "either_value_is_missing"
    return [
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="_end", column_B="_talks", or_equal=True,
                                                  ignore_row_if=skip, meta={"rule": "talks_date <= end_date"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="duration_days", column_B="days_to_talks",
                                                  or_equal=True, ignore_row_if=skip,
                                                  meta={"rule": "days_to_talks <= duration_days"}),
    ]


def paper_war_rules(gx) -> list:
    return war_rules(gx) + within_war_rules(gx)


def name_and_cow_rules(gx) -> list:
    """The years in each name, and the tolerance against COW where a war has a COW number."""
    E, tol, skip = gx.expectations, COW_DATE_TOLERANCE_DAYS, "either_value_is_missing"
    return [
        E.ExpectColumnPairValuesToBeEqual(column_A="_name_first_year", column_B="_start_year", ignore_row_if=skip,
                                          meta={"rule": "the first year in the war's name is the start year"}),
        E.ExpectColumnPairValuesToBeEqual(column_A="_name_last_year", column_B="_end_year", ignore_row_if=skip,
                                          meta={"rule": "the last year in the war's name is the end year"}),
        E.ExpectColumnValuesToBeBetween(column="start_gap_days", min_value=-tol, max_value=tol,
                                        meta={"rule": f"start_date within {tol} days of COW's start"}),
        E.ExpectColumnValuesToBeBetween(column="end_gap_days", min_value=-tol, max_value=tol,
                                        meta={"rule": f"end_date within {tol} days of COW's end"}),
    ]


def wars_expectations(expected_rows: int, gx) -> list:
    """The war rules, plus the rules of the paper's table: its population, the years in the names, the
    tolerance against COW and the COW order."""
    E = gx.expectations
    return paper_war_rules(gx) + [
        E.ExpectTableRowCountToEqual(value=expected_rows, meta={
            "rule": "one row per COW v4.0 interstate war begun after WWII (the paper's population)"}),
    ] + name_and_cow_rules(gx) + [
        E.ExpectColumnValuesToBeIncreasing(column="cow_war_num", strictly=True,
                                           meta={"rule": "the table runs in COW war order, one war per row"}),
    ]


def extension_expectations(observed_on: dt.date, gx) -> list:
    """The extended sample (paper's wars and added ones): the war rules, the years in the names, COW's
    dates where a COW number is given, one row per COW war (the schema), and the sample's window."""
    E = gx.expectations
    after_wwii, last = WWII_END.toordinal() + 1, observed_on.toordinal()
    window = [E.ExpectColumnValuesToBeBetween(column=c, min_value=after_wwii, max_value=last, meta={
        "rule": f"{name} after WWII (1945-09-02) and not after the observation date {observed_on}"})
        for c, name in (("_start", "start_date"), ("_end", "end_date"), ("_talks", "talks_date"))]
    return war_rules(gx) + name_and_cow_rules(gx) + window


WAR_RULES = Rules(paper_war_rules, war_helpers, HELPER_SOURCES)


def paper_rules(expected_rows: int) -> Rules:
    return Rules(functools.partial(wars_expectations, expected_rows), war_helpers, HELPER_SOURCES)


def extension_rules(observed_on: dt.date) -> Rules:
    return Rules(functools.partial(extension_expectations, observed_on), war_helpers, HELPER_SOURCES)


def validate_wars(wars: pd.DataFrame, expected_rows: int) -> None:
    check(wars, WARS, paper_rules(expected_rows))
