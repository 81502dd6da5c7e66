"""The tables of the war dataset stage: wars.csv, the extended sample, discrepancies and the alignment check."""

from __future__ import annotations

from ..common.tables import DATE, Field, Table

APPENDIX = "Appendix 1 of the paper (data/raw/appendix1_table.txt)"
COW = "COW Inter-State War Data v4.0 (data/raw/Inter-StateWarData_v4.0.csv)"
RESPONSE_TYPES = ("accept", "reject", "unknown", "none")
ACTORS = "data/hand_coding/actor_coding.csv"
CODES = r"^\d+(; \d+)*$"

WARS = Table(
    name="wars",
    path="data/processed/wars.csv",
    description="One row per interstate war of the paper's Appendix 1 (all COW interstate wars since WWII), "
    "with the timing of the first peace talks and a crosswalk to COW v4.0.",
    primary_key=("war_id",),
    fields=(
        Field("war_id", "string", "Stable identifier of the war (slug).", "data/hand_coding/cow_crosswalk.csv",
              "Assigned once in the crosswalk; never reused.", required=True, unique=True, pattern=r"^[a-z0-9_]+$"),
        Field("war_name", "string", "Name of the war as the paper prints it.", APPENDIX + ", column 'Conflict Name'",
              "Cell of the aligned table; the one war missing from the extracted name column is inserted by "
              "ledger repair R1 from the paper's text.", required=True, unique=True),
        Field("cow_war_num", "integer", "COW war number (WarNum).", "data/hand_coding/cow_crosswalk.csv; " + COW,
              "Hand-coded crosswalk, checked one-to-one and against COW start and end dates.",
              required=True, unique=True, minimum=1, maximum=227),
        Field("start_date", "date", "Start of the war as the paper prints it.", APPENDIX + ", column 'Conflict Start'",
              "Parsed from 'YYYY Mon D'; ISO 8601.", required=True, pattern=DATE),
        Field("end_date", "date", "End of the war as the paper prints it.", APPENDIX + ", column 'Conflict End'",
              "Parsed from 'YYYY Mon D'; ISO 8601.", pattern=DATE,
              missing="the paper prints 'ongoing' (see is_ongoing)"),
        Field("is_ongoing", "boolean", "The paper codes the war as ongoing.", APPENDIX + ", column 'Conflict End'",
              "true when the cell reads 'ongoing'.", required=True,
              known_issues="The paper's 'War in Afghanistan' is ongoing; COW v4.0 ends its war 225 on 2001-12-22."),
        Field("proposer", "string", "Who first proposed talks, as printed.", APPENDIX + ", column 'Proposer'",
              "Printed text; empty when the cell is 'N/A', 'unknown' or blank.",
              missing="no proposal recorded (response_type none) or proposer unknown (response_type unknown)"),
        Field("response", "string", "Response to the first proposal, as printed.", APPENDIX + ", column 'Response'",
              "Printed text; empty when the cell is 'N/A', 'unknown' or blank.",
              missing="no proposal recorded (response_type none) or response unknown (response_type unknown)",
              known_issues="Cenepa Valley's response reads only 'Peru' (no verb); see discrepancies.csv."),
        Field("response_type", "string", "Classification of the response.",
              "data/hand_coding/response_coding.yaml applied to 'response'",
              "Rules in the coding file: a verb of acceptance -> accept, of refusal -> reject, 'unknown' -> unknown, "
              "'N/A' -> none; per-war hand codes, each with its reason, where no rule applies.",
              required=True, enum=RESPONSE_TYPES),
        Field("response_date", "date", "Date printed inside the response text (e.g. 'June 7, 1977').",
              APPENDIX + ", column 'Response'", "Parsed from 'Month D, YYYY' inside the text.", pattern=DATE,
              missing="the response text prints no date"),
        *(f for role, printed in (("proposer", "proposer"), ("responder", "response")) for f in (
            Field(f"{role}_ccode", "string", f"COW country code(s) of the belligerent {role}(s), '; '-separated.",
                  ACTORS, f"Hand coding of the printed '{printed}' cell; each code is a participant of the war in COW.",
                  pattern=CODES, missing=f"no belligerent {role}: none printed, or only a third party"),
            Field(f"{role}_gwcode", "string", f"Gleditsch-Ward number(s) of the belligerent {role}(s), in the order "
                  f"of {role}_ccode.", "data/hand_coding/gw_codes.csv", "The crosswalk's code for each COW code.",
                  pattern=CODES, missing=f"no belligerent {role}"),
            Field(f"{role}_third_party", "string", f"{role.capitalize()}(s) that are not belligerents (an "
                  "international organisation or a third state), '; '-separated.", ACTORS,
                  "Coded as such, never forced to a belligerent.", missing="no third party"),
            Field(f"{role}_third_party_ccode", "string", f"COW code(s) of the third-state {role}(s).", ACTORS,
                  "A COW state that is not a participant of the war.", pattern=CODES,
                  missing="no third state (an international organisation has no code)"),
        )),
        Field("proposer_side", "integer", "COW side (1 or 2) of the belligerent proposer.", ACTORS + "; " + COW,
              "Side of the proposer's participant row; proposers of one war are on one side.", minimum=1, maximum=2,
              missing="no belligerent proposer"),
        Field("proposer_is_initiator", "boolean", "The belligerent proposer is a COW initiator of the war.",
              ACTORS + "; " + COW + ", column Initiator", "true when a proposing state has Initiator = 1.",
              missing="no belligerent proposer"),
        Field("has_talks", "boolean", "Talks emerged during the war.", APPENDIX + ", column 'Days Before Talks'",
              "true when 'Days Before Talks' is a number.", required=True),
        Field("days_to_talks", "integer", "Days from the war's start to the start of talks.",
              APPENDIX + ", column 'Days Before Talks'", "Printed integer.", minimum=0,
              missing="no talks ('N/A' in the paper)"),
        Field("talks_date", "date", "Date talks opened.", "derived", "start_date + days_to_talks.",
              pattern=DATE, missing="no talks"),
        Field("duration_days", "integer", "Days from start_date to end_date (paper dates).", "derived",
              "end_date - start_date.", minimum=0, missing="war ongoing in the paper"),
        Field("cow_war_name", "string", "COW's name of the war.", COW + ", column WarName", "As in COW.",
              required=True),
        Field("cow_start_date", "date", "Earliest participant start in COW.", COW + ", StartYear1/Month1/Day1",
              "Minimum over participants of the first spell's start.", required=True, pattern=DATE),
        Field("cow_end_date", "date", "Latest participant end in COW.", COW + ", EndYear1/2, EndMonth1/2, EndDay1/2",
              "Maximum over participants and spells of the end date.", required=True, pattern=DATE),
        Field("start_gap_days", "integer", "Paper start minus COW start, in days.", "derived",
              "start_date - cow_start_date; validated to lie within the documented tolerance.", required=True),
        Field("end_gap_days", "integer", "Paper end minus COW end, in days.", "derived",
              "end_date - cow_end_date; validated to lie within the documented tolerance.",
              missing="war ongoing in the paper"),
        Field("cow_battle_deaths", "integer", "Battle deaths, summed over participants with a known count.",
              COW + ", column BatDeath", "Sum over participants; -9 (unknown) rows are left out.", required=True,
              minimum=0, known_issues="COW codes Thailand's deaths in war 170 as unknown (-9); see "
              "cow_battle_deaths_complete."),
        Field("cow_battle_deaths_complete", "boolean", "Every participant's battle deaths are known in COW.",
              COW + ", column BatDeath", "false when any participant has BatDeath -9.", required=True),
        Field("cow_states_side_a", "integer", "Number of states on COW side 1.", COW + ", column Side",
              "Count of participant rows with Side = 1.", required=True, minimum=1),
        Field("cow_states_side_b", "integer", "Number of states on COW side 2.", COW + ", column Side",
              "Count of participant rows with Side = 2.", required=True, minimum=1),
        Field("cow_initiators", "string", "States COW codes as initiators, '; '-separated.",
              COW + ", columns Initiator, StateName", "StateName of participants with Initiator = 1, sorted.",
              required=True),
        Field("ledger_repairs", "string", "Ledger repairs that moved or supplied a cell of this row.",
              "data/corrections/appendix1_ledger.yaml", "'; '-separated repair ids.",
              missing="no repair touched the row"),
        Field("raw_lines", "string", "Line of data/raw/appendix1_table.txt each cell came from.",
              "derived from the ledger application", "'column=line' pairs; 'column=R1' for a cell the ledger "
              "supplied.", required=True),
    ),
)

