"""Raw files: byte-identical to their sources, checksummed, never written."""

import hashlib

import pytest
import yaml

from replication.common import paths
from replication.wars.build import Sources, build
from replication.common.errors import DataError
from replication.sources.provenance import verify_raw_files

from ..conftest import quiet, shared_path


def test_appendix_table_is_the_seed_lines_byte_for_byte():
    record = next(e for e in yaml.safe_load(paths.RAW_PROVENANCE.read_text())["files"]
                  if e["path"] == paths.RAW_APPENDIX_TABLE.name)
    seed = shared_path("seeds", record["seed_file"]).read_bytes()
    first, last = record["seed_lines"]
    lines = seed.split(b"\n")[first - 1:last]
    assert lines[0].startswith(b"Conflict Name\tConflict Start")
    assert paths.RAW_APPENDIX_TABLE.read_bytes() == b"\n".join(lines) + b"\n"


def test_cow_file_is_the_shared_copy_byte_for_byte():
    shared = shared_path("data", "cow", paths.RAW_COW_WARS.name)
    assert paths.RAW_COW_WARS.read_bytes() == shared.read_bytes()
    assert "c49b832a1a0139cd2601fff8361099c9fcb2642d640bc8ee28a481c16bc676f7" in \
        shared.with_name("SOURCE.md").read_text()


def test_recorded_checksums_match():
    verify_raw_files(paths.RAW_PROVENANCE)
    for entry in yaml.safe_load(paths.RAW_PROVENANCE.read_text())["files"]:
        assert hashlib.sha256((paths.RAW / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]


def test_a_changed_raw_file_stops_the_build_and_writes_nothing(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in paths.RAW.iterdir():
        (raw / p.name).write_bytes(p.read_bytes())
    table = raw / paths.RAW_APPENDIX_TABLE.name
    table.write_bytes(table.read_bytes().replace(b"1176", b"1177"))
    out = tmp_path / "out"
    with pytest.raises(DataError) as err:
        build(Sources(appendix_table=table, cow=raw / paths.RAW_COW_WARS.name, provenance=raw / "provenance.yaml"),
              out_dir=out, log=quiet)
    assert err.value.rule == "sha256 matches provenance.yaml" and err.value.file == table.name
    assert not out.exists() or not any(out.iterdir())


def test_an_unrecorded_raw_file_is_refused(tmp_path):
    for p in paths.RAW.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "extra.csv").write_text("x\n")
    with pytest.raises(DataError, match="every raw file has a provenance record"):
        verify_raw_files(tmp_path / "provenance.yaml")
