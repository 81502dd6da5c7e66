"""`verify`: rerun everything into a temporary folder and compare it byte for byte with the committed outputs."""

from __future__ import annotations

import sys

from ..common import paths
from .atomic import work_dir
from .run import run_all


def verify(progress) -> int:
    """Exit status 0 when every output of a fresh run equals the committed file, byte for byte."""
    with work_dir(paths.ROOT, "verify-") as tmp:
        files = run_all(tmp, progress)
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
