"""The schema of every processed table: one definition drives the codebook, the
great-expectations suite, the Stata variable labels and the column order of the outputs."""

from __future__ import annotations

from dataclasses import dataclass, field

APPENDIX = "Appendix 1 of the paper (data/raw/appendix1_table.txt)"
COW = "COW Inter-State War Data v4.0 (data/raw/Inter-StateWarData_v4.0.csv)"
RESPONSE_TYPES = ("accept", "reject", "unknown", "none")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | integer | boolean | date
    description: str
    source: str
    rule: str
    required: bool = False
    unique: bool = False
    enum: tuple | None = None
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    missing: str = "never missing"
    known_issues: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    description: str
    primary_key: tuple
    fields: tuple = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


DATE = r"^\d{4}-\d{2}-\d{2}$"

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

def _relaxed(f: Field) -> Field:
    """Extension rows need not be COW wars: their COW columns may be empty."""
    if f.name.startswith("cow_war") or f.name in ("cow_start_date", "cow_end_date", "start_gap_days", "cow_initiators"):
        return Field(**{**f.__dict__, "required": False, "unique": False,
                        "missing": "an added war that is not in COW v4.0"})
    if f.name in ("war_name",):
        return Field(**{**f.__dict__, "unique": False})
    return f


WARS_EXTENDED = Table(
    name="wars_extended",
    path="data/processed/extended/wars_extended.csv",
    description="The paper's wars plus the wars of a user's extension file (written only by "
    "`python -m replication all --sample extended`; not part of the committed archive).",
    primary_key=("war_id",),
    fields=tuple(_relaxed(f) for f in WARS.fields) + (
        Field("sample", "string", "Where the row comes from.", "replication/extension.py", "", required=True,
              enum=("paper", "extension")),
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
        Field("check_id", "string", "Which check found the discrepancy.", "replication/discrepancies.py",
              "One of the check ids listed in the codebook.", required=True,
              enum=tuple(DISCREPANCY_CHECKS)),
        Field("column", "string", "Column of wars.csv at issue.", "replication/discrepancies.py", "Column name.",
              required=True),
        Field("paper_value", "string", "Value in the paper's table.", APPENDIX, "As in wars.csv.", required=True),
        Field("other_value", "string", "Value it disagrees with.", "COW v4.0 or another cell of the same row",
              "As in wars.csv.", missing="nothing to compare with (e.g. a response with no verb)"),
        Field("difference_days", "integer", "paper_value minus other_value, in days, for dates.", "derived",
              "Signed day difference.", missing="not a pair of dates"),
        Field("description", "string", "What disagrees, in words.", "replication/discrepancies.py",
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
        Field("check", "string", "Check id.", "replication/alignment_check.py", "Fixed list.", required=True,
              unique=True),
        Field("rule", "string", "The rule in words.", "replication/alignment_check.py", "Fixed text.",
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

SURVIVAL_SOURCE = "data/processed/survival/survival_data.csv (from wars.csv)"
PROB = {"minimum": 0, "maximum": 1}
CAUSES = ("talks", "war_end")


def _f(name, type_, description, rule, source=SURVIVAL_SOURCE, **kw):
    return Field(name, type_, description, source, rule, **kw)


def _counts(*names_and_descriptions):
    return tuple(_f(n, "integer", d, "Count.", required=True, minimum=0) for n, d in names_and_descriptions)


SURVIVAL_DATA = Table(
    name="survival_data", path="data/processed/survival/survival_data.csv",
    description="The analysis frame of the survival step, and its primary specification: the unit is a "
    "war; time runs from start_date; the event of interest is the opening of talks (days_to_talks); a war "
    "that ended without talks has a competing event at duration_days; a war ongoing without talks is "
    "censored at the cut-off 2026-11-24. Covariates declared in advance: cold_war, log_battle_deaths, n_states.",
    primary_key=("war_id",),
    fields=(
        _f("war_id", "string", "War (wars.csv).", "Foreign key to wars.war_id.", source="wars.csv",
           required=True, unique=True),
        _f("time_days", "integer", "Days from start_date to the event or censoring.",
           "days_to_talks if talks opened before the war's end; else duration_days; else days to the "
           "cut-off 2026-11-24 (ongoing without talks).", source="wars.csv", required=True, minimum=0),
        _f("event", "integer", "1 talks opened, 2 war ended without talks, 0 censored.",
           "Talks dated after the war's end are not an event of the war.", source="wars.csv", required=True,
           enum=(0, 1, 2)),
        _f("cold_war", "integer", "1 if the war began before 9 November 1989.", "start_date < 1989-11-09.",
           source="wars.csv", required=True, enum=(0, 1)),
        _f("log_battle_deaths", "number", "Natural log of COW battle deaths.",
           "log(cow_battle_deaths), rounded to 10 decimals (as written, so R reads the same data).",
           source="wars.csv (COW v4.0 BatDeath)", required=True, minimum=0),
        _f("n_states", "integer", "Number of states in the war (both sides).",
           "cow_states_side_a + cow_states_side_b.", source="wars.csv (COW v4.0)", required=True, minimum=2),
    ),
)

KM_TALKS = Table(
    name="km_talks", path="data/processed/survival/km_talks.csv",
    description="Kaplan-Meier estimate of the probability that talks have not opened, treating war end "
    "without talks as censoring (what most studies do; see cif.csv for the competing-risks estimate).",
    primary_key=("time_days",),
    fields=(
        _f("time_days", "integer", "Days since the war began.", "Every distinct observed time, and 0.",
           required=True, unique=True, minimum=0),
        _f("survival", "number", "Probability talks have not opened by this day.", "lifelines "
           "KaplanMeierFitter; checked against statsmodels and R survfit.", required=True, **PROB),
        _f("ci_lower", "number", "Lower 95% bound, log-log (exponential Greenwood).", "As R conf.type='log-log'.",
           missing="undefined where survival is 1 or 0", **PROB),
        _f("ci_upper", "number", "Upper 95% bound, log-log.", "As R conf.type='log-log'.",
           missing="undefined where survival is 1 or 0", **PROB),
    ) + _counts(("at_risk", "Wars still at risk (no event before this day)."),
                ("events", "Talks opened on this day.")),
)

KM_MEDIAN = Table(
    name="km_median", path="data/processed/survival/km_median.csv",
    description="Median days to talks (Kaplan-Meier) with its 95% interval, as R's survfit reports it.",
    primary_key=("median",),
    fields=(
        _f("median", "number", "Median days to talks.", "First time the curve is at or below 0.5.",
           minimum=0, missing="not reached"),
        _f("lower", "number", "Lower 95% bound of the median.", "First time the lower band is at or below "
           "0.5 (R survfit).", minimum=0, missing="not reached"),
        _f("upper", "number", "Upper 95% bound of the median.", "First time the upper band is at or below "
           "0.5 (R survfit).", minimum=0, missing="not reached: the upper band never falls to 0.5"),
    ),
)

CIF = Table(
    name="cif", path="data/processed/survival/cif.csv",
    description="Aalen-Johansen cumulative incidence of talks and of war end without talks (competing "
    "risks): the headline estimate. Exact with ties; variance as cmprsk::cuminc.",
    primary_key=("time_days",),
    fields=(
        _f("time_days", "integer", "Days since the war began.", "Every distinct observed time.", required=True,
           unique=True, minimum=0),
        _f("at_risk", "integer", "Wars at risk just before this day.", "Count.", required=True, minimum=0),
    ) + tuple(
        f for cause in CAUSES for f in (
            _f(f"cif_{cause}", "number", f"Cumulative incidence of {cause.replace('_', ' ')} by this day.",
               "replication/survival.py aalen_johansen; checked against cmprsk, survival and a product integral.",
               required=True, **PROB),
            _f(f"cif_{cause}_lower", "number", "Lower 95% bound (log-log transform).",
               "cif^exp(+1.96 se / (cif log cif)).", missing="undefined where the estimate is 0", **PROB),
            _f(f"cif_{cause}_upper", "number", "Upper 95% bound (log-log transform).",
               "cif^exp(-1.96 se / (cif log cif)).", missing="undefined where the estimate is 0", **PROB),
        )
    ) + tuple(
        _f(f"cif_{cause}_var", "number", "Variance of the estimate.", "Gray's estimator (cmprsk::cuminc).",
           required=True, minimum=0) for cause in CAUSES
    ),
)

COX = Table(
    name="cox", path="data/processed/survival/cox.csv",
    description="Cause-specific Cox models (Efron ties) of the hazard of talks and of war end without "
    "talks; covariates declared in advance. About five events per covariate: descriptive only.",
    primary_key=("cause", "covariate"),
    fields=(
        _f("cause", "string", "Event modelled; the other is censored.", "", required=True, enum=CAUSES),
        _f("covariate", "string", "Covariate.", "", required=True,
           enum=("cold_war", "log_battle_deaths", "n_states")),
        _f("coef", "number", "Log hazard ratio.", "lifelines CoxPHFitter; checked against statsmodels PHReg "
           "and R coxph.", required=True),
        _f("se", "number", "Standard error of coef.", "Inverse information.", required=True, minimum=0),
        _f("hazard_ratio", "number", "exp(coef).", "", required=True, minimum=0),
        _f("hr_lower", "number", "Lower 95% bound of the hazard ratio.", "Wald.", required=True, minimum=0),
        _f("hr_upper", "number", "Upper 95% bound of the hazard ratio.", "Wald.", required=True, minimum=0),
        _f("p_value", "number", "Wald test p-value.", "", required=True, **PROB),
    ) + _counts(("events", "Events of this cause."), ("n", "Wars in the model.")) + (
        _f("log_likelihood", "number", "Partial log-likelihood at the estimate.", "", required=True),
    ),
)

COX_PH_TEST = Table(
    name="cox_ph_test", path="data/processed/survival/cox_ph_test.csv",
    description="Tests of proportional hazards (scaled Schoenfeld residuals against rank of time).",
    primary_key=("cause", "covariate"),
    fields=(
        _f("cause", "string", "Model.", "", required=True, enum=CAUSES),
        _f("covariate", "string", "Covariate.", "", required=True),
        _f("test_statistic", "number", "Chi-square statistic (1 df).", "lifelines proportional_hazard_test, "
           "time_transform='rank'.", required=True, minimum=0),
        _f("p_value", "number", "p-value.", "", required=True, **PROB),
    ),
)

AFT = Table(
    name="aft", path="data/processed/survival/aft.csv",
    description="Parametric accelerated-failure-time models of time to talks (war end censored), "
    "compared by AIC.",
    primary_key=("model", "parameter", "covariate"),
    fields=(
        _f("model", "string", "Distribution.", "", required=True, enum=("weibull", "lognormal", "loglogistic")),
        _f("parameter", "string", "lifelines parameter name (location or shape block).",
           "lambda_/mu_/alpha_: log time scale; rho_/sigma_/beta_: log shape or scale "
           "(rho_ and beta_ = -log of R's survreg scale; sigma_ = log of it).", required=True),
        _f("covariate", "string", "Covariate or Intercept.", "", required=True),
        _f("coef", "number", "Coefficient.", "Exact Newton fit (replication/aft.py); checked against lifelines "
           "and R survreg.", required=True),
        _f("se", "number", "Standard error.", "From the analytic observed information.", required=True, minimum=0),
        _f("p_value", "number", "Wald p-value.", "", required=True, **PROB),
        _f("log_likelihood", "number", "Log-likelihood of the model.", "Of T, as lifelines and survreg report it.",
           required=True),
        _f("aic", "number", "Akaike information criterion.", "-2 loglik + 2 parameters.", required=True),
        _f("n_parameters", "integer", "Parameters in the model.", "", required=True, minimum=1),
        _f("lowest_aic", "boolean", "This model has the lowest AIC.", "", required=True),
    ),
)

LOGRANK = Table(
    name="logrank", path="data/processed/survival/logrank.csv",
    description="Log-rank test of time to talks (war end censored), wars begun in the Cold War against later wars.",
    primary_key=("groups",),
    fields=(_f("groups", "string", "Groups compared.", "", required=True),) + _counts(
        ("n_1", "Wars in group 1."), ("n_0", "Wars in group 0."), ("events_1", "Talks in group 1."),
        ("events_0", "Talks in group 0.")) + (
        _f("chi_square", "number", "Log-rank statistic.", "lifelines; checked against statsmodels and R "
           "survdiff.", required=True, minimum=0),
        _f("df", "integer", "Degrees of freedom.", "", required=True, minimum=1),
        _f("p_value", "number", "p-value.", "", required=True, **PROB),
    ),
)

SENSITIVITY = Table(
    name="sensitivity", path="data/processed/survival/sensitivity.csv",
    description="The headline numbers under each alternative coding of the table: one alternative per "
    "kind of discrepancy in discrepancies.csv.",
    primary_key=("coding",),
    fields=(
        _f("coding", "string", "Coding of the data.", "replication/sensitivity.py ALTERNATIVES.",
           source="replication/sensitivity.py", required=True, unique=True),
        _f("discrepancy_checks", "string", "Discrepancy checks whose wars are recoded.", "check_id values.",
           source="discrepancies.csv", missing="the primary coding"),
        _f("wars_affected", "string", "Wars recoded, '; '-separated.", "", source="discrepancies.csv",
           missing="none"),
    ) + _counts(("n_wars", "Wars."), ("talks", "Wars with talks."),
                ("war_end_without_talks", "Wars ended without talks."), ("censored", "Wars censored.")) + (
        _f("km_median_days", "number", "Kaplan-Meier median days to talks.", "As km_median.csv.", minimum=0,
           missing="not reached"),
    ) + tuple(
        f for h in (30, 90, 365, 1000) for f in (
            _f(f"cif_talks_{h}d", "number", f"Cumulative incidence of talks by day {h} (Aalen-Johansen).",
               "As cif.csv.", required=True, **PROB),
            _f(f"one_minus_km_{h}d", "number", f"1 - Kaplan-Meier by day {h} (war end censored).",
               "As km_talks.csv.", required=True, **PROB),
        )
    ) + (
        _f("hr_cold_war", "number", "Hazard ratio of talks, Cold-War era.", "As cox.csv.", required=True,
           minimum=0),
        _f("hr_cold_war_lower", "number", "Lower 95% bound.", "", required=True, minimum=0),
        _f("hr_cold_war_upper", "number", "Upper 95% bound.", "", required=True, minimum=0),
    ),
)

MODEL_SOURCE = "replication/models.py"


def _m(name, type_, description, rule="", **kw):
    return Field(name, type_, description, MODEL_SOURCE, rule, **kw)


PROP1_EXAMPLES = Table(
    name="prop1_examples", path="data/processed/models/prop1_examples.csv",
    description="Proposition 1 (adverse inference model) worked for three cost distributions at illustrative "
    "parameters (replication/models_step.py EXAMPLE), with kappa = 0 and kappa > 0.",
    primary_key=("distribution", "kappa"),
    fields=(
        _m("distribution", "string", "Distribution F of B's cost of war.", required=True),
        _m("p", "number", "A's probability of victory.", required=True, **PROB),
        _m("c_A", "number", "A's cost of war.", required=True, minimum=0),
        _m("c_B_min", "number", "Lower end of F's support.", required=True),
        _m("c_B_max", "number", "Upper end of F's support.", required=True),
        _m("kappa", "number", "Cost to B of opening.", required=True, minimum=0),
        _m("b_opens", "boolean", "Some type of B opens in equilibrium.", "Proposition 1: only when kappa = 0.",
           required=True),
        _m("cutoff", "number", "Types with c_B >= cutoff open.", "Solves (1 - F(c)) = f(c)(c + c_A).",
           missing="no type opens (kappa > 0)"),
        _m("offer", "number", "A's offer x (A's share) after an opening.", "p + cutoff.",
           missing="no type opens"),
        _m("share_open", "number", "Probability that B opens.", "1 - F(cutoff).", required=True, **PROB),
        _m("fearon_offer", "number", "A's offer when B must negotiate (Fearon 1995).", "Equals offer at kappa = 0.",
           required=True),
        _m("cutoff_by_optimisation", "number", "The cutoff found by maximising A's payoff numerically.",
           "Independent check of cutoff.", required=True),
        _m("cutoff_closed_form", "number", "Closed form (c_B_max - c_A)/2 for the uniform.", "Uniform only.",
           missing="no closed form for this distribution"),
    ),
)

PROP2_EXAMPLE = Table(
    name="prop2_example", path="data/processed/models/prop2_example.csv",
    description="Proposition 2 (resilience model) at illustrative parameters: posterior, regime and the "
    "predicted posture of each type class.",
    primary_key=("type_class",),
    fields=(
        _m("p", "number", "A's probability of victory without escalation.", required=True, **PROB),
        _m("p_prime", "number", "A's probability of victory after effective escalation.", required=True, **PROB),
        _m("nu", "number", "A's cost of escalation.", required=True, minimum=0),
        _m("k", "number", "Cost of the signal S to low-resilience types.", required=True, minimum=0),
        _m("c_A", "number", "A's cost of war.", required=True, minimum=0),
        _m("prior_q", "number", "A's prior that B is highly resilient.", "E[Pr(H | c_B)].", required=True, **PROB),
        _m("cutoff", "number", "High-cost types: c_B >= cutoff (the Proposition 1 cutoff).", required=True),
        _m("q_hat", "number", "A's posterior after an open stance.", "E[Pr(H | c_B) | c_B >= cutoff] < q.",
           required=True, **PROB),
        _m("nu_ratio", "number", "nu / (p' - p).", required=True, minimum=0),
        _m("k_ratio", "number", "k / (p' - p).", required=True, minimum=0),
        _m("escalation_too_costly", "boolean", "nu >= (1 - q_hat)(p' - p).", required=True),
        _m("separation", "boolean", "k >= p' - p.", required=True),
        _m("regime", "string", "Regime of Proposition 2.", "Escalation first, then separation.", required=True,
           enum=("escalation_too_costly", "separation", "closed")),
        _m("type_class", "string", "Class of B's type.", required=True, unique=True),
        _m("predicted_posture", "string", "Posture the model predicts for the class.", required=True,
           enum=("open", "closed", "closed or open")),
    ),
)

FIGURE1_PAYOFFS = Table(
    name="figure1_payoffs", path="data/processed/models/figure1_payoffs.csv",
    description="The terminal nodes of Figure 1 with their payoffs (A, B) for low- and high-resilience B, "
    "rendered from the model's payoff function.",
    primary_key=("signal", "opened", "escalated", "accepted"),
    fields=(
        _m("label", "string", "Terminal label as the paper prints it.", required=True),
        _m("signal", "boolean", "B sent the resilience signal S.", required=True),
        _m("opened", "boolean", "B took an open stance.", required=True),
        _m("escalated", "boolean", "A escalated.", required=True),
        _m("accepted", "boolean", "B accepted A's offer.", missing="B stayed closed: no offer"),
        _m("payoff_a_low", "string", "A's payoff, low-resilience B.", required=True),
        _m("payoff_b_low", "string", "B's payoff, low-resilience B.", required=True),
        _m("payoff_a_high", "string", "A's payoff, high-resilience B.", required=True),
        _m("payoff_b_high", "string", "B's payoff, high-resilience B.", required=True),
    ),
)

CASE_SOURCE = "data/hand_coding/cases.yaml"
CASES = Table(
    name="cases", path="data/processed/link/cases.csv",
    description="Observed cases beside the regime and posture the resilience model predicts from the coded "
    "conditions. Dates and observed postures come from wars.csv; each coding quotes the paper.",
    primary_key=("case_id",),
    fields=(
        Field("case_id", "string", "Case.", CASE_SOURCE, "", required=True, unique=True),
        Field("war_id", "string", "War (wars.csv).", CASE_SOURCE, "Foreign key to wars.war_id.", required=True),
        Field("war_name", "string", "Name of the war.", "wars.csv", "", required=True),
        Field("state_b", "string", "State whose posture is explained (B).", CASE_SOURCE, "", required=True),
        Field("opponent_a", "string", "Its opponent (A).", CASE_SOURCE, "", required=True),
        Field("phase", "string", "Phase of the war.", CASE_SOURCE, "", required=True),
        Field("phase_start", "date", "Start of the phase.", "wars.csv or a date quoted from the paper", "",
              required=True, pattern=DATE),
        Field("phase_end", "date", "End of the phase.", "wars.csv or a date quoted from the paper", "",
              required=True, pattern=DATE),
        Field("role_of_b", "string", "B's role in the printed proposal.", "wars.csv proposer/response",
              "B's name found in the proposer or in the response.", required=True,
              enum=("proposer", "responder", "not named")),
        Field("observed_posture", "string", "B's posture over the phase.", "wars.csv",
              "Proposer: open. Responder: closed before talks_date, open from it if its response opened "
              "talks; closed throughout otherwise.", required=True, enum=("open", "closed", "closed, then open")),
        Field("escalation_too_costly", "boolean", "Coded: nu >= (1 - q_hat)(p' - p) for A.", CASE_SOURCE,
              "Quoted passage.", missing="the paper does not say"),
        Field("signal_separates", "boolean", "Coded: k >= p' - p.", CASE_SOURCE, "Quoted passage.",
              missing="the paper does not say"),
        Field("cost", "string", "Coded class of B's cost of war.", CASE_SOURCE, "Quoted passage.",
              enum=("high", "low"), missing="the paper does not say"),
        Field("resilience", "string", "Coded resilience of B as demonstrated to A.", CASE_SOURCE,
              "Quoted passage.", enum=("high", "low"), missing="the paper does not say"),
        Field("predicted_regime", "string", "Regime of Proposition 2 implied by the coded conditions.",
              "replication/link.py", "One regime, or 'not determined: ...' listing those the coding allows.",
              required=True),
        Field("predicted_posture", "string", "Posture the model predicts for B.", "replication/models.py",
              "Union over the regimes and type classes the coding allows.", required=True),
        Field("agrees", "boolean", "Observed posture at the end of the phase is a predicted one.",
              "replication/link.py", "", missing="prediction undetermined by the coding"),
        Field("quote", "string", "Passage of the paper the coding rests on.", CASE_SOURCE, "", required=True),
        Field("section", "string", "Section of the paper.", CASE_SOURCE, "", required=True),
    ),
)

CLAIMS = Table(
    name="claims", path="data/processed/claims.csv",
    description="Every quantitative statement the paper's text makes about its war table, recomputed from "
    "wars.csv (replication/claims.py). Quotes are checked against the paper's text by the tests.",
    primary_key=("claim_id",),
    fields=(
        Field("claim_id", "string", "Claim.", "replication/claims.py", "", required=True, unique=True),
        Field("quote", "string", "The paper's words.", "the paper's text", "Exact quotation.", required=True),
        Field("location", "string", "Where in the paper.", "the paper's text", "Section (and footnote).",
              required=True),
        Field("computation", "string", "How the claim is computed from wars.csv.", "replication/claims.py", "",
              required=True),
        Field("paper_value", "string", "What the paper says.", "the paper's text", "", required=True),
        Field("computed_value", "string", "What the data give.", "wars.csv", "Computed on every run.",
              missing="not computable from Appendix 1"),
        Field("status", "string", "Verdict.", "replication/claims.py", "", required=True,
              enum=("reproduced", "not reproduced", "not computable from Appendix 1")),
        Field("note", "string", "How the words were read, or why the claim is not reproduced.",
              "replication/claims.py", "", missing="no note needed"),
    ),
)

MODEL_TABLES = (PROP1_EXAMPLES, PROP2_EXAMPLE, FIGURE1_PAYOFFS, CASES)

SURVIVAL_TABLES = (SURVIVAL_DATA, KM_TALKS, KM_MEDIAN, CIF, COX, COX_PH_TEST, AFT, LOGRANK, SENSITIVITY)
TABLES = (WARS, DISCREPANCIES, ALIGNMENT) + SURVIVAL_TABLES + MODEL_TABLES + (CLAIMS,)
