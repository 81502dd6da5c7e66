"""Survival estimates checked against independent implementations: statsmodels, a product-integral
Aalen-Johansen written here, and R's survival/cmprsk (committed reference, regenerated when R is present)."""

import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from replication.common import paths
from replication.survival.estimators import (aalen_johansen, aft_models, cox_cause_specific, kaplan_meier_talks,
                                            logrank_cold_war)
from replication.survival.frame import COVARIATES, TALKS, survival_frame
from replication.wars.dataset import read_wars


REF = paths.ROOT / "tests" / "reference" / "r_reference.csv"
SCRIPT = paths.ROOT / "scripts" / "r_reference.R"


@pytest.fixture(scope="module")
def sf():
    return survival_frame(read_wars(paths.WARS_CSV))


@pytest.fixture(scope="module")
def r_ref():
    ref = pd.read_csv(REF, dtype={"key": str})
    ref["value"] = pd.to_numeric(ref["value"].str.strip(), errors="coerce")
    return ref


def r(ref, quantity):
    s = ref[ref["quantity"] == quantity]
    return pd.Series(s["value"].to_numpy(), index=s["key"].to_numpy())


def product_integral_cif(time, event):
    """Aalen-Johansen as a product of 3-state transition matrices (independent of the code under test)."""
    p = np.array([1.0, 0.0, 0.0])
    rows = []
    for t in np.unique(time):
        n = (time >= t).sum()
        m = np.eye(3)
        for k in (1, 2):
            d = ((time == t) & (event == k)).sum()
            m[0, k] = d / n
            m[0, 0] -= d / n
        p = p @ m
        rows.append((t, p[1], p[2]))
    return pd.DataFrame(rows, columns=["time_days", "talks", "war_end"])


def test_frame_codes_events_and_censoring():
    wars = pd.DataFrame({"war_id": ["a", "b", "c", "d"],
                         "start_date": ["2000-01-01"] * 4,
                         "end_date": ["2000-02-01", "2000-02-01", None, "2000-01-10"],
                         "talks_date": ["2000-01-05", None, None, "2000-01-20"],
                         "cow_battle_deaths": [1000] * 4, "cow_states_side_a": [1] * 4, "cow_states_side_b": [1] * 4})
    sf = survival_frame(wars)
    assert list(sf["event"]) == [1, 2, 0, 2]  # talks; war end; ongoing censored; talks after the end don't count
    assert list(sf["time_days"][:2]) == [4, 31] and sf["time_days"][3] == 9


def test_aalen_johansen_equals_the_product_integral_with_ties(sf):
    ours = aalen_johansen(sf["time_days"], sf["event"])
    ref = product_integral_cif(sf["time_days"].to_numpy(), sf["event"].to_numpy())
    assert (sf["time_days"].value_counts() > 1).any(), "the data have tied times"
    np.testing.assert_allclose(ours["cif_talks"], ref["talks"], atol=1e-12)
    np.testing.assert_allclose(ours["cif_war_end"], ref["war_end"], atol=1e-12)
    again = aalen_johansen(sf["time_days"], sf["event"])
    assert ours.equals(again)  # exact and deterministic: no jitter


def test_aalen_johansen_matches_cmprsk_and_survival(sf, r_ref):
    ours = aalen_johansen(sf["time_days"], sf["event"]).set_index("time_days")
    ours.index = ours.index.astype(int).astype(str)
    for cause, name in (("1", "talks"), ("2", "war_end")):
        est, var = r(r_ref, f"cuminc_est_{cause}"), r(r_ref, f"cuminc_var_{cause}")
        np.testing.assert_allclose(ours.loc[est.index, f"cif_{name}"], est, atol=1e-9)
        np.testing.assert_allclose(ours.loc[var.index, f"cif_{name}_var"], var, atol=1e-9)
        aj = r(r_ref, f"aj_{name}")
        np.testing.assert_allclose(ours.loc[aj.index, f"cif_{name}"], aj, atol=1e-9)


def test_kaplan_meier_matches_statsmodels_and_r(sf, r_ref):
    from statsmodels.duration.survfunc import SurvfuncRight

    km, median = kaplan_meier_talks(sf)
    sm = SurvfuncRight(sf["time_days"], (sf["event"] == TALKS).astype(int))
    ours = km.set_index("time_days")
    np.testing.assert_allclose(ours.loc[sm.surv_times, "survival"], sm.surv_prob, atol=1e-12)
    # log-log interval from statsmodels' Greenwood standard error
    s, se = sm.surv_prob, sm.surv_prob_se
    with np.errstate(divide="ignore", invalid="ignore"):
        k = 1.959963984540054 * se / (s * np.log(s))
    lower = np.where((s > 0) & (s < 1), s ** np.exp(-k), np.nan)
    np.testing.assert_allclose(ours.loc[sm.surv_times, "ci_lower"], lower, atol=1e-9)
    ours.index = ours.index.astype(str)
    for col, q in (("survival", "km_survival"), ("ci_lower", "km_lower"), ("ci_upper", "km_upper"),
                   ("at_risk", "km_at_risk")):
        ref = r(r_ref, q)
        np.testing.assert_allclose(ours.loc[ref.index, col].astype(float), ref, atol=1e-9, equal_nan=True)
    ref = r(r_ref, "km_median")
    np.testing.assert_allclose([median["median"], median["lower"], median["upper"]],
                               [ref["median"], ref["lower"], ref["upper"]], equal_nan=True)


