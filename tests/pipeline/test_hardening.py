"""Nothing lost: interrupted writes recovered, a killed or failed run changes nothing, concurrent runs
wait for each other."""

import os
import signal
import subprocess
import textwrap
import time

import pytest

from replication.common import paths
from replication.pipeline.atomic import recover, run_lock

from ..conftest import PY, archive_copy, cli, tree_hashes

pytestmark = pytest.mark.slow  # every test here runs the command line in a subprocess


KILLER = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    import replication.pipeline.atomic as o
    root = Path(sys.argv[1]); when = sys.argv[2]
    real_replace, real_fsync, calls = os.replace, os.fsync, {"replace": 0, "fsync": 0}
    def replace(a, b):
        if str(b).endswith(o.JOURNAL):
            real_replace(a, b)
            return
        calls["replace"] += 1
        real_replace(a, b)
        if when == "after_commit" and calls["replace"] == 1:
            os.kill(os.getpid(), signal.SIGKILL)
    def fsync(fd):
        calls["fsync"] += 1
        real_fsync(fd)
        if when == "before_commit" and calls["fsync"] == 2:
            os.kill(os.getpid(), signal.SIGKILL)
    o.os.replace, o.os.fsync = replace, fsync
    o.write_atomic({root / "a.csv": b"new a", root / "sub" / "b.csv": b"new b", root / "c.csv": b"new c"}, root)
''')


@pytest.mark.parametrize("when, expected", [("before_commit", b"old"), ("after_commit", b"new")])
def test_a_killed_write_leaves_all_old_or_is_completed(tmp_path, when, expected):
    (tmp_path / "sub").mkdir()
    targets = [tmp_path / "a.csv", tmp_path / "sub" / "b.csv", tmp_path / "c.csv"]
    for t in targets:
        t.write_bytes(b"old " + t.stem.encode())
    run = subprocess.run([PY, "-c", KILLER, str(tmp_path), when], env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    assert run.returncode == -signal.SIGKILL
    recover(tmp_path)
    assert [t.read_bytes() for t in targets] == [expected + b" " + t.stem.encode() for t in targets]
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob(".replication-*"))


def test_a_killed_replication_leaves_previous_outputs_unchanged(tmp_path):
    root = archive_copy(tmp_path)
    (root / "data/hand_coding/cases.yaml").write_text(
        (root / "data/hand_coding/cases.yaml").read_text().replace("phase: whole war", "phase: the whole war"))
    before = tree_hashes(root)
    proc = cli(root, "all", "--force")
    for line in proc.stdout:  # kill mid-run: `all` writes nothing before its one commit at the end
        if line.startswith("[") and "] survival:" in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = tree_hashes(root)
    assert after == before
    assert (root / ".replication-work").exists()  # the killed run's working copy, inside the archive
    finished = cli(root, "all")
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err
    assert not (root / ".replication-work").exists()  # removed by the next run's recovery
    assert tree_hashes(root)["data/processed/link/cases.csv"] != before["data/processed/link/cases.csv"]


def test_a_failed_cli_run_exits_non_zero_and_changes_nothing(tmp_path):
    root = archive_copy(tmp_path)
    table = root / "data/raw/appendix1_table.txt"
    table.write_bytes(table.read_bytes().replace(b"1176", b"1177"))
    before = tree_hashes(root)
    proc = cli(root, "all", "--force")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert "appendix1_table.txt" in err and "sha256 matches provenance.yaml" in err
    assert tree_hashes(root) == before


def test_two_runs_do_not_interleave(tmp_path):
    root = archive_copy(tmp_path)
    with run_lock(root):
        proc = cli(root, "codebook")
        time.sleep(3)
        assert proc.poll() is None  # waiting for the lock
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
