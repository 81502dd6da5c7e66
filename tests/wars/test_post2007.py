"""The real extension past 2007 (data/extensions/post2007.csv): every coded cell has its source, the file runs
end to end with its ongoing war, and a bad cell or a missing source is refused with file, line, column, rule."""

import shutil
import subprocess

import pandas as pd
import pytest

from replication.common import paths
from replication.common.errors import DataError
from replication.sources.cow import read_cow_participants, summarise_wars
from replication.wars.dataset import read_wars
from replication.wars.extension import CODED, read_extension

from ..conftest import PY, archive_copy

EXT = paths.DATA / "extensions" / "post2007.csv"
SOURCES = paths.DATA / "extensions" / "post2007_sources.csv"


def _read(path):
    cow = summarise_wars(read_cow_participants(paths.RAW_COW_WARS), paths.RAW_COW_WARS)
    return read_extension(path, cow, read_wars(paths.WARS_CSV))


def test_the_extension_reads_and_every_coded_cell_has_a_source_or_a_reason():
    ext = _read(EXT)
    assert list(ext["war_id"]) == ["russia_ukraine_2022"] and bool(ext["is_ongoing"].item())
    src = pd.read_csv(SOURCES, dtype=str, keep_default_na=False)
    for column in CODED:
        rows = src[src["column"] == column]
        assert len(rows), column
        assert (rows["coder"] != "").all() and (rows["coded_on"] != "").all()
        assert ((rows["quote"] != "") | (rows["reason"] != "")).all()


def test_the_start_date_is_acds():
    acd = pd.read_csv(paths.RAW_UCDP_ACD)
    assert set(acd.loc[acd["conflict_id"] == 13243, "start_date2"]) == {"2022-02-24"}
    assert _read(EXT)["start_date"].item().isoformat() == "2022-02-24"


@pytest.fixture
def files(tmp_path):
    ext, src = tmp_path / "post2007.csv", tmp_path / "post2007_sources.csv"
    shutil.copy(EXT, ext)
    shutil.copy(SOURCES, src)
    return ext, src


def test_a_cell_that_differs_from_its_source_is_refused(files):
    ext, src = files
    ext.write_text(ext.read_text().replace(",accept,4,", ",accept,5,"))
    with pytest.raises(DataError) as err:
        _read(ext)
    e = err.value
    assert e.file == "post2007_sources.csv" and e.column == "value" and e.line is not None
    assert "value is the extension's cell as written" in e.rule


def test_a_cell_without_a_source_is_refused(files):
    ext, src = files
    src.write_text("\n".join(x for x in src.read_text().splitlines() if ",proposer," not in x) + "\n")
    with pytest.raises(DataError) as err:
        _read(ext)
    assert err.value.column == "proposer" and "every coded cell" in err.value.rule


def test_empty_battle_deaths_need_their_reason(files):
    ext, src = files
    src.unlink()
    with pytest.raises(DataError) as err:
        _read(ext)
    assert err.value.file == "post2007.csv" and err.value.line == 2 and err.value.column == "battle_deaths"


def test_a_formula_in_a_source_is_refused(files):
    ext, src = files
    src.write_text(src.read_text().replace("archive maintainers", "=HYPERLINK(1)", 1))
    with pytest.raises(DataError, match="no text cell starts with"):
        _read(ext)


@pytest.mark.slow
def test_the_real_extension_runs_end_to_end(tmp_path):
    root = archive_copy(tmp_path)
    proc = subprocess.run([PY, "-m", "replication", "all", "--sample", "extended", "--extension",
                           "data/extensions/post2007.csv"], cwd=root, capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    sf = pd.read_csv(root / "data/processed/extended/survival/survival_data.csv").set_index("war_id")
    assert (sf.loc["russia_ukraine_2022", "time_days"], sf.loc["russia_ukraine_2022", "event"]) == (4, 1)
    assert pd.isna(sf.loc["russia_ukraine_2022", "log_battle_deaths"])
    report = (root / "REPORT_extended.md").read_text()
    assert "russia_ukraine_2022" in report and "1 added war(s) leave it empty" in report
    assert "left out of the covariate models" in proc.stdout
