"""The figures of the survival stage: Kaplan-Meier, cumulative incidence, hazard ratios, the timeline of wars."""

from __future__ import annotations

import numpy as np
import pandas as pd
from ..common.figures import OKABE_ITO, subplots


def km_figure(km: pd.DataFrame, median: dict, times: pd.Series):
    fig, (ax, tab) = subplots(2, 1, figsize=(6.5, 4.6), height_ratios=[4, 1], sharex=True)
    ax.step(km["time_days"], km["survival"], where="post", color=OKABE_ITO["blue"], lw=1.8,
            label="Kaplan-Meier: no talks yet")
    ax.fill_between(km["time_days"], km["ci_lower"], km["ci_upper"], step="post", color=OKABE_ITO["blue"],
                    alpha=0.18, lw=0, label="95% interval (log-log)")
    ax.axhline(0.5, color=OKABE_ITO["grey"], lw=0.6, ls=":")
    ax.set_ylabel("Probability talks have not opened")
    ax.set_ylim(0, 1.02)
    ax.set_title(f"Time to talks, war end treated as censoring (median {median['median']:.0f} days)", fontsize=9)
    ax.legend(frameon=False, loc="upper right")
    ticks = [0, 365, 730, 1095, 1460, 1825, 2190, 2555, 2920, 3285, 3650]
    at_risk = [int((times >= t).sum()) for t in ticks]
    tab.set_axis_off()
    for t, n in zip(ticks, at_risk):
        tab.text(t, 0.5, str(n), ha="center", va="center", fontsize=8)
    tab.text(-120, 0.5, "at risk", ha="right", va="center", fontsize=8)
    ax.set_xticks(ticks)
    ax.set_xlim(-50, 3700)
    ax.set_xlabel("Days since the war began")
    ax.xaxis.set_tick_params(labelbottom=True)
    return fig


def cif_figure(cif: pd.DataFrame, km: pd.DataFrame):
    fig, ax = subplots(figsize=(6.5, 4))
    ax.step(cif["time_days"], cif["cif_talks"], where="post", color=OKABE_ITO["blue"], lw=1.8,
            label="Talks opened (Aalen-Johansen)")
    ax.fill_between(cif["time_days"], cif["cif_talks_lower"].fillna(0), cif["cif_talks_upper"].fillna(0),
                    step="post", color=OKABE_ITO["blue"], alpha=0.15, lw=0)
    ax.step(cif["time_days"], cif["cif_war_end"], where="post", color=OKABE_ITO["vermillion"], lw=1.8, ls="--",
            label="War ended without talks (Aalen-Johansen)")
    ax.fill_between(cif["time_days"], cif["cif_war_end_lower"].fillna(0), cif["cif_war_end_upper"].fillna(0),
                    step="post", color=OKABE_ITO["vermillion"], alpha=0.12, lw=0)
    ax.step(km["time_days"], 1 - km["survival"], where="post", color=OKABE_ITO["grey"], lw=1.2, ls=":",
            label="1 - Kaplan-Meier (war end censored): overstates talks")
    ax.set_xscale("symlog", linthresh=30)
    ax.set_xticks([0, 7, 30, 90, 365, 1000, 3650])
    ax.set_xticklabels(["0", "7", "30", "90", "365", "1000", "3650"])
    ax.set_ylim(0, 1)
    ax.set_xlabel("Days since the war began (log scale beyond 30 days)")
    ax.set_ylabel("Cumulative probability")
    ax.legend(frameon=False, loc="upper left")
    return fig


