"""Raw Appendix 1 + COW -> the validated war dataset (wars.csv, wars.dta, discrepancies, alignment check).

Reads top to bottom: check the raw files, read the table, apply the ledger, parse, cross to COW,
list discrepancies, validate, format. Nothing is returned unless every check passes (the pipeline writes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..common import paths
from ..common.formats import csv_text, stata_bytes, typed
from ..common.validation import validated_csv
from ..sources.appendix_table import RawTable, read_appendix_table
from ..sources.cow import post_wwii_wars, read_cow_participants, summarise_wars
from ..sources.ledger import apply_ledger, load_ledger
from ..sources.provenance import verify_raw_files
from .alignment_check import alignment_table
from .dataset import build_wars, parse_rows
from .discrepancies import find_discrepancies
from .hand_coding import load_crosswalk, load_response_coding
from .participants import load_actor_coding, load_gw_codes, participants_table, war_codes
from .rules import COW_DATE_TOLERANCE_DAYS, validate_wars
from .schema import DISCREPANCIES, WAR_PARTICIPANTS, WARS


@dataclass(frozen=True)
class Sources:
    appendix_table: Path = paths.RAW_APPENDIX_TABLE
    cow: Path = paths.RAW_COW_WARS
    ledger: Path = paths.APPENDIX_LEDGER
    crosswalk: Path = paths.COW_CROSSWALK
    response_coding: Path = paths.RESPONSE_CODING
    actor_coding: Path = paths.ACTOR_CODING
    gw_codes: Path = paths.GW_CODES
    provenance: Path | None = paths.RAW_PROVENANCE  # None: skip the checksum check (tests on altered copies)


@dataclass
class WarData:
    wars: pd.DataFrame
    discrepancies: pd.DataFrame
    alignment: pd.DataFrame
    raw: RawTable
    expected_rows: int
    participants: pd.DataFrame
    files: dict = field(default_factory=dict)


def assemble(src: Sources) -> WarData:
    """Everything up to validation; raises DataError naming file, line, column and rule."""
    if src.provenance is not None:
        verify_raw_files(src.provenance)
    raw = read_appendix_table(src.appendix_table)
    aligned = apply_ledger(raw, load_ledger(src.ledger), src.ledger)
    records = parse_rows(aligned, src.appendix_table)
    crosswalk = load_crosswalk(src.crosswalk)
    coding = load_response_coding(src.response_coding)
    cow_rows = read_cow_participants(src.cow)
    cow_wars = summarise_wars(cow_rows, src.cow)
    wars = build_wars(records, coding, crosswalk, cow_wars, src.appendix_table, src.crosswalk)
    sample_rows = cow_rows[cow_rows["WarNum"].isin(wars["cow_war_num"].astype(int))]
    gw = load_gw_codes(src.gw_codes, sample_rows)
    actors = load_actor_coding(src.actor_coding, wars, sample_rows, gw)
    codes = war_codes(wars, actors, sample_rows, src.actor_coding, gw)
    wars = typed(wars.drop(columns=[c for c in codes if c != "war_id"]).merge(codes, on="war_id")[WARS.columns], WARS)
    population = post_wwii_wars(cow_wars)
    cow_start_by_name = {e["war_name"]: population.set_index("cow_war_num").loc[e["cow_war_num"], "cow_start_date"]
                         for e in crosswalk if e["cow_war_num"] in set(population["cow_war_num"])}
    return WarData(
        wars=wars,
        discrepancies=find_discrepancies(wars, coding),
        alignment=alignment_table(raw, aligned, cow_start_by_name, COW_DATE_TOLERANCE_DAYS),
        raw=raw,
        expected_rows=len(population),
        participants=participants_table(wars, sample_rows, actors, gw),
    )


def build(src: Sources = Sources(), out_dir: Path = paths.PROCESSED, log=print) -> WarData:
    """The war dataset and its files under `out_dir` (in `WarData.files`; nothing is written here)."""
    log("build: checking raw files and applying the corrections ledger")
    data = assemble(src)
    log(f"build: {len(data.wars)} wars assembled; validating (great-expectations)")
    validate_wars(data.wars, data.expected_rows)
    files = {
        out_dir / "wars.csv": csv_text(data.wars, WARS).encode(),
        out_dir / "wars.dta": stata_bytes(data.wars, WARS, "Talking to the Enemy: wars of Appendix 1"),
        out_dir / "war_participants.csv": validated_csv(data.participants, WAR_PARTICIPANTS),
        out_dir / "war_participants.dta": stata_bytes(data.participants, WAR_PARTICIPANTS,
                                                      "Talking to the Enemy: states of each war"),
        out_dir / "discrepancies.csv": validated_csv(data.discrepancies, DISCREPANCIES),
        out_dir / "alignment_check.csv": data.alignment.to_csv(index=False, lineterminator="\n").encode(),
    }
    data.files = files
    log(f"build: {', '.join(p.name for p in files)} ready")
    return data
