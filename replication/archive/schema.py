"""The tables of the archive stage: the claims check."""

from __future__ import annotations

from ..common.tables import Field, Table

CLAIMS = Table(
    name="claims", path="data/processed/claims.csv",
    description="Every quantitative statement the paper's text makes about its war table, recomputed from "
    "wars.csv (replication/archive/claims.py). Quotes are checked against the paper's text by the tests.",
    primary_key=("claim_id",),
    fields=(
        Field("claim_id", "string", "Claim.", "replication/archive/claims.py", "", required=True, unique=True),
        Field("quote", "string", "The paper's words.", "the paper's text", "Exact quotation.", required=True),
        Field("location", "string", "Where in the paper.", "the paper's text", "Section (and footnote).",
              required=True),
        Field("computation", "string", "How the claim is computed from wars.csv.", "replication/archive/claims.py", "",
              required=True),
        Field("paper_value", "string", "What the paper says.", "the paper's text", "", required=True),
        Field("computed_value", "string", "What the data give.", "wars.csv", "Computed on every run.",
              missing="not computable from Appendix 1"),
        Field("status", "string", "Verdict.", "replication/archive/claims.py", "", required=True,
              enum=("reproduced", "not reproduced", "not computable from Appendix 1")),
        Field("note", "string", "How the words were read, or why the claim is not reproduced.",
              "replication/archive/claims.py", "", missing="no note needed"),
    ),
)

TABLES = (CLAIMS,)
