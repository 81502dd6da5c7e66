"""One declaration per step: the command line, the cache, the run log and the pipeline's own check of
what a step writes all read it, and it agrees with the committed outputs."""

import subprocess
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from replication.common import paths
from replication.common.steps import Step
from replication.pipeline.cli import _parser
from replication.pipeline.registry import STEPS
from replication.pipeline.run import check_declared

def committed() -> list[str]:
    """The output files in the clone (git's list where there is one, so that ignored local files do not count)."""
    folders = ("data/processed", "figures", "exhibits")
    try:
        listed = subprocess.run(["git", "ls-files", *folders], cwd=paths.ROOT, capture_output=True, text=True,
                                check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        listed = [p.relative_to(paths.ROOT).as_posix() for f in folders for p in (paths.ROOT / f).rglob("*")
                  if p.is_file()]
    return sorted(listed) + ["codebook.md", "datapackage.json", "REPORT.md"]


COMMITTED = committed()


def owners(rel: str) -> list[str]:
    return [s.name for s in STEPS.values() if any(fnmatchcase(rel, pattern) for pattern in s.outputs)]


def test_steps_run_in_the_papers_order():
    assert list(STEPS) == ["build", "concordance", "candidates", "survival", "models", "claims", "codebook", "report"]


def test_every_committed_output_is_declared_by_exactly_one_step():
    """Also catches a stray scratch or lock file committed among the outputs."""
    assert {rel: owners(rel) for rel in COMMITTED if len(owners(rel)) != 1} == {}


def test_every_declared_output_of_the_paper_sample_exists():
    for step in STEPS.values():
        for pattern in step.outputs:
            if "extended" not in pattern:
                assert any(fnmatchcase(rel, pattern) for rel in COMMITTED), (step.name, pattern)


def test_every_declared_input_exists():
    for step in STEPS.values():
        for pattern in step.inputs:
            assert list(paths.ROOT.glob(pattern)), (step.name, pattern)


def test_the_command_line_offers_each_declared_step():
    sub = next(a for a in _parser()._actions if a.dest == "command")
    helps = {a.dest: a.help for a in sub._choices_actions}
    for step in STEPS.values():
        assert helps[step.name] == step.description


def test_a_file_outside_the_declaration_is_refused(tmp_path):
    step = Step("x", "", (), ("data/processed/x/*.csv",), run=lambda ctx: {})
    check_declared(step, {tmp_path / "data/processed/x/a.csv": b""}, tmp_path)
    with pytest.raises(RuntimeError, match="data/processed/y.csv"):
        check_declared(step, {tmp_path / "data/processed/y.csv": b""}, tmp_path)


def test_the_cache_keys_a_step_by_its_declared_inputs(tmp_path):
    from replication.pipeline.cache import input_key

    (tmp_path / "data/hand_coding").mkdir(parents=True)
    (tmp_path / "data/hand_coding/cases.yaml").write_text("a")
    (tmp_path / "data/hand_coding/other.yaml").write_text("a")
    key = input_key(tmp_path, "models", code_root=Path(tmp_path))
    (tmp_path / "data/hand_coding/other.yaml").write_text("b")  # not an input of `models`
    assert input_key(tmp_path, "models", code_root=Path(tmp_path)) == key
    (tmp_path / "data/hand_coding/cases.yaml").write_text("b")
    assert input_key(tmp_path, "models", code_root=Path(tmp_path)) != key
