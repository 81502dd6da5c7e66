"""The Kaplan-Meier product-limit estimate of one indicator, without bands: at its distinct times, and just
before each observation's own time. The headline numbers, cox.zph's 'km' transform and crr's censoring
weights all use it; kaplan_meier_talks (with lifelines' bands) gives the same curve (a test checks it)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def product_limit(time: np.ndarray, observed: np.ndarray) -> pd.DataFrame:
    """S(t) at each distinct time t (right-continuous)."""
    time = np.asarray(time, float)
    times, index = np.unique(time, return_inverse=True)
    at_risk = np.bincount(index, minlength=len(times))[::-1].cumsum()[::-1]
    events = np.bincount(index, weights=np.asarray(observed, float), minlength=len(times))
    return pd.DataFrame({"time_days": times, "survival": np.cumprod(1 - events / at_risk)})


def survival_just_before(time: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """S(t-) at each observation's time t (left-continuous; 1 before the first event)."""
    time = np.asarray(time, float)
    km = product_limit(time, observed)
    before = np.searchsorted(km["time_days"].to_numpy(), time, side="left")  # distinct times below t
    return np.concatenate(([1.0], km["survival"].to_numpy()))[before]


def first_at_or_below(km: pd.DataFrame, level: float) -> float:
    hit = km.loc[km["survival"] <= level, "time_days"]
    return float(hit.iloc[0]) if len(hit) else float("nan")
