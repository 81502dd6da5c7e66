"""REPORT.md: every result of the archive in one page that renders on GitHub, built from the processed files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..common import paths
from ..common.formats import read_typed
from ..common.steps import DATA_VERSION_DATE
from ..common.text import yaml_load
from .catalog import TABLES


def md_table(df: pd.DataFrame, digits: int = 3) -> str:
    def cell(v):
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat()
        if isinstance(v, float):
            return "" if pd.isna(v) else f"{v:.{digits}g}" if abs(v) < 1e4 else f"{v:,.0f}"
        return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v).replace("|", "\\|")

    lines = ["| " + " | ".join(map(str, df.columns)) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " ..."


def _read(root: Path, rel: str) -> pd.DataFrame:
    """A processed table, typed by its schema (booleans as booleans, dates as dates)."""
    table = next(t for t in TABLES if t.path == rel)
    return read_typed(root / rel, table)


def plain_words(firth: pd.DataFrame, primary) -> str:
    """What the small sample supports, from the Firth intervals and the headline incidence."""
    excludes = firth[(firth["hr_lower"] > 1) | (firth["hr_upper"] < 1)]
    cw = firth[(firth["cause"] == "talks") & (firth["covariate"] == "cold_war")].iloc[0]
    text = (f"In plain words: these data can say that talks are the exception (cumulative incidence "
            f"{primary['cif_talks_365d']:.2f} by a year) and can show when they come; for the talks model, the "
            f"Cold-War hazard ratio's interval runs from {cw['hr_lower']:.2f} to {cw['hr_upper']:.2f}"
            + (", so the data cannot tell a halving from a doubling. " if cw["hr_lower"] < 0.5 < 2 < cw["hr_upper"]
               else ". "))
    if excludes.empty:
        return text + "No Firth interval excludes 1; no test here is evidence of no effect."
    named = "; ".join(f"{r.covariate} for {r.cause} ({r.hr_lower:.2f}-{r.hr_upper:.2f})" for r in excludes.itertuples())
    return (text + f"Only {named} has an interval that excludes 1, one of {len(firth)} estimates: with this many "
            "tests, read it as a lead, not a finding. A test that does not reject is not evidence of no effect.")


def side_by_side(cox: pd.DataFrame, fine_gray: pd.DataFrame) -> pd.DataFrame:
    """Cause-specific and subdistribution hazard ratios of the multivariable models, one row per
    cause and covariate."""
    fg = fine_gray[fine_gray["model"] == "multivariable"].set_index(["cause", "covariate"])
    rows = []
    for r in cox.itertuples():
        f = fg.loc[(r.cause, r.covariate)]
        rows.append({"cause": r.cause, "covariate": r.covariate,
                     "cause-specific HR (95%)": f"{r.hazard_ratio:.2f} ({r.hr_lower:.2f}-{r.hr_upper:.2f})",
                     "p (Cox)": r.p_value,
                     "subdistribution HR (95%)": f"{f['shr']:.2f} ({f['shr_lower']:.2f}-{f['shr_upper']:.2f})",
                     "p (Fine-Gray)": f["p_value"]})
    return pd.DataFrame(rows)


def ph_sentence(ph: pd.DataFrame, remedy: pd.DataFrame) -> str:
    """What the PH tests say, in words, from the table."""
    km = ph[(ph["transform"] == "km") & (ph["term"] != "GLOBAL")]
    rejected = km[km["p_value"] < 0.05]
    glob = ph[(ph["transform"] == "km") & (ph["term"] == "GLOBAL")].set_index("cause")["p_value"]
    if rejected.empty:
        return ("No covariate's test rejects proportional hazards at 5% (km); the GLOBAL p-values are "
                + ", ".join(f"{c} {p:.3f}" for c, p in glob.items()) + ".")
    parts = [f"{r.term} in the {r.cause} model (p = {r.p_value:.4f})" for r in rejected.itertuples()]
    text = ("Proportional hazards is rejected at 5% (km) for " + "; ".join(parts) + "; GLOBAL p = "
            + ", ".join(f"{p:.4f} ({c})" for c, p in glob.items()) + ". Where it fails, the Cox hazard ratio "
            "is an average of a ratio that changes over time, weighted by when the events fall, and should "
            "not be read as a constant effect.")
    for r in remedy.dropna(subset=["hr_day_30"]).itertuples():
        text += (f" With a log-time interaction, the hazard ratio of {r.term} for {r.cause} is "
                 f"{r.hr_day_30:.2f} at day 30 and {r.hr_day_365:.2f} at day 365.")
    return text


def figure(name: str, caption: str) -> str:
    return f"![{caption}](figures/{name}.png)\n\n*{caption}* (PDF: `figures/{name}.pdf`)\n"


def _names(df: pd.DataFrame, extra=None) -> str:
    return "; ".join(f"{r.war_name}{extra(r) if extra else ''}" for r in df.itertuples()) or "none"


def solver_section(root: Path) -> list[str]:
    """The propositions against the games solved from their primitives (models/solver.py)."""
    a1 = _read(root, "data/processed/models/agreement_prop1.csv")
    a2 = _read(root, "data/processed/models/agreement_prop2.csv")
    esc = pd.crosstab(a2["prop2_escalation_too_costly"], a2["solver_pooling_without_escalation"]).reindex(
        index=[True, False], columns=[True, False], fill_value=0)
    sep_agree = int((a2["prop2_separation"] == a2["solver_separating"]).sum())
    sufficient = int((a2["prop2_escalation_too_costly"] & a2["solver_pooling_without_escalation"]).sum())
    only_solver = int((~a2["prop2_escalation_too_costly"] & a2["solver_pooling_without_escalation"]).sum())
    ratio = (a2["solver_escalation_gain"] / a2["prop2_escalation_gain"])
    statics = _read(root, "data/processed/models/comparative_statics.csv")
    st = statics[statics["panel"] == "boundary"]
    return [
        "**The games solved from their primitives.** `models/solver.py` solves both games by backward induction "
        "on B's types (cutoff stances; in the resilience game, pooled or resilience-separating signals), with "
        "Bayes' rule on the path and, off it, the belief that deters most; it does not use the proposition "
        "formulas.",
        "",
        f"- Proposition 1 (adverse inference, kappa = 0), {len(a1)} grid points (`agreement_prop1.csv`): the "
        f"lowest self-confirming cutoff equals the proposition's c* to {a1['cutoff_difference'].abs().max():.1e} "
        f"(offer to {a1['offer_difference'].abs().max():.1e}). Every cutoff from c* to the top of the support "
        "also confirms itself, so the equilibrium is not unique: c* is the selection with the most opening "
        "(the paper's). With kappa > 0 the solver finds no opening equilibrium, as the proposition says "
        "(tests/models/test_solver.py).",
        f"- Proposition 2, {len(a2)} admissible grid points (`agreement_prop2.csv`): the separation condition "
        f"(k >= p' - p exactly when a separating equilibrium lets low-resilience types open) agrees at "
        f"{sep_agree} of {len(a2)}. The escalation condition nu >= (1 - q_hat)(p' - p) is sufficient (at "
        f"{sufficient} points it holds and the solver finds low-resilience types opening without escalation) "
        f"but not necessary: at {only_solver} points where it fails the solver still finds such equilibria. "
        "The reason is in the game: after an opening A escalates and then re-optimises its offer, and the "
        "offer that extracts more from low-resilience types loses the high-resilience ones, so escalation is "
        f"worth {ratio.min():.1%} to {ratio.max():.1%} of (1 - q_hat)(p' - p) on this grid. This is a "
        "finding about the proposition's stated condition in the searched class (the paper's proof applies "
        "the Iterated Intuitive Criterion, which the solver does not), reported, not resolved:",
        "",
        md_table(pd.DataFrame({"nu >= (1 - q_hat)(p' - p)": ["yes", "no"],
                               "solver: low-resilience types open, no escalation": esc[True].to_list(),
                               "solver: no such equilibrium": esc[False].to_list()})),
        "",
        f"The comparative statics show why (`comparative_statics.csv`): as A's prior q that B is resilient rises, "
        f"Proposition 2's boundary 1 - q_hat falls, and the solved game's lies below it at every prior computed "
        f"(at most {(st['solver_boundary_nu_ratio'] / st['prop2_boundary_nu_ratio']).max():.0%} of it), and below the "
        f"assumptions' lower bound 1 - q at {int((st['solver_boundary_nu_ratio'] < st['admissible_nu_ratio_low']).sum())} "
        f"of {len(st)} priors: within the assumptions, A does not escalate after a pooled opening there. Below the "
        "boundary the share of types that open falls (only high-resilience types open) unless the signal is too "
        "costly for low-resilience types (k >= p' - p), when a separating equilibrium opens talks to both.",
        "",
        figure("comparative_statics", "Comparative statics: the escalation boundary against the prior, and the "
               "share of types that open against the cost of escalation"),
    ]


def concordance_section(root: Path, wars: pd.DataFrame) -> list[str]:
    """The paper's coding beside ICB and UCDP, and the country codes; findings about the data, not the theory."""
    conc = _read(root, "data/processed/concordance/concordance.csv")
    summ = _read(root, "data/processed/concordance/concordance_summary.csv")
    cand = _read(root, "data/processed/concordance/candidates.csv")
    part = _read(root, "data/processed/war_participants.csv")
    third = wars[wars["proposer_third_party"].notna()]
    third_resp = wars[wars["responder_third_party_ccode"].notna()]
    ucdp_only = conc[conc["ucdp_class"] == "source_only"]
    paper_only = conc[conc["ucdp_class"] == "paper_only"]
    icb_first = conc[conc["talks_minus_icb_mediation_days"] > 0]
    todo = cand[cand["sample_war_id"].isna()]
    def day(r):  # the ceasefire, or the agreement where UCDP dates no ceasefire
        d = r.ucdp_ceasefire_date if not pd.isna(r.ucdp_ceasefire_date) else r.ucdp_peace_agreement_date
        return f" ({pd.Timestamp(d).date()})"
    return [
        "### Country codes and participants",
        "",
        f"`war_participants.csv` holds {len(part)} state-war rows from COW's participant file, with COW and "
        f"Gleditsch-Ward codes. The printed proposers map to belligerent COW codes in "
        f"{int(wars['proposer_ccode'].notna().sum())} wars; {len(third)} wars have a proposer that is not a "
        f"belligerent ({_names(third, lambda r: ': ' + r.proposer_third_party)}). In {len(third_resp)} wars a "
        f"printed responder is a state that COW does not list as fighting ({_names(third_resp, lambda r: ': ' + r.responder_third_party)}).",
        "",
        "### The paper's coding beside independent data",
        "",
        "`concordance.csv` sets each war's talks beside ICB v14 (crisis-management technique, dated mediation) and "
        "the UCDP Conflict Termination data v3-2021 (ceasefire and peace-agreement dates within the war), through "
        "the reviewed crosswalk `data/hand_coding/concordance_crosswalk.csv`. Neither is like for like: the paper "
        "codes the first *direct* talks.",
        "",
        md_table(summ),
        "",
        f"- UCDP dates a ceasefire or peace agreement within {len(ucdp_only)} wars the paper codes without talks: "
        f"{_names(ucdp_only, day)}. These question the coding only where the agreement was "
        "negotiated directly; several were imposed, unilateral or mediated (the notes in the crosswalk say which "
        "source to check).",
        f"- In {len(paper_only)} wars the paper has talks and UCDP no agreement within the war "
        f"({_names(paper_only)}): talks that did not end the fighting, consistent with both.",
        f"- ICB dates a mediation before the paper's first direct talks in {len(icb_first)} wars "
        f"({_names(icb_first, lambda r: f' ({int(r.talks_minus_icb_mediation_days)} days)')}): third parties "
        "were active before the belligerents talked directly.",
        "",
        "The timeline in section 1 (`figures/timeline.png`) marks ICB's mediation start and UCDP's ceasefire and "
        "peace-agreement dates beside the paper's talks.",
        "",
        "### Candidates for extending the war list",
        "",
        f"UCDP/PRIO ACD v25.1 has {len(cand)} interstate episodes at war intensity; {len(todo)} match no war of the "
        "sample by years and states (`python -m replication candidates`; `candidates.csv`):",
        "",
        md_table(todo[["conflict_id", "episode_start", "episode_end", "war_years", "side_a_gwno", "side_b_gwno",
                       "after_cow"]]),
        "",
    ]


