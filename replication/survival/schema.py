"""The tables of the survival stage (data/processed/survival/)."""

from __future__ import annotations

from ..common.steps import DATA_VERSION_DATE
from ..common.tables import PROB, Field, Table

SURVIVAL_SOURCE = "data/processed/survival/survival_data.csv (from wars.csv)"
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
    f"censored at the cut-off {DATA_VERSION_DATE}. Covariates declared in advance: cold_war, log_battle_deaths, n_states.",
    primary_key=("war_id",),
    fields=(
        _f("war_id", "string", "War (wars.csv).", "Foreign key to wars.war_id.", source="wars.csv",
           required=True, unique=True),
        _f("time_days", "integer", "Days from start_date to the event or censoring.",
           "days_to_talks if talks opened before the war's end; else duration_days; else days to the "
           f"cut-off {DATA_VERSION_DATE} (ongoing without talks).", source="wars.csv", required=True, minimum=0),
        _f("event", "integer", "1 talks opened, 2 war ended without talks, 0 censored.",
           "Talks dated after the war's end are not an event of the war.", source="wars.csv", required=True,
           enum=(0, 1, 2)),
        _f("cold_war", "integer", "1 if the war began before 9 November 1989.", "start_date < 1989-11-09.",
           source="wars.csv", required=True, enum=(0, 1)),
        _f("log_battle_deaths", "number", "Natural log of COW battle deaths.",
           "log(cow_battle_deaths), rounded to 10 decimals (as written, so R reads the same data).",
           source="wars.csv (COW v4.0 BatDeath)", minimum=0,
           missing="an added war of an extended run whose battle deaths no stored source settles (left out of "
           "the covariate models: Cox, Fine-Gray, Firth, AFT, PH tests, bootstrap)"),
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
               "replication/survival/estimators.py aalen_johansen; checked against cmprsk, survival and a product integral.",
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
    description="Tests of proportional hazards for both cause-specific Cox models: the score test of R's "
    "survival::cox.zph (survival >= 3.0) for g(t) = 1 - Kaplan-Meier ('km', R's default) and the rank of time, "
    "per covariate and GLOBAL (replication/survival/cox_zph.py, checked against survival 3.5.3 to 1e-6).",
    primary_key=("cause", "transform", "term"),
    fields=(
        _f("cause", "string", "Model.", "", required=True, enum=CAUSES),
        _f("transform", "string", "g(t), the function of time the coefficient may vary with.",
           "km: 1 - left-continuous Kaplan-Meier of the model's event; rank: rank of time.", required=True,
           enum=("km", "rank")),
        _f("term", "string", "Covariate, or GLOBAL (all at once).", "", required=True),
        _f("chisq", "number", "Score statistic for adding covariate x g(t).",
           "cox.zph's test since survival 3.0 (full information matrix), not the pre-3.0 approximation of "
           "lifelines' proportional_hazard_test.", required=True, minimum=0),
        _f("df", "integer", "Degrees of freedom.", "1 per covariate; the number of covariates for GLOBAL.",
           required=True, minimum=1),
        _f("p_value", "number", "p-value (chi-square).", "", required=True, **PROB),
    ),
)

SCHOENFELD = Table(
    name="schoenfeld", path="data/processed/survival/schoenfeld.csv",
    description="Scaled Schoenfeld residuals of both cause-specific Cox models at each event time, as "
    "plot(cox.zph(fit)) draws them (coefficient added; g(t) = 1 - Kaplan-Meier), with the natural-spline "
    "smooth (4 df) R draws through them.",
    primary_key=("cause", "covariate", "event_index"),
    fields=(
        _f("cause", "string", "Model.", "", required=True, enum=CAUSES),
        _f("covariate", "string", "Covariate.", "", required=True),
        _f("event_index", "integer", "Event, in time order (1 = first).", "", required=True, minimum=1),
        _f("time_days", "integer", "Event time.", "", required=True, minimum=0),
        _f("g_time", "number", "g(t) = 1 - left-continuous Kaplan-Meier at the event time.", "", required=True,
           **PROB),
        _f("scaled_residual", "number", "Scaled Schoenfeld residual plus the coefficient: beta(t) at t.",
           "cox.zph()$y; checked against survival 3.5.3.", required=True),
        _f("smooth", "number", "Natural cubic spline (4 df, knots at the quartiles of g(t)) fitted to the "
           "residuals, at this g(t).", "Least squares, as R's plot.cox.zph (df = 4).", required=True),
    ),
)

