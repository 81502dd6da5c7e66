"""Unit tests of the ledger on a small synthetic table (no real data)."""

import pytest

from replication.sources.appendix_table import HEADER, read_appendix_table
from replication.common.errors import DataError
from replication.sources.ledger import apply_ledger, load_ledger

HEAD = "\t".join(HEADER)
# Names lack war B; starts have a duplicate; the proposal block has a blank line.
TABLE = "\n".join([
    HEAD,
    "War A of 1950\t1950 Jan 1\tX\tY accept\t3\t1950 Feb 1",
    "War C of 1960\t1955 Jan 1\t\t\t\t",
    "\t1955 Jan 1\tN/A\tN/A\tN/A\t1955 Mar 1",
    "\t1960 Jan 1\tN/A\tN/A\tN/A\t1960 Mar 1",
]) + "\n"
LEDGER = """
repairs:
  - {id: A1, action: insert, columns: [conflict_name], before_line: 3, expect_above: ["War A of 1950"],
     values: ["War B of 1955"], reason: missing, evidence: text}
  - {id: A2, action: drop, columns: [conflict_start], line: 4, expect: ["1955 Jan 1"], reason: dup, evidence: e}
  - {id: A3, action: drop, columns: [proposer, response, days_before_talks, conflict_end], line: 3,
     expect: ["", "", "", ""], reason: blank, evidence: e}
  - {id: A4, action: drop, columns: [conflict_name], line: 5, expect: [""], reason: blank, evidence: e}
  - {id: A5, action: drop, columns: [conflict_name], line: 4, expect: [""], reason: blank, evidence: e}
"""


def table(tmp_path, text=TABLE):
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode())
    return read_appendix_table(path)


def ledger(tmp_path, text=LEDGER):
    path = tmp_path / "ledger.yaml"
    path.write_text(text)
    return load_ledger(path), path


def test_repairs_align_the_columns(tmp_path):
    repairs, path = ledger(tmp_path)
    rows = apply_ledger(table(tmp_path), repairs, path)
    got = [(r["conflict_name"].value, r["conflict_start"].value, r["conflict_end"].value) for r in rows]
    assert got == [("War A of 1950", "1950 Jan 1", "1950 Feb 1"),
                   ("War B of 1955", "1955 Jan 1", "1955 Mar 1"),
                   ("War C of 1960", "1960 Jan 1", "1960 Mar 1")]
    # provenance of every cell: the inserted name is supplied by A1, moved cells name their repairs
    assert rows[1]["conflict_name"].line is None and rows[1]["conflict_name"].repair == "A1"
    assert rows[2]["conflict_name"].repair == "A1"
    assert rows[2]["conflict_start"].line == 5 and rows[2]["conflict_start"].repair == "A2"
    assert rows[0]["conflict_end"].repair is None


def test_override_replaces_one_cell(tmp_path):
    text = LEDGER + """  - {id: A6, action: override, columns: [days_before_talks], line: 2, expect: ["3"], values: ["4"],
     reason: typo, evidence: e}
"""
    repairs, path = ledger(tmp_path, text)
    rows = apply_ledger(table(tmp_path), repairs, path)
    assert rows[0]["days_before_talks"].value == "4" and rows[0]["days_before_talks"].repair == "A6"


@pytest.mark.parametrize("change, rule", [
    (('expect: ["1955 Jan 1"]', 'expect: ["1956 Jan 1"]'), "repair finds the cell it expects"),
    (("line: 4, expect: [\"1955", "line: 40, expect: [\"1955"), "repair points at an existing cell"),
    (("action: drop, columns: [conflict_start]", "action: move, columns: [conflict_start]"), "known ledger action"),
    (("id: A2", "id: A1"), "unique repair id"),
    (("columns: [conflict_start]", "columns: [start]"), "columns of the Appendix 1 table"),
    (("reason: dup, ", ""), "required ledger key"),
    (("reason: dup", "reason: ' '"), "every repair has a reason and evidence"),
    (("line: 4, expect", "line: 1, expect"), "a data line of the raw table (>= 2)"),
])
def test_bad_ledgers_are_refused_with_file_line_and_rule(tmp_path, change, rule):
    assert change[0] in LEDGER
    with pytest.raises(DataError) as err:
        repairs, path = ledger(tmp_path, LEDGER.replace(*change, 1))
        apply_ledger(table(tmp_path), repairs, path)
    assert err.value.rule == rule
    assert err.value.file == "ledger.yaml" and err.value.line is not None


def test_columns_of_unequal_length_are_refused(tmp_path):
    repairs, path = ledger(tmp_path, LEDGER.split("  - {id: A5")[0])
    with pytest.raises(DataError, match="conflict_name has 4 cells"):
        apply_ledger(table(tmp_path), repairs, path)


@pytest.mark.parametrize("text, rule", [
    (b"", "non-empty file"),
    (HEAD.encode() + b"\n", "at least one data line"),
    (b"Name\tStart\n", "header as printed in the paper"),
    (HEAD.encode() + b"\nA\t1950 Jan 1\n", "six tab-separated fields per line"),
    (HEAD.encode() + b"\n\xff\t\t\t\t\t\n", "UTF-8 text"),
])
def test_bad_tables_are_refused(tmp_path, text, rule):
    path = tmp_path / "t.txt"
    path.write_bytes(text)
    with pytest.raises(DataError) as err:
        read_appendix_table(path)
    assert err.value.rule == rule


def test_bom_crlf_and_trailing_spaces_are_harmless(tmp_path):
    clean = table(tmp_path)
    messy = TABLE.replace("\n", " \r\n").replace("War A of 1950", "War A of 1950  ")
    other = tmp_path / "messy"
    other.mkdir()
    got = table(other, "\ufeff" + messy)
    assert {c: [x.value for x in v] for c, v in got.columns.items()} == \
           {c: [x.value for x in v] for c, v in clean.columns.items()}


def test_a_supplied_cell_may_not_be_a_spreadsheet_formula(tmp_path):
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER.replace('values: ["War B of 1955"]', 'values: ["=HYPERLINK(1)"]'))
    with pytest.raises(DataError) as err:
        load_ledger(path)
    assert err.value.rule.startswith("no text cell starts with") and err.value.line == 3