def render_report(root: Path) -> str:
    wars = _read(root, "data/processed/wars.csv")
    disc = _read(root, "data/processed/discrepancies.csv")
    align = _read(root, "data/processed/alignment_check.csv")
    km_median = _read(root, "data/processed/survival/km_median.csv").iloc[0]
    cif = _read(root, "data/processed/survival/cif.csv")
    cox = _read(root, "data/processed/survival/cox.csv")
    ph = _read(root, "data/processed/survival/cox_ph_test.csv")
    remedy = _read(root, "data/processed/survival/ph_remedy.csv")
    aft = _read(root, "data/processed/survival/aft.csv")
    logrank = _read(root, "data/processed/survival/logrank.csv").iloc[0]
    fine_gray = _read(root, "data/processed/survival/fine_gray.csv")
    gray = _read(root, "data/processed/survival/gray_test.csv")
    firth = _read(root, "data/processed/survival/firth_cox.csv")
    exact = _read(root, "data/processed/survival/exact_logrank.csv").iloc[0]
    boot = _read(root, "data/processed/survival/bootstrap.csv")
    sens = _read(root, "data/processed/survival/sensitivity.csv")
    claims = _read(root, "data/processed/claims.csv")
    cases = _read(root, "data/processed/link/cases.csv")
    prop2 = _read(root, "data/processed/models/prop2_example.csv")
    ledger = yaml_load(paths.APPENDIX_LEDGER.read_text(encoding="utf-8"))["repairs"]

    n, talks = len(wars), int((wars["has_talks"] == True).sum())  # noqa: E712
    primary = sens.iloc[0]
    talks_by_year = primary["cif_talks_365d"]
    km_by_year = primary["one_minus_km_365d"]
    end_cif = cif.iloc[-1]
    median_upper = "not reached" if pd.isna(km_median["upper"]) else f"{km_median['upper']:.0f}"
    out = [
        "# Report: Talking to the Enemy, replicated",
        "",
        "Generated by `python -m replication report` from the processed files; do not edit by hand. Every number "
        "below is read from a file under `data/processed/`, and every figure from `figures/` (see README, "
        "'List of tables, figures and in-text numbers').",
        "",
        "## 1. The dataset",
        "",
        f"`data/processed/wars.csv` holds {n} wars, one for each COW v4.0 interstate war begun after WWII. Talks "
        f"opened in {talks} ({100 * talks / n:.1f}%); {n - talks} wars ended without talks. The extracted table "
        f"was realigned by {len(ledger)} ledger repairs:",
        "",
        md_table(pd.DataFrame([{"repair": r["id"], "action": r["action"], "columns": ", ".join(r["columns"]),
                                "reason": _shorten(r["reason"])} for r in ledger])),
        "",
        "What the repairs change (`alignment_check.csv`):",
        "",
        md_table(align),
        "",
        figure("timeline", "Every war of Appendix 1, start to end, with the day talks opened and, hollow, the "
               "independent dates of ICB and UCDP (section 2)"),
        "## 2. Where the paper disagrees with COW or with itself",
        "",
        f"{len(disc)} discrepancies (`discrepancies.csv`); none is corrected, each is carried into the "
        "sensitivity analysis below.",
        "",
        md_table(disc[["war_id", "check_id", "paper_value", "other_value", "difference_days"]]),
        "",
        *concordance_section(root, wars),
        "## 3. Time to talks",
        "",
        "Primary specification: time from a war's start to the opening of talks; a war that ends without talks "
        f"has a competing event; an ongoing war without talks is censored at {DATA_VERSION_DATE}.",
        "",
        f"**Why Kaplan-Meier overstates the chance of talks.** Kaplan-Meier treats a war that ended without talks "
        f"as if it were still at risk of talks later. One minus Kaplan-Meier puts the chance of talks within a year "
        f"at {km_by_year:.2f}; the Aalen-Johansen cumulative incidence, which lets war end compete with talks, puts "
        f"it at {talks_by_year:.2f}. By the last observed day the cumulative incidence of talks is "
        f"{end_cif['cif_talks']:.2f} and of war end without talks {end_cif['cif_war_end']:.2f} (together "
        f"{end_cif['cif_talks'] + end_cif['cif_war_end']:.2f}, the share of wars that had opened talks or ended), "
        f"whereas one minus Kaplan-Meier reaches {1 - _read(root, 'data/processed/survival/km_talks.csv')['survival'].iloc[-1]:.2f}.",
        "",
        figure("cif", "Cumulative incidence of talks and of war end without talks, beside one minus Kaplan-Meier"),
        figure("km_talks", "Kaplan-Meier estimate of time to talks (war end censored), with numbers at risk"),
        f"Kaplan-Meier median time to talks: {km_median['median']:.0f} days (95% interval {km_median['lower']:.0f} "
        f"to {median_upper}).",
        "",
        "Cumulative incidence at the declared horizons, and the same under each alternative coding "
        "(`sensitivity.csv`):",
        "",
        md_table(sens.drop(columns=["discrepancy_checks"])),
        "",
        f"**Cause-specific Cox models** ({int(cox['events'].iloc[0])} talks, {int(cox['events'].iloc[-1])} war ends "
        "without talks; about five events per covariate, so these hazard ratios describe these wars and "
        "support no strong inference):",
        "",
        md_table(cox[["cause", "covariate", "hazard_ratio", "hr_lower", "hr_upper", "p_value"]]),
        "",
        figure("forest_hazard_ratios", "Hazard ratios with 95% intervals"),
        "**Proportional hazards.** The score test of R's `cox.zph` as computed since survival 3.0 (the "
        "test of adding covariate x g(t) to the model, with the full information matrix; the older "
        "approximation that lifelines' `proportional_hazard_test` reproduces gives much smaller statistics "
        "here), for g(t) = 1 - Kaplan-Meier (R's default) and the rank of time (`cox_ph_test.csv`, checked "
        "against survival 3.5.3):",
        "",
        md_table(ph.pivot_table(index=["cause", "term"], columns="transform", values="p_value", sort=False)
                 .reset_index().rename(columns={"km": "p (km)", "rank": "p (rank)"}), digits=3),
        "",
        ph_sentence(ph, remedy),
        "",
        figure("schoenfeld", "Scaled Schoenfeld residuals with the smooth of plot.cox.zph"),
        "The remedy shown (`ph_remedy.csv`): the same model with each rejected covariate given a log-time "
        "interaction, so its hazard ratio is exp(beta + gamma log t) and can change as a war goes on:",
        "",
        md_table(remedy),
        "",
        "Accelerated-failure-time models (time to talks, war end censored):",
        "",
        md_table(aft.drop_duplicates("model")[["model", "log_likelihood", "aic", "n_parameters", "lowest_aic"]],
                 digits=7),
        "",
        f"Log-rank test, wars begun in the Cold War against later wars: chi-square {logrank['chi_square']:.3f} "
        f"(1 df), p = {logrank['p_value']:.3f}.",
        "",
        "**Two kinds of hazard, side by side.** The cause-specific Cox model asks what drives the *rate* at "
        "which talks open among wars still being fought (a war that ended has left the risk set). The "
        "Fine-Gray model asks what drives the *cumulative chance* that a war sees talks at all: a war that "
        "ended without talks stays in its risk set (weighted by the censoring distribution: "
        + ("1 throughout, since no war is censored" if int(primary["censored"]) == 0 else
           f"{int(primary['censored'])} wars are censored") + "), so a covariate that hastens war end lowers the subdistribution hazard of "
        "talks even if it leaves their rate alone. Fine-Gray (`fine_gray.csv`, a port of `cmprsk::crr`, "
        "checked against cmprsk 2.2-11 to 1e-6):",
        "",
        md_table(side_by_side(cox, fine_gray)),
        "",
        f"Gray's test of equal cumulative incidence, Cold-War wars against later ones (`gray_test.csv`): "
        + "; ".join(f"{r.cause} chi-square {r.statistic:.3f} (1 df), p = {r.p_value:.3f}" for r in gray.itertuples())
        + ".",
        "",
        figure("cif_by_group", "Cumulative incidence by era, with Gray's test"),
        f"**What {int(primary['talks'])} talks and {int(primary['war_end_without_talks'])} war ends can support.** "
        "With about five events per covariate, maximum-likelihood hazard ratios are biased away from 1 and Wald "
        "intervals are unreliable; the archive therefore reports estimates that do not lean on large samples. "
        "Firth-penalised Cox models (`firth_cox.csv`; profile penalised-likelihood intervals and "
        "likelihood-ratio p-values):",
        "",
        md_table(firth[["cause", "covariate", "hazard_ratio", "hr_lower", "hr_upper", "p_value", "coef_ml"]]),
        "",
        f"The exact log-rank test (`exact_logrank.csv`; all {int(exact['subsets']):,} ways of splitting the wars "
        f"into groups of {int(exact['n_1'])} and {int(exact['n_0'])} counted, checked against R coin): "
        f"p = {exact['p_exact']:.4f} (normal approximation {exact['p_normal']:.4f}). Bootstrap percentile "
        f"intervals (`bootstrap.csv`, {int(boot['resamples'].iloc[0])} resamples, seed "
        f"{int(boot['seed'].iloc[0])}; each bound with the range it lies in with 95% Monte Carlo confidence):",
        "",
        md_table(boot[["quantity", "estimate", "lower", "upper", "lower_mc_low", "lower_mc_high", "upper_mc_low",
                       "upper_mc_high", "failed_or_separated"]]),
        "",
        f"{int(boot['failed_or_separated'].iloc[0])} of {int(boot['resamples'].iloc[0])} resamples gave no finite "
        "Cox estimate (near-separation). " + plain_words(firth, primary),
        "",
        "Every estimate here is checked in the tests against an independent implementation: statsmodels, a "
        "product-integral written in the test, and R's survival and cmprsk (committed reference values, "
        "regenerated when R is installed).",
        "",
        "## 4. The formal models and the cases",
        "",
        figure("figure1_game_tree", "Figure 1 redrawn: the game for one type of B, payoffs from the model code"),
        f"At the illustrative parameters the resilience model is in regime '{prop2['regime'].iloc[0]}' "
        f"(q = {prop2['prior_q'].iloc[0]:.2f}, q_hat = {prop2['q_hat'].iloc[0]:.2f}):",
        "",
        md_table(prop2[["type_class", "predicted_posture"]]),
        "",
        *solver_section(root),
        figure("regime_map", "Regimes of Proposition 2, with the coded cases placed schematically"),
        figure("cases", "Cases: phases, predicted regimes and observed postures"),
        md_table(cases[["case_id", "state_b", "opponent_a", "phase_start", "phase_end", "observed_posture",
                        "predicted_regime", "predicted_posture", "agrees", "share_observed_posture", "robustness"]]),
        "",
        f"Each case's prediction is also drawn: {int(cases['draws'].iloc[0]):,} parameter draws per case from a "
        "declared prior, restricted by the coded conditions (`models/link.py`, `PRIOR`: q ~ U(0, 1), q_hat ~ U(0, q), "
        "nu/(p'-p) ~ U(1 - q, 1), k/(p'-p) ~ U(0, 2), an uncoded type class high or low with probability 1/2; seeded "
        "by case id). `share_observed_posture` is the share of draws that predict the observed final posture "
        f"(Monte Carlo standard error at most {cases['mc_se'].max():.4f}); robust at 90% or more: "
        f"{int((cases['robustness'] == 'robust').sum())} of {len(cases)} cases, fragile "
        f"{int((cases['robustness'] == 'fragile').sum())}, not predicted {int((cases['robustness'] == 'not predicted').sum())}. "
        "A coded condition fixes its part of the prediction, so the shares show what the uncoded conditions leave "
        "open, not how likely the coding is.",
        "",
        "## 5. The paper's claims about its table",
        "",
        md_table(claims[["claim_id", "paper_value", "computed_value", "status", "note"]]),
        "",
        "The regenerated Appendix 1 is in `exhibits/appendix1.md` and `exhibits/appendix1.tex`.",
        "",
    ]
    return "\n".join(out)


