"""Corrupt the raw table in the ways extraction does, and show each is caught with a clear message."""

import pytest

from replication.wars.build import Sources, assemble, build
from replication.common.errors import DataError, ValidationFailed
from replication.pipeline.atomic import write_atomic

from ..conftest import edit_table, quiet

NAME, START, PROPOSER, RESPONSE, DAYS, END = range(6)


def line_of(cells, column, value):
    return next(i for i, row in enumerate(cells) if row[column] == value)


def run(src: Sources, tmp_path):
    """The build step as the pipeline runs it: build, then write atomically."""
    data = build(src, out_dir=tmp_path / "out", log=quiet)
    write_atomic(data.files)
    return data


def shift_down(column, from_value, filler="N/A"):
    """Move a column's cells down one line from `from_value`, as a bad extraction does."""

    def edit(cells):
        i = line_of(cells, column, from_value)
        values = [row[column] for row in cells]
        values = values[:i] + [filler] + values[i:-1]
        for row, v in zip(cells, values):
            row[column] = v

    return edit_table(edit)


@pytest.mark.slow
def test_days_column_shifted_by_a_row(altered, tmp_path):
    src = altered(table=shift_down(DAYS, "1176"))
    with pytest.raises(ValidationFailed) as err:
        run(src, tmp_path)
    text = str(err.value)
    assert "war vietnam_phase2_1965" in text
    assert "an accepted proposal has talks" in text


@pytest.mark.slow
def test_end_column_shifted_by_a_row(altered, tmp_path):
    src = altered(table=shift_down(END, "1975 Apr 30", filler="1965 Jan 1"))
    with pytest.raises(ValidationFailed) as err:
        run(src, tmp_path)
    assert "the last year in the war's name is the end year" in str(err.value)
    assert "war vietnam_phase2_1965" in str(err.value)


@pytest.mark.slow
def test_two_start_dates_swapped(altered, tmp_path):
    def swap(cells):
        a, b = line_of(cells, START, "1950 Jun 25"), line_of(cells, START, "1990 Aug 2")
        cells[a][START], cells[b][START] = cells[b][START], cells[a][START]

    with pytest.raises(ValidationFailed) as err:
        run(altered(table=edit_table(swap)), tmp_path)
    text = str(err.value)
    assert "war korean_1950" in text and "war gulf_1990" in text
    assert "the first year in the war's name is the start year" in text


@pytest.mark.slow
def test_start_and_end_of_one_war_swapped(altered, tmp_path):
    def swap(cells):
        i = line_of(cells, END, "1988 Aug 20")
        j = line_of(cells, START, "1980 Sept 22")
        cells[i][END], cells[j][START] = cells[j][START], cells[i][END]

    with pytest.raises(ValidationFailed, match=r"war iran_iraq_1980: .*rule 'start_date <= end_date'"):
        run(altered(table=edit_table(swap)), tmp_path)


def test_a_dropped_cell(altered, tmp_path):
    def drop(cells):
        i = line_of(cells, RESPONSE, "DPRK accept")
        del cells[i][RESPONSE]

    with pytest.raises(DataError) as err:
        run(altered(table=edit_table(drop)), tmp_path)
    assert err.value.rule == "six tab-separated fields per line"
    assert err.value.file == "appendix1_table.txt" and err.value.line == 4


def test_an_impossible_date(altered, tmp_path):
    src = altered(table=lambda b: b.replace(b"1962 Oct 20", b"1962 Feb 31"))
    with pytest.raises(DataError) as err:
        run(src, tmp_path)
    e = err.value
    assert (e.file, e.line, e.column, e.value, e.rule) == \
        ("appendix1_table.txt", 11, "conflict_start", "1962 Feb 31", "valid calendar date")


def test_a_two_digit_year(altered, tmp_path):
    with pytest.raises(DataError, match="date as 'YYYY Mon D'"):
        run(altered(table=lambda b: b.replace(b"1965 Aug 5", b"65 Aug 5")), tmp_path)


@pytest.mark.parametrize("bad", [b"-35", b"35.5", b"thirty"])
def test_bad_days(altered, tmp_path, bad):
    with pytest.raises(DataError) as err:
        run(altered(table=lambda b: b.replace(b"\t35\t", b"\t" + bad + b"\t")), tmp_path)
    assert err.value.column == "days_before_talks" and err.value.line == 2


@pytest.mark.slow
def test_days_beyond_the_end_of_the_war(altered, tmp_path):
    with pytest.raises(ValidationFailed, match=r"war kargil_1999: .*days_to_talks <= duration_days"):
        run(altered(table=lambda b: b.replace(b"\t63\t", b"\t630\t")), tmp_path)


def test_a_duplicated_war(altered, tmp_path):
    src = altered(table=lambda b: b.replace(b"Football War of 1969", b"Six Day War of 1967"))
    with pytest.raises(DataError) as err:
        run(src, tmp_path)
    assert err.value.rule == "every crosswalk row is a war of the table"
    assert err.value.value == "Football War of 1969"


def test_an_unknown_war_name(altered, tmp_path):
    with pytest.raises(DataError, match="every war of the table is in the COW crosswalk"):
        run(altered(table=lambda b: b.replace(b"Football War of 1969", b"Soccer War of 1969")), tmp_path)


def test_an_unclassifiable_response(altered, tmp_path):
    with pytest.raises(DataError, match="every response is classified"):
        run(altered(table=lambda b: b.replace(b"DPRK accept", b"DPRK ponders")), tmp_path)


def test_a_ledger_entry_pointing_at_a_missing_row(altered, tmp_path):
    src = altered(ledger=lambda b: b.replace(b"line: 8\n", b"line: 80\n"))
    with pytest.raises(DataError) as err:
        run(src, tmp_path)
    assert err.value.rule == "repair points at an existing cell" and err.value.file == "appendix1_ledger.yaml"


def test_cow_file_with_a_non_numeric_cell(altered, tmp_path):
    src = altered(cow=lambda b: b.replace(b'"Korean",1,', b'"Korean",x,', 1))
    with pytest.raises(DataError) as err:
        run(src, tmp_path)
    assert err.value.column == "WarType" and err.value.file == "Inter-StateWarData_v4.0.csv"


@pytest.mark.slow
def test_crlf_and_bom_give_the_same_result(altered):
    clean = assemble(altered())
    messy = assemble(altered(table=lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n")))
    assert clean.wars.equals(messy.wars)


@pytest.mark.slow
def test_a_failed_run_leaves_the_previous_outputs_untouched(altered, tmp_path):
    good = run(altered(), tmp_path)
    before = {p: p.read_bytes() for p in good.files}
    with pytest.raises(ValidationFailed):
        run(altered(table=shift_down(DAYS, "1176")), tmp_path)
    assert {p: p.read_bytes() for p in good.files} == before
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".replication-")]


@pytest.mark.slow
def test_two_builds_are_byte_identical(altered, tmp_path):
    a = build(altered(), out_dir=tmp_path / "a", log=quiet)
    b = build(altered(), out_dir=tmp_path / "b", log=quiet)
    assert list(a.files.values()) == list(b.files.values())