def forest_figure(cox: pd.DataFrame):
    from matplotlib.ticker import FixedLocator, NullFormatter, StrMethodFormatter

    labels = {"cold_war": "Cold War era (start before 9 Nov 1989)", "log_battle_deaths": "log battle deaths (COW)",
              "n_states": "number of states (COW)"}
    fig, axes = subplots(1, 2, figsize=(7, 2.6), sharey=True)
    for ax, (cause, g) in zip(axes, cox.groupby("cause", sort=False)):
        y = np.arange(len(g))[::-1]
        ax.errorbar(g["hazard_ratio"], y, xerr=[g["hazard_ratio"] - g["hr_lower"], g["hr_upper"] - g["hazard_ratio"]],
                    fmt="s", color="black", ecolor=OKABE_ITO["grey"], capsize=3, ms=4)
        ax.axvline(1, color=OKABE_ITO["grey"], lw=0.7, ls="--")
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(FixedLocator([0.125, 0.25, 0.5, 1, 2, 4, 8, 16]))  # doublings, in plain numbers
        ax.xaxis.set_major_formatter(StrMethodFormatter("{x:g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_yticks(y)
        ax.set_yticklabels([labels.get(c, c) for c in g["covariate"]])
        ax.set_title(f"Hazard of {'talks' if cause == 'talks' else 'war end without talks'} "
                     f"({int(g['events'].iloc[0])} events)", fontsize=9)
        ax.set_xlabel("Hazard ratio (95% interval, log scale)")
    return fig


INDEPENDENT = (("icb_mediation_date", "^", OKABE_ITO["orange"], "ICB: mediation begins"),
               ("ucdp_ceasefire_date", "s", OKABE_ITO["blue"], "UCDP: ceasefire"),
               ("ucdp_peace_agreement_date", "P", OKABE_ITO["purple"], "UCDP: peace agreement"))


def timeline_figure(wars: pd.DataFrame, observed_on=None, sample: str = "paper", independent=None):
    """Every war from start to end, the day talks opened marked by the response. An ongoing war is drawn
    to its talks, or (without talks) to the observation date, with an arrow: it continues. Every war has a
    tick at its start, so that a war of a few days is visible. Added wars (an extension) are labelled.
    With `independent` (concordance.csv), ICB's mediation start and UCDP's ceasefire and agreement dates
    are marked too (hollow)."""
    w = wars.sort_values("start_date", kind="stable").reset_index(drop=True)
    start = pd.to_datetime(w["start_date"])
    talks = pd.to_datetime(w["talks_date"])
    ongoing = w["is_ongoing"].astype(bool)
    observed = pd.Timestamp(observed_on) if observed_on is not None else talks.max()
    end = pd.to_datetime(w["end_date"]).fillna(talks.where(talks.notna(), observed))
    added = (w["sample"] == "extension") if "sample" in w else pd.Series(False, index=w.index)
    style = {"accept": ("o", OKABE_ITO["green"], "talks opened: proposal accepted"),
             "unknown": ("D", OKABE_ITO["purple"], "talks opened: response unknown"),
             "reject": ("x", OKABE_ITO["vermillion"], "proposal refused: no talks"),
             "none": (None, None, "no proposal recorded")}
    fig, ax = subplots(figsize=(7.5, 0.2 * len(w) + 1.9))
    y = np.arange(len(w))[::-1]
    # one artist per kind of mark (not one per war): drawing and rendering stay cheap
    for flag, colour, ls in ((False, OKABE_ITO["grey"], "-"), (True, OKABE_ITO["sky"], (0, (2, 1)))):
        sel = (ongoing == flag).to_numpy()
        if sel.any():
            ax.hlines(y[sel], start[sel], end[sel], color=colour, lw=3, linestyles=[ls])
            ax.plot(start[sel], y[sel], marker="|", color=colour, ms=7, mew=1.5, ls="none")
    if ongoing.any():
        ax.plot(end[ongoing.to_numpy()], y[ongoing.to_numpy()], marker=">", color=OKABE_ITO["sky"], ms=5, ls="none")
    for key, (marker, colour, _) in style.items():
        if not marker:
            continue
        is_type = (w["response_type"] == key).to_numpy()
        with_talks = is_type & talks.notna().to_numpy()
        if with_talks.any():
            ax.plot(talks[with_talks], y[with_talks], marker=marker, color=colour, ms=6, mec="black", mew=0.5,
                    ls="none")
        at_end = is_type & talks.isna().to_numpy() & ~ongoing.to_numpy()
        if at_end.any():
            ax.plot(end[at_end], y[at_end], marker=marker, color=colour, ms=6, ls="none")
    if independent is not None:
        dates = w[["war_id"]].merge(independent, on="war_id", how="left")
        for column, marker, colour, label in INDEPENDENT:
            d = pd.to_datetime(dates[column])
            has = d.notna().to_numpy()
            ax.plot(d[has], y[has], marker=marker, mfc="none", mec=colour, mew=1.0, ms=6, ls="none", label=label)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{n}  [added]" if a else n for n, a in zip(w["war_name"], added)], fontsize=7)
    for label, a in zip(ax.get_yticklabels(), added):
        if a:
            label.set_color(OKABE_ITO["blue"])
            label.set_fontweight("bold")
    for key, (marker, colour, label) in style.items():
        if marker:
            ax.plot([], [], marker=marker, color=colour, ls="none", mec="black", mew=0.5, label=label)
    ax.plot([], [], color=OKABE_ITO["grey"], lw=3, label="war, start (tick) to end")
    ax.plot([], [], color=OKABE_ITO["sky"], lw=3, ls=(0, (2, 1)), marker=">", ms=5,
            label="ongoing: drawn to its talks, or to the observation date")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.45 / (0.2 * len(w) + 1.9) - 0.02),
              fontsize=7, ncol=2)
    ax.set_xlabel("Year (a war of a few days shows as its start tick)")
    if sample == "paper":
        title = "Wars since WWII (Appendix 1): when talks opened"
    else:
        title = (f"Extended sample: Appendix 1 and {int(added.sum())} added war(s) (labelled [added]), "
                 f"observed to {observed.date().isoformat()}: when talks opened")
    ax.set_title(title, fontsize=9)
    return fig


