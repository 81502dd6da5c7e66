"""Writing outputs: atomically (all old or all new files, also across a killed run), one run at a time.
No heavy imports, so that `python -m replication all` with nothing to do stays fast."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path

JOURNAL = ".replication-journal.json"
STAGING = ".replication-staging"  # temporaries live here (same file system as the outputs), never beside them
WORK = ".replication-work"  # working copies of `all` and `verify`, inside the archive so recovery can find them


def file_mode() -> int:
    """The permissions a new file gets under the process's umask (mkstemp's own 0600 would hide outputs)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(files: dict[Path, bytes], journal_dir: Path | None = None) -> None:
    """Write a set of files so that a reader sees either all old or all new versions.

    Every file is first written in full to a temporary file in a staging folder; then a journal listing the moves is
    written (atomically); then the moves are made and the journal removed. A run killed before the
    journal exists leaves the old files (and stray temporaries, removed by `recover`); one killed
    after it is completed by `recover` at the start of the next run."""
    if not files:
        return
    journal_dir = journal_dir or _common_dir(files)
    staging = journal_dir / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    mode = file_mode()
    staged, temporaries = [], []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=staging, prefix=f"{path.name}.", suffix=".tmp")
            temporaries.append(tmp)  # before writing: a full disk mid-write must not leave it behind
            with os.fdopen(fd, "wb") as fh:
                os.fchmod(fh.fileno(), mode)
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            staged.append((tmp, str(path)))
        journal = journal_dir / JOURNAL
        fd, tmp_journal = tempfile.mkstemp(dir=staging, prefix="journal.", suffix=".tmp")
        temporaries.append(tmp_journal)
        with os.fdopen(fd, "w") as fh:
            json.dump(staged, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_journal, journal)  # the commit point
        _apply(journal)
    finally:
        for tmp in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        with contextlib.suppress(OSError):
            staging.rmdir()


def _common_dir(files) -> Path:
    return Path(os.path.commonpath([str(p.parent) for p in files]))


def _apply(journal: Path) -> None:
    for tmp, dest in json.loads(journal.read_text()):
        if os.path.exists(tmp):
            os.replace(tmp, dest)
    journal.unlink()


def recover(root: Path) -> list[str]:
    """Finish a committed write that a killed run left half done; delete uncommitted temporaries and the
    working copies of killed runs (call it holding the run lock: no other run is using them)."""
    if (root / WORK).exists():
        shutil.rmtree(root / WORK)
    done = []
    places = [root] + ([p for p in (root / "data/processed").rglob("*") if p.is_dir()] + [root / "data/processed"]
                       if (root / "data/processed").exists() else [])
    for place in places:
        journal = place / JOURNAL
        if journal.exists():
            done += [dest for _, dest in json.loads(journal.read_text())]
            _apply(journal)
        if (place / STAGING).exists():
            shutil.rmtree(place / STAGING)
    return done


@contextlib.contextmanager
def work_dir(root: Path, prefix: str):
    """A scratch folder under `root`/.replication-work, removed on every exit that Python sees (a killed
    run's is removed by the next run's `recover`)."""
    base = root / WORK
    base.mkdir(exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=base, prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(OSError):
            base.rmdir()


@contextlib.contextmanager
def run_lock(root: Path):
    """One run at a time per archive: a second run waits for the first instead of interleaving."""
    with open(root / ".replication.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
