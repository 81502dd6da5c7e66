"""Observed cases beside the regimes the resilience model predicts (data/processed/link/cases.csv)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from ..common.errors import DataError
from ..common.text import decode, refuse_formula, yaml_load
from .propositions import POSTURES, REGIMES, predicted_posture, regime_codes

# Case-link draws: a declared prior over the normalised parameters, restricted by each case's coded conditions.
DRAWS, SEED = 20_000, 20261202
POSTURES_ALL = sorted({v for table in POSTURES.values() for v in table.values()})
ROBUST = 0.9  # share of draws at or above which the observed posture is predicted robustly
PRIOR = ("q ~ U(0, 1); q_hat ~ U(0, q) (an opening lowers A's belief); nu/(p'-p) ~ U(1 - q, 1) (the "
         "assumptions' range); k/(p'-p) ~ U(0, 2); an uncoded cost or resilience class high or low with "
         "probability 1/2 each; a coded condition keeps only the draws that satisfy it")

CASE_KEYS = {"case_id", "war_id", "state_b", "opponent_a", "phase", "from", "to", "escalation_too_costly",
             "signal_separates", "cost", "resilience", "quote", "section"}
OPTIONAL = {"to_quote", "from_quote"}
WAR_DATES = {"start_date", "talks_date", "end_date"}


def load_cases(path: Path) -> list[dict]:
    doc = yaml_load(decode(path, path.read_bytes())) or {}
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


def posture_draws(case: dict, final: str, draws: int = DRAWS) -> dict:
    """Shares of the draws (PRIOR) that predict each regime and posture, and the observed `final` posture's,
    with its Monte Carlo standard error. Seeded by the case id: reruns give the same numbers."""
    import zlib

    seed = (SEED + zlib.crc32(case["case_id"].encode())) % 2**32
    rng = np.random.default_rng(seed)
    kept = {k: np.empty(0) for k in ("q_hat", "nu", "k")}
    while len(kept["nu"]) < draws:
        q = rng.uniform(0, 1, draws)
        q_hat = rng.uniform(0, 1, draws) * q
        nu = 1 - q + rng.uniform(0, 1, draws) * q
        k = rng.uniform(0, 2, draws)
        ok = np.ones(draws, bool)
        if case["escalation_too_costly"] is not None:
            ok &= (nu >= 1 - q_hat) == case["escalation_too_costly"]
        if case["signal_separates"] is not None:
            ok &= (k >= 1) == case["signal_separates"]
        for name, v in (("q_hat", q_hat), ("nu", nu), ("k", k)):
            kept[name] = np.concatenate([kept[name], v[ok]])
    regime = regime_codes(kept["nu"][:draws], kept["k"][:draws], kept["q_hat"][:draws])
    cost = np.full(draws, case["cost"]) if case["cost"] else rng.choice(["high", "low"], draws)
    res = np.full(draws, case["resilience"]) if case["resilience"] else rng.choice(["high", "low"], draws)
    posture = np.empty(draws, dtype=object)
    for (i, g), (c, r) in itertools.product(enumerate(REGIMES), itertools.product(("high", "low"), repeat=2)):
        posture[(regime == i) & (cost == c) & (res == r)] = POSTURES[g][(c, r)]
    hit = np.isin(posture, [p for p in POSTURES_ALL if final in p.split(" or ")])
    share = float(hit.mean())
    out = {"draws": draws, "seed": seed, "share_observed_posture": share,
           "mc_se": float(np.sqrt(share * (1 - share) / draws)),
           "robustness": "robust" if share >= ROBUST else ("fragile" if share > 0 else "not predicted")}
    out |= {f"share_{g}": float((regime == i).mean()) for i, g in enumerate(REGIMES)}
    out |= {f"share_posture_{p.replace(' ', '_')}": float((posture == p).mean())
            for p in ("open", "closed", "closed or open")}
    return out


def _shares_text(d: dict) -> str:
    parts = [(d["share_posture_open"], "open"), (d["share_posture_closed"], "closed"),
             (d["share_posture_closed_or_open"], "either")]
    return "by draws: " + ", ".join(f"{name} {share:.0%}" for share, name in parts if share > 0)


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
        draws = posture_draws(case, final)
        if predicted == "undetermined":
            agrees, predicted = None, _shares_text(draws)
        else:
            agrees = final in predicted.split(" or ")
        rows.append({
            "case_id": case["case_id"], "war_id": case["war_id"], "war_name": war["war_name"],
            "state_b": case["state_b"], "opponent_a": case["opponent_a"], "phase": case["phase"],
            "phase_start": start.date().isoformat(), "phase_end": end.date().isoformat(),
            "role_of_b": role, "observed_posture": observed,
            "escalation_too_costly": case["escalation_too_costly"], "signal_separates": case["signal_separates"],
            "cost": case["cost"], "resilience": case["resilience"], "predicted_regime": regime,
            "predicted_posture": predicted, "agrees": agrees,
            "share_observed_posture": draws["share_observed_posture"], "mc_se": draws["mc_se"],
            "robustness": draws["robustness"], "quote": " ".join(str(case["quote"]).split()),
            "section": case["section"], **{k: v for k, v in draws.items() if k.startswith("share_") and
                                          k != "share_observed_posture"}, "draws": draws["draws"], "seed": draws["seed"],
        })
    return pd.DataFrame(rows)
