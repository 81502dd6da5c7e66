"""Hand-coded data: the COW crosswalk and the classification of free-text responses."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..common.errors import DataError
from ..common.text import decode, refuse_formula, yaml_load
from .schema import RESPONSE_TYPES

CROSSWALK_COLUMNS = ["war_id", "war_name", "cow_war_num", "note"]


def load_crosswalk(path: Path) -> list[dict]:
    """Rows of the crosswalk; war_id, war_name and cow_war_num each unique."""
    rows = list(csv.DictReader(io.StringIO(decode(path, path.read_bytes()))))
    if not rows:
        raise DataError(path, "at least one crosswalk row", "the file is empty or header only")
    if list(rows[0]) != CROSSWALK_COLUMNS:
        raise DataError(path, "crosswalk columns", f"expected {CROSSWALK_COLUMNS}, got {list(rows[0])}", line=1)
    seen: dict[str, set] = {c: set() for c in CROSSWALK_COLUMNS[:3]}
    for line, row in enumerate(rows, start=2):
        for column in ("war_name", "note"):
            refuse_formula(path, row[column], line, column)
        if not re.fullmatch(r"[a-z0-9_]+", row["war_id"] or ""):
            raise DataError(path, "war_id is a lower-case slug", line=line, column="war_id", value=row["war_id"])
        if not (row["cow_war_num"] or "").isdigit():
            raise DataError(path, "cow_war_num is a positive integer", line=line, column="cow_war_num",
                            value=row["cow_war_num"])
        row["cow_war_num"] = int(row["cow_war_num"])
        for column, values in seen.items():
            if row[column] in values:
                raise DataError(path, "one-to-one crosswalk", "duplicate", line=line, column=column,
                                value=row[column])
            values.add(row[column])
    return rows


@dataclass(frozen=True)
class ResponseCoding:
    rules: list[dict]
    hand_codes: dict[tuple[str, str], dict]  # (war_id, response text) -> code
    path: Path

    def classify(self, war_id: str, response: str) -> tuple[str, str]:
        """(response_type, how) for a printed response; raises when nothing applies."""
        if (war_id, response) in self.hand_codes:
            return self.hand_codes[(war_id, response)]["type"], "hand_code"
        words = set(re.findall(r"[a-z]+", response.lower()))
        for rule in self.rules:
            if response in rule.get("match_exact", ()) or words & set(rule.get("match_words", ())):
                return rule["type"], "rule"
        raise DataError(self.path, "every response is classified by a rule or a hand code",
                        f"war {war_id}: no rule matches and no hand code is given", column="response",
                        value=response)


def load_response_coding(path: Path) -> ResponseCoding:
    try:
        doc = yaml_load(decode(path, path.read_bytes()))
    except yaml.YAMLError as exc:
        raise DataError(path, "valid YAML", str(exc)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise DataError(path, "a mapping with 'rules' and 'hand_codes'", "missing 'rules'")
    codes = {}
    for entry in doc["rules"] + (doc.get("hand_codes") or []):
        if entry.get("type") not in RESPONSE_TYPES:
            raise DataError(path, "response type in " + "/".join(RESPONSE_TYPES), column="type",
                            value=entry.get("type"))
        if not str(entry.get("reason", "")).strip():
            raise DataError(path, "every rule and hand code has a reason", column="reason", value=entry)
    for entry in doc.get("hand_codes") or []:
        codes[(entry["war_id"], str(entry["response"]))] = entry
    return ResponseCoding(doc["rules"], codes, path)
