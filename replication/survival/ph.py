"""Proportional hazards, checked and, where it fails, relaxed: the cox.zph score tests of both
cause-specific models, the scaled Schoenfeld residuals with R's smooth, and the model with a log-time
interaction for each covariate whose test rejects (its hazard ratio then changes with time)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from ..common.formats import as_written
from .cox_zph import cox_zph, zph_smooth
from .frame import COVARIATES

CAUSE_NAMES = {1: "talks", 2: "war_end"}
REJECT_AT = 0.05  # a covariate whose km test has p below this gets the log-time interaction
HR_DAYS = (30, 365)


def zph_for(sf: pd.DataFrame, cause: int, coef: np.ndarray, transform: str):
    return cox_zph(sf["time_days"].to_numpy(float), (sf["event"] == cause).to_numpy(int),
                   sf[COVARIATES].to_numpy(float), coef, transform, names=COVARIATES)


def ph_tables(sf: pd.DataFrame, cox: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(cox_ph_test rows, schoenfeld rows, the km results by cause for the figure and the remedy)."""
    tests, resid, km = [], [], {}
    for cause, name in CAUSE_NAMES.items():
        coef = cox.loc[cox["cause"] == name, "coef"].to_numpy()
        for transform in ("km", "rank"):
            z = zph_for(sf, cause, coef, transform)
            for term, chisq, df, p in zip(COVARIATES + ["GLOBAL"], z.chisq, z.df, z.p):
                tests.append({"cause": name, "transform": transform, "term": term, "chisq": chisq, "df": int(df),
                              "p_value": p})
            if transform == "km":
                km[name] = z
                for j, covariate in enumerate(COVARIATES):
                    smooth = zph_smooth(z, j, at=z.x)[4]
                    for i in range(len(z.x)):
                        resid.append({"cause": name, "covariate": covariate, "event_index": i + 1,
                                      "time_days": int(z.time[i]), "g_time": z.x[i],
                                      "scaled_residual": z.scaled_schoenfeld[i, j], "smooth": smooth[i]})
    return pd.DataFrame(tests), pd.DataFrame(resid), km


def schoenfeld_panels(zph: dict) -> dict:
    """What the Schoenfeld figure draws for each cause, as plain arrays: the residuals against g(t), the
    event days, and each covariate's plot.cox.zph smooth with its band (grid, fit, lower, upper)."""
    return {cause: {"covariates": list(z.covariates), "x": z.x, "time": z.time, "scaled": z.scaled_schoenfeld,
                    "smooth": [zph_smooth(z, j)[:4] for j in range(len(z.covariates))]} for cause, z in zph.items()}


def split_at_event_times(sf: pd.DataFrame, cause: int) -> pd.DataFrame:
    """Counting-process rows (start, stop] split at every event time of `cause`, as R's tt() does."""
    times = np.unique(sf.loc[sf["event"] == cause, "time_days"])
    rows = []
    for r in sf.itertuples(index=False):
        cuts = [0.0] + [float(t) for t in times if t < r.time_days] + [float(r.time_days)]
        for k, (a, b) in enumerate(zip(cuts[:-1], cuts[1:])):
            last = k == len(cuts) - 2
            rows.append({"id": r.war_id, "start": a, "stop": b, "event": int(last and r.event == cause),
                         **{c: getattr(r, c) for c in COVARIATES}})
    return pd.DataFrame(rows)


def ph_remedy(sf: pd.DataFrame, tests: pd.DataFrame) -> pd.DataFrame:
    """For each cause with a covariate whose km test rejects: the Cox model with covariate x log(t) added
    for each such covariate (Efron ties), so the hazard ratio is exp(beta + gamma log t). A time of 0
    days enters as half a day, as in the AFT models (log t; no war of the paper's table has one)."""
    from lifelines import CoxTimeVaryingFitter

    from .estimators import COX_FIT, ZERO_TIME_DAYS

    sf = sf.assign(time_days=np.maximum(sf["time_days"].to_numpy(float), ZERO_TIME_DAYS))

    rows = []
    for cause, name in CAUSE_NAMES.items():
        sel = tests[(tests["cause"] == name) & (tests["transform"] == "km") & (tests["term"] != "GLOBAL")]
        varying = list(sel.loc[sel["p_value"] < REJECT_AT, "term"])
        if not varying:
            continue
        d = split_at_event_times(sf, cause)
        for v in varying:
            d[f"{v}:log(t)"] = d[v] * np.log(d["stop"])
        fit = CoxTimeVaryingFitter().fit(d, id_col="id", event_col="event", start_col="start", stop_col="stop",
                                         fit_options=COX_FIT)
        s = fit.summary
        for term in s.index:
            # p from the estimate and standard error as written (12 significant digits): the table's own
            # numbers give its p exactly, and p no longer carries the last bits of the CPU's vector maths
            # (on an AVX2 and an AVX-512 machine the p of log battle deaths differed in its 12th digit)
            coef, se = as_written(s.loc[term, "coef"]), as_written(s.loc[term, "se(coef)"])
            out = {"cause": name, "term": term, "coef": coef, "se": se, "p_value": 2 * stats.norm.sf(abs(coef / se))}
            for day in HR_DAYS:
                out[f"hr_day_{day}"] = (np.exp(s.loc[term, "coef"] + s.loc[f"{term}:log(t)", "coef"] * np.log(day))
                                        if term in varying else None)
            rows.append(out)
    columns = ["cause", "term", "coef", "se", "p_value"] + [f"hr_day_{d}" for d in HR_DAYS]
    return pd.DataFrame(rows, columns=columns)
