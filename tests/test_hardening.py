"""Bad input refused precisely; nothing lost: raw files never written, interrupted writes recovered,
a failed run changes nothing, concurrent runs wait for each other."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replication import paths
from replication.appendix_table import COLUMNS, HEADER, read_appendix_table
from replication.build import assemble, build
from replication.cow import read_cow_participants
from replication.errors import DataError
from replication.link import load_cases
from replication.atomic import recover, run_lock

from .conftest import quiet

PY = sys.executable


def archive_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(paths.ROOT, dest, ignore=shutil.ignore_patterns(
        ".venv", ".venv-tools", ".git", ".cache", "logs", "__pycache__", ".pytest_cache", ".hypothesis"))
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


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("data, rule", [
    (b"", "non-empty file"),
    (b"\r\n\r\n", "non-empty file"),
    (b'"WarNum","WarName"\r\n', "COW v4.0 columns"),
])
def test_bad_cow_files(tmp_path, data, rule):
    path = tmp_path / "cow.csv"
    path.write_bytes(data)
    with pytest.raises(DataError, match=rule):
        read_cow_participants(path)


def test_cow_header_only_and_bom(tmp_path):
    raw = paths.RAW_COW_WARS.read_bytes()
    path = tmp_path / "cow.csv"
    path.write_bytes(raw.split(b"\r\n")[0] + b"\r\n")
    with pytest.raises(DataError, match="at least one participant row"):
        read_cow_participants(path)
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    assert read_cow_participants(path).equals(read_cow_participants(paths.RAW_COW_WARS))


def test_an_extra_cell_in_the_raw_table(altered):
    src = altered(table=lambda b: b.replace(b"\t350\t", b"\t350\t\t", 1))
    with pytest.raises(DataError) as err:
        assemble(src)
    assert err.value.rule == "six tab-separated fields per line" and err.value.line == 4


@pytest.mark.parametrize("edit, rule", [
    (("    section: Introduction\n", ""), "every case has all its keys"),
    (("    resilience: high\n    quote", "    resilience: high\n    colour: red\n    quote"), "no unknown case key"),
    (("case_id: vietnam_usa", "case_id: vietnam_drv_after_tet"), "unique case_id"),
])
def test_bad_case_codings(tmp_path, edit, rule):
    text = paths.CASES.read_text()
    assert edit[0] in text
    path = tmp_path / "cases.yaml"
    path.write_text(text.replace(*edit, 1))
    with pytest.raises(DataError, match=rule):
        load_cases(path)


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).map(str.strip)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell, min_size=6, max_size=6), min_size=1, max_size=8))
def test_table_parser_round_trips_any_cells(tmp_path, rows):
    path = tmp_path / "t.txt"
    path.write_bytes(("\t".join(HEADER) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n").encode())
    table = read_appendix_table(path)
    assert [[table.columns[c][i].value for c in COLUMNS] for i in range(len(rows))] == rows
    assert [table.columns["conflict_name"][i].line for i in range(len(rows))] == list(range(2, len(rows) + 2))


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_table_parser_refuses_garbage_with_a_data_error(tmp_path, data):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    try:
        read_appendix_table(path)
    except DataError:
        pass


# ------------------------------------------------------------------ nothing lost

def test_the_pipeline_never_writes_raw_files(tmp_path):
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in paths.RAW.iterdir()}
    build(out_dir=tmp_path, log=quiet)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in paths.RAW.iterdir()} == before


KILLER = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    import replication.atomic as o
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
        if line.startswith("[2/6] survival"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = tree_hashes(root)
    assert after == before
    finished = cli(root, "all")
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err
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
