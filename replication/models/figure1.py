"""The game of Figure 1 for one type of B: its terminal nodes and their payoffs, as the paper prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Terminal:
    label: str  # as the paper prints it: (1), (1'), ..., (8)
    signal: bool  # B sent S
    opened: bool
    escalated: bool
    accepted: bool | None  # None when B stayed closed


def _terms(signal, opened, escalated, accepted, rho):
    """Payoffs as lists of (sign, symbol) terms, for A and for B, following the paper's model."""
    effective = escalated and rho == "L"
    if opened and accepted:
        a, b = [(1, "x")], [(1, "1"), (-1, "x")]
    else:
        win = "p'" if effective else "p"
        a, b = [(1, win), (-1, "c_A")], [(1, "1"), (-1, win), (-1, "c_B")]
    if escalated:
        a.append((-1, "\\nu"))
    if signal and rho == "L":
        b.append((-1, "k"))
    return a, b


def payoff_expression(t: Terminal, rho: str) -> tuple[str, str]:
    def render(terms):
        out = ""
        for i, (sign, sym) in enumerate(terms):
            out += ("" if i == 0 else " + ") if sign > 0 else (" - " if i else "-")
            out += sym
        return out

    a, b = _terms(t.signal, t.opened, t.escalated, t.accepted, rho)
    return render(a), render(b)


def payoff_value(t: Terminal, rho: str, values: dict) -> tuple[float, float]:
    a, b = _terms(t.signal, t.opened, t.escalated, t.accepted, rho)
    ev = lambda terms: sum(s * (1.0 if sym == "1" else values[sym]) for s, sym in terms)  # noqa: E731
    return ev(a), ev(b)


def game_tree() -> list[Terminal]:
    """The terminal nodes of Figure 1 in the paper's numbering. A failed negotiation ends as a war;
    the primed labels (1'), (2') are the same wars reached by staying closed, which both players
    prefer (lexicographic preferences); after ~S the paper prints one label for both."""
    out = []
    for signal, (esc_war, calm_war, esc_deal, calm_deal) in ((True, ("1", "2", "5", "6")),
                                                             (False, ("3", "4", "7", "8"))):
        for escalated, war, deal in ((True, esc_war, esc_deal), (False, calm_war, calm_deal)):
            primed = f"({war}')" if signal else f"({war})"
            out.append(Terminal(primed, signal, False, escalated, None))
            out.append(Terminal(f"({war})", signal, True, escalated, False))
            out.append(Terminal(f"({deal})", signal, True, escalated, True))
    return out
