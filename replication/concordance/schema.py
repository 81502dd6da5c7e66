"""The tables of the concordance stage."""

from __future__ import annotations

from ..common.tables import DATE, Field, Table

CROSSWALK = "data/hand_coding/concordance_crosswalk.csv"
ICB = "ICB v14, system level (data/raw/icb1v14.csv)"
TERM = "UCDP Conflict Termination v3-2021, dyad level (data/raw/ucdp-term-dyad-3-2021.csv)"
ACD = "UCDP/PRIO ACD v25.1 interstate rows (data/raw/ucdp_acd_v25_1_interstate_rows_from_peacesciencer.csv)"
MATCH = ("full", "partial", "none")
CLASSES = ("agree", "paper_only", "source_only", "not_comparable")
UCDP_OUTCOMES = {1: "peace agreement", 2: "ceasefire", 3: "victory side A", 4: "victory side B", 5: "low activity",
                 6: "actor ceases to exist"}
CLASS_RULE = ("agree: both record talks, or neither does; paper_only: the paper has talks and the source none; "
              "source_only: the source records {what} where the paper has no talks; not_comparable: no match in "
              "the source.")


def _days(name: str, what: str) -> Field:
    return Field(name, "integer", f"The paper's talks date minus {what}, in days.", "derived",
                 "Signed day difference (negative: the paper's talks come first).",
                 missing="one of the two dates is missing")


CONCORDANCE = Table(
    name="concordance",
    path="data/processed/concordance/concordance.csv",
    description="Per war, the paper's first talks beside ICB's crisis management and mediation and UCDP's "
    "episode outcome, ceasefire and peace-agreement dates, with a classification per source.",
    primary_key=("war_id",),
    fields=(
        Field("war_id", "string", "War (wars.csv).", "wars.csv", "Foreign key to wars.war_id.", required=True,
              unique=True),
        Field("war_name", "string", "Name of the war as the paper prints it.", "wars.csv", "Copied.", required=True),
        Field("paper_has_talks", "boolean", "The paper records talks.", "wars.csv has_talks", "Copied.",
              required=True),
        Field("paper_talks_date", "date", "The paper's talks date.", "wars.csv talks_date", "Copied.", pattern=DATE,
              missing="no talks in the paper"),
        Field("paper_days_to_talks", "integer", "The paper's days to talks.", "wars.csv days_to_talks", "Copied.",
              minimum=0, missing="no talks in the paper"),
        Field("icb_crisno", "string", "Matched ICB crisis number(s), '; '-separated.", CROSSWALK,
              "Hand-coded crosswalk, reviewed against ICB's names and dates.", missing="no ICB crisis matches"),
        Field("icb_match", "string", "How well the ICB crisis(es) cover the war.", CROSSWALK,
              "full: one crisis spans the war; partial: a crisis covers part of it, or the war is split over "
              "several; none.", required=True, enum=MATCH),
        Field("icb_negotiation", "boolean", "A matched crisis has crisis-management technique 1 (negotiation).",
              ICB + ", column crismg", "true when crismg = 1 in any matched crisis.",
              missing="no ICB crisis matches",
              known_issues="The crismg labels (1 negotiation ... 8 violence) follow the ICB codebook as recorded in "
              "shared/data/external/SOURCE.md; the codebook itself was not available offline."),
        Field("icb_crismg", "string", "crismg of each matched crisis, '; '-separated, in crisis order.",
              ICB + ", column crismg", "Raw codes.", missing="no ICB crisis matches"),
        Field("icb_mediation", "boolean", "ICB dates a mediation in a matched crisis.",
              ICB + ", columns yrmedst, momedst, damedst", "true when any matched crisis has a mediation start year.",
              missing="no ICB crisis matches",
              known_issues="The mediate codes are not used (their labels could not be checked offline); a "
              "mediation counts only when ICB gives its start date."),
        Field("icb_mediation_date", "date", "Earliest mediation start ICB gives in the matched crises.",
              ICB + ", columns yrmedst, momedst, damedst", "Day 1 of the month (or January 1) when less precise.",
              pattern=DATE, missing="no dated mediation"),
        Field("icb_mediation_precision", "string", "Precision of icb_mediation_date.", ICB,
              "day; month (day missing or coded above 31); year.", enum=("day", "month", "year"),
              missing="no dated mediation"),
        _days("talks_minus_icb_mediation_days", "ICB's mediation start"),
        Field("ucdp_episodes", "string", "Matched UCDP dyad episodes as dyad_id:episode, '; '-separated.", CROSSWALK,
              "Hand-coded crosswalk.", missing="no UCDP interstate episode matches"),
        Field("ucdp_match", "string", "How well the UCDP episode(s) cover the war.", CROSSWALK, "As icb_match.",
              required=True, enum=MATCH),
        Field("ucdp_outcome", "integer", "Outcome code of the last matched episode.", TERM + ", column outcome",
              "As in UCDP.", minimum=1, maximum=6, missing="no match, or UCDP gives no outcome"),
        Field("ucdp_outcome_label", "string", "Label of ucdp_outcome.", "UCDP Conflict Termination codebook "
              "(as in shared/data/external/SOURCE.md)", "1 peace agreement, 2 ceasefire, 3 victory side A, "
              "4 victory side B, 5 low activity, 6 actor ceases to exist.", enum=tuple(UCDP_OUTCOMES.values()),
              missing="no match, or UCDP gives no outcome"),
        Field("ucdp_ceasefire_date", "date", "Earliest ceasefire of the matched episodes dated within the war.",
              TERM + ", column cfiredate", "Earliest date from the war's start to 30 days after the paper's end "
              "(any date after the start for an ongoing war); a cell listing several gives its earliest.",
              pattern=DATE, missing="UCDP dates none within the war"),
        Field("ucdp_peace_agreement_date", "date", "Earliest peace agreement of the matched episodes dated within "
              "the war.", TERM + ", column peagdate", "As ucdp_ceasefire_date.", pattern=DATE,
              missing="UCDP dates none within the war (later agreements belong to a later episode)"),
        _days("talks_minus_ceasefire_days", "UCDP's ceasefire date"),
        _days("talks_minus_agreement_days", "UCDP's peace-agreement date"),
        Field("ucdp_agreement_by_war_end", "boolean", "UCDP dates a ceasefire or peace agreement within the war.",
              TERM, "true when ucdp_ceasefire_date or ucdp_peace_agreement_date is given. The episode outcome is "
              "not used: it describes the end of the whole episode, which can lie years after the war (Kargil).",
              missing="no UCDP interstate episode matches"),
        Field("icb_class", "string", "The paper's talks beside ICB's negotiation or dated mediation.", "derived",
              CLASS_RULE.format(what="negotiation (crismg 1) or a dated mediation"), required=True, enum=CLASSES),
        Field("ucdp_class", "string", "The paper's talks beside UCDP's ceasefires and peace agreements.", "derived",
              CLASS_RULE.format(what="a ceasefire or peace agreement within the war"), required=True, enum=CLASSES),
        Field("note", "string", "What the crosswalk says about the match.", CROSSWALK, "Copied.", required=True),
    ),
)

