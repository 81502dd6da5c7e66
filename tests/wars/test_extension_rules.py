"""An extension's rows are checked as strictly as the paper's: one row per COW war across both, COW's
dates where a COW number is given, the sample's window, the years in the names, no spreadsheet formulas,
a user's own counts in columns of their own; harmless variants of the file change nothing."""

import io
import shutil

import pandas as pd
import pytest

from replication.common.steps import DATA_VERSION_DATE

from replication.common import paths
from replication.common.errors import DataError
from replication.wars.dataset import read_wars
from replication.wars.extension import COLUMNS, build_extended

from ..conftest import quiet

ROW = {"war_id": "synthetic_2012", "war_name": "SYNTHETIC test war of 2012", "start_date": "2012-03-01",
       "end_date": "2012-05-31", "is_ongoing": "false", "proposer": "State X", "response": "State Y accept",
       "response_type": "accept", "days_to_talks": "20", "cow_war_num": "", "battle_deaths": "1500",
       "states_side_a": "1", "states_side_b": "1", "source_citation": "a test row; it codes no real war",
       "coder": "tests", "coded_on": "2026-11-24"}


def csv_bytes(*rows: dict, eol: str = "\n") -> bytes:
    lines = [",".join(COLUMNS)] + [",".join(r[c] for c in COLUMNS) for r in rows]
    return (eol.join(lines) + eol).encode()


@pytest.fixture
def paper():
    return read_wars(paths.WARS_CSV)


def extend(tmp_path, paper, data: bytes, **kw) -> dict:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "ext.csv"
    path.write_bytes(data)
    return build_extended(paper, path, root=tmp_path, log=quiet, **kw)


def refused(tmp_path, paper, **changes) -> DataError:
    with pytest.raises(DataError) as err:
        extend(tmp_path, paper, csv_bytes({**ROW, **changes}))
    assert err.value.file == "ext.csv" and err.value.line == 2
    return err.value


@pytest.mark.parametrize("changes, column, rule", [
    ({"cow_war_num": "216", "battle_deaths": "", "states_side_a": "", "states_side_b": "", "war_name": "Another war",
      "start_date": "2001-10-07", "end_date": "2001-12-22"}, "cow_war_num",
     "one row per COW war across the paper's wars and the extension"),
    ({"war_name": "Korean War of 1950-1953"}, "war_name", "war_name unique across the paper's wars and the extension"),
    ({"start_date": "1939-09-01", "end_date": "1939-10-06", "war_name": "SYNTHETIC war of 1939"}, "start_date",
     "the war began after WWII ended (2 September 1945), as the paper's wars do"),
    ({"start_date": "2027-01-01", "end_date": "", "is_ongoing": "true", "days_to_talks": "", "response_type": "none",
      "war_name": "SYNTHETIC war of 2027"}, "start_date", f"not after the observation date {DATA_VERSION_DATE}"),
    ({"start_date": "2026-11-01", "end_date": "", "is_ongoing": "true", "days_to_talks": "40",
      "war_name": "SYNTHETIC war of 2026"}, "days_to_talks", f"talks not after the observation date {DATA_VERSION_DATE}"),
    ({"war_name": "SYNTHETIC test war of 2013"}, "war_name", "the first year in the war's name is the start year"),
    ({"end_date": "2012-05-31", "is_ongoing": "true"}, "end_date", "end_date is empty exactly when the war is ongoing"),
    ({"end_date": "2012-01-31"}, "end_date", "start_date <= end_date"),
    ({"response_type": "reject"}, "days_to_talks", "an accepted proposal has talks; a refused or absent one has none"),
    ({"war_name": '=HYPERLINK("http://example.org";"click")'}, "war_name",
     "no text cell starts with =, +, -, @, a tab or a carriage return"),
    ({"proposer": "@SUM(A1)"}, "proposer", "no text cell starts with =, +, -, @, a tab or a carriage return"),
    ({"response": "+1 accept"}, "response", "no text cell starts with =, +, -, @, a tab or a carriage return"),
    ({"source_citation": "-2+3"}, "source_citation", "no text cell starts with =, +, -, @, a tab or a carriage return"),
    ({"coder": "\tx"}, "coder", "no text cell starts with =, +, -, @, a tab or a carriage return"),
    ({"coder": " =1"}, "coder", "no text cell starts with =, +, -, @, a tab or a carriage return"),
])
def test_a_wrong_row_is_refused(tmp_path, paper, changes, column, rule):
    e = refused(tmp_path, paper, **changes)
    assert (e.column, e.rule) == (column, rule), str(e)


