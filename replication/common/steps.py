"""What a pipeline step is: one declaration per step, read by the command line (`--help`), the cache,
the run log and `verify`. Each stage declares its steps in `<stage>/step.py`; the pipeline lists those
modules in `pipeline/registry.py`, in the paper's order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# The data version date: the archive's wars are observed to it (an ongoing war without talks is censored
# there) unless an extended run says otherwise (--observed-on); the Stata files carry it as their timestamp.
DATA_VERSION_DATE = dt.date(2026, 12, 2)


@dataclass(frozen=True)
class Context:
    """What a step is run with: the folder it reads from and writes under (the archive, or a working
    copy of it), where its progress goes, and the sample (`paper`, or `extended` with an extension file
    and the date its ongoing wars are observed to)."""

    root: Path
    log: Callable[[str], None] = print
    sample: str = "paper"
    extension: Path | None = None
    observed_on: dt.date = DATA_VERSION_DATE


@dataclass(frozen=True)
class Step:
    name: str
    description: str
    inputs: tuple[str, ...]  # glob patterns, relative to the root, of every file the step reads
    outputs: tuple[str, ...]  # glob patterns of every file it writes
    run: Callable[[Context], dict[Path, bytes]]  # computes and returns path -> bytes; writes nothing itself
