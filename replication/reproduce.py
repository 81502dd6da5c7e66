"""Reproducibility: rerun everything into a temporary folder and compare byte for byte; the run log."""

from __future__ import annotations

import json
import platform
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from . import paths
from .provenance import sha256

PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "lifelines", "matplotlib", "seaborn", "great_expectations",
            "PyYAML")


def verify(progress) -> int:
    """Exit status 0 when every output of a fresh run equals the committed file, byte for byte."""
    from .cli import run_all

    with tempfile.TemporaryDirectory() as tmp:
        files = run_all(Path(tmp), progress)
        differ = []
        for path in sorted(files):
            committed = paths.ROOT / path.relative_to(tmp)
            if not committed.exists() or committed.read_bytes() != path.read_bytes():
                differ.append(str(committed.relative_to(paths.ROOT)))
    if differ:
        print(f"verify: {len(differ)} of {len(files)} outputs differ from the committed files:", file=sys.stderr)
        for d in differ:
            print(f"  {d}", file=sys.stderr)
        return 1
    print(f"verify: all {len(files)} outputs are byte-identical to the committed files", flush=True)
    return 0


def write_run_log(files: dict, progress, path: Path) -> None:
    """Versions, platform, step timings and the sha256 of every output (not committed: timings vary)."""
    log = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "packages": {p: metadata.version(p) for p in PACKAGES},
        "timings_seconds": progress.timings,
        "outputs": {str(p.relative_to(paths.ROOT)): sha256(p) for p in sorted(files)
                    if p.is_relative_to(paths.ROOT) and p.exists()},
    }
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(log, indent=2) + "\n")
