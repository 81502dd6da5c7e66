"""Every quantitative statement the paper makes about its war table, recomputed from wars.csv.

Each claim quotes the paper (a test checks the quote against the paper's text), says where it is,
how it is computed, the paper's value and the computed one, and a status: reproduced, not
reproduced, or not computable from Appendix 1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

REPRODUCED, NOT_REPRODUCED, NOT_COMPUTABLE = "reproduced", "not reproduced", "not computable from Appendix 1"

QUICK_TALKS_NAMED = ("First Kashmir War", "Soviet Invasion of Hungary", "War for Bangladesh", "Turco-Cypriot War",
                     "Cenepa Valley War", "War for Kosovo", "Kargil War")


@dataclass(frozen=True)
class Claim:
    claim_id: str
    quote: str
    location: str
    computation: str
    paper_value: str
    compute: Callable[[pd.DataFrame], tuple[str, str, str]]  # wars -> (computed value, status, note)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _no_talks_share(w):
    share = (~w["has_talks"]).mean()
    n = int((~w["has_talks"]).sum())
    return share, f"{n} of {len(w)} wars ({_pct(share)})"


def over_half_without_talks(w):
    share, text = _no_talks_share(w)
    return text, REPRODUCED if share > 0.5 else NOT_REPRODUCED, ""


def almost_sixty_percent(w):
    share, text = _no_talks_share(w)
    ok = 0.55 <= share < 0.60
    return text, REPRODUCED if ok else NOT_REPRODUCED, "'Almost sixty percent' read as 55% to under 60%."


def both_refused_half(w):
    silent = w[~w["has_talks"]]
    none = int((silent["response_type"] == "none").sum())
    refused = int((silent["response_type"] == "reject").sum())
    share = none / len(silent)
    value = f"{none} of {len(silent)} wars without talks record no proposal at all ({_pct(share)}); " \
            f"{refused} record a refused proposal"
    note = ("Appendix 1 records one proposer and one response per war, not each belligerent's stance. Reading "
            "'both refused' as 'no proposal recorded' gives far more than 50%; reading it as the refusals gives "
            "far less. Neither reading gives about 50%.")
    return value, NOT_REPRODUCED if abs(share - 0.5) > 0.1 else REPRODUCED, note


def closed_by_default(w):
    first = w["days_to_talks"].dropna()
    return (f"no war opened talks on its first day; the earliest talks came after {int(first.min())} days",
            REPRODUCED if first.min() > 0 else NOT_REPRODUCED,
            "Appendix 1 gives the first talks, not each state's initial stance; a war with no talks on day 0 is "
            "consistent with, not proof of, a closed default.")


def footnote10_three_quick(w):
    fast = w[w["days_to_talks"].between(5, 12)]
    names = "; ".join(f"{r.war_name} ({int(r.days_to_talks)} days, war lasted {int(r.duration_days)})"
                      for r in fast.itertuples())
    ok = len(fast) == 3 and (fast["duration_days"] < 31).all()
    return f"{len(fast)} wars: {names}", REPRODUCED if ok else NOT_REPRODUCED, \
        "The footnote also says talks were 'imposed by outside powers' in some; not computable from the table."


def seven_within_two_months(w):
    quick = w[w["days_to_talks"] <= 75].sort_values("days_to_talks")
    listed = all(quick["war_name"].str.startswith(n).any() for n in QUICK_TALKS_NAMED)
    strict = int((w["days_to_talks"] <= 61).sum())
    value = f"{len(quick)} wars within 75 days: " + "; ".join(
        f"{r.war_name} ({int(r.days_to_talks)})" for r in quick.itertuples())
    note = (f"'Roughly within a month or two': the seven named wars are exactly those with talks within 75 days; "
            f"strictly within two months (61 days) there are {strict}, since Kargil (63) and Kosovo (73) take longer.")
    return value, REPRODUCED if listed and len(quick) == 7 else NOT_REPRODUCED, note


def vietnam_april_1968(w):
    v = w.set_index("war_id").loc["vietnam_phase2_1965"]
    talks = pd.Timestamp(v["talks_date"])
    years = v["days_to_talks"] / 365.25
    ok = talks.year == 1968 and talks.month == 4 and years > 3
    return (f"talks {talks.date().isoformat()}, {int(v['days_to_talks'])} days ({years:.2f} years) after the start",
            REPRODUCED if ok else NOT_REPRODUCED, "")


def sino_indian_one_month(w):
    v = w.set_index("war_id").loc["sino_indian_1962"]
    ok = v["proposer"] == "China" and v["response_type"] == "reject" and 28 <= v["duration_days"] <= 35
    return (f"proposer {v['proposer']}, response '{v['response']}', war of {int(v['duration_days'])} days",
            REPRODUCED if ok else NOT_REPRODUCED,
            "The table gives the war's end, not the date of China's ceasefire offer; the war's length stands in.")


def us_attempts(w):
    return "", NOT_COMPUTABLE, "Appendix 1 records the first proposal and response only."


def us_open_early(w):
    v = w.set_index("war_id").loc["vietnam_phase2_1965"]
    ok = str(v["proposer"]) == "USA"
    return f"proposer of talks: {v['proposer']}", REPRODUCED if ok else NOT_REPRODUCED, \
        "The table records the United States as the proposer; when it first proposed is not in the table."


CLAIMS = (
    Claim("over_half_no_talks",
          "In over half the wars since WWII, at least one belligerent refused to talk, privately or publicly, "
          "throughout the conflict.", "Introduction, paragraph 1 (footnote 1: 'See the appendix.')",
          "share of wars with has_talks = false", "over half", over_half_without_talks),
    Claim("almost_sixty_percent",
          "in almost sixty percent of all interstate wars since WWII, talks never emerged",
          "Opening Negotiations", "share of wars with has_talks = false", "almost 60%", almost_sixty_percent),
    Claim("both_refused_half",
          "In about 50 percent of the cases of diplomatic silence throughout the conflict, both belligerents "
          "refused to engage.", "Opening Negotiations",
          "among wars without talks, share with response_type = none (no proposal recorded)", "about 50%",
          both_refused_half),
    Claim("closed_by_default",
          "The empirical record suggests that the default stance initially for any state engaged in active "
          "conflict is a closed diplomatic posture (see Appendix 1).", "Opening Negotiations",
          "minimum of days_to_talks", "closed at the start", closed_by_default),
    Claim("footnote10_three_quick",
          "In three cases, talks did emerge relatively quickly (5-12 days), but that is mostly a result of the "
          "fact that the conflicts themselves were short", "Opening Negotiations, footnote 10",
          "wars with 5 <= days_to_talks <= 12, and their duration_days < 31", "3 wars, all shorter than a month",
          footnote10_three_quick),
    Claim("seven_within_two_months",
          "talks emerged roughly within a month or two for seven interstate conflicts since WWII",
          "Resilience Model Equilibria", "wars with days_to_talks <= 75, against the seven the text names",
          "7 named wars", seven_within_two_months),
    Claim("vietnam_april_1968",
          "In April 1968, after over three years of staunch rebuffs, Hanoi's approach to wartime diplomacy "
          "suddenly changed.", "The Case of North Vietnamese Diplomatic Posture",
          "talks_date and days_to_talks of the Vietnam War", "April 1968, after over three years",
          vietnam_april_1968),
    Claim("sino_indian_one_month",
          "One month into the conflict, when China declared a unilateral ceasefire and urged India to engage in "
          "negotiations", "Resilience Model Equilibria",
          "proposer, response_type and duration_days of the Sino-Indian War", "China proposes, India refuses, "
          "about one month", sino_indian_one_month),
    Claim("us_attempts",
          "During the first three years of the war, the US made over 2,000 attempts to open talks with the North "
          "Vietnamese.", "The Case of North Vietnamese Diplomatic Posture", "none", "over 2,000", us_attempts),
    Claim("us_open_early",
          "The United States, for example, was able to move to an open diplomatic posture almost immediately "
          "during the Vietnam War", "Introduction", "proposer of the Vietnam War", "the US opened early",
          us_open_early),
)


def claims_table(wars: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for c in CLAIMS:
        value, status, note = c.compute(wars)
        rows.append({"claim_id": c.claim_id, "quote": c.quote, "location": c.location, "computation": c.computation,
                     "paper_value": c.paper_value, "computed_value": value, "status": status, "note": note})
    return pd.DataFrame(rows)
