"""The codebook is generated from the whole schema and agrees with every processed file."""

import re

import pandas as pd

from replication.archive.catalog import TABLES
from replication.common import paths


def test_codebook_documents_every_column_of_every_processed_file():
    text = paths.CODEBOOK.read_text()
    for table in TABLES:
        section = text.split(f"## `{table.path}`")[1].split("\n## ")[0]
        documented = re.findall(r"^\| `([A-Za-z0-9_]+)` \|", section, flags=re.M)
        header = pd.read_csv(paths.ROOT / table.path, nrows=0).columns.tolist()
        assert documented == header == table.columns, table.path


def test_codebook_is_current():
    from replication.archive.codebook import read_table, render_codebook

    frames = {t.name: read_table(t) for t in TABLES}
    assert paths.CODEBOOK.read_text() == render_codebook(frames), "codebook.md is stale: run `make replicate`"
