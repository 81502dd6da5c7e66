"""The games solved from their primitives (models/solver.py) against the propositions: Proposition 1's cutoff and
offer to 1e-8 with the multiplicity the solver finds, no opening when kappa > 0; Proposition 2's separation
condition exactly, its escalation condition as a sufficient one, over a larger grid than the archive's."""

import numpy as np
import pandas as pd
import pytest

from replication import models as M
from replication.common import paths
from replication.models.agreement import FAMILIES, prop1_grid, prop2_grid
from replication.models.solver import (_buys_only_the_cutoff, a_payoff_after_opening, best_offer,
                                       solve_adverse_inference)

F = M.uniform(0.1, 0.4)


def test_the_committed_prop1_table_agrees_to_1e_8():
    a = pd.read_csv(paths.PROCESSED / "models/agreement_prop1.csv")
    assert len(a) >= 12 and a["agree"].all()
    assert a["cutoff_difference"].abs().max() < 1e-8 and a["offer_difference"].abs().max() < 1e-8


def test_every_cutoff_above_c_star_confirms_itself_and_none_below():
    c_star = (0.4 - 0.1) / 2  # uniform closed form, computed here: (c_hi - c_A)/2
    for c in np.linspace(0.1, 0.39, 30):
        if abs(c - c_star) < 1e-6:  # the knife edge itself: the slope of A's payoff is zero up to rounding
            continue
        assert _buys_only_the_cutoff(F, 0.5, 0.1, c) == (c >= c_star - 1e-9), c
    s = solve_adverse_inference(F, 0.5, 0.1, 0.0)
    assert s.self_confirming == (pytest.approx(c_star, abs=1e-10), 0.4)


def test_the_best_offer_is_a_global_maximum_of_as_payoff():
    x = best_offer(F, 0.5, 0.1, 0.1)
    grid = np.linspace(0.6, 0.9, 30001)
    assert a_payoff_after_opening(F, 0.5, 0.1, 0.1, x) >= a_payoff_after_opening(F, 0.5, 0.1, 0.1, grid).max() - 1e-12


@pytest.mark.parametrize("name", FAMILIES)
def test_no_type_opens_when_opening_costs_something(name):
    s = solve_adverse_inference(FAMILIES[name](), 0.5, 0.1, 0.05)
    assert s.selected_cutoff is None and s.none_open


@pytest.mark.slow
def test_prop1_over_a_larger_grid():
    a = prop1_grid(ps=(0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55), c_As=(0.0, 0.03, 0.06, 0.1, 0.13, 0.16, 0.2))
    assert len(a) >= 100 and a["agree"].all()


@pytest.mark.slow
def test_prop2_over_a_larger_grid():
    b = prop2_grid(tops=(0.6, 0.75, 0.9), drops=(0.3, 0.5), p_primes=(0.7, 0.8, 0.9), nu_steps=5,
                   k_ratios=(0.6, 0.95, 1.05, 1.4), cells=40)
    assert len(b) >= 1000
    # Part two of Proposition 2, exactly: a separating equilibrium lets low-resilience types open iff k >= p' - p
    assert (b["prop2_separation"] == b["solver_separating"]).all()
    # Part one as a sufficient condition: where nu >= (1 - q_hat)(p' - p), low-resilience types open unescalated
    assert b.loc[b["prop2_escalation_too_costly"], "solver_pooling_without_escalation"].all()
    # the proposition's escalation gain bounds the game's (the offer re-optimised gains at most p' - p per L type)
    assert (b["solver_escalation_gain"] <= b["prop2_escalation_gain"] + 1e-12).all()


def test_the_committed_prop2_table_shows_the_finding():
    b = pd.read_csv(paths.PROCESSED / "models/agreement_prop2.csv")
    assert (b["prop2_separation"] == b["solver_separating"]).all()
    assert b.loc[b["prop2_escalation_too_costly"] == 1, "solver_pooling_without_escalation"].all()


def test_the_solved_games_escalation_boundary_lies_below_the_propositions():
    from replication.models.statics import boundary_table

    b = boundary_table()
    assert (b["solver_boundary_nu_ratio"] <= b["prop2_boundary_nu_ratio"] + 1e-12).all()
    assert (b["prop2_boundary_nu_ratio"] > b["admissible_nu_ratio_low"]).all()  # q_hat < q: opening lowers belief
    assert b["prop2_boundary_nu_ratio"].is_monotonic_decreasing


def test_a_costly_signal_keeps_talks_open_when_escalation_is_cheap():
    s = pd.read_csv(paths.PROCESSED / "models/comparative_statics.csv")
    s = s[s["panel"] == "share_open"]
    cheap = s[s["nu_ratio"] < 0.3]
    costly_signal = cheap[cheap["k_ratio"] > 1]["share_open_max"]
    cheap_signal = cheap[cheap["k_ratio"] < 1]["share_open_max"]
    assert costly_signal.min() > cheap_signal.max() > 0


@pytest.mark.parametrize("F", [M.uniform(0.1, 0.4), M.truncated_normal(0.25, 0.1, 0.1, 0.4), M.beta(2, 2, 0.1, 0.4),
                               M.beta(0.7, 1.4, 0.0, 1.0), M.truncated_normal(0.0, 0.3, 0.1, 0.9)],
                         ids=lambda F: F.name)
def test_the_fast_cdf_and_pdf_equal_scipys(F):
    c = np.linspace(F.c_lo - 0.05, F.c_hi + 0.05, 4001)
    assert np.abs(F.cdf(c) - F.dist.cdf(c)).max() < 1e-13
    inside = c[(c > F.c_lo) & (c < F.c_hi)]
    assert np.abs(F.pdf(inside) - F.dist.pdf(inside)).max() < 1e-11
