"""The concordance with ICB and UCDP and the candidates list, recomputed from the raw files with pandas
(independently of replication/concordance) and checked against the committed tables."""

import datetime as dt
import shutil
import subprocess

import pandas as pd
import pytest

from replication.common import paths
from replication.common.errors import DataError
from replication.concordance.compare import load_crosswalk
from replication.sources.external import read_icb, read_ucdp_term

from ..conftest import PY

OUT = paths.PROCESSED / "concordance"
CONC = pd.read_csv(OUT / "concordance.csv", dtype={"icb_crisno": str})
WARS = pd.read_csv(paths.WARS_CSV)


def test_every_war_of_the_sample_has_a_concordance_row():
    assert sorted(CONC["war_id"]) == sorted(WARS["war_id"])


def test_icb_mediation_dates_are_icbs_own():
    icb = pd.read_csv(paths.RAW_ICB, encoding="utf-8-sig").set_index("crisno")
    for r in CONC[CONC["icb_mediation_date"].notna()].itertuples():
        crises = [int(c) for c in r.icb_crisno.split("; ")]
        years = icb.loc[crises, "yrmedst"].dropna()
        assert int(r.icb_mediation_date[:4]) == int(years.min())


def test_ucdp_ceasefires_are_dated_within_the_war_and_are_ucdps():
    term = pd.read_csv(paths.RAW_UCDP_TERM, dtype=str, keep_default_na=False)
    for r in CONC[CONC["ucdp_ceasefire_date"].notna()].itertuples():
        w = WARS.set_index("war_id").loc[r.war_id]
        d = dt.date.fromisoformat(r.ucdp_ceasefire_date)
        assert dt.date.fromisoformat(w["start_date"]) <= d
        if isinstance(w["end_date"], str):
            assert d <= dt.date.fromisoformat(w["end_date"]) + dt.timedelta(days=30)
        dyads = [e.split(":")[0] for e in r.ucdp_episodes.split("; ")]
        cells = term.loc[term["dyad_id"].isin(dyads), "cfiredate"]
        written = f"{d.month}/{d.day}/{d.year % 100:02d}"
        assert any(written in c or d.isoformat() in c for c in cells), (r.war_id, written)


def test_classes_follow_their_rule():
    for r in CONC.itertuples():
        if r.ucdp_match == "none":
            assert r.ucdp_class == "not_comparable"
        elif bool(r.paper_has_talks) and r.ucdp_agreement_by_war_end == 1:
            assert r.ucdp_class == "agree"
        elif not r.paper_has_talks and r.ucdp_agreement_by_war_end == 1:
            assert r.ucdp_class == "source_only"


def test_the_summary_counts_the_table():
    summ = pd.read_csv(OUT / "concordance_summary.csv").set_index("comparison")
    ucdp = summ.loc["UCDP ceasefire or peace agreement within the war"]
    counts = CONC["ucdp_class"].value_counts()
    assert all(ucdp[c] == counts.get(c, 0) for c in ("agree", "paper_only", "source_only", "not_comparable"))


def test_the_candidates_command_lists_the_post_2007_war():
    proc = subprocess.run([PY, "-m", "replication", "candidates"], cwd=paths.ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "13243  2022-02-24  ongoing" in proc.stdout and "365 [731]  v  369  (after COW v4.0)" in proc.stdout
    cand = pd.read_csv(OUT / "candidates.csv")
    after = cand[cand["after_cow"] == 1]
    assert list(after["conflict_id"]) == [13243] and after["sample_war_id"].isna().all()
    # every war-intensity ACD episode of a sample war's years and dyad is matched to it (recomputed here)
    acd = pd.read_csv(paths.RAW_UCDP_ACD)
    assert len(cand) == acd[acd["intensity_level"] == 2].groupby(["conflict_id", "start_date2"]).ngroups


@pytest.mark.parametrize("edit, column, rule", [
    (("ifni_1957,160,full", "ifni_1957,99999,full"), "icb_crisno", "every crisis is in ICB v14"),
    (("sinai_1956,152,full,510:1,full", "sinai_1956,152,full,510:7,full"), "ucdp_episodes", "interstate episode"),
    (("ifni_1957,160,full,,none", "ifni_1957,160,full,,partial"), "ucdp_episodes", "empty exactly when"),
])
def test_a_bad_crosswalk_cell_is_refused(tmp_path, edit, column, rule):
    bad = tmp_path / "concordance_crosswalk.csv"
    shutil.copy(paths.CONCORDANCE_CROSSWALK, bad)
    text = bad.read_text()
    assert edit[0] in text
    bad.write_text(text.replace(edit[0], edit[1]))
    wars = pd.read_csv(paths.WARS_CSV)
    with pytest.raises(DataError) as err:
        load_crosswalk(bad, wars, read_icb(paths.RAW_ICB), read_ucdp_term(paths.RAW_UCDP_TERM))
    assert err.value.column == column and rule in err.value.rule and err.value.line is not None