PH_REMEDY = Table(
    name="ph_remedy", path="data/processed/survival/ph_remedy.csv",
    description="One remedy where proportional hazards is rejected: the talks model with each covariate "
    "whose cox.zph test rejects at 5% (km) given a log-time interaction, so its log hazard ratio is "
    "beta + gamma log(t); checked against R coxph with tt(x) = x log(t).",
    primary_key=("cause", "term"),
    fields=(
        _f("cause", "string", "Model.", "", required=True, enum=CAUSES),
        _f("term", "string", "Covariate, or 'covariate:log(t)' for the interaction.", "", required=True),
        _f("coef", "number", "Coefficient.", "Efron ties, counting-process data split at every event time.",
           required=True),
        _f("se", "number", "Standard error.", "", required=True, minimum=0),
        _f("p_value", "number", "Wald p-value.", "2 P(Z > |coef / se|) from coef and se as written (12 "
           "significant digits), so the row's own numbers give it.", required=True, **PROB),
    ) + tuple(_f(f"hr_day_{d}", "number", f"Hazard ratio at day {d} (exp(beta + gamma log {d})).",
                 "Empty for a covariate without interaction.", minimum=0, missing="no interaction: see coef")
              for d in (30, 365)),
)

FINE_GRAY = Table(
    name="fine_gray", path="data/processed/survival/fine_gray.csv",
    description="Fine-Gray subdistribution hazard models of the cumulative incidence of each cause "
    "(multivariable and Cold-War-only), as cmprsk::crr fits them (replication/survival/fine_gray.py, a port "
    "of crr's Fortran, checked against cmprsk 2.2-11 to 1e-6 with and without censored rows).",
    primary_key=("cause", "model", "covariate"),
    fields=(
        _f("cause", "string", "Cause whose cumulative incidence is modelled.", "", required=True, enum=CAUSES),
        _f("model", "string", "Covariates.", "multivariable: the declared three; cold_war_only.", required=True,
           enum=("multivariable", "cold_war_only")),
        _f("covariate", "string", "Covariate.", "", required=True),
        _f("coef", "number", "Log subdistribution hazard ratio.", "Newton to crr's gradient rule at gtol 1e-12.",
           required=True),
        _f("se", "number", "Standard error.", "crr's sandwich variance (it accounts for the censoring weights).",
           required=True, minimum=0),
        _f("shr", "number", "Subdistribution hazard ratio exp(coef).", "", required=True, minimum=0),
        _f("shr_lower", "number", "Lower 95% bound (Wald).", "", required=True, minimum=0),
        _f("shr_upper", "number", "Upper 95% bound (Wald).", "", required=True, minimum=0),
        _f("p_value", "number", "Wald p-value.", "", required=True, **PROB),
        _f("events", "integer", "Events of the cause.", "", required=True, minimum=0),
        _f("n", "integer", "Wars.", "", required=True, minimum=1),
        _f("log_likelihood", "number", "Log pseudo-likelihood at the estimate.", "crr's loglik.", required=True),
    ),
)

GRAY_TEST = Table(
    name="gray_test", path="data/processed/survival/gray_test.csv",
    description="Gray's test of equal cumulative incidence of each cause between wars begun in the Cold War "
    "and later wars (cmprsk::cuminc's Tests, rho = 0; checked against cmprsk 2.2-11).",
    primary_key=("cause",),
    fields=(
        _f("cause", "string", "Cause.", "", required=True, unique=True, enum=CAUSES),
        _f("groups", "string", "Groups compared.", "", required=True),
        _f("statistic", "number", "Chi-square statistic.", "", required=True, minimum=0),
        _f("df", "integer", "Degrees of freedom.", "Groups minus one.", required=True, minimum=1),
        _f("p_value", "number", "p-value.", "", required=True, **PROB),
    ),
)

CIF_BY_GROUP = Table(
    name="cif_by_group", path="data/processed/survival/cif_by_group.csv",
    description="Aalen-Johansen cumulative incidence of each cause in each Cold-War group (the curves Gray's "
    "test compares), with log-log 95% intervals from cmprsk's variance.",
    primary_key=("group", "time_days"),
    fields=(
        _f("group", "string", "Group.", "", required=True, enum=("cold_war=1", "cold_war=0")),
        _f("time_days", "integer", "Time.", "", required=True, minimum=0),
        _f("at_risk", "integer", "Wars at risk in the group.", "", required=True, minimum=0),
    ) + tuple(
        f for cause in CAUSES for f in (
            _f(f"cif_{cause}", "number", f"Cumulative incidence of {cause}.", "As cif.csv, within the group.",
               required=True, **PROB),
            _f(f"cif_{cause}_lower", "number", "Lower 95% bound.", "", missing="undefined at 0 or 1", **PROB),
            _f(f"cif_{cause}_upper", "number", "Upper 95% bound.", "", missing="undefined at 0 or 1", **PROB),
        )
    ),
)

