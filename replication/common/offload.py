"""Where a stage's validation suites and figure renders go: done at once by default, or handed to helper
processes that the pipeline installs here for the duration of `all` (pipeline/background.py).

Stages never import the pipeline; they call `validation.check` and `figures.write_figures`, which look here."""

from __future__ import annotations

import contextlib
from typing import Protocol


class Helper(Protocol):
    def validate(self, df, table, rules) -> None: ...

    def render(self, job) -> None: ...


current: Helper | None = None  # set by `active`


@contextlib.contextmanager
def active(helper: Helper | None):
    """Within the block, suites and renders go to `helper` (None: done at once)."""
    global current
    current = helper
    try:
        yield helper
    finally:
        current = None