@pytest.mark.parametrize("cause", [1, 2])
def test_cox_efron_matches_statsmodels_and_r(sf, r_ref, cause):
    import statsmodels.api as sm

    _, df, table = cox_cause_specific(sf, cause)
    fit = sm.PHReg(df["time_days"], df[COVARIATES], status=df["observed"], ties="efron").fit(tol=1e-12)
    t = table.set_index("covariate").loc[COVARIATES]
    np.testing.assert_allclose(t["coef"], fit.params, atol=1e-6)
    np.testing.assert_allclose(t["se"], fit.bse, atol=1e-6)
    np.testing.assert_allclose(t["log_likelihood"].iloc[0], fit.llf, atol=1e-6)
    np.testing.assert_allclose(t["coef"], r(r_ref, f"cox_coef_{cause}")[COVARIATES], atol=1e-6)
    np.testing.assert_allclose(t["se"], r(r_ref, f"cox_se_{cause}")[COVARIATES], atol=1e-6)
    np.testing.assert_allclose(t["log_likelihood"].iloc[0], r(r_ref, f"cox_loglik_{cause}")["final"], atol=1e-6)


def test_logrank_matches_statsmodels_and_r(sf, r_ref):
    from statsmodels.duration.survfunc import survdiff

    ours = logrank_cold_war(sf)["chi_square"].iloc[0]
    chi2, _ = survdiff(sf["time_days"], (sf["event"] == TALKS).astype(int), sf["cold_war"])
    assert ours == pytest.approx(chi2, abs=1e-6)
    assert ours == pytest.approx(r(r_ref, "logrank_chisq")["cold_war"], abs=1e-6)


AFT_SHAPE_SIGN = {"weibull": -1, "lognormal": 1, "loglogistic": -1}  # lifelines' shape = sign * log(survreg scale)


def test_aft_models_match_r_survreg(sf, r_ref):
    aft = aft_models(sf)
    for model, sign in AFT_SHAPE_SIGN.items():
        m = aft[aft["model"] == model]
        assert m["log_likelihood"].iloc[0] == pytest.approx(r(r_ref, f"aft_loglik_{model}")["final"], abs=1e-9)
        loc = m[m["parameter"] == m["parameter"].iloc[0]].set_index("covariate")
        shape = m[m["parameter"] != m["parameter"].iloc[0]]
        keys = COVARIATES + ["Intercept"]
        rkeys = COVARIATES + ["(Intercept)"]
        np.testing.assert_allclose(loc.loc[keys, "coef"], r(r_ref, f"aft_coef_{model}")[rkeys], atol=1e-7)
        np.testing.assert_allclose(loc.loc[keys, "se"], r(r_ref, f"aft_se_{model}")[rkeys], atol=1e-6)
        assert shape["coef"].iloc[0] == pytest.approx(sign * r(r_ref, f"aft_log_scale_{model}")["log_scale"], abs=1e-7)
        assert shape["se"].iloc[0] == pytest.approx(r(r_ref, f"aft_se_{model}")["Log(scale)"], abs=1e-6)
    assert aft.groupby("model")["aic"].first().idxmin() == aft.loc[aft["lowest_aic"], "model"].iloc[0]


@pytest.mark.parametrize("model", list(AFT_SHAPE_SIGN))
def test_aft_models_match_lifelines(sf, model):
    """lifelines, with tight tolerances, reaches the same optimum (its default stopping rule leaves the
    log-normal intercept 1e-5 away; the exact Newton fit here does not need one)."""
    import warnings

    from lifelines import LogLogisticAFTFitter, LogNormalAFTFitter, WeibullAFTFitter

    fitter = {"weibull": WeibullAFTFitter, "lognormal": LogNormalAFTFitter, "loglogistic": LogLogisticAFTFitter}
    df = sf[["time_days"] + COVARIATES].assign(observed=(sf["event"] == TALKS).astype(int))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            lf = fitter[model]().fit(df, "time_days", "observed", fit_options={"ftol": 1e-15, "gtol": 1e-12,
                                                                                 "maxiter": 10000})
        except Exception:  # scipy's precision-loss stop: fall back to the library defaults
            lf = fitter[model]().fit(df, "time_days", "observed")
    ours = aft_models(sf).query("model == @model").set_index(["parameter", "covariate"])
    theirs = lf.summary.loc[ours.index]
    assert ours["log_likelihood"].iloc[0] == pytest.approx(lf.log_likelihood_, abs=1e-6)
    np.testing.assert_allclose(ours["coef"], theirs["coef"], atol=2e-5)
    np.testing.assert_allclose(ours["se"], theirs["se(coef)"], atol=2e-5)
    np.testing.assert_allclose(ours["p_value"], theirs["p"], atol=2e-5)
    assert ours["aic"].iloc[0] == pytest.approx(lf.AIC_, abs=1e-5)


