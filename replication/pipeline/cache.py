"""Skip a step whose inputs (data and code, by content hash) and outputs are unchanged since it last ran."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..sources.provenance import sha256
from .registry import STEPS

CODE = ["replication/**/*.py", "pyproject.toml", "requirements.lock"]


def input_key(root: Path, step: str, code_root: Path | None = None) -> str:
    """sha256 over the step's declared input files (the code's under `code_root`, default `root`): their
    paths relative to their root and their contents."""
    code_root = code_root or root
    found = {(str(p.relative_to(base)), p) for base, patterns in ((code_root, CODE), (root, STEPS[step].inputs))
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
