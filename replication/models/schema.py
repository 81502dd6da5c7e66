"""The tables of the formal-models stage: worked propositions, Figure 1's payoffs, the case links."""

from __future__ import annotations

from ..common.tables import DATE, PROB, Field, Table

MODEL_SOURCE = "replication/models/ (propositions.py, figure1.py, examples.py)"


def _m(name, type_, description, rule="", **kw):
    return Field(name, type_, description, MODEL_SOURCE, rule, **kw)


PROP1_EXAMPLES = Table(
    name="prop1_examples", path="data/processed/models/prop1_examples.csv",
    description="Proposition 1 (adverse inference model) worked for three cost distributions at illustrative "
    "parameters (replication/models/examples.py EXAMPLE), with kappa = 0 and kappa > 0.",
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
DRAWS_SOURCE = "replication/models/link.py (posture_draws)"
DRAWS_RULE = ("Draws from the declared prior (link.PRIOR): q ~ U(0, 1); q_hat ~ U(0, q); nu/(p'-p) ~ U(1 - q, 1); "
              "k/(p'-p) ~ U(0, 2); uncoded cost or resilience high or low with probability 1/2; coded conditions "
              "keep the draws that satisfy them.")

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
              "replication/models/link.py", "One regime, or 'not determined: ...' listing those the coding allows.",
              required=True),
        Field("predicted_posture", "string", "Posture the model predicts for B.", "replication/models/propositions.py",
              "Union over the regimes and type classes the coding allows; where they differ, the shares of the "
              "parameter draws that predict each posture ('by draws: ...').", required=True),
        Field("agrees", "boolean", "Observed posture at the end of the phase is a predicted one.",
              "replication/models/link.py", "", missing="prediction undetermined by the coding"),
        Field("share_observed_posture", "number", "Share of parameter draws that predict the observed final posture.",
              DRAWS_SOURCE, DRAWS_RULE, required=True, **PROB),
        Field("mc_se", "number", "Monte Carlo standard error of share_observed_posture.", DRAWS_SOURCE,
              "sqrt(s(1 - s)/draws).", required=True, minimum=0),
        Field("robustness", "string", "How robustly the observed posture is predicted.", DRAWS_SOURCE,
              "robust: share >= 0.9; fragile: 0 < share < 0.9; not predicted: share 0.", required=True,
              enum=("robust", "fragile", "not predicted")),
        Field("quote", "string", "Passage of the paper the coding rests on.", CASE_SOURCE, "", required=True),
        Field("section", "string", "Section of the paper.", CASE_SOURCE, "", required=True),
        *(Field(f"share_{g}", "number", f"Share of draws in regime {g}.", DRAWS_SOURCE, DRAWS_RULE, required=True,
                **PROB) for g in ("escalation_too_costly", "separation", "closed")),
        *(Field(f"share_posture_{p.replace(' ', '_')}", "number", f"Share of draws predicting '{p}'.", DRAWS_SOURCE,
                DRAWS_RULE, required=True, **PROB) for p in ("open", "closed", "closed or open")),
        Field("draws", "integer", "Parameter draws per case.", DRAWS_SOURCE, "", required=True, minimum=1),
        Field("seed", "integer", "Seed of the case's draws (fixed seed + CRC-32 of case_id).", DRAWS_SOURCE, "",
              required=True, minimum=0),
    ),
)


SOLVER = "replication/models/solver.py (the games solved from their primitives)"
GRID = "replication/models/agreement.py (the parameter grid)"


def _s(name, type_, description, rule="", source=SOLVER, **kw):
    return Field(name, type_, description, source, rule, **kw)


AGREEMENT_PROP1 = Table(
    name="agreement_prop1", path="data/processed/models/agreement_prop1.csv",
    description="Proposition 1 against the solver of the adverse inference game (kappa = 0) over a grid of "
    "p, c_A and three families of F: the lowest self-confirming cutoff and its offer beside the proposition's.",
    primary_key=("distribution", "p", "c_A"),
    fields=(
        _s("distribution", "string", "Distribution F of B's cost of war on [0.1, 0.4].", source=GRID, required=True),
        _s("p", "number", "A's probability of victory.", source=GRID, required=True, **PROB),
        _s("c_A", "number", "A's cost of war.", source=GRID, required=True, minimum=0),
        _s("prop1_cutoff", "number", "Proposition 1's cutoff c*.", "propositions.fearon_cutoff.",
           source="replication/models/propositions.py", required=True),
        _s("solver_cutoff", "number", "The lowest cutoff the solver finds self-confirming.",
           "Grid of 41 cutoffs, then bisection on the slope of A's payoff to 1e-13.", required=True),
        _s("cutoff_difference", "number", "solver_cutoff - prop1_cutoff.", required=True),
        _s("offer_difference", "number", "Solver's offer minus Proposition 1's offer.", required=True),
        _s("self_confirming_low", "number", "Lowest self-confirming cutoff.", required=True),
        _s("self_confirming_high", "number", "Highest self-confirming cutoff (the top of the support).",
           "Every cutoff from the lowest up confirms itself: the equilibrium is not unique.", required=True),
        _s("agree", "boolean", "Cutoff and offer agree to 1e-8.", required=True),
    ),
)

