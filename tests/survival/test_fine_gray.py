"""Fine-Gray and Gray's test against R's cmprsk (coefficients, standard errors, log-likelihood, test
statistics and p-values to 1e-6), on the data and on a variant with censored rows (crr's censoring weights
are all 1 on the paper's data, which censors no war)."""

import numpy as np
import pandas as pd
import pytest

from replication.common import paths
from replication.survival.competing import cif_by_group, fine_gray_table, gray_table
from replication.survival.fine_gray import crr, gray_test
from replication.survival.frame import COVARIATES, survival_frame
from replication.wars.dataset import read_wars

from .test_survival import r, r_ref  # noqa: F401  (the fixture)

SPECS = {"multivariable": COVARIATES, "cold_war_only": ["cold_war"]}


@pytest.fixture(scope="module")
def sf():
    return survival_frame(read_wars(paths.WARS_CSV))


def variant(sf, name):
    """As scripts/r_reference.R: every fourth war from the third censored at half its time."""
    d = sf.copy()
    if name == "censored":
        idx = np.arange(2, len(d), 4)
        d.loc[idx, "event"] = 0
        d.loc[idx, "time_days"] = np.floor(d.loc[idx, "time_days"] / 2).astype(int)
    return d


@pytest.mark.parametrize("name", ["data", "censored"])
@pytest.mark.parametrize("cause", [1, 2])
@pytest.mark.parametrize("spec", list(SPECS))
def test_crr_matches_cmprsk(sf, r_ref, name, cause, spec):  # noqa: F811
    d = variant(sf, name)
    fit = crr(d["time_days"], d["event"], d[SPECS[spec]].to_numpy(float), failcode=cause)
    key = f"{name}_{cause}_{spec}"
    assert fit.converged
    np.testing.assert_allclose(fit.coef, r(r_ref, f"crr_coef_{key}")[SPECS[spec]], atol=1e-6)
    np.testing.assert_allclose(fit.se, r(r_ref, f"crr_se_{key}")[SPECS[spec]], atol=1e-6)
    assert fit.loglik == pytest.approx(r(r_ref, f"crr_loglik_{key}").iloc[0], abs=1e-6)


@pytest.mark.parametrize("name", ["data", "censored"])
def test_gray_matches_cuminc_tests(sf, r_ref, name):  # noqa: F811
    d = variant(sf, name)
    for cause in (1, 2):
        stat, df, p = gray_test(d["time_days"], d["event"], d["cold_war"], cause)
        assert df == 1
        assert stat == pytest.approx(r(r_ref, f"gray_stat_{name}")[str(cause)], abs=1e-6)
        assert p == pytest.approx(r(r_ref, f"gray_p_{name}")[str(cause)], abs=1e-6)


def test_the_tables_carry_the_fits(sf):
    fg = fine_gray_table(sf)
    assert len(fg) == 2 * (3 + 1)
    row = fg[(fg["cause"] == "talks") & (fg["model"] == "multivariable") & (fg["covariate"] == "cold_war")].iloc[0]
    assert row["shr"] == pytest.approx(np.exp(row["coef"]))
    assert row["shr_lower"] < row["shr"] < row["shr_upper"]
    assert set(gray_table(sf)["cause"]) == {"talks", "war_end"}
    by = cif_by_group(sf)
    assert set(by["group"]) == {"cold_war=1", "cold_war=0"}
    assert by.groupby("group")["at_risk"].first().sum() == len(sf)


def test_without_censoring_every_weight_is_one(sf):
    from replication.survival.fine_gray import _Data

    assert (_Data(sf["time_days"], sf["event"], sf[COVARIATES].to_numpy(float), 1, 0).wt == 1).all()


def test_crr_recovers_a_known_subdistribution_hazard_ratio():
    """Simulated from a Fine-Gray model (Fine and Gray 1999, section 5): with a binary x and
    P(cause 1 | x) = 1 - (1 - p)^exp(beta x), the fit recovers beta = 0.7 within 3 standard errors."""
    rng = np.random.default_rng(7)
    n, beta, p = 800, 0.7, 0.4
    x = rng.integers(0, 2, n).astype(float)
    p1 = 1 - (1 - p) ** np.exp(beta * x)
    cause = np.where(rng.random(n) < p1, 1, 2)
    u = rng.random(n)
    # cause 1: F1(t | x) = 1 - (1 - p (1 - e^-t))^exp(bx), inverted given cause 1; cause 2: exponential
    t1 = -np.log(1 - (1 - (1 - u * p1) ** np.exp(-beta * x)) / p)
    t2 = rng.exponential(1, n)
    t = np.where(cause == 1, t1, t2)
    fit = crr(t, cause, x[:, None], failcode=1)
    assert abs(fit.coef[0] - beta) < 3 * fit.se[0]