def test_a_cow_number_brings_cows_dates_and_counts(tmp_path, paper):
    """COW v4.0 holds no war after WWII that the paper's table lacks, so a COW number in an extension is
    either a paper war (refused above) or outside the window; a Gulf War row with 2020 dates is refused for
    its dates, not given the Gulf War's counts."""
    e = refused(tmp_path, paper, cow_war_num="211", battle_deaths="", states_side_a="", states_side_b="",
                war_name="SYNTHETIC war of 2020", start_date="2020-01-01", end_date="2020-02-01")
    assert e.column in ("cow_war_num", "start_date")
    e = refused(tmp_path, paper, cow_war_num="211")
    assert e.rule in ("one row per COW war across the paper's wars and the extension",
                      "empty when cow_war_num is given")


def test_a_users_counts_land_in_their_own_columns(tmp_path, paper):
    files = extend(tmp_path, paper, csv_bytes(ROW))
    csv = next(data for path, data in files.items() if path.suffix == ".csv")
    ext = pd.read_csv(io.BytesIO(csv), dtype=str, keep_default_na=False)
    row = ext.set_index("war_id").loc["synthetic_2012"]
    assert row["cow_battle_deaths"] == "" and row["cow_battle_deaths_complete"] == ""
    assert (row["battle_deaths"], row["states_side_a"], row["counts_source"]) == ("1500", "1", "extension file")
    korea = ext.set_index("war_id").loc["korean_1950"]
    assert korea["battle_deaths"] == korea["cow_battle_deaths"] and korea["counts_source"] == "COW v4.0"


def test_two_rows_for_one_war_are_refused(tmp_path, paper):
    with pytest.raises(DataError) as err:
        extend(tmp_path, paper, csv_bytes(ROW, {**ROW, "war_id": "synthetic_2012_b"}))
    assert (err.value.line, err.value.column) == (3, "war_name")


def test_harmless_variants_give_byte_identical_outputs(tmp_path, paper):
    clean = extend(tmp_path / "a", paper, csv_bytes(ROW))
    spaced = {k: f" {v} " if v else v for k, v in ROW.items()}
    variant = extend(tmp_path / "b", paper, b"\xef\xbb\xbf" + csv_bytes(spaced, eol="\r\n"))
    assert list(clean.values()) == list(variant.values())


def test_an_extended_stata_file_is_written_with_value_labels(tmp_path, paper):
    files = extend(tmp_path, paper, csv_bytes(ROW))
    dta = next(p for p in files if p.suffix == ".dta")
    dta.parent.mkdir(parents=True)
    dta.write_bytes(files[dta])
    labelled = pd.read_stata(dta)
    assert set(labelled["has_talks"].astype(str)) == {"yes", "no"}
    assert set(labelled["sample"].astype(str)) == {"paper", "extension"}
    assert "accept" in set(labelled["response_type"].astype(str))
    shutil.rmtree(dta.parent)


def test_the_hand_coding_files_refuse_formulas_too(tmp_path):
    from replication.common.text import FORMULA_RULE
    from replication.models.link import load_cases
    from replication.wars.hand_coding import load_crosswalk

    crosswalk = tmp_path / "cow_crosswalk.csv"
    text = paths.COW_CROSSWALK.read_text()
    first = text.split("\n")[1]
    crosswalk.write_text(text.replace(first, first.rsplit(",", 1)[0] + ",=1+1", 1))
    with pytest.raises(DataError) as err:
        load_crosswalk(crosswalk)
    assert (err.value.rule, err.value.line, err.value.column) == (FORMULA_RULE, 2, "note")
    cases = tmp_path / "cases.yaml"
    cases.write_text(paths.CASES.read_text().replace("phase: whole war", "phase: '@whole war'", 1))
    with pytest.raises(DataError, match="no text cell starts with"):
        load_cases(cases)
