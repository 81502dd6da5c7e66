"""The formal models: hand-worked examples, closed forms against numerical solutions, properties."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from replication import models as M


def test_proposition1_uniform_by_hand():
    # F uniform on [0.1, 0.4], c_A = 0.1: (c + c_A)/(0.4 - c) = 1 gives c* = 0.15; offer p + c* = 0.65;
    # B opens with probability (0.4 - 0.15)/0.3 = 5/6.
    F = M.uniform(0.1, 0.4)
    o = M.adverse_inference(F, p=0.5, c_A=0.1, kappa=0)
    assert o.opens and o.cutoff == pytest.approx(0.15, abs=1e-12)
    assert o.offer == pytest.approx(0.65, abs=1e-12) and o.share_open == pytest.approx(5 / 6, abs=1e-12)
    assert o.offer == o.fearon_offer


def test_proposition1_positive_kappa_means_no_opening():
    o = M.adverse_inference(M.uniform(0.1, 0.4), p=0.5, c_A=0.1, kappa=1e-6)
    assert not o.opens and o.cutoff is None and o.share_open == 0


@settings(max_examples=60, deadline=None)
@given(lo=st.floats(0.0, 0.2), width=st.floats(0.05, 0.3), c_A=st.floats(0.0, 0.2))
def test_uniform_numeric_equals_closed_form(lo, width, c_A):
    hi = lo + width
    if not (2 * lo < hi - c_A):  # interior cutoff (the f(c_min)(c_min + c_A) < 1 assumption)
        return
    F = M.uniform(lo, hi)
    closed = M.uniform_cutoff_closed_form(lo, hi, c_A)
    assert M.fearon_cutoff(F, c_A) == pytest.approx(closed, abs=1e-9)
    assert M.fearon_cutoff_by_optimisation(F, 0.5, c_A) == pytest.approx(closed, abs=1e-6)


@pytest.mark.parametrize("F", [M.uniform(0.1, 0.4), M.truncated_normal(0.25, 0.1, 0.1, 0.4), M.beta(2, 2, 0.1, 0.4),
                               M.beta(3, 1.5, 0.1, 0.4)])
def test_cutoff_is_an_equilibrium_for_each_distribution(F):
    c = M.fearon_cutoff(F, 0.1)
    assert (1 - F.cdf(c)) == pytest.approx(F.pdf(c) * (c + 0.1), abs=1e-10)
    assert M.fearon_cutoff_by_optimisation(F, 0.5, 0.1) == pytest.approx(c, abs=1e-6)
    # after an opening by c_B >= c*, A's best offer makes the cutoff type indifferent
    assert M.best_offer_after_opening(F, 0.5, 0.1, c) == pytest.approx(0.5 + c, abs=1e-6)


def test_cutoff_moves_the_right_way_with_costs_and_victory():
    for F in (M.uniform(0.1, 0.4), M.truncated_normal(0.25, 0.1, 0.1, 0.4), M.beta(2, 2, 0.1, 0.4)):
        cuts = [M.fearon_cutoff(F, c_A) for c_A in (0.0, 0.05, 0.1, 0.15)]
        assert all(a > b for a, b in zip(cuts, cuts[1:]))  # A more eager to settle: buys off more types
        offers = [M.adverse_inference(F, p, 0.1, 0).offer for p in (0.4, 0.5, 0.55)]
        assert all(a < b for a, b in zip(offers, offers[1:]))  # a stronger A demands more


@pytest.mark.parametrize("kwargs, assumption", [
    ({"p": 0.1, "c_A": 0.1}, "p - c_A > 0"),
    ({"p": 0.7, "c_A": 0.1}, "1 - p - c_B_max > -kappa"),
    ({"p": 0.55, "c_A": 0.4}, "f(c_B_min)(c_B_min + c_A) < 1"),
])
def test_adverse_inference_assumptions_are_enforced(kwargs, assumption):
    with pytest.raises(M.AssumptionViolated, match=re.escape(assumption)):
        M.adverse_inference(M.uniform(0.1, 0.4), kappa=0, **kwargs)


def test_a_decreasing_hazard_is_refused():
    hist = stats.rv_histogram((np.array([3.0, 0.2, 0.2, 0.2, 0.2]), np.linspace(0.0, 0.4, 6)))
    F = M.CostDistribution("bimodal", hist, 0.0, 0.4)
    with pytest.raises(M.AssumptionViolated, match="non-decreasing hazard"):
        M.adverse_inference(F, p=0.5, c_A=0.1, kappa=0)


def resilience_params(nu=0.2, k=0.1, slope=-2.0, p_prime=0.8):
    return M.ResilienceParameters(p=0.5, p_prime=p_prime, nu=nu, k=k, c_A=0.1, F=M.uniform(0.1, 0.4),
                                  pr_high=lambda c: 0.9 + slope * (np.asarray(c) - 0.1))


def test_proposition2_by_hand():
    # Pr(H | c) = 0.9 - 2 (c - 0.1) on U[0.1, 0.4]: q = 0.9 - 2(0.25 - 0.1) = 0.6;
    # after opening by c >= 0.15: q_hat = 0.9 - 2(0.275 - 0.1) = 0.55; 1 - q_hat = 0.45.
    out = M.resilience(resilience_params(nu=0.2, k=0.1))  # nu/(p'-p) = 2/3 >= 0.45
    assert out.prior_q == pytest.approx(0.6, abs=1e-10) and out.q_hat == pytest.approx(0.55, abs=1e-10)
    assert out.regime == "escalation_too_costly"
    assert out.postures["high cost, low resilience"] == "open"
    out = M.resilience(resilience_params(nu=0.13, k=0.35))  # 0.433 < 0.45; k >= p' - p
    assert out.regime == "separation" and out.postures["high cost, low resilience"] == "open"
    out = M.resilience(resilience_params(nu=0.13, k=0.1))
    assert out.regime == "closed" and out.postures["high cost, low resilience"] == "closed"
    assert out.postures["high cost, high resilience"] == "open"


@pytest.mark.parametrize("kwargs, assumption", [
    ({"nu": 0.1}, "(1 - q)(p' - p) <= nu"),
    ({"nu": 0.31}, "nu < p' - p"),
    ({"k": 0.0}, "k > 0"),
    ({"slope": 0.5}, "strictly decreasing"),
    ({"p_prime": 0.5}, "p < p' <= 1"),
])
def test_resilience_assumptions_are_enforced(kwargs, assumption):
    with pytest.raises(M.AssumptionViolated) as err:
        M.resilience(resilience_params(**kwargs))
    assert assumption in str(err.value)


@settings(max_examples=40, deadline=None)
@given(slope=st.floats(-2.6, -0.01), cutoff=st.floats(0.1001, 0.39))
def test_posterior_after_opening_is_below_the_prior(slope, cutoff):
    m = resilience_params(slope=slope)
    assert M.posterior_q_hat(m, cutoff) < m.prior_q()


def test_vectorised_regimes_equal_the_scalar_rule():
    rng = np.random.default_rng(1)
    nu, k, qh = rng.uniform(0, 1.2, 2000), rng.uniform(0, 2, 2000), rng.uniform(0, 1, 2000)
    codes = M.regime_codes(nu, k, qh)
    for a, b, q, c in zip(nu, k, qh, codes):
        expected = 0 if a >= 1 - q else 1 if b >= 1 else 2
        assert c == expected


# Figure 1's payoffs as the paper prints them (transcribed from the seed text, not from the code).
PRINTED = {
    "(1')": (("p' - c_A - \\nu", "1 - p' - c_B - k"), ("p - c_A - \\nu", "1 - p - c_B")),
    "(2')": (("p - c_A", "1 - p - c_B - k"), ("p - c_A", "1 - p - c_B")),
    "(3)": (("p' - c_A - \\nu", "1 - p' - c_B"), ("p - c_A - \\nu", "1 - p - c_B")),
    "(4)": (("p - c_A", "1 - p - c_B"), ("p - c_A", "1 - p - c_B")),
    "(5)": (("x - \\nu", "1 - x - k"), ("x - \\nu", "1 - x")),
    "(6)": (("x", "1 - x - k"), ("x", "1 - x")),
    "(7)": (("x - \\nu", "1 - x"), ("x - \\nu", "1 - x")),
    "(8)": (("x", "1 - x"), ("x", "1 - x")),
}


def test_figure1_payoffs_match_the_paper():
    terminals = M.game_tree()
    assert {t.label for t in terminals} == set(PRINTED) | {"(1)", "(2)"}
    for t in terminals:
        printed = PRINTED[t.label.replace("(1)", "(1')").replace("(2)", "(2')")]
        assert (M.payoff_expression(t, "L"), M.payoff_expression(t, "H")) == printed, t.label


def test_payoff_values_follow_the_expressions():
    values = {"p": 0.5, "p'": 0.8, "c_A": 0.1, "c_B": 0.2, "\\nu": 0.05, "k": 0.03, "x": 0.6}
    for t in M.game_tree():
        for rho in ("L", "H"):
            a_expr, b_expr = M.payoff_expression(t, rho)
            env = {"p": 0.5, "pp": 0.8, "c_A": 0.1, "c_B": 0.2, "nu": 0.05, "k": 0.03, "x": 0.6}
            ev = lambda e: eval(e.replace("p'", "pp").replace("\\nu", "nu"), {}, env)  # noqa: E731
            assert M.payoff_value(t, rho, values) == pytest.approx((ev(a_expr), ev(b_expr)))


ADVERSE_CASES = [  # each assumption of the adverse inference model broken alone (p = 0.5, c_A = 0.1, U[0.1, 0.4])
    ({"p": 1.2}, 0), ({"c_A": -0.05}, 1), ({"kappa": -0.01}, 3), ({"p": 0.05, "c_A": 0.05}, 4),
    ({"p": 0.7}, 5), ({"p": 0.55, "c_A": 0.4}, 6),
]


@pytest.mark.parametrize("change, index", ADVERSE_CASES)
def test_each_adverse_inference_assumption_broken_alone_is_refused_by_name(change, index):
    args = {"p": 0.5, "c_A": 0.1, "kappa": 0.0, **change}
    with pytest.raises(M.AssumptionViolated) as err:
        M.adverse_inference(M.uniform(0.1, 0.4), **args)
    assert err.value.assumption == M.assumptions.ADVERSE_INFERENCE[index]


def test_costs_of_b_out_of_order_are_refused_by_name():
    with pytest.raises(M.AssumptionViolated) as err:
        M.uniform(0.4, 0.1)
    assert err.value.assumption == M.assumptions.ADVERSE_INFERENCE[2]


@pytest.mark.parametrize("change, assumption", [
    ({"c_A": 0.4, "p": 0.55}, "f(c_B_min)(c_B_min + c_A) < 1"),  # the corner cutoff of the issue
    ({"c_A": 0.6, "p": 0.5}, "p - c_A > 0"),
    ({"p_prime": 1.2, "nu": 0.5}, "p < p' <= 1"),
])
def test_the_resilience_model_inherits_the_adverse_inference_assumptions(change, assumption):
    base = {"p": 0.5, "p_prime": 0.8, "nu": 0.2, "k": 0.1, "c_A": 0.1}
    m = M.ResilienceParameters(**{**base, **change}, F=M.uniform(0.1, 0.4),
                               pr_high=lambda c: 0.9 - 2.0 * (np.asarray(c) - 0.1))
    with pytest.raises(M.AssumptionViolated) as err:
        M.resilience(m)
    assert err.value.assumption.startswith(assumption)


def test_the_worked_examples_satisfy_every_assumption():
    from replication.models.examples import proposition1_examples, resilience_example

    assert len(proposition1_examples()) == 6
    m, out = resilience_example()
    assert out.regime in M.REGIMES
