"""Case links with their uncertainty: shares of seeded parameter draws, recomputed here by a second route."""

import numpy as np
import pandas as pd

from replication.common import paths
from replication.models.link import posture_draws

CASES = pd.read_csv(paths.PROCESSED / "link/cases.csv")
BASE = {"case_id": "x", "escalation_too_costly": None, "signal_separates": None, "cost": None, "resilience": None}


def test_every_case_has_its_share_and_verdict():
    assert CASES["share_observed_posture"].between(0, 1).all()
    robust = CASES["share_observed_posture"] >= 0.9
    assert (CASES.loc[robust, "robustness"] == "robust").all() and (CASES.loc[~robust, "robustness"] != "robust").all()
    assert not (CASES["predicted_posture"] == "undetermined").any()


def test_draws_are_seeded_and_reproducible():
    a, b = posture_draws(BASE, "open", 5000), posture_draws(BASE, "open", 5000)
    assert a == b and posture_draws({**BASE, "case_id": "y"}, "open", 5000)["seed"] != a["seed"]


def test_a_fully_coded_case_is_certain_and_an_open_one_is_not():
    coded = {**BASE, "escalation_too_costly": False, "signal_separates": False, "cost": "high", "resilience": "low"}
    assert posture_draws(coded, "closed", 5000)["share_observed_posture"] == 1.0
    assert posture_draws(coded, "open", 5000)["robustness"] == "not predicted"


def test_shares_match_a_direct_monte_carlo_of_the_prior():
    """With nothing coded: the regime shares by integrating the prior directly (q, q_hat < q, nu in (1-q, 1),
    k in (0, 2)): Pr(nu >= 1 - q_hat) = E[q_hat / q] = 1/2; then separation is k >= 1 (probability 1/2)."""
    d = posture_draws(BASE, "open", 20000)
    se = np.sqrt(0.25 / 20000)
    assert abs(d["share_escalation_too_costly"] - 0.5) < 5 * se
    assert abs(d["share_separation"] - 0.25) < 5 * se and abs(d["share_closed"] - 0.25) < 5 * se