COW_ONLY = ("cow_war_name", "cow_start_date", "cow_end_date", "start_gap_days", "cow_battle_deaths",
            "cow_battle_deaths_complete", "cow_states_side_a", "cow_states_side_b", "cow_initiators")


def _relaxed(f: Field) -> Field:
    """Extension rows need not be COW wars: their COW columns hold COW's values or stay empty (a user's own
    counts go to battle_deaths and states_side_a/b). A COW war still appears once across both samples."""
    if f.name == "cow_war_num":
        return Field(**{**f.__dict__, "required": False, "missing": "an added war that is not in COW v4.0",
                        "rule": f.rule + " Unique across the paper's wars and the extension."})
    if f.name in COW_ONLY:
        return Field(**{**f.__dict__, "required": False, "missing": "an added war that is not in COW v4.0"})
    return f


def _count(name: str, description: str, minimum: int, required: bool = True) -> Field:
    return Field(name, "integer", description, "COW v4.0 (the paper's wars, an added COW war) or the extension file",
                 "The value the analyses use; counts_source says where it comes from.", required=required,
                 minimum=minimum, missing="never missing" if required else
                 "an added war whose count no stored source settles (the reason is in the extension's sources "
                 "file); it is left out of the covariate models")


WARS_EXTENDED = Table(
    name="wars_extended",
    path="data/processed/extended/wars_extended.csv",
    description="The paper's wars plus the wars of a user's extension file (written only by "
    "`python -m replication all --sample extended`, with a Stata copy wars_extended.dta; not part of the "
    "committed archive).",
    primary_key=("war_id",),
    fields=tuple(_relaxed(f) for f in WARS.fields) + (
        Field("sample", "string", "Where the row comes from.", "replication/wars/extension.py", "", required=True,
              enum=("paper", "extension")),
        _count("battle_deaths", "Battle deaths used by the analyses.", 0, required=False),
        _count("states_side_a", "States on side A used by the analyses.", 1),
        _count("states_side_b", "States on side B used by the analyses.", 1),
        Field("counts_source", "string", "Where battle_deaths and states_side_a/b come from.",
              "replication/wars/extension.py", "COW v4.0 for a COW war; the extension file otherwise.",
              required=True, enum=("COW v4.0", "extension file")),
        Field("source_citation", "string", "Source of the coding of an added war.", "extension file", "",
              required=True),
        Field("coder", "string", "Who coded the added war.", "extension file", "", missing="a war of the paper"),
        Field("coded_on", "date", "When the added war was coded.", "extension file", "", pattern=DATE,
              missing="a war of the paper"),
    ),
)

