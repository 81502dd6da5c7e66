"""Skip a step whose inputs (data and code, by content hash) and outputs are unchanged since it last ran."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .provenance import sha256

CODE = ["replication/*.py", "pyproject.toml", "requirements.lock"]
STEP_INPUTS = {
    "build": ["data/raw/*", "data/corrections/*", "data/hand_coding/cow_crosswalk.csv",
              "data/hand_coding/response_coding.yaml"],
    "survival": ["data/processed/wars.csv", "data/processed/discrepancies.csv"],
    "models": ["data/processed/wars.csv", "data/hand_coding/cases.yaml"],
    "claims": ["data/processed/wars.csv"],
    "codebook": ["data/processed/**/*.csv", "data/corrections/*"],
    "report": ["data/processed/**/*.csv", "figures/*.png", "data/corrections/*"],
}


def input_key(root: Path, step: str, code_root: Path | None = None) -> str:
    """sha256 over the step's input files (the code's under `code_root`, default `root`): their paths
    relative to their root and their contents."""
    code_root = code_root or root
    found = {(str(p.relative_to(base)), p) for base, patterns in ((code_root, CODE), (root, STEP_INPUTS[step]))
             for pattern in patterns for p in base.glob(pattern) if p.is_file()}
    h = hashlib.sha256()
    for rel, p in sorted(found):
        h.update(rel.encode())
        h.update(sha256(p).encode())
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path):
        self.root, self.path = root, root / ".cache" / "steps.json"
        self.entries = json.loads(self.path.read_text()) if self.path.exists() else {}

    def fresh(self, step: str, at: Path | None = None) -> bool:
        """True when the step's inputs and outputs are as it last left them, in the archive or in a
        working copy `at` of its data (the code is always the archive's)."""
        at = at or self.root
        entry = self.entries.get(step)
        if not entry or entry["inputs"] != input_key(at, step, code_root=self.root):
            return False
        return all((at / rel).exists() and sha256(at / rel) == sha for rel, sha in entry["outputs"].items())

    def record(self, step: str, files: dict) -> None:
        self.entries[step] = {
            "inputs": input_key(self.root, step),
            "outputs": {str(p.relative_to(self.root)): hashlib.sha256(data).hexdigest() for p, data in files.items()},
        }
        self.path.parent.mkdir(exist_ok=True)
        self.path.write_text(json.dumps(self.entries, indent=1, sort_keys=True))

    def files(self, step: str) -> dict:
        return {self.root / rel: None for rel in self.entries[step]["outputs"]}
