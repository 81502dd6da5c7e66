"""The run log of `all` (logs/run_log.json, not committed: timings vary)."""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path

from ..common import paths
from ..sources.provenance import sha256
from .registry import STEPS

PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "lifelines", "matplotlib", "seaborn", "great_expectations",
            "PyYAML")


def write_run_log(files: dict, progress, path: Path) -> None:
    """Versions, platform, the steps as declared, their timings and the sha256 of every output."""
    log = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "packages": {p: metadata.version(p) for p in PACKAGES},
        "steps": [{"name": s.name, "description": s.description, "inputs": list(s.inputs),
                   "outputs": list(s.outputs)} for s in STEPS.values()],
        "timings_seconds": progress.timings,
        "outputs": {str(p.relative_to(paths.ROOT)): sha256(p) for p in sorted(files)
                    if p.is_relative_to(paths.ROOT) and p.exists()},
    }
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(log, indent=2) + "\n")
