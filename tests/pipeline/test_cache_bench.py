"""The content-hash cache that lets an unchanged rerun skip its work, and the benchmark's workload."""

import importlib.util

import pytest

from replication.common import paths
from replication.pipeline.cache import Cache


def test_a_step_is_fresh_only_while_its_inputs_and_outputs_are_unchanged(tmp_path):
    (tmp_path / "data/processed").mkdir(parents=True)
    wars = tmp_path / "data/processed/wars.csv"
    wars.write_text("war_id\na\n")
    out = tmp_path / "data/processed/claims.csv"
    out.write_bytes(b"claims v1")
    cache = Cache(tmp_path)
    assert not cache.fresh("claims")
    cache.record("claims", {out: b"claims v1"})
    assert Cache(tmp_path).fresh("claims")  # read back from disk
    out.write_bytes(b"edited by hand")
    assert not Cache(tmp_path).fresh("claims")
    out.write_bytes(b"claims v1")
    wars.write_text("war_id\nb\n")
    assert not Cache(tmp_path).fresh("claims")


@pytest.mark.slow
def test_the_benchmark_workload_runs():
    spec = importlib.util.spec_from_file_location("bench", paths.ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    timings = bench.scaling(300)
    assert set(timings) == {"parse", "validate", "survival"}


def test_the_import_floor_imports_exactly_the_libraries_the_replication_imports():
    """The benchmark's floor must not include a library the pipeline never imports (statsmodels is
    used by the tests only), nor miss one it does."""
    import ast
    import sys

    spec = importlib.util.spec_from_file_location("bench", paths.ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    imported = set()
    for path in (paths.ROOT / "replication").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"replication", "__future__"}
    assert third_party == set(bench.LIBRARIES)
    assert {lib.split(".")[0] for lib in bench.IMPORTS.removeprefix("import ").split(", ")} == set(bench.LIBRARIES)
