"""Data tests: the real dataset, as the build stage makes it now, against what the paper's text and COW say,
computed independently."""

import datetime as dt

import pandas as pd
import pytest

from replication.common import paths
from replication.wars.schema import WARS
from replication.wars.rules import COW_DATE_TOLERANCE_DAYS

pytestmark = pytest.mark.slow  # every test here reads the build stage's run on the real data (with validation)

# Named in the paper's text (Resilience Model Equilibria): talks "roughly within a month or two".
QUICK_TALKS = ["First Kashmir War", "Soviet Invasion of Hungary", "War for Bangladesh", "Turco-Cypriot War",
               "Cenepa Valley War", "War for Kosovo", "Kargil War"]


@pytest.fixture(scope="module")
def wars(built):
    return pd.read_csv(built.out_dir / "wars.csv", keep_default_na=False, na_values=[""], dtype=str)


def test_one_row_per_cow_war_since_wwii(wars):
    cow = pd.read_csv(paths.RAW_COW_WARS)
    start = pd.to_datetime(dict(year=cow.StartYear1, month=cow.StartMonth1, day=cow.StartDay1))
    post = cow.loc[start > "1945-09-02", "WarNum"].unique()
    assert len(wars) == len(post) == wars["war_id"].nunique()
    assert sorted(wars["cow_war_num"].astype(int)) == sorted(post)


def test_the_seven_quick_talks_wars_of_the_text(wars):
    quick = wars[wars["days_to_talks"].notna() & (wars["days_to_talks"].astype(float) <= 75)]
    assert len(quick) == len(QUICK_TALKS)
    for name in QUICK_TALKS:
        assert quick["war_name"].str.startswith(name).sum() == 1, name
    assert (quick["response_type"] == "accept").all()


def test_footnote_10_three_wars_with_talks_after_5_to_12_days_all_shorter_than_a_month(wars):
    days = wars["days_to_talks"].astype(float)
    fast = wars[(days >= 5) & (days <= 12)]
    assert len(fast) == 3
    assert (fast["duration_days"].astype(int) < 31).all()


def test_talks_never_emerged_in_almost_sixty_percent(wars):
    share = (wars["has_talks"] == "0").mean()
    assert 0.55 <= share < 0.60


def test_case_study_wars_read_as_the_text_describes(wars):
    w = wars.set_index("war_id")
    assert w.loc["sino_indian_1962", "proposer"] == "China" and w.loc["sino_indian_1962", "response_type"] == "reject"
    talks = dt.date.fromisoformat(w.loc["vietnam_phase2_1965", "talks_date"])
    assert (talks.year, talks.month) == (1968, 4)  # "In April 1968 ... Hanoi's approach ... suddenly changed"
    assert w.loc["kargil_1999", "response"].startswith("India")


def test_derived_columns_recomputed_independently(wars):
    start = pd.to_datetime(wars["start_date"])
    talks = start + pd.to_timedelta(wars["days_to_talks"].astype(float), unit="D")
    assert (talks.dt.strftime("%Y-%m-%d").where(talks.notna()) .fillna("") == wars["talks_date"].fillna("")).all()
    duration = (pd.to_datetime(wars["end_date"]) - start).dt.days
    assert (duration.fillna(-1).astype(int).astype(str).replace("-1", "") == wars["duration_days"].fillna("")).all()


def test_cow_crosswalk_columns_recomputed_from_the_raw_file(wars):
    cow = pd.read_csv(paths.RAW_COW_WARS)
    for w in wars.itertuples():
        rows = cow[cow.WarNum == int(w.cow_war_num)]
        assert int(w.cow_battle_deaths) == rows.BatDeath[rows.BatDeath >= 0].sum()
        assert (int(w.cow_states_side_a), int(w.cow_states_side_b)) == ((rows.Side == 1).sum(), (rows.Side == 2).sum())
        starts = pd.to_datetime(dict(year=rows.StartYear1, month=rows.StartMonth1, day=rows.StartDay1))
        assert w.cow_start_date == starts.min().strftime("%Y-%m-%d")
        ends = [dt.date(r.EndYear1, r.EndMonth1, r.EndDay1) for r in rows.itertuples()]
        ends += [dt.date(r.EndYear2, r.EndMonth2, r.EndDay2) for r in rows.itertuples() if r.EndYear2 > 0]
        assert w.cow_end_date == max(ends).isoformat()


def test_every_difference_from_cow_is_a_listed_discrepancy(built, wars):
    listed = pd.read_csv(built.out_dir / "discrepancies.csv", dtype=str)
    pairs = set(zip(listed.war_id, listed.check_id))
    for w in wars.itertuples():
        if w.start_date != w.cow_start_date:
            assert (w.war_id, "start_vs_cow") in pairs
        if isinstance(w.end_date, str) and w.end_date != w.cow_end_date:
            assert (w.war_id, "end_vs_cow") in pairs
        assert abs((dt.date.fromisoformat(w.start_date) - dt.date.fromisoformat(w.cow_start_date)).days) \
            <= COW_DATE_TOLERANCE_DAYS
    assert len(pairs) == len(listed)


def test_the_internal_inconsistencies_named_in_the_issue_are_reported(built):
    listed = pd.read_csv(built.out_dir / "discrepancies.csv", dtype=str)
    found = set(zip(listed.war_id, listed.check_id))
    assert ("iran_iraq_1980", "response_date_vs_days") in found
    assert ("vietnamese_cambodian_1977", "response_date_before_start") in found
    assert ("cenepa_valley_1995", "response_without_verb") in found
    assert ("afghanistan_2001", "ongoing_vs_cow") in found


def test_no_sentinel_codes_and_iso_dates(wars):
    for f in WARS.fields:
        col = wars[f.name].dropna()
        assert not col.isin(["-9", "-8", "-7", "N/A", "NA", "nan", "None"]).any(), f.name
        if f.type == "date":
            assert col.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all(), f.name


def test_stata_file_holds_the_same_data(built, wars):
    dta = pd.read_stata(built.out_dir / "wars.dta", convert_dates=True)
    assert list(dta.columns) == list(wars.columns)
    assert list(dta["war_id"]) == list(wars["war_id"])
    assert [d.strftime("%Y-%m-%d") for d in dta["start_date"]] == list(wars["start_date"])
    assert list(dta["days_to_talks"].astype(float).fillna(-1)) == list(wars["days_to_talks"].astype(float).fillna(-1))


def test_ledger_repairs_fix_every_alignment_check(built):
    check = pd.read_csv(built.out_dir / "alignment_check.csv")
    assert (check["ledger_passing"] == check["ledger_checked"]).all()
    named = check.set_index("check").loc["start_year_matches_name"]
    assert named["straight_across_passing"] < named["straight_across_checked"] / 2


def test_committed_outputs_are_current(built):
    """data/processed in the repository is what the code makes now, byte for byte."""
    for path, data in built.files.items():
        committed = paths.PROCESSED / path.name
        assert committed.read_bytes() == data, f"{committed} is stale: run `make replicate`"
