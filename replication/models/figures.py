"""The figures of the formal-models stage: Figure 1 redrawn, the regime map, the cases."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..common.figures import OKABE_ITO, subplots


REGIME_STYLE = {  # fill colour and hatch, so the regions read in grayscale too
    "escalation_too_costly": (OKABE_ITO["sky"], ""),
    "separation": (OKABE_ITO["orange"], "//"),
    "closed": ("#DDDDDD", ".."),
}


def game_tree_figure(terminals, payoff_expression):
    """Figure 1: the game for one type of B; terminal payoffs rendered from the model's payoff code."""
    order = sorted(terminals, key=lambda t: (not t.signal, t.opened, not t.escalated, t.accepted is False))
    fig, ax = subplots(figsize=(11, 8))
    ax.set_axis_off()
    ys = {id(t): -i for i, t in enumerate(order)}
    x_of = {"root": 0, "signal": 1, "stance": 2, "offer": 3, "leaf": 4.1}

    def node(x, y, who):
        ax.plot(x, y, "o", color="black", ms=4)
        ax.annotate(who, (x, y), textcoords="offset points", xytext=(-4, 6), ha="right", fontsize=8)

    def edge(x0, y0, x1, y1, label):
        ax.plot([x0, x1], [y0, y1], color="black", lw=0.8)
        ax.annotate(label, ((x0 + x1) / 2, (y0 + y1) / 2), textcoords="offset points", xytext=(0, 3),
                    ha="center", fontsize=7, color=OKABE_ITO["blue"])

    def mean_y(pred):
        return float(np.mean([ys[id(t)] for t in order if pred(t)]))

    root_y = mean_y(lambda t: True)
    node(0, root_y, "B")
    for s in (True, False):
        sy = mean_y(lambda t: t.signal == s)
        edge(0, root_y, 1, sy, "S" if s else "~S")
        node(1, sy, "B")
        for o in (False, True):
            oy = mean_y(lambda t: t.signal == s and t.opened == o)
            edge(1, sy, 2, oy, "Open" if o else "Closed")
            node(2, oy, "A")
            for e in (True, False):
                ey = mean_y(lambda t: t.signal == s and t.opened == o and t.escalated == e)
                edge(2, oy, 3, ey, "Escalate" if e else "Not")
                if not o:
                    continue
                node(3, ey, "A offers x; B")
                for t in order:
                    if t.signal == s and t.opened and t.escalated == e:
                        edge(3, ey, 4, ys[id(t)], "accept" if t.accepted else "reject")
    for t in order:
        x = 4 if t.opened else 3
        if not t.opened:
            ax.plot([x, 4], [ys[id(t)]] * 2, color="black", lw=0.5, ls=":")
        low, high = payoff_expression(t, "L"), payoff_expression(t, "H")
        payoffs = f"$({low[0]},\\ {low[1]})$" + ("" if low == high else
                                               f"  if $\\rho = L$;   $({high[0]},\\ {high[1]})$ if $\\rho = H$")
        # The label apart from the mathtext: terminals (1) and (1') then share one string, parsed once.
        ax.text(x_of["leaf"], ys[id(t)], t.label, va="center", fontsize=8)
        ax.annotate(payoffs, (x_of["leaf"], ys[id(t)]), xytext=(24, 0), textcoords="offset points", va="center",
                    fontsize=8)
    ax.set_xlim(-0.3, 9.6)
    ax.set_title("Figure 1 (redrawn): the resilience game for a given type of B. Payoffs (A, B) come from "
                 "replication/models/figure1.py.\n(1') and (2') are preferred by both players to (1) and (2): closed rather "
                 "than failed negotiations.", fontsize=9)
    return fig


def regime_boxes(q_hat: float) -> list[tuple[float, float, float, float]]:
    """The regions of the regime map, (x0, y0, width, height) on its axes nu/(p'-p) and k/(p'-p): rectangles
    whose edges are Proposition 2's boundaries nu/(p'-p) = 1 - q_hat and k/(p'-p) = 1."""
    edge = 1 - q_hat
    return [(edge, 0.0, 1.25 - edge, 2.0), (0.0, 1.0, edge, 1.0), (0.0, 0.0, edge, 1.0)]


