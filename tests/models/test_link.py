"""Cases beside predicted regimes: codings, dates from wars.csv, the prediction rule."""

import pandas as pd
import pytest

from replication.common import paths
from replication.common.errors import DataError
from replication.models.link import link_cases, load_cases, possible_regimes, predict
from replication.wars.dataset import read_wars


@pytest.fixture(scope="module")
def cases():
    return link_cases(load_cases(paths.CASES), read_wars(paths.WARS_CSV), paths.CASES)


def test_committed_cases_csv_is_current(cases):
    committed = pd.read_csv(paths.PROCESSED / "link" / "cases.csv", dtype=str, keep_default_na=False)
    assert list(committed["case_id"]) == list(cases["case_id"])
    assert list(committed["observed_posture"]) == list(cases["observed_posture"])


def test_vietnam_phases_read_from_wars_csv(cases):
    c = cases.set_index("case_id")
    wars = read_wars(paths.WARS_CSV).set_index("war_id")
    talks = wars.loc["vietnam_phase2_1965", "talks_date"].date().isoformat()
    assert c.loc["vietnam_drv_after_tet", "phase_start"] == talks
    assert c.loc["vietnam_drv_before_tet", "phase_start"] == wars.loc["vietnam_phase2_1965", "start_date"].date().isoformat()
    assert c.loc["vietnam_drv_before_tet", "observed_posture"] == "closed"
    assert c.loc["vietnam_drv_after_tet", "observed_posture"] == "open"
    assert c.loc["sino_indian_india", "observed_posture"] == "closed"  # "India rejects"
    assert c.loc["sino_indian_china", "role_of_b"] == "proposer"


def test_all_seven_quick_talks_wars_are_linked(cases):
    seven = cases[cases["case_id"].str.endswith("_separation")]
    assert len(seven) == 7
    talks = read_wars(paths.WARS_CSV).set_index("war_id")["talks_date"].dt.strftime("%Y-%m-%d")
    assert (seven["phase_end"] == seven["war_id"].map(talks)).all()


def test_prediction_rule():
    assert possible_regimes(True, None) == ["escalation_too_costly"]
    assert possible_regimes(False, True) == ["separation"]
    assert possible_regimes(False, False) == ["closed"]
    assert possible_regimes(None, None) == ["escalation_too_costly", "separation", "closed"]
    base = {"escalation_too_costly": False, "signal_separates": False, "cost": None, "resilience": "low"}
    assert predict(base) == ("closed", "closed")
    assert predict({**base, "resilience": None})[1] == "undetermined"


def test_a_bad_case_file_is_refused(tmp_path):
    bad = tmp_path / "cases.yaml"
    bad.write_text(paths.CASES.read_text().replace("war_id: sino_indian_1962\n    state_b: India",
                                                   "war_id: sino_indian_1963\n    state_b: India", 1))
    with pytest.raises(DataError, match="war_id exists in wars.csv"):
        link_cases(load_cases(bad), read_wars(paths.WARS_CSV), bad)
    bad.write_text(paths.CASES.read_text().replace("cost: high", "cost: medium", 1))
    with pytest.raises(DataError, match="cost in"):
        load_cases(bad)


@pytest.mark.parametrize("edit, rule", [
    (("    section: Introduction\n", ""), "every case has all its keys"),
    (("    resilience: high\n    quote", "    resilience: high\n    colour: red\n    quote"), "no unknown case key"),
    (("case_id: vietnam_usa", "case_id: vietnam_drv_after_tet"), "unique case_id"),
])
def test_bad_case_codings(tmp_path, edit, rule):
    text = paths.CASES.read_text()
    assert edit[0] in text
    path = tmp_path / "cases.yaml"
    path.write_text(text.replace(*edit, 1))
    with pytest.raises(DataError, match=rule):
        load_cases(path)
