"""Every path the pipeline reads or writes, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
CORRECTIONS = DATA / "corrections"
HAND_CODING = DATA / "hand_coding"

RAW_APPENDIX_TABLE = RAW / "appendix1_table.txt"
RAW_COW_WARS = RAW / "Inter-StateWarData_v4.0.csv"
RAW_PROVENANCE = RAW / "provenance.yaml"
RAW_ICB = RAW / "icb1v14.csv"
RAW_UCDP_TERM = RAW / "ucdp-term-dyad-3-2021.csv"
RAW_UCDP_ACD = RAW / "ucdp_acd_v25_1_interstate_rows_from_peacesciencer.csv"

APPENDIX_LEDGER = CORRECTIONS / "appendix1_ledger.yaml"
COW_CROSSWALK = HAND_CODING / "cow_crosswalk.csv"
RESPONSE_CODING = HAND_CODING / "response_coding.yaml"
CASES = HAND_CODING / "cases.yaml"
ACTOR_CODING = HAND_CODING / "actor_coding.csv"
GW_CODES = HAND_CODING / "gw_codes.csv"
CONCORDANCE_CROSSWALK = HAND_CODING / "concordance_crosswalk.csv"

WARS_CSV = PROCESSED / "wars.csv"
CODEBOOK = ROOT / "codebook.md"