AGREEMENT_PROP2 = Table(
    name="agreement_prop2", path="data/processed/models/agreement_prop2.csv",
    description="Proposition 2 against the solver of the resilience game over a grid of admissible parameters "
    "(three families of F, the slope of Pr(H | c_B), p', nu across its admissible range, k on both sides of "
    "p' - p): each of the proposition's two conditions beside the equilibria the solver finds.",
    primary_key=("distribution", "pr_high_top", "pr_high_drop", "p_prime", "nu", "k"),
    fields=(
        _s("distribution", "string", "Distribution F of B's cost of war on [0.1, 0.4].", source=GRID, required=True),
        _s("pr_high_top", "number", "Pr(H | c_B) at c_B = 0.1.", source=GRID, required=True, **PROB),
        _s("pr_high_drop", "number", "Fall of Pr(H | c_B) from c_B = 0.1 to 0.4 (linear).", source=GRID,
           required=True, **PROB),
        _s("p", "number", "A's probability of victory.", source=GRID, required=True, **PROB),
        _s("p_prime", "number", "A's probability of victory after an effective escalation.", source=GRID,
           required=True, **PROB),
        _s("c_A", "number", "A's cost of war.", source=GRID, required=True, minimum=0),
        _s("nu", "number", "A's cost of escalating.", source=GRID, required=True, minimum=0),
        _s("k", "number", "The signal's cost to low-resilience types.", source=GRID, required=True, minimum=0),
        _s("prior_q", "number", "A's prior that B is highly resilient.", source=GRID, required=True, **PROB),
        _s("q_hat", "number", "A's posterior after an opening by the types c_B >= c* (Proposition 2).",
           source="replication/models/propositions.py", required=True, **PROB),
        _s("nu_ratio", "number", "nu / (p' - p).", required=True),
        _s("k_ratio", "number", "k / (p' - p).", required=True),
        _s("prop2_regime", "string", "Proposition 2's regime.", source="replication/models/propositions.py",
           required=True, enum=("escalation_too_costly", "separation", "closed")),
        _s("solver_regime", "string", "The solver's regime: low-resilience types open in a pooling equilibrium "
           "without escalation, else in a separating one, else none opens.", required=True,
           enum=("escalation_too_costly", "separation", "closed")),
        _s("equilibria_found", "integer", "Equilibria the solver finds in the searched class.", required=True,
           minimum=0),
        _s("boundary_distance", "number", "Distance to Proposition 2's nearer boundary on the normalised axes.",
           "min(|nu/(p'-p) - (1 - q_hat)|, |k/(p'-p) - 1|).", required=True, minimum=0),
        _s("prop2_escalation_gain", "number", "What the proposition counts escalation after an opening as worth "
           "to A: (1 - q_hat)(p' - p).", required=True),
        _s("solver_escalation_gain", "number", "What escalation after an opening by the types c_B >= c* is worth "
           "to A in the game, its offer re-optimised (per unit of opening mass, before nu).", required=True),
        _s("prop2_escalation_too_costly", "boolean", "nu >= (1 - q_hat)(p' - p).",
           source="replication/models/propositions.py", required=True),
        _s("solver_pooling_without_escalation", "boolean", "The solver finds a pooling equilibrium in which "
           "low-resilience types open and A does not escalate.", required=True),
        _s("prop2_separation", "boolean", "k >= p' - p.", source="replication/models/propositions.py",
           required=True),
        _s("solver_separating", "boolean", "The solver finds a separating equilibrium in which low-resilience "
           "types open.", required=True),
        _s("agree", "boolean", "prop2_regime equals solver_regime.", required=True),
    ),
)

STATICS_SOURCE = "replication/models/statics.py"
STATICS = Table(
    name="comparative_statics", path="data/processed/models/comparative_statics.csv",
    description="Comparative statics of the resilience model (uniform F on [0.1, 0.4], p = 0.5, p' = 0.8, c_A = 0.1, "
    "Pr(H | c_B) linear, falling by 0.4 across the support): the escalation boundary against the prior q by "
    "Proposition 2 and in the solved game (panel 'boundary'), and the largest share of B's types that open "
    "in any equilibrium the solver finds against nu, for k below and above p' - p (panel 'share_open'). "
    "Drawn in figures/comparative_statics.*.",
    primary_key=("panel", "pr_high_top", "nu_ratio", "k_ratio"),
    fields=(
        _s("panel", "string", "Which panel of the figure.", source=STATICS_SOURCE, required=True,
           enum=("boundary", "share_open")),
        _s("pr_high_top", "number", "Pr(H | c_B) at c_B = 0.1.", source=STATICS_SOURCE, required=True, **PROB),
        _s("prior_q", "number", "A's prior that B is resilient.", source=STATICS_SOURCE, required=True, **PROB),
        _s("q_hat", "number", "Posterior after an opening by the types c_B >= c*.", source=STATICS_SOURCE,
           missing="panel share_open", **PROB),
        _s("admissible_nu_ratio_low", "number", "1 - q: the lowest nu/(p'-p) the assumptions allow.",
           source=STATICS_SOURCE, required=True, **PROB),
        _s("prop2_boundary_nu_ratio", "number", "Proposition 2's escalation boundary, 1 - q_hat.",
           source=STATICS_SOURCE, missing="panel share_open"),
        _s("solver_boundary_nu_ratio", "number", "The solved game's boundary: escalation's worth to A after an "
           "opening at c*, over p' - p.", missing="panel share_open"),
        _s("nu_ratio", "number", "nu / (p' - p).", source=STATICS_SOURCE, missing="panel boundary"),
        _s("k_ratio", "number", "k / (p' - p).", source=STATICS_SOURCE, missing="panel boundary"),
        _s("share_open_max", "number", "Largest share of B's types that open in an equilibrium the solver finds.",
           missing="panel boundary", **PROB),
    ),
)

TABLES = (PROP1_EXAMPLES, PROP2_EXAMPLE, FIGURE1_PAYOFFS, CASES, AGREEMENT_PROP1, AGREEMENT_PROP2, STATICS)
