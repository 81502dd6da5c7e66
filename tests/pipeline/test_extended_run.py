"""`all --sample extended` on every shape a real war can take, on the whole command: ended with or without
talks, ongoing with or without talks (censored at the observation date), talks on day 0, talks after the
war's end (not an event), no COW number. The paper's outputs stay as they were."""

import json
import subprocess

import pandas as pd
import pytest

from replication.wars.extension import COLUMNS

from ..conftest import PY, archive_copy, tree_hashes

pytestmark = pytest.mark.slow

OBSERVED = "2026-06-30"
BASE = {"proposer": "State X", "response": "State Y accept", "response_type": "accept", "cow_war_num": "",
        "battle_deaths": "2000", "states_side_a": "1", "states_side_b": "1",
        "source_citation": "a synthetic test row; it codes no real war", "coder": "tests", "coded_on": "2026-06-30"}
NO_TALKS = {"proposer": "", "response": "", "response_type": "none", "days_to_talks": ""}
# war_id -> (cells, expected time_days, expected event)
SHAPES = {
    "ended_with_talks": ({"start_date": "2010-01-01", "end_date": "2010-12-31", "days_to_talks": "30"}, 30, 1),
    "ended_without_talks": ({"start_date": "2011-01-01", "end_date": "2011-03-01", **NO_TALKS}, 59, 2),
    "ongoing_with_talks": ({"start_date": "2022-02-24", "end_date": "", "days_to_talks": "4"}, 4, 1),
    "ongoing_without_talks": ({"start_date": "2023-01-01", "end_date": "", **NO_TALKS},
                              (pd.Timestamp(OBSERVED) - pd.Timestamp("2023-01-01")).days, 0),
    "talks_on_day_zero": ({"start_date": "2014-05-01", "end_date": "2014-06-01", "days_to_talks": "0"}, 0, 1),
    "talks_after_the_end": ({"start_date": "2016-04-01", "end_date": "2016-04-05", "days_to_talks": "30"}, 4, 2),
}


def row(war_id: str, cells: dict) -> str:
    year = cells["start_date"][:4]
    full = {**BASE, "war_id": war_id, "war_name": f"SYNTHETIC {war_id.replace('_', ' ')} of {year}",
            "is_ongoing": "true" if not cells["end_date"] else "false", **cells}
    return ",".join(full[c] for c in COLUMNS)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = archive_copy(tmp_path_factory.mktemp("extended"))
    ext = root / "data/extensions/shapes.csv"
    ext.write_text("\n".join([",".join(COLUMNS)] + [row(w, c) for w, (c, _, _) in SHAPES.items()]) + "\n")
    before = tree_hashes(root)
    proc = subprocess.run([PY, "-m", "replication", "all", "--sample", "extended", "--extension", str(ext),
                           "--observed-on", OBSERVED], cwd=root, capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    return root, ext, before, proc


def test_the_command_succeeds(run):
    root, ext, before, proc = run
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("war_id", SHAPES)
def test_each_shape_gets_its_time_and_event(run, war_id):
    root = run[0]
    sf = pd.read_csv(root / "data/processed/extended/survival/survival_data.csv").set_index("war_id")
    _, time, event = SHAPES[war_id]
    assert (sf.loc[war_id, "time_days"], sf.loc[war_id, "event"]) == (time, event)


def test_the_paper_outputs_are_unchanged(run):
    root, _, before, _ = run
    after = tree_hashes(root)
    assert {k: v for k, v in after.items() if "extended" not in k} == before


def test_the_extended_report_names_its_sample_and_its_file(run):
    root, ext, _, _ = run
    report = (root / "REPORT_extended.md").read_text()
    assert str(ext) in report and f"Observation date: {OBSERVED}" in report
    assert "6 war(s) added to the paper's 38, 2 of them ongoing" in report
    assert "| wars ongoing without talks (censored at the observation date) | 0 | 1 |" in report
    assert (root / "figures/extended/timeline.png").exists()


def test_the_run_log_records_the_extension(run):
    root, ext, _, _ = run
    options = json.loads((root / "logs/run_log.json").read_text())["options"]
    import hashlib

    assert options == {"sample": "extended", "force": False, "extension": str(ext),
                       "extension_sha256": hashlib.sha256(ext.read_bytes()).hexdigest(), "observed_on": OBSERVED}


def test_stata_users_get_the_extended_sample(run):
    dta = pd.read_stata(run[0] / "data/processed/extended/wars_extended.dta")
    assert len(dta) == 44 and set(dta["is_ongoing"].astype(str)) == {"yes", "no"}


def test_an_extension_without_the_extended_sample_is_refused(tmp_path):
    proc = subprocess.run([PY, "-m", "replication", "all", "--extension", "x.csv"], capture_output=True, text=True)
    assert proc.returncode == 2 and "add --sample extended" in proc.stderr
