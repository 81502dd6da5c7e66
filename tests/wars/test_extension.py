"""Extending the war list through the documented path, and refusing a wrong row precisely."""

import shutil

import pandas as pd
import pytest

from replication.common import paths
from replication.common.errors import DataError, ValidationFailed
from replication.pipeline.atomic import write_atomic
from replication.survival.analysis import run_survival
from replication.wars.dataset import read_wars
from replication.wars.extension import EXAMPLE, build_extended

from ..conftest import quiet


def extend(extension, root):
    """The extended build as the pipeline runs it: the paper's wars plus the extension, then written."""
    write_atomic(build_extended(read_wars(root / "data/processed/wars.csv"), extension, root=root, log=quiet))


@pytest.fixture
def root(tmp_path):
    """A root holding the paper's processed wars, as after `python -m replication build`."""
    (tmp_path / "data/processed").mkdir(parents=True)
    for name in ("wars.csv", "discrepancies.csv"):
        shutil.copyfile(paths.PROCESSED / name, tmp_path / "data/processed" / name)
    return tmp_path


def example_with(tmp_path, old, new):
    path = tmp_path / "ext.csv"
    text = EXAMPLE.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path


@pytest.mark.slow
def test_the_example_runs_end_to_end(root):
    extend(EXAMPLE, root)
    ext = pd.read_csv(root / "data/processed/extended/wars_extended.csv")
    assert len(ext) == 39 and (ext["sample"] == "extension").sum() == 1
    added = ext[ext["sample"] == "extension"].iloc[0]
    assert added["war_name"].startswith("ILLUSTRATIVE") and added["talks_date"] == "2010-02-15"
    files = run_survival(root=root, sample="extended", log=quiet)
    write_atomic(files)
    sf = pd.read_csv(root / "data/processed/extended/survival/survival_data.csv")
    assert len(sf) == 39 and sf.set_index("war_id").loc["illustrative_fictitious_2010", "time_days"] == 45
    assert any(p.parent.name == "extended" and p.suffix == ".png" for p in files)
    # the paper's results are untouched
    assert not (root / "data/processed/survival").exists()


@pytest.mark.parametrize("old, new, rule, column", [
    ("2010-01-01", "2010-02-30", "valid calendar date", "start_date"),
    ("2010-01-01", "01/01/2010", "ISO date YYYY-MM-DD", "start_date"),
    (",45,", ",-45,", "non-negative whole number", "days_to_talks"),
    (",accept,45", ",agree,45", "response_type one of", "response_type"),
    ("illustrative_fictitious_2010", "korean_1950", "war_id unique across", "war_id"),
    (",false,State X", ",maybe,State X", "true or false", "is_ongoing"),
    (",1000,1,1,", ",,1,1,", "battle_deaths given when cow_war_num is empty", "battle_deaths"),
    ("archive maintainers,", ",", "required value", "coder"),
])
def test_a_wrong_row_is_refused_with_file_line_column_and_rule(root, tmp_path, old, new, rule, column):
    with pytest.raises(DataError) as err:
        extend(example_with(tmp_path, old, new), root)
    e = err.value
    assert e.file == "ext.csv" and e.line == 2 and e.column == column and e.rule.startswith(rule)
    assert not (root / "data/processed/extended").exists()


@pytest.mark.slow
def test_the_suite_checks_the_whole_extended_sample_again(root):
    """Behind the row checks, the great-expectations suite runs over the paper's and the added wars
    together: a COW war twice, or a date outside the sample's window, fails it."""
    import datetime as dt

    from replication.common.formats import typed
    from replication.common.validation import run_suite
    from replication.wars.extension import extended_rows, paper_rows, read_extension
    from replication.wars.rules import extension_rules
    from replication.wars.schema import WARS_EXTENDED
    from replication.sources.cow import read_cow_participants, summarise_wars

    paper = read_wars(root / "data/processed/wars.csv")
    cow = summarise_wars(read_cow_participants(paths.RAW_COW_WARS), paths.RAW_COW_WARS)
    added = typed(extended_rows(read_extension(EXAMPLE, cow, paper), cow), WARS_EXTENDED)
    combined = pd.concat([typed(paper_rows(paper), WARS_EXTENDED), added], ignore_index=True)
    rules = extension_rules(dt.date(2026, 11, 24))
    assert run_suite(combined, WARS_EXTENDED, rules) == []
    combined.loc[len(paper), "cow_war_num"] = combined.loc[0, "cow_war_num"]
    combined.loc[len(paper), "start_date"] = pd.Timestamp("1939-09-01")
    failures = "\n".join(run_suite(combined, WARS_EXTENDED, rules))
    assert "rule 'unique'" in failures and "after WWII (1945-09-02)" in failures


def test_a_missing_extension_file_says_how_to_start(root, tmp_path):
    with pytest.raises(DataError, match="copy data/extensions/example_extension.csv"):
        extend(tmp_path / "nope.csv", root)
