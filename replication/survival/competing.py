"""The competing-risks side beside the cause-specific one: Fine-Gray subdistribution hazard models for each
cause (multivariable and Cold-War-only), Gray's test of equal cumulative incidence between the Cold-War
and later wars, and the cumulative incidence in each group."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .estimators import Z95, aalen_johansen
from .fine_gray import crr, gray_test
from .frame import COVARIATES, TALKS, WAR_END

CAUSES = {TALKS: "talks", WAR_END: "war_end"}
SPECIFICATIONS = {"multivariable": COVARIATES, "cold_war_only": ["cold_war"]}
GROUP = "cold_war"


def fine_gray_table(sf: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for cause, name in CAUSES.items():
        for spec, covariates in SPECIFICATIONS.items():
            fit = crr(sf["time_days"], sf["event"], sf[covariates].to_numpy(float), failcode=cause)
            if not fit.converged:
                raise ArithmeticError(f"Fine-Gray model for {name} ({spec}) did not converge")
            for covariate, coef, se in zip(covariates, fit.coef, fit.se):
                rows.append({"cause": name, "model": spec, "covariate": covariate, "coef": coef, "se": se,
                             "shr": np.exp(coef), "shr_lower": np.exp(coef - Z95 * se),
                             "shr_upper": np.exp(coef + Z95 * se), "p_value": 2 * stats.norm.sf(abs(coef / se)),
                             "events": int((sf["event"] == cause).sum()), "n": len(sf),
                             "log_likelihood": fit.loglik})
    return pd.DataFrame(rows)


def gray_table(sf: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for cause, name in CAUSES.items():
        stat, df, p = gray_test(sf["time_days"], sf["event"], sf[GROUP], cause)
        rows.append({"cause": name, "groups": f"{GROUP}=1 vs {GROUP}=0", "statistic": stat, "df": df,
                     "p_value": p})
    return pd.DataFrame(rows)


def cif_by_group(sf: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for value in (1, 0):
        g = sf[sf[GROUP] == value]
        aj = aalen_johansen(g["time_days"], g["event"])
        parts.append(aj[["time_days", "at_risk", "cif_talks", "cif_talks_lower", "cif_talks_upper", "cif_war_end",
                         "cif_war_end_lower", "cif_war_end_upper"]].assign(group=f"{GROUP}={value}"))
    out = pd.concat(parts, ignore_index=True)
    return out[["group"] + [c for c in out.columns if c != "group"]]