DISCREPANCY_CHECKS = {
    "start_vs_cow": "the paper's start date differs from COW's earliest participant start",
    "end_vs_cow": "the paper's end date differs from COW's latest participant end",
    "ongoing_vs_cow": "the paper codes the war as ongoing but COW v4.0 gives an end date",
    "response_date_vs_days": "a date printed in the response differs from start_date + days before talks",
    "response_date_before_start": "the proposal a response refers to is dated before the war began",
    "response_without_verb": "the response prints no verb of acceptance or refusal (classified by a hand code)",
}

DISCREPANCIES = Table(
    name="discrepancies",
    path="data/processed/discrepancies.csv",
    description="Every difference between the paper's dates and COW's, and every internal inconsistency "
    "of the Appendix 1 table. Reported, not corrected.",
    primary_key=("war_id", "check_id"),
    fields=(
        Field("war_id", "string", "War concerned (wars.csv).", "wars.csv", "Foreign key to wars.war_id.",
              required=True),
        Field("war_name", "string", "Name of the war as the paper prints it.", "wars.csv", "Copied.",
              required=True),
        Field("check_id", "string", "Which check found the discrepancy.", "replication/wars/discrepancies.py",
              "One of the check ids listed in the codebook.", required=True,
              enum=tuple(DISCREPANCY_CHECKS)),
        Field("column", "string", "Column of wars.csv at issue.", "replication/wars/discrepancies.py", "Column name.",
              required=True),
        Field("paper_value", "string", "Value in the paper's table.", APPENDIX, "As in wars.csv.", required=True),
        Field("other_value", "string", "Value it disagrees with.", "COW v4.0 or another cell of the same row",
              "As in wars.csv.", missing="nothing to compare with (e.g. a response with no verb)"),
        Field("difference_days", "integer", "paper_value minus other_value, in days, for dates.", "derived",
              "Signed day difference.", missing="not a pair of dates"),
        Field("description", "string", "What disagrees, in words.", "replication/wars/discrepancies.py",
              "Generated text.", required=True),
    ),
)

