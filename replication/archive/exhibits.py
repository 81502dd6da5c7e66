"""The paper's Appendix 1, regenerated from wars.csv in the paper's columns (Markdown and LaTeX)."""

from __future__ import annotations

import pandas as pd

HEADER = ["Conflict Name", "Conflict Start", "Proposer", "Response", "Days Before Talks", "Conflict End"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]


def paper_date(value) -> str:
    d = pd.Timestamp(value)
    return f"{d.year} {MONTHS[d.month - 1]} {d.day}"


def appendix1_rows(wars: pd.DataFrame) -> list[list[str]]:
    """One row per war in the paper's columns and notation (N/A, unknown, ongoing)."""
    rows = []
    for w in wars.itertuples():
        unknown = w.response_type == "unknown"
        missing = "unknown" if unknown else "N/A"
        rows.append([
            w.war_name, paper_date(w.start_date),
            w.proposer if isinstance(w.proposer, str) else missing,
            w.response if isinstance(w.response, str) else missing,
            str(int(w.days_to_talks)) if pd.notna(w.days_to_talks) else "N/A",
            "ongoing" if w.is_ongoing else paper_date(w.end_date),
        ])
    return rows


def appendix1_markdown(wars: pd.DataFrame) -> str:
    lines = ["# Appendix 1: Empirical Pattern of Diplomatic Silence (regenerated)", "",
             "Regenerated from `data/processed/wars.csv` by `python -m replication claims`: the paper's table, "
             "correctly aligned. Where the paper's dates differ from COW's, see `data/processed/discrepancies.csv`.",
             "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in appendix1_rows(wars)]
    return "\n".join(lines) + "\n"


def _tex(text: str) -> str:
    for a, b in (("\\", "\\textbackslash{}"), ("&", "\\&"), ("%", "\\%"), ("_", "\\_"), ("#", "\\#")):
        text = text.replace(a, b)
    return text


def appendix1_latex(wars: pd.DataFrame) -> str:
    lines = ["% Regenerated from data/processed/wars.csv by `python -m replication claims`; needs \\usepackage{longtable}.",
             "\\begin{longtable}{p{4.2cm}lp{1.8cm}p{3.6cm}rl}",
             "\\caption{Empirical Pattern of Diplomatic Silence (Appendix 1, regenerated)}\\\\",
             " & ".join(f"\\textbf{{{h}}}" for h in HEADER) + " \\\\", "\\hline", "\\endhead"]
    lines += [" & ".join(_tex(c) for c in row) + " \\\\" for row in appendix1_rows(wars)]
    lines.append("\\end{longtable}")
    return "\n".join(lines) + "\n"
