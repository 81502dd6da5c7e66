"""The two games solved from their primitives (payoffs of Figure 1, F, Bayes' rule), independently of the
proposition formulas in propositions.py (this module must not import it; tests/pipeline/test_layering.py
checks that).

Adverse inference game: B (cost c_B ~ F) opens or stays closed; after an opening A makes a take-it-or-leave-it
offer x; B accepts or fights. The solver searches cutoff strategies (types c_B >= c_hat open), computes A's
best offer against the Bayesian posterior by maximising A's expected payoff, lets every type best-respond,
and reports every self-confirming cutoff (a perfect Bayesian equilibrium in the searched class) and the
one the paper selects (the lowest: the most types open).

Resilience game: B (c_B, rho) chooses a signal (S costs k to rho = L), then a stance; A, seeing both, escalates
or not, then offers after an opening. Searched class: the signal pools (all S, or all ~S) or separates by
resilience (H: S, L: ~S); within each (signal, resilience) cell the types c_B >= the cell's cutoff open. A's escalation and
offer best-respond to the posterior on a grid of types; every type's signal, stance and acceptance
best-respond to A's strategy; at an information set no type reaches, A holds the belief that makes
deviating least attractive (a perfect Bayesian equilibrium allows it; the paper's Iterated Intuitive
Criterion is not applied)."""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

import numpy as np
from scipy import optimize

from .distributions import CostDistribution
from .primitives import ResilienceParameters


# ---------------------------------------------------------------- adverse inference

def a_payoff_after_opening(F: CostDistribution, p: float, c_A: float, c_hat: float, x):
    """A's expected payoff from offer x when the types c_B >= c_hat opened (Bayes: F restricted to them, not
    normalised), each type accepting iff 1 - x >= 1 - p - c_B (its war payoff)."""
    x = np.asarray(x, float)
    t = np.clip(x - p, c_hat, F.c_hi)  # the lowest type that accepts
    return (1 - F.cdf(t)) * x + (F.cdf(t) - F.cdf(c_hat)) * (p - c_A)


def best_offer(F: CostDistribution, p: float, c_A: float, c_hat: float, n: int = 801) -> float:
    """A's optimal offer against the types >= c_hat: a global grid search over the offers that some type
    accepts, refined by a bounded search around the best grid point."""
    xs = np.linspace(p + c_hat, p + F.c_hi, n)
    u = a_payoff_after_opening(F, p, c_A, c_hat, xs)
    i = int(np.argmax(u))
    lo, hi = xs[max(i - 1, 0)], xs[min(i + 1, n - 1)]
    if hi <= lo:
        return float(xs[i])
    r = optimize.minimize_scalar(lambda x: -a_payoff_after_opening(F, p, c_A, c_hat, x), bounds=(lo, hi),
                                 method="bounded", options={"xatol": 1e-13})
    return float(r.x if -r.fun >= u[i] else xs[i])


def offer_slope(F: CostDistribution, p: float, c_A: float, c_hat: float, h: float = 1e-5) -> float:
    """The rate at which A's payoff changes as its offer rises from p + c_hat (buying only the opening types):
    a one-sided second-order difference of A's payoff function (error O(h^2))."""
    x0 = p + c_hat
    u = a_payoff_after_opening(F, p, c_A, c_hat, np.array([x0, x0 + h, x0 + 2 * h]))
    return float((-3 * u[0] + 4 * u[1] - u[2]) / (2 * h))


def _buys_only_the_cutoff(F, p, c_A, c_hat, n: int = 101) -> bool:
    """A's best offer against the types >= c_hat is p + c_hat: locally (the payoff falls as the offer rises)
    and globally (no offer on a grid does better)."""
    if offer_slope(F, p, c_A, c_hat) > 0:
        return False
    xs = np.linspace(p + c_hat, p + F.c_hi, n)
    u = a_payoff_after_opening(F, p, c_A, c_hat, xs)
    return bool(u[0] >= u.max() - 1e-12)


@dataclass(frozen=True)
class AdverseInferenceSolution:
    kappa: float
    self_confirming: tuple[float, float] | None  # [low, high] of the cutoffs that confirm themselves
    selected_cutoff: float | None  # the lowest: the paper's selection
    selected_offer: float | None
    none_open: bool  # the equilibrium in which no type opens (off-path belief: an opener is the top type)


