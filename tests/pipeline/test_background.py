"""`all` validates and renders in other processes: same bytes as one process, failures still stop the
run before anything is written, and no helper outlives a killed run."""

import functools
import hashlib
import operator
import os
import signal
import subprocess
import time

import pandas as pd
import pytest

from replication.common import paths
from replication.pipeline import background
from replication.pipeline.cache import Cache
from replication.wars.dataset import read_wars
from replication.wars.rules import WAR_RULES
from replication.wars.schema import WARS

from ..conftest import PY, archive_copy, cli, edit_table, tree_hashes

pytestmark = pytest.mark.skipif(not background.available(),
                                reason="background work is off here (not Linux, or REPLICATION_SERIAL=1)")


@pytest.mark.slow
def test_a_failing_suite_and_a_failing_render_are_reported_by_the_background():
    bg = background.Background()
    try:
        wars = read_wars(paths.WARS_CSV)
        bg.validate(wars, WARS)
        broken = wars.copy()
        broken.loc[0, "end_date"] = broken.loc[0, "start_date"] - pd.Timedelta(days=1)
        broken.loc[1, "war_name"] = None
        bg.validate(broken, WARS, WAR_RULES)
        failures = bg.failures()
        assert bg.failures() == failures  # asking again (as the error path does) does not wait again
        assert any(f.startswith(f"table wars: war {wars.war_id[0]}: ") and "rule 'start_date <= end_date'" in f
                   for f in failures)
        assert f"table wars: war {wars.war_id[1]}: war_name=None: rule 'required'" in failures
        bg.render(functools.partial(dict, {paths.ROOT / "x.png": b"png"}))
        bg.render(functools.partial(operator.truediv, 1, 0))
        bg.render(functools.partial(os._exit, 3))  # a render that dies without a word
        ok, bad, died = bg.take_renders()
        assert bg.take_renders() == []
        assert bg.rendered([ok]) == {paths.ROOT / "x.png": b"png"}
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            bg.rendered([bad])
        with pytest.raises(RuntimeError, match="stopped"):
            bg.rendered([died])
    finally:
        bg.close()


@pytest.mark.slow
def test_parallel_and_single_process_runs_write_the_same_bytes(tmp_path):
    root = archive_copy(tmp_path)
    before = tree_hashes(root)
    for env in ({"REPLICATION_SERIAL": "1"}, {}):
        run = subprocess.run([PY, "-m", "replication", "all", "--force"], cwd=root, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(root), **env}, timeout=600)
        assert run.returncode == 0, run.stderr
        assert ("in parallel processes" in run.stdout) == (env == {})
        assert tree_hashes(root) == before  # both equal the committed outputs


@pytest.mark.slow
def test_a_suite_failing_in_the_background_fails_the_run_and_changes_nothing(tmp_path):
    root = archive_copy(tmp_path)
    table = root / "data/raw/appendix1_table.txt"

    def swap(cells):  # the start and end of the Iran-Iraq war exchanged: parses, but breaks a rule
        i = next(k for k, row in enumerate(cells) if row[5] == "1988 Aug 20")
        j = next(k for k, row in enumerate(cells) if row[1] == "1980 Sept 22")
        cells[i][5], cells[j][1] = cells[j][1], cells[i][5]

    old = hashlib.sha256(table.read_bytes()).hexdigest()
    table.write_bytes(edit_table(swap)(table.read_bytes()))
    prov = root / "data/raw/provenance.yaml"
    prov.write_text(prov.read_text().replace(old, hashlib.sha256(table.read_bytes()).hexdigest()))
    before = tree_hashes(root)
    proc = cli(root, "all", "--force")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, out
    assert "table wars: war iran_iraq_1980: " in err and "rule 'start_date <= end_date'" in err
    assert "nothing was written" in err
    assert tree_hashes(root) == before


def children(pid: int) -> list[int]:
    path = f"/proc/{pid}/task/{pid}/children"
    return [int(c) for c in open(path).read().split()] if os.path.exists(path) else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = open(f"/proc/{pid}/stat").read() if os.path.exists(f"/proc/{pid}/stat") else ""
    return " Z " not in stat  # a zombie has exited


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.slow
def test_helpers_exit_when_the_main_process_is_killed(tmp_path):
    root = archive_copy(tmp_path)
    proc = cli(root, "all", "--force")
    for line in proc.stdout:  # by now the validation worker and the first render have been forked
        if line.startswith("[") and "] models:" in line:
            break
    helpers = children(proc.pid)
    assert helpers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in helpers)


def test_the_cache_reads_a_working_copy_but_the_archives_code(tmp_path):
    (tmp_path / "data/processed").mkdir(parents=True)
    (tmp_path / "data/processed/wars.csv").write_text("war_id\na\n")
    out = tmp_path / "data/processed/claims.csv"
    out.write_bytes(b"claims v1")
    (tmp_path / "replication").mkdir()
    (tmp_path / "replication/x.py").write_text("1")
    cache = Cache(tmp_path)
    cache.record("claims", {out: b"claims v1"})
    work = tmp_path / "work"
    (work / "data/processed").mkdir(parents=True)
    (work / "data/processed/wars.csv").write_text("war_id\na\n")
    (work / "data/processed/claims.csv").write_bytes(b"claims v1")
    assert cache.fresh("claims", at=work)  # no code in the working copy: the archive's counts
    (work / "data/processed/wars.csv").write_text("war_id\nb\n")
    assert not cache.fresh("claims", at=work)
    (work / "data/processed/wars.csv").write_text("war_id\na\n")
    (tmp_path / "replication/x.py").write_text("2")
    assert not cache.fresh("claims", at=work)


def test_the_main_process_needs_no_matplotlib_and_drawing_needs_no_scipy():
    """During `all` figures are drawn in children of the render server, which is forked before scipy is
    imported: the stages must hand over figures without importing matplotlib, and a figure job must
    unpickle (its drawing module) without importing scipy (1.3 s in every child otherwise)."""
    probe = ("import sys; import replication.survival.analysis, replication.models.step, replication.common.figures; "
             "import replication.survival.figures, replication.models.figures, replication.models.figure1; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'scipy'}))")
    out = subprocess.run([PY, "-c", probe], capture_output=True, text=True, cwd=paths.ROOT, check=True,
                         env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    assert out.stdout.strip() == "[]"
