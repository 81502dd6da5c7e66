"""The estimators of the survival stage: Kaplan-Meier, Aalen-Johansen cumulative incidence,
cause-specific Cox models, proportional-hazards tests, AFT models, the log-rank test, and the headline
numbers of one coding of the data."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .frame import COVARIATES, HORIZONS, TALKS, WAR_END, covariate_cases
from .product_limit import first_at_or_below, product_limit

Z95 = 1.959963984540054
ZERO_TIME_DAYS = 0.5  # a time of 0 days in the AFT models (log time)
# Library defaults stop early (log-likelihoods off by 1e-6); these reach the optimum (score below 1e-11;
# at 1e-12 the war-end model stopped with a score of 8e-6, 1e-7 from R's coefficients).
COX_FIT = {"precision": 1e-14, "r_precision": 1e-16, "max_steps": 500}


def aalen_johansen(time, event, causes=(TALKS, WAR_END)) -> pd.DataFrame:
    """Exact Aalen-Johansen cumulative incidence for each cause, ties kept together (no jitter).

    Variance: the estimator of cmprsk::cuminc (Gray's Fortran routine), so that R can check it."""
    time, event = np.asarray(time, float), np.asarray(event, int)
    times, index = np.unique(time, return_inverse=True)
    n_risk = len(time) - np.concatenate(([0], np.cumsum(np.bincount(index, minlength=len(times)))[:-1]))
    d = {k: np.bincount(index[event == k], minlength=len(times)) for k in causes}
    d_all = sum(d.values())
    out = {"time_days": times, "at_risk": n_risk}
    for k in causes:
        others = d_all - d[k]
        s_prev, f, v1, v2, v3 = 1.0, 0.0, 0.0, 0.0, 0.0
        cif, var = [], []
        for j, rs in enumerate(n_risk):
            nd1, nd2 = d[k][j], others[j]
            s_next = s_prev * (rs - nd1 - nd2) / rs
            f += s_prev * nd1 / rs
            if nd2 > 0 and s_next > 0:
                t5 = 1 - (nd2 - 1) / (rs - 1) if nd2 > 1 else 1.0
                t6 = s_prev ** 2 * t5 * nd2 / rs ** 2
                t3, t4 = 1 / s_next, f / s_next
                v1, v2, v3 = v1 + t4 * t4 * t6, v2 + t3 * t4 * t6, v3 + t3 * t3 * t6
            if nd1 > 0:
                t5 = 1 - (nd1 - 1) / (rs - 1) if nd1 > 1 else 1.0
                t6 = s_prev ** 2 * t5 * nd1 / rs ** 2
                t3 = 1 / s_next if s_next > 0 else 0.0
                t4 = 1 + t3 * f
                v1, v2, v3 = v1 + t4 * t4 * t6, v2 + t3 * t4 * t6, v3 + t3 * t3 * t6
            cif.append(f)
            var.append(v1 + f * f * v3 - 2 * f * v2)
            s_prev = s_next
        name = {TALKS: "talks", WAR_END: "war_end"}[k]
        out[f"cif_{name}"] = np.array(cif)
        out[f"cif_{name}_var"] = np.array(var)
        lo, hi = loglog_interval(np.array(cif), np.sqrt(np.maximum(var, 0)))
        out[f"cif_{name}_lower"], out[f"cif_{name}_upper"] = lo, hi
    return pd.DataFrame(out)


def loglog_interval(p, se):
    """95% interval on the log(-log) scale for a probability p with standard error se."""
    p, se = np.asarray(p, float), np.asarray(se, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = Z95 * se / (p * np.log(p))
        lower, upper = p ** np.exp(-k), p ** np.exp(k)
    ok = (p > 0) & (p < 1)
    return np.where(ok, np.minimum(lower, upper), np.nan), np.where(ok, np.maximum(lower, upper), np.nan)


def step_value(table: pd.DataFrame, column: str, t: float) -> float:
    """Value of a right-continuous step function at t (0 before the first step)."""
    rows = table[table["time_days"] <= t]
    return float(rows[column].iloc[-1]) if len(rows) else 0.0


def kaplan_meier_talks(sf: pd.DataFrame):
    """KM of time to talks, war end treated as censoring; log-log (exponential Greenwood) 95% bands."""
    from lifelines import KaplanMeierFitter

    kmf = KaplanMeierFitter().fit(sf["time_days"], sf["event"] == TALKS, alpha=0.05)
    ci = kmf.confidence_interval_survival_function_
    table = kmf.event_table
    km = pd.DataFrame({
        "time_days": kmf.survival_function_.index.to_numpy().astype(int),
        "survival": kmf.survival_function_.iloc[:, 0].to_numpy(),
        "ci_lower": ci.iloc[:, 0].to_numpy(),
        "ci_upper": ci.iloc[:, 1].to_numpy(),
        "at_risk": table["at_risk"].reindex(kmf.survival_function_.index).to_numpy().astype(int),
        "events": table["observed"].reindex(kmf.survival_function_.index).to_numpy().astype(int),
    })
    km.loc[km["time_days"] == 0, "at_risk"] = len(sf)
    km.loc[(km["survival"] <= 0) | (km["survival"] >= 1), ["ci_lower", "ci_upper"]] = np.nan  # undefined, as in R
    return km, median_with_interval(km)


def median_with_interval(km: pd.DataFrame) -> dict:
    """Median and its 95% interval as R's survfit reports them: first time each curve reaches <= 0.5
    (NaN: not reached)."""
    def first_below(column):
        hit = km.loc[km[column] <= 0.5, "time_days"]
        return float(hit.iloc[0]) if len(hit) else float("nan")

    return {"median": first_below("survival"), "lower": first_below("ci_lower"), "upper": first_below("ci_upper")}


def cox_cause_specific(sf: pd.DataFrame, cause: int):
    """Cause-specific Cox model (Efron ties) for one cause; other causes censored (survival/cox.py)."""
    from scipy import stats

    from .cox import Efron, newton

    df = sf[["time_days"] + COVARIATES].assign(observed=(sf["event"] == cause).astype(int))
    fit = newton(Efron(df["time_days"], df["observed"], df[COVARIATES].to_numpy(float)))
    if not fit.converged:
        raise ArithmeticError(f"the Cox model of cause {cause} has no finite estimate (separation)")
    table = pd.DataFrame({
        "cause": {TALKS: "talks", WAR_END: "war_end"}[cause],
        "covariate": COVARIATES,
        "coef": fit.coef,
        "se": fit.se,
        "hazard_ratio": np.exp(fit.coef),
        "hr_lower": np.exp(fit.coef - Z95 * fit.se),
        "hr_upper": np.exp(fit.coef + Z95 * fit.se),
        "p_value": 2 * stats.norm.sf(np.abs(fit.coef / fit.se)),
        "events": int(df["observed"].sum()),
        "n": len(df),
        "log_likelihood": fit.loglik,
    })
    return fit, df, table


def aft_models(sf: pd.DataFrame) -> pd.DataFrame:
    """Parametric AFT models of time to talks (war end censored), compared by AIC (see aft.py).

    Log time is undefined at 0, so a time of 0 days (talks on a war's first day, which no war of the
    paper's table has; R's survreg refuses such times) enters as half a day."""
    from .aft import aft_table

    X = np.column_stack([sf[COVARIATES].to_numpy(float), np.ones(len(sf))])
    time = np.maximum(sf["time_days"].to_numpy(float), ZERO_TIME_DAYS)
    out = pd.DataFrame(aft_table(X, time, (sf["event"] == TALKS).to_numpy(), COVARIATES))
    best = out.groupby("model", sort=False)["aic"].first().idxmin()
    return out.assign(lowest_aic=out["model"] == best)


def logrank_cold_war(sf: pd.DataFrame) -> pd.DataFrame:
    """Log-rank test of time to talks (war end censored), Cold-War wars against later wars."""
    from lifelines.statistics import logrank_test

    g = sf["cold_war"] == 1
    talks = sf["event"] == TALKS
    r = logrank_test(sf.loc[g, "time_days"], sf.loc[~g, "time_days"], talks[g], talks[~g])
    return pd.DataFrame([{"groups": "cold_war=1 vs cold_war=0", "n_1": int(g.sum()), "n_0": int((~g).sum()),
                          "events_1": int(talks[g].sum()), "events_0": int(talks[~g].sum()),
                          "chi_square": r.test_statistic, "df": 1, "p_value": r.p_value}])


def headline(sf: pd.DataFrame) -> dict:
    """The numbers the sensitivity table reports for one coding of the data (the Kaplan-Meier curve by
    `product_limit`: kaplan_meier_talks' without its bands)."""
    km = product_limit(sf["time_days"].to_numpy(float), (sf["event"] == TALKS).to_numpy())
    median = {"median": first_at_or_below(km, 0.5)}
    aj = aalen_johansen(sf["time_days"], sf["event"])
    cov = covariate_cases(sf)
    _, _, cox = cox_cause_specific(cov, TALKS)
    hr = cox.set_index("covariate").loc["cold_war"]
    out = {"n_wars": len(sf), "talks": int((sf["event"] == TALKS).sum()),
           "war_end_without_talks": int((sf["event"] == WAR_END).sum()), "censored": int((sf["event"] == 0).sum()),
           "km_median_days": median["median"]}
    for h in HORIZONS:
        out[f"cif_talks_{h}d"] = step_value(aj, "cif_talks", h)
        out[f"one_minus_km_{h}d"] = 1 - step_value(km, "survival", h)
    out["hr_cold_war"] = float(hr["hazard_ratio"])
    out["hr_cold_war_lower"], out["hr_cold_war_upper"] = float(hr["hr_lower"]), float(hr["hr_upper"])
    from .fine_gray import crr, gray_test

    fg = crr(cov["time_days"], cov["event"], cov[COVARIATES].to_numpy(float), failcode=TALKS)
    k = COVARIATES.index("cold_war")
    coef, se = fg.coef[k], fg.se[k]
    out["shr_cold_war"] = float(np.exp(coef))
    out["shr_cold_war_lower"], out["shr_cold_war_upper"] = float(np.exp(coef - Z95 * se)), float(np.exp(coef + Z95 * se))
    out["gray_p_talks"] = gray_test(sf["time_days"], sf["event"], sf["cold_war"], TALKS)[2]
    return out
