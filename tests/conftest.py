import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from replication.common import paths  # noqa: E402
from replication.pipeline.atomic import write_atomic  # noqa: E402
from replication.wars.build import Sources, build  # noqa: E402

SHARED = paths.ROOT.parent / "shared"


def quiet(*_args, **_kwargs):
    pass


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real pipeline, written to a temporary directory (the committed outputs are untouched)."""
    out = tmp_path_factory.mktemp("processed")
    data = build(out_dir=out, log=quiet)
    write_atomic(data.files)
    data.out_dir = out
    return data


def raw_cells(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.rstrip("\n").split("\n")]


def join_cells(cells: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in cells) + "\n"


@pytest.fixture
def altered(tmp_path):
    """Copy the inputs to tmp_path, let a test change them, and return Sources for the copies."""

    def make(table=None, ledger=None, cow=None, crosswalk=None, coding=None) -> Sources:
        src = Sources()
        copies = {}
        for name, path, new in (("appendix_table", src.appendix_table, table), ("ledger", src.ledger, ledger),
                                ("cow", src.cow, cow), ("crosswalk", src.crosswalk, crosswalk),
                                ("response_coding", src.response_coding, coding)):
            target = tmp_path / path.name
            if new is None:
                shutil.copyfile(path, target)
            else:
                target.write_bytes(new(path.read_bytes()) if callable(new) else new)
            copies[name] = target
        return Sources(provenance=None, **copies)

    return make


def edit_table(edit):
    """Wrap a function of the table's cells (list of rows of 6 cells) as a bytes -> bytes edit."""

    def apply(data: bytes) -> bytes:
        cells = raw_cells(data.decode("utf-8"))
        edit(cells)
        return join_cells(cells).encode("utf-8")

    return apply


def shared_path(*parts) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (shared/ is not beside the clone)")
    return path


PY = sys.executable


def archive_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(paths.ROOT, dest, ignore=shutil.ignore_patterns(
        ".venv", ".venv-tools", ".git", ".cache", "logs", "__pycache__", ".pytest_cache", ".hypothesis",
        ".replication-work", "extended", "REPORT_extended.md"))  # what a clean clone lacks
    return dest


def cli(root: Path, *args, **kwargs):
    return subprocess.Popen([PY, "-m", "replication", *args], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def tree_hashes(root: Path, folders=("data/processed", "figures", "exhibits")) -> dict:
    out = {}
    for folder in folders:
        for p in sorted((root / folder).rglob("*")):
            if p.is_file():
                out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    for name in ("codebook.md", "REPORT.md", "datapackage.json"):
        out[name] = hashlib.sha256((root / name).read_bytes()).hexdigest()
    return out
