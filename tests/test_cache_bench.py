"""The content-hash cache that lets an unchanged rerun skip its work, and the benchmark's workload."""

import importlib.util

from replication import paths
from replication.cache import Cache


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


def test_the_benchmark_workload_runs():
    spec = importlib.util.spec_from_file_location("bench", paths.ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    timings = bench.scaling(300)
    assert set(timings) == {"parse", "validate", "survival"}
