"""Step 4: the claims check and the paper's Appendix 1 regenerated."""

from __future__ import annotations

from pathlib import Path

from . import paths
from .claims import claims_table
from .exhibits import appendix1_latex, appendix1_markdown
from .atomic import write_atomic
from .schema import CLAIMS
from .validation import validated_csv
from .wars import read_wars


def run_claims(root: Path = paths.ROOT, log=print) -> dict:
    wars = read_wars(root / "data/processed/wars.csv")
    table = claims_table(wars)
    csv = validated_csv(table, CLAIMS)
    counts = table["status"].value_counts().to_dict()
    log("claims: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    files = {root / CLAIMS.path: csv,
             root / "exhibits/appendix1.md": appendix1_markdown(wars).encode(),
             root / "exhibits/appendix1.tex": appendix1_latex(wars).encode()}
    write_atomic(files)
    return files
