"""Bad raw input refused precisely (the COW file, the raw table's parser), and raw files never written."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replication.common import paths
from replication.common.errors import DataError
from replication.sources.appendix_table import COLUMNS, HEADER, read_appendix_table
from replication.sources.cow import read_cow_participants
from replication.wars.build import assemble, build

from ..conftest import quiet


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


@pytest.mark.slow
def test_the_pipeline_never_writes_raw_files(tmp_path):
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in paths.RAW.iterdir()}
    build(out_dir=tmp_path, log=quiet)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in paths.RAW.iterdir()} == before
