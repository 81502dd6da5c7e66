"""The run log of `all` (logs/run_log.json, not committed: timings vary)."""

from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path

from ..common import paths
from ..common.steps import DATA_VERSION_DATE
from ..sources.provenance import sha256
from .registry import STEPS

PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "lifelines", "matplotlib", "seaborn", "great_expectations",
            "PyYAML")


def write_run_log(files: dict, progress, path: Path, args=None) -> None:
    """Versions, platform, the command's options (sample, extension file and its sha256, observation date),
    the steps as declared, their timings and the sha256 of every output."""
    options = {}
    if args is not None:
        options = {"sample": args.sample, "force": args.force}
        if args.sample == "extended":  # (an extension run imports the heavy libraries anyway)
            from ..wars.extension import DEFAULT

            extension = Path(args.extension or DEFAULT)
            options |= {"extension": str(extension), "extension_sha256": sha256(extension),
                        "observed_on": (args.observed_on or DATA_VERSION_DATE).isoformat()}
    log = {
        "options": options,
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