def solve_adverse_inference(F: CostDistribution, p: float, c_A: float, kappa: float, n: int = 21,
                            tol: float = 1e-13) -> AdverseInferenceSolution:
    """Every cutoff equilibrium of the adverse inference game. A cutoff c_hat is an equilibrium when, A having
    best-responded to the openers, the types that open (those that accept and gain at least kappa) are exactly
    c_B >= c_hat: with kappa = 0 that is A's best offer being p + c_hat. A type opens only if it accepts
    (lexicographic preferences: a failed negotiation is worse than staying closed)."""
    if kappa > 0:
        # the cutoff type gains 1 - x - kappa - (1 - p - c_hat) <= -kappa < 0 from opening, since A never offers
        # less than the cutoff type's war value; checked on the grid, not assumed
        grid = np.linspace(F.c_lo, F.c_hi, n)
        gains = [p + c - best_offer(F, p, c_A, c, n=201) - kappa for c in grid[:-1]]
        if max(gains) >= 0:
            raise ArithmeticError("an opening equilibrium with kappa > 0 was found; the searched class is wrong")
        return AdverseInferenceSolution(kappa, None, None, None, True)
    grid = np.linspace(F.c_lo, F.c_hi, n)[:-1]
    ok = np.array([_buys_only_the_cutoff(F, p, c_A, c) for c in grid])
    if not ok.any():
        return AdverseInferenceSolution(kappa, None, None, None, True)
    j = int(np.argmax(ok))
    if not ok[j:].all():
        raise ArithmeticError("the self-confirming cutoffs are not an interval on the grid")
    lo, hi = (grid[j - 1], grid[j]) if j > 0 else (grid[0], grid[0])
    while hi - lo > tol:  # the lowest self-confirming cutoff, by bisection on the slope of A's own payoff
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if offer_slope(F, p, c_A, mid) <= 0 else (mid, hi)
    return AdverseInferenceSolution(kappa, (hi, F.c_hi), hi, p + hi, True)


# ---------------------------------------------------------------- resilience

@dataclass(frozen=True)
class Game(ResilienceParameters):
    """The resilience game: its primitives, and B's types on a grid of n cost cells (midpoints, weights from F)."""

    n: int = 200

    @classmethod
    def of(cls, m: ResilienceParameters, n: int = 200) -> "Game":
        return cls(**{f.name: getattr(m, f.name) for f in dataclasses.fields(m)}, n=n)

    def types(self):
        edges = np.linspace(self.F.c_lo, self.F.c_hi, self.n + 1)
        w = np.diff(self.F.cdf(edges))
        c = 0.5 * (edges[1:] + edges[:-1])
        h = np.asarray(self.pr_high(c), float)
        return c, w * h, w * (1 - h)  # costs, mass of (c, H), mass of (c, L)


def _offers(g: Game, c, MH, ML, escalate: bool):
    """A's best offer (and payoff) against each row of masses MH, ML ((m, n)) of (c, H), (c, L) that opened, given
    its escalation: type (c, rho) accepts iff x <= p_rho + c, with p_H = p and p_L = p' when A escalated. The
    optimum is one of the types' acceptance thresholds; accepted masses by suffix sums over the sorted
    thresholds (ties: the first of equal thresholds). Returns offers and payoffs, each (m,)."""
    pl = g.p_prime if escalate else g.p
    thr = np.concatenate([g.p + c, pl + c])
    war = np.concatenate([np.full(len(c), g.p - g.c_A), np.full(len(c), pl - g.c_A)])
    order = np.argsort(thr, kind="stable")
    thr, war = thr[order], war[order]
    mass = np.concatenate([MH, ML], axis=1)[:, order]
    accepted = np.cumsum(mass[:, ::-1], axis=1)[:, ::-1]
    war_value = np.cumsum(mass * war, axis=1) - mass * war
    first = np.searchsorted(thr, thr, side="left")
    u = accepted[:, first] * thr + war_value[:, first] - (g.nu * mass.sum(1, keepdims=True) if escalate else 0.0)
    i = np.argmax(u, axis=1)
    return thr[i], u[np.arange(len(u)), i]


@dataclass(frozen=True)
class Equilibrium:
    signals: str
    cutoffs: tuple  # per (signal, resilience) cell of the profile: the cost cell from which types open (n: none)
    escalate_after_open: dict
    escalate_after_closed: dict
    low_resilience_open: float  # mass of (c, L) types that open
    share_open: float


# Signal profiles: the (signal, resilience) cells each with a stance cutoff of its own.
PROFILES = {"pool_no_signal": (("~S", "H"), ("~S", "L")), "pool_signal": (("S", "H"), ("S", "L")),
            "separate": (("S", "H"), ("~S", "L"))}


