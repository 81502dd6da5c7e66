"""Country codes and the participant table, checked as a user of COW and UCDP data would: merged with the
raw COW and UCDP files by their own keys, with no hand edits; bad codes refused with file, line, column, rule."""

import shutil

import pandas as pd
import pytest

from replication.common import paths
from replication.common.errors import DataError
from replication.wars.build import Sources, assemble

PART = pd.read_csv(paths.PROCESSED / "war_participants.csv")
WARS = pd.read_csv(paths.WARS_CSV, dtype={f"{r}_{p}": str for r in ("proposer", "responder")
                                          for p in ("ccode", "gwcode", "third_party_ccode")})
COW = pd.read_csv(paths.RAW_COW_WARS)


def test_every_participant_row_merges_with_cows_file_one_to_one():
    merged = PART.merge(COW, left_on=["cow_war_num", "ccode", "side"], right_on=["WarNum", "ccode", "Side"],
                        how="left", validate="one_to_one", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert (merged["state_name"] == merged["StateName"]).all()
    known = merged["BatDeath"] >= 0
    assert (merged.loc[known, "battle_deaths"] == merged.loc[known, "BatDeath"]).all()
    assert merged.loc[~known, "battle_deaths"].isna().all()


def test_every_state_of_every_sample_war_is_in_the_table():
    cow = COW[COW["WarNum"].isin(WARS["cow_war_num"])]
    assert len(cow) == len(PART)
    assert set(PART["war_id"]) == set(WARS["war_id"])


def test_gleditsch_ward_codes_merge_with_ucdp_acd():
    """The primary parties UCDP/PRIO ACD gives for each war's matched conflict (through the concordance
    crosswalk and the termination file) are states of that war, by Gleditsch-Ward code."""
    acd = pd.read_csv(paths.RAW_UCDP_ACD)
    term = pd.read_csv(paths.RAW_UCDP_TERM, dtype=str)
    dyad_conflict = dict(zip(term["dyad_id"].astype(int), term["conflict_id"].astype(int)))
    cross = pd.read_csv(paths.CONCORDANCE_CROSSWALK, dtype=str, keep_default_na=False)
    checked = 0
    for r in cross[cross["ucdp_episodes"] != ""].itertuples():
        war = WARS.set_index("war_id").loc[r.war_id]
        years = range(int(war["start_date"][:4]), int((war["end_date"] if isinstance(war["end_date"], str)
                                                        else "2001")[:4]) + 1)
        gw = set(PART.loc[PART["war_id"] == r.war_id, "gwcode"])
        for ep in r.ucdp_episodes.split("; "):
            rows = acd[(acd["conflict_id"] == dyad_conflict[int(ep.split(":")[0])]) & acd["year"].isin(years)]
            for side in ("gwno_a", "gwno_b"):
                assert set(rows[side]) & gw, (r.war_id, side, set(rows[side]))
            checked += 1
    assert checked >= 25


def test_the_coded_states_carry_the_participants_gleditsch_ward_codes():
    gw = dict(zip(PART["ccode"], PART["gwcode"]))
    for role in ("proposer", "responder"):
        rows = WARS[WARS[f"{role}_ccode"].notna()]
        for cc, g in zip(rows[f"{role}_ccode"], rows[f"{role}_gwcode"]):
            assert [gw[int(c)] for c in cc.split("; ")] == [int(x) for x in g.split("; ")]


def test_germany_after_unification_has_its_gleditsch_ward_code():
    germany = PART[PART["ccode"] == 255]
    assert len(germany) == 1 and germany["gwcode"].item() == 260  # Kosovo 1999


def test_coded_proposers_and_responders_are_the_participant_flags():
    for role, flag in (("proposer", "proposed_talks"), ("responder", "responded")):
        coded = {(w, int(c)) for w, cc in zip(WARS["war_id"], WARS[f"{role}_ccode"]) if isinstance(cc, str)
                 for c in cc.split("; ")}
        assert coded == set(zip(PART.loc[PART[flag] == 1, "war_id"], PART.loc[PART[flag] == 1, "ccode"]))


def test_proposer_side_and_initiator_agree_with_cow():
    rows = WARS[WARS["proposer_ccode"].notna()]
    for w in rows.itertuples():
        cow = COW[(COW["WarNum"] == w.cow_war_num) & COW["ccode"].isin([int(c) for c in str(w.proposer_ccode).split("; ")])]
        assert set(cow["Side"]) == {w.proposer_side}
        assert bool(w.proposer_is_initiator) == (cow["Initiator"] == 1).any()


def test_third_parties_are_not_forced_to_a_belligerent():
    w = WARS.set_index("war_id")
    assert pd.isna(w.loc["korean_1950", "proposer_ccode"]) and w.loc["korean_1950", "proposer_third_party"] == "United Nations"
    assert w.loc["iran_iraq_1980", "proposer_ccode"] == "645"
    assert w.loc["lebanon_1982", "responder_third_party_ccode"] == "660"


@pytest.fixture
def coding(tmp_path):
    dest = tmp_path / "actor_coding.csv"
    shutil.copy(paths.ACTOR_CODING, dest)
    return dest


@pytest.mark.parametrize("old, new, rule", [
    ("first_kashmir_1947,proposer,UK,United Kingdom,third_state,200", "first_kashmir_1947,proposer,UK,United Kingdom,belligerent,200",
     "a belligerent is a participant of COW war 147"),
    ("hungary_1956,proposer,Hungary,Hungary,belligerent,310", "hungary_1956,proposer,Hungary,Hungary,third_state,310",
     "a third state is not a participant of COW war 156"),
    ("ifni_1957,proposer,Spain,Spain,belligerent,230", "ifni_1957,proposer,Spain,Spain,belligerent,999",
     "a belligerent is a participant"),
    ("korean_1950,proposer,UN,United Nations,international_organisation,", "korean_1950,proposer,UN,United Nations,international_organisation,2",
     "an international organisation has no state code"),
    ("ifni_1957,proposer,Spain,Spain,belligerent,230", "ifni_1957,proposer,Spain,Spain,belligerent,=1+1",
     "no text cell starts with"),
])
def test_a_bad_code_is_refused_with_file_line_column_and_rule(coding, old, new, rule):
    text = coding.read_text()
    assert old in text
    coding.write_text(text.replace(old, new))
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith(old))) + 1
    with pytest.raises(DataError) as err:
        assemble(Sources(actor_coding=coding))
    e = err.value
    assert e.file == "actor_coding.csv" and e.line == line and e.column == "ccode" and rule in e.rule


def test_a_printed_proposer_without_a_code_is_refused(coding):
    lines = coding.read_text().splitlines()
    coding.write_text("\n".join(x for x in lines if not x.startswith("gulf_1990,proposer")) + "\n")
    with pytest.raises(DataError, match="every printed proposer is coded"):
        assemble(Sources(actor_coding=coding))
