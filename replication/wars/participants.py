"""Country codes for the war dataset: the states of each war (from COW's participant rows), the hand coding
of the printed proposer and responder names to COW codes, and the COW -> Gleditsch-Ward crosswalk.

Every check names file, line, column, value and rule: a belligerent's code must be a participant of that
COW war, a third state's must not be (and must be a COW state), an international organisation has none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..common.errors import DataError
from ..common.formats import typed
from ..common.text import csv_records
from .schema import WAR_PARTICIPANTS

ACTOR_COLUMNS = ["war_id", "role", "printed", "actor", "actor_type", "ccode", "reason"]
ACTOR_TYPES = ("belligerent", "third_state", "international_organisation")
ROLES = {"proposer": "proposer", "responder": "response"}  # role -> the wars.csv column it codes
GW_COLUMNS = ["ccode", "state_name", "gwcode", "note", "source"]


def _code(path: Path, r: dict, column: str, required: bool = True) -> int | None:
    value = r[column]
    if value == "" and not required:
        return None
    if not (value.isascii() and value.isdigit()):
        raise DataError(path, "a COW or Gleditsch-Ward state number" + ("" if required else " or empty"),
                        line=r["line"], column=column, value=value)
    return int(value)


def load_gw_codes(path: Path, cow: pd.DataFrame) -> dict[int, int]:
    """ccode -> gwcode; one row per COW code, each a state COW v4.0 knows (or one named by the actor coding)."""
    out: dict[int, int] = {}
    for r in csv_records(path, GW_COLUMNS):
        ccode, gwcode = _code(path, r, "ccode"), _code(path, r, "gwcode")
        if ccode in out:
            raise DataError(path, "one row per COW code", line=r["line"], column="ccode", value=r["ccode"])
        if not r["source"]:
            raise DataError(path, "every code has its source", line=r["line"], column="source", value="")
        out[ccode] = gwcode
    missing = sorted(set(cow["ccode"]) - set(out))
    if missing:
        raise DataError(path, "a Gleditsch-Ward code for every state of the sample's wars",
                        f"no row for COW code(s) {missing}", column="ccode")
    return out


def load_actor_coding(path: Path, wars: pd.DataFrame, cow: pd.DataFrame, gw: dict[int, int]) -> pd.DataFrame:
    """The coded proposers and responders, checked against wars.csv's printed cells and COW's participants.
    `cow` holds the COW participant rows of the sample's wars; `gw` every state the archive codes."""
    rows = csv_records(path, ACTOR_COLUMNS)
    by_war = wars.set_index("war_id")
    members = cow.groupby("WarNum")["ccode"].agg(set).to_dict()
    seen = set()
    for r in rows:
        def fail(column, rule, detail=""):
            raise DataError(path, rule, detail, line=r["line"], column=column, value=r[column])

        if r["war_id"] not in by_war.index:
            fail("war_id", "war_id is a war of wars.csv")
        if r["role"] not in ROLES:
            fail("role", f"role one of {list(ROLES)}")
        if r["actor_type"] not in ACTOR_TYPES:
            fail("actor_type", f"actor_type one of {list(ACTOR_TYPES)}")
        war = by_war.loc[r["war_id"]]
        printed = war[ROLES[r["role"]]]
        if r["printed"] != ("" if printed is None or pd.isna(printed) else printed):
            fail("printed", f"printed is the war's '{ROLES[r['role']]}' cell as in wars.csv", f"wars.csv has {printed!r}")
        for column in ("actor", "reason"):
            if not r[column]:
                fail(column, f"{column} given")
        ccode = _code(path, r, "ccode", required=False)
        in_war = ccode in members.get(int(war["cow_war_num"]), set())
        if r["actor_type"] == "international_organisation" and ccode is not None:
            fail("ccode", "an international organisation has no state code")
        if r["actor_type"] != "international_organisation" and ccode is None:
            fail("ccode", "a state has its COW code")
        if r["actor_type"] == "belligerent" and not in_war:
            fail("ccode", f"a belligerent is a participant of COW war {int(war['cow_war_num'])}",
                 "code it third_state if the state did not fight")
        if r["actor_type"] == "third_state" and in_war:
            fail("ccode", f"a third state is not a participant of COW war {int(war['cow_war_num'])}",
                 "code it belligerent")
        if ccode is not None and ccode not in gw:
            fail("ccode", "a state of data/hand_coding/gw_codes.csv (a COW state code)")
        key = (r["war_id"], r["role"], r["actor"])
        if key in seen:
            fail("actor", "one row per war, role and actor")
        seen.add(key)
        r["ccode"] = ccode
    coded = {(r["war_id"], r["role"]) for r in rows}
    for war_id, war in by_war.iterrows():
        for role, column in ROLES.items():
            if war[column] is not None and not pd.isna(war[column]) and (war_id, role) not in coded:
                raise DataError(path, f"every printed {column} is coded", f"add a row for war {war_id}",
                                column="war_id", value=war_id)
    return pd.DataFrame(rows)


