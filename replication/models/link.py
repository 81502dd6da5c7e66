"""Observed cases beside the regimes the resilience model predicts (data/processed/link/cases.csv)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from ..common.errors import DataError
from ..common.text import decode, refuse_formula
from .propositions import REGIMES, predicted_posture

CASE_KEYS = {"case_id", "war_id", "state_b", "opponent_a", "phase", "from", "to", "escalation_too_costly",
             "signal_separates", "cost", "resilience", "quote", "section"}
OPTIONAL = {"to_quote", "from_quote"}
WAR_DATES = {"start_date", "talks_date", "end_date"}


def load_cases(path: Path) -> list[dict]:
    doc = yaml.safe_load(decode(path, path.read_bytes())) or {}
    cases = list(doc.get("cases") or [])
    group = doc.get("separation_cases")
    if group:
        shared = {k: v for k, v in group.items() if k != "wars"}
        for w in group["wars"]:
            cases.append({**shared, **w, "case_id": f"{w['war_id']}_separation"})
    seen = set()
    for case in cases:
        cid = case.get("case_id")
        if missing := CASE_KEYS - set(case):
            raise DataError(path, "every case has all its keys", f"case {cid} lacks {sorted(missing)}")
        if extra := set(case) - CASE_KEYS - OPTIONAL:
            raise DataError(path, "no unknown case key", f"case {cid} has {sorted(extra)}")
        if cid in seen:
            raise DataError(path, "unique case_id", column="case_id", value=cid)
        seen.add(cid)
        for key, allowed in (("escalation_too_costly", (True, False, None)), ("signal_separates", (True, False, None)),
                             ("cost", ("high", "low", None)), ("resilience", ("high", "low", None))):
            if case[key] not in allowed:
                raise DataError(path, f"{key} in {allowed}", f"case {cid}", column=key, value=case[key])
        if not str(case["quote"]).strip():
            raise DataError(path, "every coding rests on a quoted passage", f"case {cid}", column="quote")
        for key in ("case_id", "state_b", "opponent_a", "phase", "quote", "section"):
            refuse_formula(path, case[key], column=key)
    return cases


def possible_regimes(escalation_too_costly, signal_separates) -> list[str]:
    """Regimes consistent with the coded conditions (Proposition 2's order: escalation first)."""
    out = []
    for regime in REGIMES:
        esc = regime == "escalation_too_costly"
        sep = regime == "separation"
        if escalation_too_costly is not None and escalation_too_costly != esc:
            continue
        if signal_separates is not None and not esc and signal_separates != sep:
            continue
        out.append(regime)
    return out


def predict(case: dict) -> tuple[str, str]:
    regimes = possible_regimes(case["escalation_too_costly"], case["signal_separates"])
    regime = regimes[0] if len(regimes) == 1 else "not determined: " + " or ".join(regimes)
    return regime, predicted_posture(regimes, case["cost"], case["resilience"])


def _date(case, key, war, path):
    ref = str(case[key])
    if ref in WAR_DATES:
        value = war[ref]
        if pd.isna(value):
            raise DataError(path, "phase bound exists in wars.csv", f"case {case['case_id']}: {ref} is empty",
                            column=key, value=ref)
        return pd.Timestamp(value)
    try:
        return pd.Timestamp(ref)
    except ValueError:
        raise DataError(path, "phase bound is a wars.csv date column or an ISO date", f"case {case['case_id']}",
                        column=key, value=ref) from None


def observed_posture(state_b: str, war, start, end) -> tuple[str, str]:
    """(role, posture over the phase) from the printed proposer and response of wars.csv."""
    proposer, response = str(war["proposer"] or ""), str(war["response"] or "")
    if state_b in proposer:
        return "proposer", "open"
    if state_b not in response:
        return "not named", "closed"
    talks = pd.Timestamp(war["talks_date"]) if pd.notna(war["talks_date"]) else None
    if talks is not None and end >= talks:
        return "responder", "open" if start >= talks else "closed, then open"
    return "responder", "closed"


def link_cases(cases: list[dict], wars: pd.DataFrame, path: Path) -> pd.DataFrame:
    by_id = wars.set_index("war_id")
    rows = []
    for case in cases:
        if case["war_id"] not in by_id.index:
            raise DataError(path, "war_id exists in wars.csv", f"case {case['case_id']}", column="war_id",
                            value=case["war_id"])
        war = by_id.loc[case["war_id"]].where(by_id.loc[case["war_id"]].notna(), None)
        start, end = _date(case, "from", war, path), _date(case, "to", war, path)
        if end < start:
            raise DataError(path, "phase ends on or after it starts", f"case {case['case_id']}", column="to",
                            value=str(case["to"]))
        role, observed = observed_posture(case["state_b"], war, start, end)
        regime, predicted = predict(case)
        final = observed.split(", then ")[-1]
        if predicted == "undetermined":
            agrees = None
        else:
            agrees = final in predicted.split(" or ")
        rows.append({
            "case_id": case["case_id"], "war_id": case["war_id"], "war_name": war["war_name"],
            "state_b": case["state_b"], "opponent_a": case["opponent_a"], "phase": case["phase"],
            "phase_start": start.date().isoformat(), "phase_end": end.date().isoformat(),
            "role_of_b": role, "observed_posture": observed,
            "escalation_too_costly": case["escalation_too_costly"], "signal_separates": case["signal_separates"],
            "cost": case["cost"], "resilience": case["resilience"], "predicted_regime": regime,
            "predicted_posture": predicted, "agrees": agrees, "quote": " ".join(str(case["quote"]).split()),
            "section": case["section"],
        })
    return pd.DataFrame(rows)
