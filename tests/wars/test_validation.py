"""Each rule of the war suite catches its own violation, names the war, the column and the rule."""

import pandas as pd
import pytest

from replication.common import paths
from replication.wars.schema import WARS
from replication.common.validation import run_suite
from replication.wars.rules import WAR_RULES
from replication.wars.dataset import read_wars


@pytest.fixture(scope="module")
def wars():
    return read_wars(paths.WARS_CSV)


def first(wars, mask):
    return wars.index[mask][0]


def end_before_start(w):
    i = first(w, w["end_date"].notna())
    w.loc[i, "end_date"] = w.loc[i, "start_date"] - pd.Timedelta(days=1)
    return i


def ongoing_with_end(w):
    i = first(w, w["end_date"].notna())
    w.loc[i, "is_ongoing"] = True
    return i


def talks_without_days(w):
    i = first(w, w["has_talks"])
    w.loc[i, "has_talks"] = False
    w.loc[i, "response_type"] = "unknown"  # isolate the rule under test
    return i


def refusal_with_talks(w):
    i = first(w, w["response_type"] == "accept")
    w.loc[i, "response_type"] = "reject"
    return i


def unknown_response_either_way(w):
    i = first(w, w["response_type"] == "accept")
    w.loc[i, "response_type"] = "unknown"  # allowed: an unknown response implies nothing
    return None


def talks_date_off_by_one(w):
    i = first(w, w["has_talks"])
    w.loc[i, "talks_date"] = w.loc[i, "talks_date"] + pd.Timedelta(days=1)
    return i


def empty_required(w):
    i = w.index[2]
    w.loc[i, "war_name"] = None
    return i


@pytest.mark.parametrize("edit, rule, column", [
    (end_before_start, "start_date <= end_date", "end_date"),
    (ongoing_with_end, "end_date is empty exactly when the war is ongoing", "is_ongoing"),
    (talks_without_days, "has_talks exactly when days_to_talks is given", "days_to_talks"),
    (refusal_with_talks, "an accepted proposal has talks; a refused or absent one has none", "response_type"),
    (talks_date_off_by_one, "talks_date = start_date + days_to_talks", "talks_date"),
    (empty_required, "required", "war_name"),
    (unknown_response_either_way, None, None),
])
@pytest.mark.slow
def test_each_war_rule_catches_its_violation(wars, edit, rule, column):
    w = wars.copy()
    i = edit(w)
    failures = run_suite(w, WARS, WAR_RULES)
    if rule is None:
        assert failures == []
        return
    war = w.loc[i, "war_id"]
    assert any(f.startswith(f"war {war}: ") and f"{column}=" in f and f.endswith(f"rule '{rule}'")
               for f in failures), failures


@pytest.mark.slow
def test_the_paper_wars_pass(wars):
    assert run_suite(wars, WARS, WAR_RULES) == []


@pytest.mark.slow
def test_a_non_boolean_in_a_boolean_column_is_caught(wars):
    w = wars.copy()
    w["has_talks"] = w["has_talks"].astype(object)
    w.loc[w.index[0], "has_talks"] = "maybe"
    failures = run_suite(w, WARS)
    assert any("has_talks='maybe'" in f and f.endswith("rule 'true or false'") for f in failures), failures
