"""Raw files are checked against their recorded sha256 before anything reads them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..common.errors import DataError
from ..common.text import decode, yaml_load

REQUIRED = ("path", "title", "producer", "version", "source", "date_accessed", "sha256", "license", "citation")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_provenance(path: Path) -> list[dict]:
    try:
        doc = yaml_load(decode(path, path.read_bytes())) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(path, "valid YAML", str(exc).replace("\n", " "),
                        line=mark.line + 1 if mark else None) from None
    entries = doc.get("files") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DataError(path, "a mapping with a 'files' list of records", "top level must hold 'files:'")
    for i, entry in enumerate(entries):
        if missing := [k for k in REQUIRED if not str(entry.get(k, "")).strip()]:
            raise DataError(path, "complete provenance record", f"entry {i + 1} lacks {missing}")
    return entries


def verify_raw_files(provenance: Path) -> None:
    """Every file in the raw folder is recorded, and matches its checksum."""
    entries = load_provenance(provenance)
    recorded = {e["path"] for e in entries}
    folder = provenance.parent
    for extra in sorted(p.name for p in folder.iterdir() if p.is_file() and p != provenance):
        if extra not in recorded:
            raise DataError(folder / extra, "every raw file has a provenance record", f"add it to {provenance.name}")
    for entry in entries:
        path = folder / entry["path"]
        if not path.exists():
            raise DataError(path, "raw file present", "listed in provenance.yaml but missing")
        found = sha256(path)
        if found != entry["sha256"]:
            raise DataError(path, "sha256 matches provenance.yaml",
                            f"expected {entry['sha256']}, found {found}; raw files must not be edited")