ALIGNMENT = Table(
    name="alignment_check",
    path="data/processed/alignment_check.csv",
    description="The checks that show the extracted table's shift: each rule counted on the table read "
    "straight across (as extracted) and on the table as the corrections ledger aligns it.",
    primary_key=("check",),
    fields=(
        Field("check", "string", "Check id.", "replication/wars/alignment_check.py", "Fixed list.", required=True,
              unique=True),
        Field("rule", "string", "The rule in words.", "replication/wars/alignment_check.py", "Fixed text.",
              required=True),
        Field("straight_across_passing", "integer", "Rows passing, table read straight across.", APPENDIX,
              "Count.", required=True, minimum=0),
        Field("straight_across_checked", "integer", "Rows the rule could be computed for, straight across.",
              APPENDIX, "Count of rows with the needed cells parseable.", required=True, minimum=0),
        Field("ledger_passing", "integer", "Rows passing after the ledger's repairs.", APPENDIX,
              "Count.", required=True, minimum=0),
        Field("ledger_checked", "integer", "Rows the rule could be computed for, after the repairs.", APPENDIX,
              "Count.", required=True, minimum=0),
    ),
)


WAR_PARTICIPANTS = Table(
    name="war_participants",
    path="data/processed/war_participants.csv",
    description="One row per state, war and side of the paper's wars, from COW's participant rows, with "
    "COW and Gleditsch-Ward codes and whether the state proposed or answered the first proposal of talks. "
    "Merges with COW, peacesciencer and UCDP data by ccode or gwcode and year.",
    primary_key=("war_id", "ccode", "side"),
    fields=(
        Field("war_id", "string", "War (wars.csv).", "wars.csv", "Foreign key to wars.war_id.", required=True),
        Field("cow_war_num", "integer", "COW war number.", COW + ", column WarNum", "As in COW.", required=True,
              minimum=1),
        Field("ccode", "integer", "COW country code.", COW + ", column ccode", "As in COW.", required=True,
              minimum=1),
        Field("gwcode", "integer", "Gleditsch-Ward state number.", "data/hand_coding/gw_codes.csv",
              "The crosswalk's code for ccode (equal except Germany after 1990: COW 255 = GW 260).",
              required=True, minimum=1),
        Field("state_name", "string", "COW's name of the state.", COW + ", column StateName", "As in COW.",
              required=True),
        Field("side", "integer", "COW side.", COW + ", column Side", "As in COW.", required=True, minimum=1,
              maximum=2),
        Field("initiator", "boolean", "COW codes the state as an initiator.", COW + ", column Initiator",
              "true when Initiator = 1.", required=True),
        Field("start_date", "date", "The state's entry into the war.", COW + ", StartYear1/Month1/Day1",
              "As in COW.", pattern=DATE, missing="COW codes the day or month unknown (-9)"),
        Field("end_date", "date", "The state's exit from the war (end of its last spell).",
              COW + ", EndYear1/2, EndMonth1/2, EndDay1/2", "Second spell's end where COW gives one.", pattern=DATE,
              missing="COW codes the day or month unknown (-9)"),
        Field("second_spell", "boolean", "COW records a second spell of participation.", COW + ", StartYear2",
              "true when StartYear2 is not -8.", required=True),
        Field("battle_deaths", "integer", "The state's battle deaths.", COW + ", column BatDeath", "As in COW.",
              minimum=0, missing="COW codes the count unknown (-9): Thailand in war 170"),
        Field("cow_outcome", "integer", "COW's outcome code for the state.", COW + ", column Outcome",
              "As in COW (see the COW v4.0 codebook for the codes).", required=True, minimum=1),
        Field("proposed_talks", "boolean", "The state is coded as (one of) the proposer(s) of the first talks.",
              ACTORS, "true when the actor coding names this state as a belligerent proposer.", required=True),
        Field("responded", "boolean", "The state is coded as (one of) the responder(s) to the first proposal.",
              ACTORS, "true when the actor coding names this state as a belligerent responder.", required=True),
        Field("cow_line", "integer", "Line of the COW file the row comes from.", COW, "Line number.",
              required=True, minimum=2),
    ),
)

TABLES = (WARS, WAR_PARTICIPANTS, DISCREPANCIES, ALIGNMENT)