def regime_map_figure(regions: list, q, q_hat, cases: pd.DataFrame):
    """`regions`: each of regime_boxes with the regime Proposition 2 gives at its centre, drawn exactly."""
    from matplotlib.patches import Patch, Rectangle

    fig, ax = subplots(figsize=(7.2, 5.4))
    names = ["escalation_too_costly", "separation", "closed"]
    handles = []
    for (x0, y0, w, h), name in regions:
        colour, hatch = REGIME_STYLE[name]
        ax.add_patch(Rectangle((x0, y0), w, h, facecolor=colour, hatch=hatch, edgecolor="none", alpha=0.9))
    for name in names:
        colour, hatch = REGIME_STYLE[name]
        handles.append(Patch(facecolor=colour, hatch=hatch, edgecolor="black", lw=0.5,
                             label=REGIME_LABELS[name]))
    ax.axvspan(0, 1 - q, color="white", alpha=0.75, lw=0)
    ax.axvspan(1, 1.25, color="white", alpha=0.75, lw=0)
    ax.axvline(1 - q, color="black", lw=0.8, ls="--")
    ax.axvline(1, color="black", lw=0.8, ls="--")
    ax.text((1 - q) / 2, 1.9, "assumption\n(1-q)(p'-p) <= nu\nviolated", ha="center", va="top", fontsize=7)
    ax.text(1.125, 1.9, "assumption\nnu < p'-p\nviolated", ha="center", va="top", fontsize=7)
    positions = case_positions(cases, q, q_hat)
    markers = {True: ("o", "agrees"), False: ("X", "differs"), None: ("s", "undetermined")}
    for agrees, (marker, label) in markers.items():
        sel = positions[positions["agrees"].map(lambda v: v is agrees or (pd.isna(v) and agrees is None))]
        if len(sel):
            handles += ax.plot(sel["x"], sel["y"], marker, color="black", mfc="white" if agrees is None else "black",
                               ms=6, ls="none", label=f"case: observed posture {label}")
    for i, r in positions.iterrows():
        ax.annotate("\n".join(textwrap.wrap(r["label"], 42)), (r["x"], r["y"]), textcoords="offset points",
                    xytext=(6, 4 * (i % 2)), fontsize=6, va="center",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.set_xlabel("cost of escalation relative to its gain:  nu / (p' - p)")
    ax.set_ylabel("cost of the signal to low-resilience types:  k / (p' - p)")
    ax.set_title(f"Regimes of Proposition 2 at the illustrative parameters (prior q = {q:.2f}, posterior after "
                 f"opening q_hat = {q_hat:.2f})\nCases sit schematically in the region their coded conditions imply; "
                 "on a boundary where the paper is silent", fontsize=8)
    ax.legend(handles=handles, frameon=False, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2)
    ax.set_xlim(0, 1.25)
    ax.set_ylim(0, 2)
    return fig


REGIME_LABELS = {"escalation_too_costly": "escalation too costly: high-cost types open",
                       "separation": "signal too costly for low-resilience types: separation",
                       "closed": "low-resilience types stay closed"}


def case_positions(cases: pd.DataFrame, q: float, q_hat: float) -> pd.DataFrame:
    """Where coded cases sit on the regime map: the middle of the region their conditions code, on
    the boundary when the paper leaves a condition uncoded; cases coded alike share one point.
    Positions are schematic, not estimates."""
    lo, mid = 1 - q, 1 - q_hat
    rows = []
    keys = ["escalation_too_costly", "signal_separates", "agrees"]
    frame = cases[["case_id"] + keys].astype(object).where(cases[keys + ["case_id"]].notna(), None)
    for (esc, sep, agrees), g in frame.groupby(keys, dropna=False, sort=False):
        esc, sep, agrees = (None if pd.isna(v) else v for v in (esc, sep, agrees))
        x = (mid + 1) / 2 if esc is True else (lo + mid) / 2 if esc is False else mid
        y = (1.5 if sep is True else 0.5 if sep is False else 1.0) - (0.15 if agrees is None else 0)
        ids = list(g["case_id"])
        label = ids[0] if len(ids) == 1 else f"{len(ids)} cases: " + ", ".join(i.split("_separation")[0] for i in ids)
        rows.append({"label": label, "x": x, "y": y, "agrees": agrees})
    return pd.DataFrame(rows)


def cases_figure(cases: pd.DataFrame):
    fig, ax = subplots(figsize=(8, 0.42 * len(cases) + 1.4))
    y = np.arange(len(cases))[::-1]
    for yi, r in zip(y, cases.itertuples()):
        regime = r.predicted_regime if r.predicted_regime in REGIME_STYLE else None
        colour, hatch = REGIME_STYLE.get(regime, ("white", "xx"))
        start, end = pd.Timestamp(r.phase_start), pd.Timestamp(r.phase_end)
        width = max((end - start).days, 150)  # short phases drawn 150 days wide to stay visible
        ax.barh(yi, width, left=start, height=0.6, color=colour, hatch=hatch, edgecolor="black", lw=0.5)
        verdict = {True: "agrees", False: "differs"}.get(r.agrees, "undetermined")
        ax.text(start + pd.Timedelta(days=width + 60), yi,
                f"observed {r.observed_posture}; predicted {r.predicted_posture} ({verdict})", va="center",
                fontsize=6.5)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{r.state_b} vs {r.opponent_a}: {r.war_name}" for r in cases.itertuples()], fontsize=7)
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=c, hatch=h, edgecolor="black", lw=0.5, label=REGIME_LABELS[n])
               for n, (c, h) in REGIME_STYLE.items()]
    handles.append(Patch(facecolor="white", hatch="xx", edgecolor="black", lw=0.5,
                         label="regime not determined by the coding"))
    ax.legend(handles=handles, frameon=False, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    ax.set_xlabel("Year (phases shorter than 150 days drawn 150 days wide)")
    ax.set_title("Cases: phases (dates from wars.csv), predicted regime (bar) and posture", fontsize=9)
    ax.set_xlim(pd.Timestamp("1945-01-01"), pd.Timestamp("2012-01-01"))
    return fig


def statics_figure(t: pd.DataFrame):
    """Left: the escalation boundary against the prior q, by Proposition 2 and in the solved game, within the
    assumptions' range. Right: the largest share of B's types that open, against the cost of escalation, for
    a signal cheap and costly to low-resilience types."""
    b, s = t[t["panel"] == "boundary"], t[t["panel"] == "share_open"]
    fig, (ax, bx) = subplots(1, 2, figsize=(9, 3.6))
    ax.fill_between(b["prior_q"], b["admissible_nu_ratio_low"], 1, color="#EEEEEE", label="admissible nu (assumptions)")
    ax.plot(b["prior_q"], b["prop2_boundary_nu_ratio"], "-", color=OKABE_ITO["blue"], label="Proposition 2: 1 - q_hat")
    ax.plot(b["prior_q"], b["solver_boundary_nu_ratio"], "o--", color=OKABE_ITO["vermillion"], ms=4,
            label="solved game: escalation's worth after an opening")
    ax.set_xlabel("A's prior that B is resilient, q")
    ax.set_ylabel("nu / (p' - p)")
    ax.set_title("Above a curve A does not escalate after an opening", fontsize=8)
    ax.legend(frameon=False, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    bx.axvspan(0, s["admissible_nu_ratio_low"].iloc[0], color="#EEEEEE", label="assumption (1-q)(p'-p) <= nu broken")
    for kr, (style, colour) in zip(sorted(s["k_ratio"].unique()), (("s-", OKABE_ITO["green"]), ("^--", OKABE_ITO["orange"]))):
        sel = s[s["k_ratio"] == kr]
        bx.plot(sel["nu_ratio"], sel["share_open_max"], style, color=colour, ms=4, label=f"k / (p' - p) = {kr:g}")
    bx.set_xlabel("nu / (p' - p)")
    bx.set_ylabel("largest share of B's types that open")
    bx.set_title(f"Share that opens (prior q = {s['prior_q'].iloc[0]:.2f})", fontsize=8)
    bx.set_ylim(0, 1)
    bx.legend(frameon=False, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    return fig
