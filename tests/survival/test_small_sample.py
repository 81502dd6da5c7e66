"""Small-sample inference: the exact log-rank test against R coin and against brute force, Firth's
penalised Cox model by a gradient check and a second implementation (statsmodels' Efron likelihood),
its profile intervals by their defining equation, and the seeded bootstrap."""

from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from scipy import optimize

from replication.common import paths
from replication.survival.cox import Efron, firth_newton, newton
from replication.survival.frame import COVARIATES, survival_frame
from replication.survival.small_sample import (CHI2_95, bootstrap_table, exact_logrank, exact_logrank_table,
                                               firth_table, logrank_scores)
from replication.wars.dataset import read_wars

from .test_survival import r, r_ref  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def sf():
    return survival_frame(read_wars(paths.WARS_CSV))


def test_exact_logrank_matches_coin(sf, r_ref):  # noqa: F811
    row = exact_logrank_table(sf).iloc[0]
    ref = r(r_ref, "coin_exact_logrank")
    assert row["z"] == pytest.approx(ref["z"], abs=1e-9)
    assert row["p_exact"] == pytest.approx(ref["p"], abs=1e-6)
    scores = logrank_scores(sf["time_days"], (sf["event"] == 1).astype(int))
    # coin's logrank_trafo returns the same scores with the opposite sign (cumulative hazard minus delta)
    np.testing.assert_allclose(scores, -r(r_ref, "coin_logrank_score"), atol=1e-12)


def test_exact_logrank_equals_brute_force():
    rng = np.random.default_rng(3)
    time = rng.integers(1, 8, 12).astype(float)  # ties on purpose
    status = rng.integers(0, 2, 12)
    group = np.array([1] * 5 + [0] * 7)
    a = logrank_scores(time, status)
    t_obs = a[group == 1].sum()
    mean = 5 * a.mean()
    sums = np.array([a[list(c)].sum() for c in combinations(range(12), 5)])
    brute = np.mean(np.abs(sums - mean) >= abs(t_obs - mean) - 1e-9)
    assert exact_logrank(time, status, group)["p_exact"] == pytest.approx(brute, abs=1e-12)


def test_firth_gradient_is_the_derivative_of_the_penalised_likelihood(sf):
    data = Efron(sf["time_days"], (sf["event"] == 1).astype(int), sf[COVARIATES].to_numpy(float))
    rng = np.random.default_rng(0)
    for _ in range(3):
        b = rng.normal(0, 0.3, 3)
        _, grad, _ = data.firth(b)
        numeric = [(data.firth(b + e)[0] - data.firth(b - e)[0]) / 2e-6 for e in np.eye(3) * 1e-6]
        np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-6)


def test_firth_estimate_agrees_with_a_second_implementation(sf):
    """statsmodels' Efron log-likelihood and Hessian, penalised and maximised by Nelder-Mead."""
    from statsmodels.duration.hazard_regression import PHReg

    table = firth_table(sf)
    for cause, name in ((1, "talks"), (2, "war_end")):
        model = PHReg(sf["time_days"], sf[COVARIATES].to_numpy(float), status=(sf["event"] == cause).astype(int),
                      ties="efron")

        def minus(b):
            return -(model.loglike(b) + 0.5 * np.linalg.slogdet(-model.hessian(b))[1])

        res = optimize.minimize(minus, np.zeros(3), method="Nelder-Mead",
                                options={"xatol": 1e-10, "fatol": 1e-13, "maxiter": 20000, "maxfev": 20000})
        ours = table[table["cause"] == name]["coef"].to_numpy()
        np.testing.assert_allclose(ours, res.x, atol=1e-5)


def test_firth_profile_bounds_solve_their_equation(sf):
    table = firth_table(sf)
    data = Efron(sf["time_days"], (sf["event"] == 1).astype(int), sf[COVARIATES].to_numpy(float))
    b, top = firth_newton(data, newton(data).coef)
    for j, row in enumerate(table[table["cause"] == "talks"].itertuples()):
        for bound in (row.hr_lower, row.hr_upper):
            lp = firth_newton(data, b, fixed={j: np.log(bound)})[1]
            assert 2 * (top - lp) == pytest.approx(CHI2_95, abs=1e-5)


def test_firth_stays_finite_under_separation():
    """Every event in group 1: maximum likelihood diverges, Firth's estimate is finite and positive."""
    time = np.arange(1.0, 21)
    x = np.array([1.0] * 10 + [0.0] * 10)
    status = np.array([1] * 10 + [0] * 10)
    data = Efron(time, status, x[:, None])
    assert not newton(data).converged
    b, _ = firth_newton(data)
    assert 0 < b[0] < 10


def test_the_bootstrap_is_seeded_and_brackets_its_bounds(sf):
    a, b = bootstrap_table(sf, resamples=60), bootstrap_table(sf, resamples=60)
    pd.testing.assert_frame_equal(a, b)
    assert (a["lower_mc_low"] <= a["lower"]).all() and (a["lower"] <= a["lower_mc_high"]).all()
    assert (a["upper_mc_low"] <= a["upper"]).all() and (a["upper"] <= a["upper_mc_high"]).all()
    assert (a["used"] + a["failed_or_separated"] == 60).all()
    other = bootstrap_table(sf, resamples=60, seed=1)
    assert not other["lower"].equals(a["lower"])


@pytest.mark.parametrize("censor_every", [0, 4])
def test_the_bootstraps_cumulative_incidence_equals_aalen_johansen(sf, censor_every):
    from replication.survival.estimators import aalen_johansen, step_value
    from replication.survival.small_sample import cif_at

    d = sf.copy()
    if censor_every:
        d.loc[d.index[2::censor_every], "event"] = 0
    horizons = (0, 5, 30, 90, 365, 1000, 5000)
    aj = aalen_johansen(d["time_days"], d["event"])
    for cause, column in ((1, "cif_talks"), (2, "cif_war_end")):
        ours = cif_at(d["time_days"].to_numpy(float), d["event"].to_numpy(), cause, horizons)
        np.testing.assert_allclose(ours, [step_value(aj, column, h) for h in horizons], atol=1e-12)