def _join(values) -> str | None:
    values = [str(v) for v in values]
    return "; ".join(values) if values else None


def war_codes(wars: pd.DataFrame, actors: pd.DataFrame, cow: pd.DataFrame, path: Path, gw: dict[int, int]) -> pd.DataFrame:
    """wars.csv's code columns: belligerent codes, third parties by name and code, the proposer's COW side
    and whether it initiated the war."""
    side = {(int(r.WarNum), int(r.ccode)): int(r.Side) for r in cow.itertuples()}
    initiator = {(int(r.WarNum), int(r.ccode)) for r in cow.itertuples() if r.Initiator == 1}
    out = []
    for war in wars.itertuples():
        rec = {"war_id": war.war_id}
        for role in ROLES:
            mine = actors[(actors["war_id"] == war.war_id) & (actors["role"] == role)] if len(actors) else actors
            fighting = mine[mine["actor_type"] == "belligerent"]
            others = mine[mine["actor_type"] != "belligerent"]
            rec[f"{role}_ccode"] = _join(int(c) for c in fighting["ccode"])
            rec[f"{role}_gwcode"] = _join(gw[int(c)] for c in fighting["ccode"])
            rec[f"{role}_third_party"] = _join(others["actor"])
            rec[f"{role}_third_party_ccode"] = _join(int(c) for c in others["ccode"] if c is not None and not pd.isna(c))
            if role == "proposer":
                keys = [(int(war.cow_war_num), int(c)) for c in fighting["ccode"]]
                sides = {side[k] for k in keys}
                if len(sides) > 1:
                    raise DataError(path, "proposing belligerents are on one COW side", f"war {war.war_id}",
                                    line=int(fighting["line"].iloc[0]), column="ccode")
                rec["proposer_side"] = sides.pop() if sides else None
                rec["proposer_is_initiator"] = any(k in initiator for k in keys) if keys else None
        out.append(rec)
    return pd.DataFrame(out)


def _cow_date(y, m, d) -> dt.date | None:
    if y < 0:
        return None
    return dt.date(int(y), int(m), int(d)) if m > 0 and d > 0 else None


def participants_table(wars: pd.DataFrame, cow: pd.DataFrame, actors: pd.DataFrame, gw: dict[int, int]) -> pd.DataFrame:
    """One row per state, war and side (COW gives a state that changed sides one row per side)."""
    war_of = dict(zip(wars["cow_war_num"].astype(int), wars["war_id"]))
    coded = {(r.war_id, r.role, int(r.ccode)) for r in actors.itertuples()
             if r.ccode is not None and not pd.isna(r.ccode)} if len(actors) else set()
    rows = []
    for r in cow[cow["WarNum"].isin(war_of)].sort_values(["WarNum", "Side", "ccode"]).itertuples():
        war_id = war_of[int(r.WarNum)]
        rows.append({
            "war_id": war_id, "cow_war_num": int(r.WarNum), "ccode": int(r.ccode), "gwcode": gw[int(r.ccode)],
            "state_name": r.StateName, "side": int(r.Side), "initiator": r.Initiator == 1,
            "start_date": _cow_date(r.StartYear1, r.StartMonth1, r.StartDay1),
            "end_date": _cow_date(r.EndYear2, r.EndMonth2, r.EndDay2) if r.EndYear2 > 0
            else _cow_date(r.EndYear1, r.EndMonth1, r.EndDay1),
            "second_spell": r.StartYear2 > 0,
            "battle_deaths": int(r.BatDeath) if r.BatDeath >= 0 else None,
            "cow_outcome": int(r.Outcome),
            "proposed_talks": (war_id, "proposer", int(r.ccode)) in coded,
            "responded": (war_id, "responder", int(r.ccode)) in coded,
            "cow_line": int(r.line),
        })
    return typed(pd.DataFrame(rows, columns=WAR_PARTICIPANTS.columns), WAR_PARTICIPANTS)
