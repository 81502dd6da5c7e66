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
              "Union over the regimes and type classes the coding allows.", required=True),
        Field("agrees", "boolean", "Observed posture at the end of the phase is a predicted one.",
              "replication/models/link.py", "", missing="prediction undetermined by the coding"),
        Field("quote", "string", "Passage of the paper the coding rests on.", CASE_SOURCE, "", required=True),
        Field("section", "string", "Section of the paper.", CASE_SOURCE, "", required=True),
    ),
)


TABLES = (PROP1_EXAMPLES, PROP2_EXAMPLE, FIGURE1_PAYOFFS, CASES)
