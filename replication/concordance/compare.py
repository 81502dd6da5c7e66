"""The paper's talks beside ICB and UCDP: the reviewed crosswalk read and checked, one concordance row per
war, and the summary per comparison."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..common.errors import DataError
from ..common.formats import typed
from ..common.text import csv_records
from ..sources.external import icb_date
from .schema import CLASSES, CONCORDANCE, MATCH, SUMMARY, UCDP_OUTCOMES

# A ceasefire or agreement counts for a war when dated from its start to this many days after the paper's end
# (First Kashmir: UCDP's ceasefire is 4 days after the paper's end); later ones belong to a later episode.
AGREEMENT_WINDOW_DAYS = 30
COLUMNS = ["war_id", "icb_crisno", "icb_match", "ucdp_episodes", "ucdp_match", "note"]
LIKE_FOR_LIKE = {
    "icb": "Partly: ICB's crisis-management technique is the crisis's primary technique (negotiation among "
           "others), and its mediation is a third party's, so it may be indirect; the paper codes direct talks.",
    "ucdp": "An upper bound: a ceasefire or peace agreement needs some contact but may be mediated, imposed or "
            "unilateral; an agreement before the paper's talks date, or in a war with no talks, questions the "
            "coding only where the agreement was negotiated directly.",
}


def load_crosswalk(path: Path, wars: pd.DataFrame, icb: pd.DataFrame, term: pd.DataFrame) -> list[dict]:
    """The crosswalk, one row per war of wars.csv; every ICB crisis and UCDP episode exists in the raw files."""
    crises = set(icb["crisno"].astype(int))
    episodes = set(zip(term["dyad_id"].astype(int), term["dyadepisode"].astype(int)))
    war_ids = set(wars["war_id"])
    out, seen = [], set()
    for r in csv_records(path, COLUMNS):
        line = r["line"]

        def fail(column, rule, detail=""):
            raise DataError(path, rule, detail, line=line, column=column, value=r[column])

        if r["war_id"] not in war_ids:
            fail("war_id", "war_id is a war of wars.csv")
        if r["war_id"] in seen:
            fail("war_id", "one row per war")
        seen.add(r["war_id"])
        for source, column, key in (("icb", "icb_crisno", r"\d+"), ("ucdp", "ucdp_episodes", r"\d+:\d+")):
            match = r[f"{source}_match"]
            if match not in MATCH:
                fail(f"{source}_match", f"{source}_match one of {list(MATCH)}")
            items = [x for x in re.split(r";\s*", r[column]) if x] if r[column] else []
            if (match == "none") != (not items):
                fail(column, f"empty exactly when {source}_match is none")
            for item in items:
                if not re.fullmatch(key, item):
                    fail(column, "crisis numbers, '; '-separated" if source == "icb"
                         else "dyad_id:episode pairs, '; '-separated")
                if source == "icb" and int(item) not in crises:
                    fail(column, "every crisis is in ICB v14", f"no crisis {item}")
                if source == "ucdp" and tuple(map(int, item.split(":"))) not in episodes:
                    fail(column, "every episode is an interstate episode of the UCDP termination file",
                         f"no dyad episode {item}")
            r[column] = items
        if not r["note"]:
            fail("note", "every match has its note")
        out.append(r)
    if missing := sorted(war_ids - seen):
        raise DataError(path, "every war of wars.csv has a concordance row", f"missing {missing}", column="war_id")
    return out


def episodes(term: pd.DataFrame) -> dict[tuple[int, int], dict]:
    """Per dyad episode: the outcome of its last year, and its earliest ceasefire and agreement dates.
    (The termination flag dyadterm is not used: Israel-Syria 1967 has an end date with dyadterm 0.)"""
    out = {}
    for (dyad, ep), g in term.sort_values("year").groupby(["dyad_id", "dyadepisode"]):
        last = g.iloc[-1]
        dates = lambda c: [d for d in g[c] if d is not None]  # noqa: E731
        out[(int(dyad), int(ep))] = {
            "outcome": None if pd.isna(last["outcome"]) else int(last["outcome"]),
            "cfire": min(dates("cfiredate"), default=None), "peag": min(dates("peagdate"), default=None)}
    return out


def _diff(a, b):
    return None if a is None or b is None or pd.isna(a) or pd.isna(b) else (pd.Timestamp(a) - pd.Timestamp(b)).days


def _class(paper: bool, source, comparable: bool) -> str:
    if not comparable:
        return "not_comparable"
    if paper == bool(source):
        return "agree"
    return "paper_only" if paper else "source_only"


def concordance(wars: pd.DataFrame, crosswalk: list[dict], icb: pd.DataFrame, term: pd.DataFrame) -> pd.DataFrame:
    by_crisis = icb.set_index(icb["crisno"].astype(int))
    eps = episodes(term)
    by_war = {r["war_id"]: r for r in crosswalk}
    rows = []
    for w in wars.itertuples():
        x = by_war[w.war_id]
        talks = None if pd.isna(w.talks_date) else pd.Timestamp(w.talks_date).date()
        end = None if pd.isna(w.end_date) else pd.Timestamp(w.end_date).date()
        crises = [by_crisis.loc[int(c)] for c in x["icb_crisno"]]
        med = sorted((icb_date(c["yrmedst"], c["momedst"], c["damedst"]) for c in crises
                      if not pd.isna(c["yrmedst"])), key=lambda d: d[0])
        negotiation = any(c["crismg"] == 1 for c in crises) if crises else None
        mediation = bool(med) if crises else None
        matched = [eps[tuple(map(int, e.split(":")))] for e in x["ucdp_episodes"]]
        start = pd.Timestamp(w.start_date).date()
        last = end + dt.timedelta(days=AGREEMENT_WINDOW_DAYS) if end else dt.date.max

        def in_war(key):  # the earliest date of this war's own ceasefire or agreement
            return min((e[key] for e in matched if e[key] and start <= e[key] <= last), default=None)

        cfire, peag = in_war("cfire"), in_war("peag")
        outcome = matched[-1]["outcome"] if matched else None
        agreement = (cfire is not None or peag is not None) if matched else None
        rows.append({
            "war_id": w.war_id, "war_name": w.war_name, "paper_has_talks": bool(w.has_talks),
            "paper_talks_date": talks, "paper_days_to_talks": None if pd.isna(w.days_to_talks) else int(w.days_to_talks),
            "icb_crisno": "; ".join(x["icb_crisno"]) or None, "icb_match": x["icb_match"],
            "icb_negotiation": negotiation,
            "icb_crismg": "; ".join("" if pd.isna(c["crismg"]) else str(int(c["crismg"])) for c in crises) or None,
            "icb_mediation": mediation, "icb_mediation_date": med[0][0] if med else None,
            "icb_mediation_precision": med[0][1] if med else None,
            "talks_minus_icb_mediation_days": _diff(talks, med[0][0] if med else None),
            "ucdp_episodes": "; ".join(x["ucdp_episodes"]) or None, "ucdp_match": x["ucdp_match"],
            "ucdp_outcome": outcome, "ucdp_outcome_label": UCDP_OUTCOMES.get(outcome),
            "ucdp_ceasefire_date": cfire, "ucdp_peace_agreement_date": peag,
            "talks_minus_ceasefire_days": _diff(talks, cfire), "talks_minus_agreement_days": _diff(talks, peag),
            "ucdp_agreement_by_war_end": agreement,
            "icb_class": _class(bool(w.has_talks), negotiation or mediation, bool(crises)),
            "ucdp_class": _class(bool(w.has_talks), agreement, bool(matched)),
            "note": x["note"],
        })
    return typed(pd.DataFrame(rows, columns=CONCORDANCE.columns), CONCORDANCE)


def summary(conc: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, source, cls, diff in (
            ("ICB negotiation or dated mediation", "icb", "icb_class", "talks_minus_icb_mediation_days"),
            ("UCDP ceasefire or peace agreement within the war", "ucdp", "ucdp_class", "talks_minus_ceasefire_days")):
        counts = conc[cls].value_counts()
        d = conc[diff].dropna().astype(int)
        rows.append({"comparison": name, "like_for_like": LIKE_FOR_LIKE[source],
                     **{c: int(counts.get(c, 0)) for c in CLASSES}, "n_dated": len(d),
                     "median_days": float(d.median()) if len(d) else None, "source_first": int((d > 0).sum())})
    return typed(pd.DataFrame(rows, columns=SUMMARY.columns), SUMMARY)