SUMMARY = Table(
    name="concordance_summary",
    path="data/processed/concordance/concordance_summary.csv",
    description="Counts of the concordance classes per source, and the date differences where both give a date.",
    primary_key=("comparison",),
    fields=(
        Field("comparison", "string", "Which source and which of its records.", "replication/concordance/compare.py",
              "Fixed list.", required=True, unique=True),
        Field("like_for_like", "string", "How close the comparison is to the paper's direct talks.",
              "replication/concordance/compare.py", "Fixed text.", required=True),
        *(Field(c, "integer", f"Wars classed {c}.", "concordance.csv", "Count.", required=True, minimum=0)
          for c in CLASSES),
        Field("n_dated", "integer", "Wars where both the paper and the source give a date.", "concordance.csv",
              "Count.", required=True, minimum=0),
        Field("median_days", "number", "Median of the paper's talks date minus the source's date.", "concordance.csv",
              "Median over the dated wars.", missing="no war has both dates"),
        Field("source_first", "integer", "Dated wars where the source's date comes before the paper's talks.",
              "concordance.csv", "Count of positive differences (the paper's talks later than the source's date).",
              required=True, minimum=0),
    ),
)

CANDIDATES = Table(
    name="candidates",
    path="data/processed/concordance/candidates.csv",
    description="Every UCDP/PRIO ACD interstate episode that reaches war intensity (intensity_level 2 in at least "
    "one year), with the sample war it matches by dates and states, if any: the unmatched ones are the starting "
    "list for extending the war list (python -m replication candidates).",
    primary_key=("conflict_id", "episode_start"),
    fields=(
        Field("conflict_id", "integer", "UCDP conflict id.", ACD, "As in ACD.", required=True, minimum=1),
        Field("episode_start", "date", "Start of the episode (start_date2).", ACD, "As in ACD.", required=True,
              pattern=DATE),
        Field("episode_end", "date", "End of the episode (ep_end_date).", ACD, "As in ACD.", pattern=DATE,
              missing="the episode is active in ACD's last year (2024)"),
        Field("ongoing", "boolean", "The episode has not ended in ACD v25.1.", ACD, "ep_end = 0 in its last year.",
              required=True),
        Field("war_years", "string", "Years at intensity 2, '; '-separated.", ACD, "intensity_level = 2.",
              required=True),
        Field("side_a_gwno", "string", "Side A states (primary; secondary in brackets), Gleditsch-Ward numbers.",
              ACD + ", gwno_a, gwno_a_2nd", "Union over the episode's years.", required=True),
        Field("side_b_gwno", "string", "Side B states, as side_a_gwno.", ACD + ", gwno_b, gwno_b_2nd",
              "Union over the episode's years.", required=True),
        Field("after_cow", "boolean", "The episode begins after COW v4.0 ends (2007-12-31).", "derived",
              "episode_start > 2007-12-31.", required=True),
        Field("sample_war_id", "string", "The paper's war the episode matches.", "wars.csv, war_participants.csv",
              "A war whose years overlap the episode's and whose states include a primary party of each side "
              "(through data/hand_coding/gw_codes.csv).", missing="no war of the sample: a candidate"),
    ),
)

TABLES = (CONCORDANCE, SUMMARY, CANDIDATES)