def solve_resilience(g: Game, step: int = 1) -> list[Equilibrium]:
    """Every equilibrium of the searched class, on B's type grid: for each signal profile, a stance cutoff for
    each (signal, resilience) cell, every `step` cells (cutoff n: no type of the cell opens)."""
    c, mh, ml = g.types()
    n = len(c)
    cuts = sorted(set(range(0, n + 1, step)) | {n})
    idx = np.arange(n)
    mass = {"H": mh, "L": ml}
    deter = {"O": (True, g.p_prime + g.F.c_hi), "C": (True, None)}  # off path: a top-cost, low-resilience type
    found = []
    war_h = 1 - g.p - c  # B's war payoffs (a high-resilience type's is untouched by escalation)
    for profile, cells in PROFILES.items():
        combos = np.array(list(itertools.product(cuts, repeat=len(cells))))  # (m, cells)
        m = len(combos)
        signals = sorted({sig for sig, _ in cells})
        opened = [idx[None, :] >= combos[:, j][:, None] for j in range(len(cells))]  # (m, n) per cell
        # A's plan at every information set, for every combination of cutoffs at once (arrays over combinations)
        plan = {}
        for sig in ("S", "~S"):
            mine = [j for j, (s_, _) in enumerate(cells) if s_ == sig]
            if not mine:
                plan[sig] = (np.full(m, True), np.full(m, deter["O"][1]), np.full(m, True))
                continue
            masses = {(r, st): sum((mass[r][None, :] * (opened[j] if st == "O" else ~opened[j])
                                    for j in mine if cells[j][1] == r), np.zeros((m, n)))
                      for r in "HL" for st in "OC"}
            oh, ol, ch, cl = masses[("H", "O")], masses[("L", "O")], masses[("H", "C")], masses[("L", "C")]
            x0, u0 = _offers(g, c, oh, ol, False)
            x1, u1 = _offers(g, c, oh, ol, True)
            esc_o = u1 > u0 + 1e-15  # ties: no escalation
            x = np.where(esc_o, x1, x0)
            none_open = oh.sum(1) + ol.sum(1) <= 0
            esc_o, x = np.where(none_open, deter["O"][0], esc_o), np.where(none_open, deter["O"][1], x)
            total_c = ch.sum(1) + cl.sum(1)
            esc_c = np.where(total_c > 0, cl.sum(1) * (g.p_prime - g.p) > g.nu * total_c + 1e-15, deter["C"][0])
            plan[sig] = (esc_o, x, esc_c)
        pay = {}  # (signal, stance) -> (H payoffs, L payoffs), each (m, n)
        for sig, (esc_o, x, esc_c) in plan.items():
            cost_l = g.k if sig == "S" else 0.0
            war_l_o = 1 - np.where(esc_o, g.p_prime, g.p)[:, None] - c[None, :]
            war_l_c = 1 - np.where(esc_c, g.p_prime, g.p)[:, None] - c[None, :]
            take = 1 - x[:, None]
            pay[(sig, "C")] = (np.broadcast_to(war_h, (m, n)), war_l_c - cost_l)
            pay[(sig, "O")] = (np.where(take >= war_h[None, :] - 1e-12, take, war_h[None, :] - 1e-9),
                               np.where(take >= war_l_o - 1e-12, take, war_l_o - 1e-9) - cost_l)
        best = [np.max([v[i] for v in pay.values()], axis=0) for i in (0, 1)]
        ok = np.ones(m, bool)
        for j, (sig, r) in enumerate(cells):
            i = "HL".index(r)
            chosen = np.where(opened[j], pay[(sig, "O")][i], pay[(sig, "C")][i])
            ok &= np.all(chosen >= best[i] - 1e-12, axis=1)
        for row in np.flatnonzero(ok):
            low = sum(float(ml @ opened[j][row]) for j, (_, r) in enumerate(cells) if r == "L")
            share = sum(float(mass[r] @ opened[j][row]) for j, (_, r) in enumerate(cells))
            found.append(Equilibrium(profile, tuple(int(v) for v in combos[row]),
                                     {s_: bool(plan[s_][0][row]) for s_ in signals},
                                     {s_: bool(plan[s_][2][row]) for s_ in signals}, low, share))
    return found


def escalation_gain_after_open(g: Game, cutoff: float) -> float:
    """What escalating after an opening by the types c_B >= cutoff (both resiliences) is worth to A per unit of
    opening mass, before its cost nu: A's best payoff with escalation (offer re-optimised) minus without."""
    c, mh, ml = g.types()
    opened = c >= cutoff
    oh, ol = mh * opened, ml * opened
    _, u1 = _offers(dataclass_replace(g, nu=0.0), c, oh[None, :], ol[None, :], True)
    _, u0 = _offers(g, c, oh[None, :], ol[None, :], False)
    return float((u1[0] - u0[0]) / (oh.sum() + ol.sum()))


def _unescalated_opening(e: Equilibrium) -> bool:
    return e.low_resilience_open > 0 and not any(e.escalate_after_open.values())


def pooling_without_escalation(eqs: list[Equilibrium]) -> bool:
    """The solver finds a pooling equilibrium in which low-resilience types open and A does not escalate."""
    return any(_unescalated_opening(e) for e in eqs if e.signals != "separate")


def separating_equilibrium(eqs: list[Equilibrium]) -> bool:
    """The solver finds a separating equilibrium (H signal, L do not) in which low-resilience types open."""
    return any(e.signals == "separate" and e.low_resilience_open > 0 for e in eqs)


def regime_from_solver(eqs: list[Equilibrium]) -> str:
    """The solver's regime, in Proposition 2's terms: low-resilience types open in some equilibrium with A not
    escalating after an opening (escalation too costly), or in a separating one with A escalating against them
    (separation); otherwise none opens (closed)."""
    if any(_unescalated_opening(e) for e in eqs):
        return "escalation_too_costly"
    return "separation" if separating_equilibrium(eqs) else "closed"