FIRTH = Table(
    name="firth_cox", path="data/processed/survival/firth_cox.csv",
    description="Firth-penalised cause-specific Cox models (Heinze and Schemper 2001; Efron ties): less "
    "biased than maximum likelihood with 16 and 22 events, finite under separation "
    "(replication/survival/cox.py and small_sample.py; checked by a gradient check and a second optimiser).",
    primary_key=("cause", "covariate"),
    fields=(
        _f("cause", "string", "Model.", "", required=True, enum=CAUSES),
        _f("covariate", "string", "Covariate.", "", required=True),
        _f("coef", "number", "Penalised estimate.", "Maximises l(b) + log|I(b)| / 2.", required=True),
        _f("hazard_ratio", "number", "exp(coef).", "", required=True, minimum=0),
        _f("hr_lower", "number", "Lower bound of the 95% profile penalised-likelihood interval.",
           "Where 2 (l*max - l*profile) = 3.84.", required=True, minimum=0),
        _f("hr_upper", "number", "Upper bound of the 95% profile penalised-likelihood interval.", "",
           required=True, minimum=0),
        _f("p_value", "number", "Penalised likelihood-ratio p-value (1 df).", "", required=True, **PROB),
        _f("coef_ml", "number", "Maximum-likelihood estimate, for comparison (as cox.csv).", "", required=True),
        _f("events", "integer", "Events.", "", required=True, minimum=0),
    ),
)

EXACT_LOGRANK = Table(
    name="exact_logrank", path="data/processed/survival/exact_logrank.csv",
    description="The exact conditional (permutation) log-rank test of time to talks, Cold-War wars against "
    "later wars: every split of the wars into groups of these sizes is equally likely under the null "
    "(all of them counted; checked against R coin's logrank_test(distribution = 'exact')).",
    primary_key=("groups",),
    fields=(_f("groups", "string", "Groups compared.", "", required=True),) + _counts(
        ("n_1", "Wars in group 1."), ("n_0", "Wars in group 0."), ("events_1", "Talks in group 1."),
        ("events_0", "Talks in group 0.")) + (
        _f("z", "number", "Standardised linear log-rank statistic (coin's Z).",
           "Scores: 1 - cumulative hazard for an event, - cumulative hazard otherwise (ties in full).",
           required=True),
        _f("p_exact", "number", "Exact two-sided p-value.", "Count of splits at least as extreme / all splits.",
           required=True, **PROB),
        _f("p_normal", "number", "Two-sided p-value of Z by the normal approximation.", "", required=True, **PROB),
        _f("subsets", "integer", "Splits counted.", "n choose the smaller group's size.", required=True,
           minimum=1),
    ),
)

BOOTSTRAP = Table(
    name="bootstrap", path="data/processed/survival/bootstrap.csv",
    description="Bootstrap percentile 95% intervals (wars resampled with replacement, seeded) for the "
    "Cold-War hazard ratio of talks and the cumulative incidence of talks at the declared horizons, with "
    "the Monte Carlo error of each bound and the share of resamples that fail or separate.",
    primary_key=("quantity",),
    fields=(
        _f("quantity", "string", "What is resampled.", "", required=True, unique=True),
        _f("estimate", "number", "Estimate on the data.", "", required=True, minimum=0),
        _f("resamples", "integer", "Bootstrap resamples drawn.", "", required=True, minimum=1),
        _f("seed", "integer", "Seed of numpy's default generator.", "Reruns give the same draws.", required=True,
           minimum=0),
        _f("used", "integer", "Resamples with a finite estimate.", "", required=True, minimum=0),
        _f("failed_or_separated", "integer", "Resamples whose Cox fit did not reach a finite optimum.",
           "|log HR| above 15 or no convergence.", required=True, minimum=0),
    ) + tuple(
        f for side in ("lower", "upper") for f in (
            _f(side, "number", f"{side.title()} bound of the 95% percentile interval.", "", required=True,
               minimum=0),
            _f(f"{side}_mc_low", "number", f"The {side} bound lies above this with 95% Monte Carlo confidence.",
               "Order statistic, binomial bracket of the quantile.", required=True, minimum=0),
            _f(f"{side}_mc_high", "number", f"The {side} bound lies below this with 95% Monte Carlo confidence.",
               "", required=True, minimum=0),
        )
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
        _f("coef", "number", "Coefficient.", "Exact Newton fit (replication/survival/aft.py); checked against lifelines "
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
        _f("coding", "string", "Coding of the data.", "replication/survival/sensitivity.py ALTERNATIVES.",
           source="replication/survival/sensitivity.py", required=True, unique=True),
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
        _f("shr_cold_war", "number", "Fine-Gray subdistribution hazard ratio of talks, Cold-War era "
           "(multivariable).", "As fine_gray.csv.", required=True, minimum=0),
        _f("shr_cold_war_lower", "number", "Lower 95% bound.", "", required=True, minimum=0),
        _f("shr_cold_war_upper", "number", "Upper 95% bound.", "", required=True, minimum=0),
        _f("gray_p_talks", "number", "Gray's test p-value, cumulative incidence of talks, Cold War vs later.",
           "As gray_test.csv.", required=True, **PROB),
    ),
)


TABLES = (SURVIVAL_DATA, KM_TALKS, KM_MEDIAN, CIF, COX, COX_PH_TEST, SCHOENFELD, PH_REMEDY, FINE_GRAY, GRAY_TEST,
          CIF_BY_GROUP, FIRTH, EXACT_LOGRANK, BOOTSTRAP, AFT, LOGRANK, SENSITIVITY)