HEADLINE = [("n_wars", "wars"), ("talks", "wars with talks (events)"),
            ("war_end_without_talks", "wars ended without talks (competing events)"),
            ("censored", "wars ongoing without talks (censored at the observation date)"),
            ("km_median_days", "Kaplan-Meier median days to talks")] + [
    (f"cif_talks_{h}d", f"cumulative incidence of talks by day {h}") for h in (30, 90, 365, 1000)] + [
    (f"one_minus_km_{h}d", f"1 - Kaplan-Meier by day {h}") for h in (365, 1000)] + [
    ("hr_cold_war", "Cox hazard ratio of talks, Cold-War era"),
    ("hr_cold_war_lower", "Cox hazard ratio, lower 95% bound"),
    ("hr_cold_war_upper", "Cox hazard ratio, upper 95% bound"),
    ("shr_cold_war", "Fine-Gray subdistribution hazard ratio of talks, Cold-War era"),
    ("shr_cold_war_lower", "Fine-Gray, lower 95% bound"), ("shr_cold_war_upper", "Fine-Gray, upper 95% bound"),
    ("gray_p_talks", "Gray's test p-value, talks, Cold War vs later")]


def render_extended_report(root: Path, extension: Path, observed_on) -> str:
    """REPORT_extended.md: which wars were added and from where, and the headline numbers of the paper's
    sample and the extended sample side by side."""
    from ..common.formats import read_typed
    from ..sources.provenance import sha256
    from ..wars.schema import WARS_EXTENDED

    wars = read_typed(root / WARS_EXTENDED.path, WARS_EXTENDED)
    added = wars[wars["sample"] == "extension"]
    paper = _read(root, "data/processed/survival/sensitivity.csv").iloc[0]
    extended = pd.read_csv(root / "data/processed/extended/survival/sensitivity.csv",
                           keep_default_na=False, na_values=[""]).iloc[0]
    side = pd.DataFrame([{"measure": label, "paper's sample": paper[key], "extended sample": extended[key]}
                         for key, label in HEADLINE])
    ongoing = added[added["is_ongoing"] == True]  # noqa: E712

    def fig(name, caption):
        return (f"![{caption}](figures/extended/{name}.png)\n\n*{caption}* "
                f"(PDF: `figures/extended/{name}.pdf`)\n")

    out = [
        "# Report: the extended sample",
        "",
        "Generated by `python -m replication all --sample extended`; not committed (the archive's `REPORT.md` is "
        "the paper's). Every number is read from `data/processed/extended/` and `data/processed/survival/`.",
        "",
        f"Extension file: `{extension}` (sha256 `{sha256(extension)}`). Observation date: {observed_on} "
        f"(an ongoing war with talks before it has an event at its talks date; one without talks is censored "
        f"there). {len(added)} war(s) added to the paper's {len(wars) - len(added)}, "
        f"{len(ongoing)} of them ongoing.",
        "",
        md_table(added[["war_id", "war_name", "start_date", "end_date", "is_ongoing", "response_type",
                        "days_to_talks", "cow_war_num", "counts_source", "source_citation", "coder", "coded_on"]]),
        "",
        "## Headline numbers, side by side",
        "",
        "The first row of each sample's `sensitivity.csv` (its data as coded):",
        "",
        md_table(side),
        "",
        f"Hazard ratios (Cox, Fine-Gray) use the wars with battle deaths: "
        f"{int(added['battle_deaths'].isna().sum())} added war(s) leave it empty (the reason is in the extension's "
        "sources file) and are left out of the covariate models; Kaplan-Meier and the cumulative incidence use "
        "every war.",
        "",
        "Added wars are few beside the paper's 38, and an ongoing war contributes only the time it has been "
        "observed: read differences between the columns as a check of robustness, not as a new estimate.",
        "",
        fig("timeline", "The extended sample: every war, added ones labelled, ongoing ones drawn to the "
                        "observation date"),
        fig("cif", "Cumulative incidence of talks and of war end without talks, extended sample"),
        fig("km_talks", "Kaplan-Meier estimate of time to talks, extended sample"),
        fig("forest_hazard_ratios", "Hazard ratios with 95% intervals, extended sample"),
    ]
    return "\n".join(out)


def report_files(root: Path = paths.ROOT, log=print) -> dict:
    files = {root / "REPORT.md": render_report(root).encode()}
    log("report: REPORT.md rendered")
    return files