def schoenfeld_figure(panels: dict, tests: pd.DataFrame, cox: pd.DataFrame):
    """Scaled Schoenfeld residuals against g(t) = 1 - Kaplan-Meier for each covariate of each model in which
    a km test rejects at 5% (the talks model when none does), with the natural-spline smooth and +-2 se
    band of plot.cox.zph; a flat smooth at the dashed line (the Cox estimate) is proportional hazards. The
    axis is labelled in days. Every model's residuals are in schoenfeld.csv. `panels`: ph.schoenfeld_panels."""
    labels = {"cold_war": "Cold War era", "log_battle_deaths": "log battle deaths", "n_states": "number of states"}
    km = tests[tests["transform"] == "km"]
    causes = [c for c in panels if (km.loc[km["cause"] == c, "p_value"] < 0.05).any()] or list(panels)[:1]
    names = panels[causes[0]]["covariates"]
    fig, axes = subplots(len(causes), len(names), figsize=(9, 0.6 + 2.5 * len(causes)), squeeze=False)
    for r, cause in enumerate(causes):
        z = panels[cause]
        for j, covariate in enumerate(names):
            ax = axes[r][j]
            grid, fit, lo, hi = z["smooth"][j]
            ax.fill_between(grid, lo, hi, color=OKABE_ITO["blue"], alpha=0.15, lw=0)
            ax.plot(grid, fit, color=OKABE_ITO["blue"], lw=1.5)
            ax.plot(z["x"], z["scaled"][:, j], "o", ms=3.5, mfc="none", color="black", mew=0.7)
            beta = cox.loc[(cox["cause"] == cause) & (cox["covariate"] == covariate), "coef"].iloc[0]
            ax.axhline(beta, color=OKABE_ITO["vermillion"], lw=0.9, ls="--")
            ax.axhline(0, color=OKABE_ITO["grey"], lw=0.6, ls=":")
            p = tests.loc[(tests["cause"] == cause) & (tests["transform"] == "km") & (tests["term"] == covariate),
                          "p_value"].iloc[0]
            what = "talks" if cause == "talks" else "war end without talks"
            ax.set_title(f"{what}: {labels.get(covariate, covariate)}\ncox.zph (km) p = {p:.3f}", fontsize=8)
            ticks = np.quantile(z["x"], [0, 0.25, 0.5, 0.75, 1])
            days = [int(z["time"][np.argmin(np.abs(z["x"] - t))]) for t in ticks]
            ax.set_xticks([z["x"][np.argmin(np.abs(z["x"] - t))] for t in ticks])
            ax.set_xticklabels([str(d) for d in days], fontsize=7)
            ax.tick_params(axis="y", labelsize=7)
            if j == 0:
                ax.set_ylabel("beta(t)", fontsize=8)
            if r == len(causes) - 1:
                ax.set_xlabel("days (axis: 1 - Kaplan-Meier)", fontsize=8)
    fig.suptitle("Scaled Schoenfeld residuals: a flat smooth at the Cox estimate (dashed) is proportional "
                 "hazards; band: +-2 se", fontsize=9)
    fig.subplots_adjust(left=0.07, right=0.98, top=1 - 0.75 / (0.6 + 2.5 * len(causes)),
                        bottom=0.5 / (0.6 + 2.5 * len(causes)), wspace=0.28, hspace=0.55)
    return fig


def cif_by_group_figure(by_group: pd.DataFrame, gray: pd.DataFrame):
    """Cumulative incidence of talks and of war end without talks, Cold-War wars against later ones, with
    Gray's test for each cause."""
    fig, axes = subplots(1, 2, figsize=(8, 3.4), sharey=True)
    styles = {"cold_war=1": (OKABE_ITO["blue"], "-", "begun in the Cold War"),
              "cold_war=0": (OKABE_ITO["orange"], "--", "begun after 9 Nov 1989")}
    for ax, (cause, title) in zip(axes, (("talks", "Talks opened"), ("war_end", "War ended without talks"))):
        for group, (colour, ls, label) in styles.items():
            g = by_group[by_group["group"] == group]
            n = int(g["at_risk"].iloc[0])
            ax.step(g["time_days"], g[f"cif_{cause}"], where="post", color=colour, ls=ls, lw=1.6,
                    label=f"{label} ({n} wars)")
        p = gray.loc[gray["cause"] == cause, "p_value"].iloc[0]
        ax.set_title(f"{title}: Gray's test p = {p:.3f}", fontsize=9)
        ax.set_xscale("symlog", linthresh=30)
        ax.set_xticks([0, 7, 30, 90, 365, 1000, 3650])
        ax.set_xticklabels(["0", "7", "30", "90", "365", "1000", "3650"])
        ax.set_ylim(0, 1)
        ax.set_xlabel("Days since the war began (log scale beyond 30)")
    axes[0].set_ylabel("Cumulative incidence")
    axes[0].legend(frameon=False, loc="upper left", fontsize=7)
    return fig
