"""Claims check, regenerated Appendix 1, report, and the byte-for-byte reproducibility check."""

import pandas as pd
import pytest

from replication.common import paths
from replication.sources.appendix_table import read_appendix_table
from replication.archive.claims import CLAIMS, claims_table
from replication.sources.dates import parse_table_date
from replication.archive.exhibits import appendix1_rows
from replication.sources.ledger import apply_ledger, load_ledger
from replication.wars.dataset import read_wars

from ..conftest import shared_path


@pytest.fixture(scope="module")
def wars():
    return read_wars(paths.WARS_CSV)


def test_every_quote_is_the_papers_text():
    text = shared_path("seeds", "000_2e8d641943628a8c.txt").read_text(encoding="utf-8")
    for claim in CLAIMS:
        assert claim.quote in text, claim.claim_id


def test_claims_are_computed_and_honest(wars):
    table = claims_table(wars).set_index("claim_id")
    assert table.loc["almost_sixty_percent", "status"] == "reproduced"
    assert "22 of 38" in table.loc["almost_sixty_percent", "computed_value"]
    assert table.loc["both_refused_half", "status"] == "not reproduced"
    assert table.loc["us_attempts", "status"] == "not computable from Appendix 1"
    # a changed table changes the verdicts: drop talks from four wars and "almost sixty percent" fails
    altered = wars.copy()
    ids = altered.loc[altered["has_talks"], "war_id"][:4]
    altered.loc[altered["war_id"].isin(ids), ["has_talks", "days_to_talks"]] = [False, None]
    assert claims_table(altered).set_index("claim_id").loc["almost_sixty_percent", "status"] == "not reproduced"


def test_committed_claims_file_is_current(wars):
    committed = pd.read_csv(paths.PROCESSED / "claims.csv", keep_default_na=False)
    fresh = claims_table(wars).fillna("")
    assert committed["status"].tolist() == fresh["status"].tolist()
    assert committed["computed_value"].tolist() == fresh["computed_value"].tolist()


def test_regenerated_appendix_matches_the_aligned_raw_table(wars):
    raw = read_appendix_table(paths.RAW_APPENDIX_TABLE)
    aligned = apply_ledger(raw, load_ledger(paths.APPENDIX_LEDGER), paths.APPENDIX_LEDGER)
    for row, cells in zip(appendix1_rows(wars), aligned):
        name, start, proposer, response, days, end = row
        assert name == cells["conflict_name"].value
        assert parse_table_date(start) == parse_table_date(cells["conflict_start"].value)
        assert (proposer, response, days) == (cells["proposer"].value, cells["response"].value,
                                              cells["days_before_talks"].value)
        if end == "ongoing":
            assert cells["conflict_end"].value == "ongoing"
        else:
            assert parse_table_date(end) == parse_table_date(cells["conflict_end"].value)
    md = (paths.ROOT / "exhibits" / "appendix1.md").read_text()
    assert md.count("\n| ") == len(wars) + 1
    tex = (paths.ROOT / "exhibits" / "appendix1.tex").read_text()
    assert tex.count("\\\\\n") >= len(wars) and "\\end{longtable}" in tex


def test_report_shows_every_figure_and_the_checks():
    report = (paths.ROOT / "REPORT.md").read_text()
    for fig in sorted((paths.ROOT / "figures").glob("*.png")):
        assert f"(figures/{fig.name})" in report, fig.name
    for heading in ("## 2. Where the paper disagrees", "## 3. Time to talks", "## 5. The paper's claims"):
        assert heading in report
    assert "not reproduced" in report


@pytest.mark.slow
def test_verify_regenerates_everything_byte_for_byte(capsys):
    from replication.pipeline.cli import main

    assert main(["verify"]) == 0
    assert "byte-identical" in capsys.readouterr().out
