"""Failures outside the data: outputs readable by others, a full disk, an unreadable input and a broken
provenance file give a clean error and leave nothing behind."""

import errno
import os
import textwrap

import pytest

from replication.common.errors import DataError
from replication.pipeline import atomic
from replication.sources.provenance import load_provenance

from ..conftest import PY, archive_copy, tree_hashes


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_get_the_umasks_permissions(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        atomic.write_atomic({tmp_path / "a.csv": b"a", tmp_path / "sub/b.csv": b"b"}, tmp_path)
    finally:
        os.umask(old)
    assert [(tmp_path / p).stat().st_mode & 0o777 for p in ("a.csv", "sub/b.csv")] == [mode, mode]


def test_a_full_disk_leaves_the_old_files_and_no_temporaries(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_bytes(b"old a")
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_atomic({tmp_path / "a.csv": b"new a", tmp_path / "b.csv": b"new b"}, tmp_path)
    assert (tmp_path / "a.csv").read_bytes() == b"old a" and not (tmp_path / "b.csv").exists()
    assert not list(tmp_path.rglob("*.tmp")) and not (tmp_path / atomic.STAGING).exists()


def test_a_scratch_folder_is_removed_on_error_and_by_recovery(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic.work_dir(tmp_path, "all-") as work:
            (work / "x").write_text("x")
            raise RuntimeError
    assert not (tmp_path / atomic.WORK).exists()
    (tmp_path / atomic.WORK / "all-killed").mkdir(parents=True)  # what a SIGKILLed run leaves
    atomic.recover(tmp_path)
    assert not (tmp_path / atomic.WORK).exists()


@pytest.mark.parametrize("text, rule", [
    ("files:\n  - path: a\n    title: [unclosed\n", "valid YAML"),
    ("- just a list\n", "a mapping with a 'files' list of records"),
    ("files:\n  - path: a.csv\n", "complete provenance record"),
])
def test_a_broken_provenance_file_is_named(tmp_path, text, rule):
    path = tmp_path / "provenance.yaml"
    path.write_text(text)
    with pytest.raises(DataError) as err:
        load_provenance(path)
    assert err.value.rule == rule and err.value.file == "provenance.yaml"


FAILING = textwrap.dedent('''
    import errno, os, sys
    from pathlib import Path
    how = sys.argv[1]
    if how == "full_disk":
        import replication.pipeline.atomic as a
        def fsync(fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        a.os.fsync = fsync
    else:
        real = Path.read_bytes
        def read_bytes(self):
            if self.name == "Inter-StateWarData_v4.0.csv":
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)
        Path.read_bytes = read_bytes
    from replication.pipeline.cli import main
    raise SystemExit(main(["all", "--force"]))
''')


@pytest.mark.slow
@pytest.mark.parametrize("how, message", [("full_disk", "No space left on device"),
                                          ("unreadable", "Inter-StateWarData_v4.0.csv: Permission denied")])
def test_the_command_line_reports_a_system_error_cleanly(tmp_path, how, message):
    import subprocess

    root = archive_copy(tmp_path)
    before = tree_hashes(root)
    run = subprocess.run([PY, "-c", FAILING, how], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and message in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert tree_hashes(root) == before
    assert not (root / atomic.STAGING).exists() and not (root / atomic.WORK).exists()
