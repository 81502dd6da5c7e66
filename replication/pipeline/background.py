"""Work that `python -m replication all` hands to other processes, so that it costs little more than its
imports: validation suites go to one worker forked at the start, after pandas (great-expectations, whose
import alone costs about as much as all the other libraries together, loads there while the main process
imports the rest and computes), and each set of figures is rendered in a child forked when it is drawn.

Nothing they produce is written until every result is in: `run.run_all` commits only then, and a
failing suite or render fails the run. Stages reach these helpers only through `common/offload.py`. Off Linux (or with REPLICATION_SERIAL=1) all of this runs
inline, as it does for a single step, with byte-identical results."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

PARENT_POLL_SECONDS = 0.2


def available() -> bool:
    """Linux only: fork without exec is unsafe on macOS (system frameworks) and absent on Windows."""
    return sys.platform.startswith("linux") and os.environ.get("REPLICATION_SERIAL") != "1"


def _serve(requests, answers, parent: int) -> None:
    def orphaned():  # the main process was killed: exit instead of waiting forever
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=orphaned, daemon=True).start()
    from ..common.validation import _gx, run_suite

    _gx()  # import great-expectations now, while the main process imports the rest and computes
    gc.freeze()  # its hundreds of thousands of objects are not traversed again by each collection
    while True:
        key, df, table, rules = pickle.loads(requests.get())
        try:
            failures = [f"table {table.name}: {line}" for line in run_suite(df, table, rules)]
        except Exception as exc:  # reported, not swallowed: the run fails
            failures = [f"table {table.name}: the suite could not run: {exc!r}"]
        answers.put((key, failures))


def _render(job: Callable[[], dict], conn, parent_end) -> None:
    parent_end.close()  # so that a killed main process gives this child a broken pipe, not a hang
    try:
        conn.send(("ok", job()))
    except BrokenPipeError:
        pass
    except Exception:
        conn.send(("error", traceback.format_exc()))
    conn.close()


class Background:
    """The validation worker and the figure renders of one run; `close` stops them all."""

    def __init__(self):
        # pandas, which both sides need, is imported once, before the fork. Importing scipy.stats too
        # would save CPU but start great-expectations' import later; measured, it is no faster.
        import pandas  # noqa: F401

        gc.freeze()  # before each fork: collections in the children then leave the parent's objects alone
        self._ctx = multiprocessing.get_context("fork")
        self._requests, self._answers = self._ctx.Queue(), self._ctx.Queue()
        self._validator = self._ctx.Process(target=_serve, args=(self._requests, self._answers, os.getpid()),
                                            daemon=True, name="validation-worker")
        self._validator.start()
        self._suites = 0
        self._answered: dict[int, list[str]] = {}
        self._renders: list = []  # not yet taken by `take_renders`
        self._children = [self._validator]

    def validate(self, df, table, rules=None) -> None:
        # pickled now, not later by the queue's feeder thread: the caller may change `df` afterwards
        self._requests.put(pickle.dumps((self._suites, df, table, rules)))
        self._suites += 1

    def render(self, job: Callable[[], dict[Path, bytes]]) -> None:
        """Run `job` (which renders figures already drawn in memory) in a forked child."""
        gc.freeze()
        parent_end, child_end = self._ctx.Pipe(duplex=False)
        child = self._ctx.Process(target=_render, args=(job, child_end, parent_end), daemon=True, name="render")
        child.start()
        child_end.close()
        self._renders.append((child, parent_end))
        self._children.append(child)

    def take_renders(self) -> list:
        """The renders started since the last call (so the caller can attribute them to a step)."""
        out, self._renders = self._renders, []
        return out

    @staticmethod
    def rendered(renders: list) -> dict[Path, bytes]:
        files = {}
        for child, conn in renders:
            try:
                status, payload = conn.recv()
            except EOFError:
                raise RuntimeError(f"a figure render stopped (exit code {child.exitcode})") from None
            child.join()
            if status != "ok":
                raise RuntimeError(f"rendering figures failed:\n{payload}")
            files |= payload
        return files

    def failures(self) -> list[str]:
        """Wait for every suite submitted; the failing lines of all of them, in submission order."""
        got = self._answered
        while len(got) < self._suites:
            try:
                key, lines = self._answers.get(timeout=1)
            except queue.Empty:
                if not self._validator.is_alive():
                    raise RuntimeError(f"the validation worker stopped (exit code {self._validator.exitcode})") \
                        from None
                continue
            got[key] = lines
        return [line for key in sorted(got) for line in got[key]]

    def close(self) -> None:
        """Stop every helper at once (they write nothing, so stopping them mid-task is safe)."""
        for child in self._children:
            child.terminate()
            child.join()
        for q in (self._requests, self._answers):
            q.cancel_join_thread()
            q.close()
