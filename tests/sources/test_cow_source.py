"""The COW file checked as a source in its own right: each of COW's rules broken alone is refused with
file, line, column, value and rule; harmless variants give byte-identical outputs."""

import pytest

from replication.common import paths
from replication.common.errors import DataError
from replication.sources.cow import read_cow_participants

RAW = paths.RAW_COW_WARS.read_bytes()
LINES = RAW.split(b"\r\n")
HEADER = [h.strip('"') for h in LINES[0].decode().split(",")]


def with_cell(line_no: int, column: str, value: str) -> bytes:
    """The raw file with one cell of file line `line_no` (1 = header) replaced."""
    lines = list(LINES)
    cells = lines[line_no - 1].decode().split(",")
    cells[HEADER.index(column)] = value
    lines[line_no - 1] = ",".join(cells).encode()
    return b"\r\n".join(lines)


def line_of(war: int, state: str) -> int:
    return next(i for i, line in enumerate(LINES, start=1)
                if line.startswith(f"{war},".encode()) and f'"{state}"'.encode() in line)


def refuse(tmp_path, data: bytes) -> DataError:
    path = tmp_path / "cow.csv"
    path.write_bytes(data)
    with pytest.raises(DataError) as err:
        read_cow_participants(path)
    return err.value


def test_the_real_file_passes():
    assert len(read_cow_participants(paths.RAW_COW_WARS)) == 337


def test_a_duplicated_participant_row(tmp_path):
    i = line_of(211, "Iraq")
    lines = list(LINES)
    lines.insert(i, lines[i - 1])
    e = refuse(tmp_path, b"\r\n".join(lines))
    assert (e.rule, e.line, e.column) == ("one row per war, state, side and spell", i + 1, "ccode")
    assert f"duplicates line {i}" in str(e)


def test_states_that_changed_sides_keep_their_two_rows():
    df = read_cow_participants(paths.RAW_COW_WARS)
    romania = df[(df["WarNum"] == 139) & (df["StateName"] == "Romania")]
    assert sorted(romania["Side"]) == [1, 2]


@pytest.mark.parametrize("column, value, rule", [
    ("EndYear1", "1989", "End1 not before Start1"),
    ("BatDeath", "-5", "missing-value code allowed in this column"),
    ("BatDeath", "-8", "missing-value code allowed in this column"),
    ("StartYear1", "-9", "missing-value code allowed in this column"),
    ("Side", "3", "Side is one of [1, 2]"),
    ("Initiator", "0", "Initiator is one of [1, 2]"),
    ("StartYear2", "1991", "a second spell is given whole or not at all (-8 in all its six cells)"),
    ("EndDay1", "31", "valid calendar date"),
    ("WarName", '"Gulf War II"', "one name per war"),
])
def test_each_cow_rule_breaks_alone(tmp_path, column, value, rule):
    i = line_of(211, "Kuwait")  # Gulf War: Kuwait 1990-08-02 to 1991-04-11 (31 April does not exist)
    if column == "WarName":  # the name that differs from the war's first row's is the one named
        i = max(j for j, line in enumerate(LINES, start=1) if line.startswith(b"211,"))
    e = refuse(tmp_path, with_cell(i, column, value))
    assert e.rule == rule and e.line == i and e.column == column and e.file == "cow.csv"


def test_spaces_around_cells_and_lf_endings_are_harmless(tmp_path):
    variant = tmp_path / "cow.csv"
    variant.write_bytes(b"\xef\xbb\xbf" + RAW.replace(b"\r\n", b"\n").replace(b",1,", b", 1 ,", 5))
    assert read_cow_participants(variant).drop(columns="line").equals(
        read_cow_participants(paths.RAW_COW_WARS).drop(columns="line"))


def test_a_build_with_a_duplicated_cow_row_fails(altered):
    from replication.wars.build import assemble

    i = line_of(211, "Iraq")
    lines = list(LINES)
    lines.insert(i, lines[i - 1])
    with pytest.raises(DataError, match="one row per war, state, side and spell"):
        assemble(altered(cow=b"\r\n".join(lines)))