def r_packages_ready() -> bool:
    """Rscript is there and loads every package scripts/r_reference.R uses."""
    if shutil.which("Rscript") is None:
        return False
    probe = subprocess.run(["Rscript", "-e", "library(survival); library(cmprsk); library(coin)"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not r_packages_ready(), reason="R with survival, cmprsk and coin is not installed "
                                                   "(scripts/install_r.sh)")
@pytest.mark.slow
def test_r_reference_regenerates(tmp_path):
    out = tmp_path / "r.csv"
    subprocess.run(["Rscript", str(SCRIPT), str(paths.PROCESSED / "survival" / "survival_data.csv"), str(out)],
                   check=True, capture_output=True)
    new, old = pd.read_csv(out, dtype={"key": str}), pd.read_csv(REF, dtype={"key": str})
    assert list(zip(new.quantity, new.key)) == list(zip(old.quantity, old.key))
    a = pd.to_numeric(new["value"].str.strip(), errors="coerce")
    b = pd.to_numeric(old["value"].str.strip(), errors="coerce")
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True)



def test_read_wars_keeps_booleans():
    wars = read_wars(paths.WARS_CSV)
    assert wars["is_ongoing"].sum() == 1 and wars["has_talks"].dtype == bool
    assert wars["has_talks"].sum() == wars["days_to_talks"].notna().sum()


def test_why_lifelines_aalen_johansen_is_not_used(sf):
    """lifelines jitters tied times at random: its event times are not the data's and change with the seed."""
    import warnings

    from lifelines import AalenJohansenFitter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = AalenJohansenFitter(seed=1).fit(sf["time_days"], sf["event"], event_of_interest=1)
        b = AalenJohansenFitter(seed=2).fit(sf["time_days"], sf["event"], event_of_interest=1)
    assert not np.array_equal(a.cumulative_density_.index, b.cumulative_density_.index)
    assert not set(a.cumulative_density_.index) <= set(sf["time_days"].astype(float)) | {0.0}
    ours = aalen_johansen(sf["time_days"], sf["event"])
    assert set(ours["time_days"]) == set(sf["time_days"].astype(float))


@pytest.mark.parametrize("dist", ["weibull", "lognormal", "loglogistic"])
def test_aft_fit_recovers_simulated_parameters(dist):
    """Large simulated samples with known b and sigma (log T = x'b + sigma W), a third censored."""
    from replication.survival.aft import fit

    rng = np.random.default_rng(7)
    n = 20000
    X = np.column_stack([rng.normal(size=n), np.ones(n)])
    b, sigma = np.array([0.5, 3.0]), 0.7
    w = {"weibull": np.log(rng.exponential(size=n)), "lognormal": rng.normal(size=n),
         "loglogistic": rng.logistic(size=n)}[dist]
    t = np.exp(X @ b + sigma * w)
    c = np.quantile(t, 0.67)
    f = fit(X, np.minimum(t, c), (t <= c).astype(float), dist)
    np.testing.assert_allclose(f["theta"], [0.5, 3.0, np.log(sigma)], atol=4 * f["se"].max())


def test_aft_fit_refuses_data_without_a_maximum():
    from replication.survival.aft import fit

    X = np.column_stack([np.arange(1.0, 6.0), np.ones(5)])
    with pytest.raises(ArithmeticError):
        fit(X, np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.zeros(5), "weibull")  # no event: no finite optimum


def test_product_limit_equals_the_kaplan_meier_of_the_tables(sf):
    from replication.survival.product_limit import first_at_or_below, product_limit

    km, median = kaplan_meier_talks(sf)
    pl = product_limit(sf["time_days"].to_numpy(float), (sf["event"] == TALKS).to_numpy())
    merged = km.merge(pl, on="time_days", suffixes=("", "_pl"))
    assert len(merged) == len(pl) - (0 in set(pl["time_days"]) and 0 not in set(km["time_days"]))
    np.testing.assert_allclose(merged["survival"], merged["survival_pl"], atol=1e-12)
    assert first_at_or_below(pl, 0.5) == median["median"]
