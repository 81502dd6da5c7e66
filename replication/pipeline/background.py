"""Work that `python -m replication all` hands to other processes, so that it costs little more than its
imports. Two helpers are forked at the start:

- a render server, forked once pandas is imported: it imports matplotlib and warms it up while the main
  process imports scipy, then forks a short-lived child for each figure a stage hands it (the drawing
  function and its data, pickled), which draws and renders it. The main process never imports
  matplotlib, and the children, forked from a small process, copy few pages.
- a validation worker, forked once scipy.stats is imported too (great-expectations imports all of it, so the
  import is shared): it imports great-expectations while the main process computes, and runs every suite.

Nothing they produce is written until every result is in: `run.run_all` commits only then, and a
failing suite or render fails the run. Stages reach these helpers only through `common/offload.py`. Off
Linux (or with REPLICATION_SERIAL=1) all of this runs inline, as it does for a single step, with
byte-identical results."""

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
RENDER_NICENESS = 10


def available() -> bool:
    """Linux only: fork without exec is unsafe on macOS (system frameworks) and absent on Windows."""
    return sys.platform.startswith("linux") and os.environ.get("REPLICATION_SERIAL") != "1"


def _exit_when_orphaned(parent: int) -> None:
    """A thread that ends this process when `parent` has gone (the main process was killed): a helper must
    not wait forever for work that will not come."""
    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _serve(requests, answers, parent: int) -> None:
    _exit_when_orphaned(parent)
    from ..common.validation import _gx, run_suite

    _gx()  # import great-expectations now, while the main process computes
    gc.freeze()  # its hundreds of thousands of objects are not traversed again by each collection
    while True:
        key, df, table, rules = pickle.loads(requests.get())
        try:
            failures = [f"table {table.name}: {line}" for line in run_suite(df, table, rules)]
        except Exception as exc:  # reported, not swallowed: the run fails
            failures = [f"table {table.name}: the suite could not run: {exc!r}"]
        answers.put((key, failures))


def _render(key: int, job: Callable[[], dict], drawn, server: int) -> None:
    """In a child of the render server: run the job, send its files (or the error), exit."""
    _exit_when_orphaned(server)
    try:
        result = ("ok", job())
    except Exception:
        result = ("error", traceback.format_exc())
    drawn.put((key, result))
    drawn.close()
    drawn.join_thread()  # every byte is in the pipe before the child exits


def _serve_renders(jobs, drawn, stopped, parent: int) -> None:
    """Fork a child per job; report a child that stopped without sending its result (on `stopped`, a queue
    this process alone writes: its feeder thread must not be running in a child it forks)."""
    _exit_when_orphaned(parent)
    # Figures are the work that can wait: at a lower priority (inherited by the children), the main process
    # and the validation worker, whose last results end the run, are not slowed by the renders.
    os.nice(RENDER_NICENESS)
    from ..common.figures import warm_up

    warm_up()
    gc.freeze()  # before each fork: collections in the children then leave these objects alone
    running: dict[int, int] = {}  # pid -> job key
    while True:
        try:
            message = jobs.get(timeout=PARENT_POLL_SECONDS)
        except queue.Empty:
            message = None
        while running:  # reap the children that have exited
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            key = running.pop(pid)
            if status != 0:
                stopped.put((key, f"a figure render stopped (wait status {status})"))
        if message is None:
            continue
        key, blob = message
        try:
            job = pickle.loads(blob)  # here, so that the modules a job needs are imported once
        except Exception:
            stopped.put((key, traceback.format_exc()))
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _render(key, job, drawn, os.getppid())
                code = 0
            finally:
                os._exit(code)
        running[pid] = key


class Background:
    """The validation worker and the figure renders of one run; `close` stops them all."""

    def __init__(self):
        import pandas  # noqa: F401  (both helpers need it: imported once, before they are forked)

        gc.freeze()  # before each fork: collections in the children then leave the parent's objects alone
        self._ctx = multiprocessing.get_context("fork")
        self._jobs, self._drawn, self._stopped = self._ctx.Queue(), self._ctx.Queue(), self._ctx.Queue()
        self._renderer = self._ctx.Process(target=_serve_renders, daemon=True, name="render-server",
                                           args=(self._jobs, self._drawn, self._stopped, os.getpid()))
        self._renderer.start()
        # great-expectations imports all of scipy.stats, which the survival stage needs too: importing it
        # in both processes cost a second of CPU on two busy cores
        import scipy.stats  # noqa: F401

        gc.freeze()
        self._requests, self._answers = self._ctx.Queue(), self._ctx.Queue()
        self._validator = self._ctx.Process(target=_serve, args=(self._requests, self._answers, os.getpid()),
                                            daemon=True, name="validation-worker")
        self._validator.start()
        self._suites = 0
        self._answered: dict[int, list[str]] = {}
        self._jobs_sent = 0
        self._renders: list[int] = []  # not yet taken by `take_renders`
        self._files: dict[int, tuple] = {}  # job key -> ("ok", files) or ("error", text), as they arrive
        self._children = [self._renderer, self._validator]

    def validate(self, df, table, rules=None) -> None:
        # pickled now, not later by the queue's feeder thread: the caller may change `df` afterwards
        self._requests.put(pickle.dumps((self._suites, df, table, rules)))
        self._suites += 1

    def render(self, job: Callable[[], dict[Path, bytes]]) -> None:
        """Have `job` (a picklable callable returning {path: bytes}) run in a child of the render server."""
        self._jobs.put((self._jobs_sent, pickle.dumps(job)))  # pickled now: the caller may change the data
        self._renders.append(self._jobs_sent)
        self._jobs_sent += 1

    def take_renders(self) -> list[int]:
        """The renders started since the last call (so the caller can attribute them to a step)."""
        out, self._renders = self._renders, []
        return out

    def rendered(self, keys: list[int]) -> dict[Path, bytes]:
        """Wait for the renders `keys`; their files. Raises RuntimeError for a failed or stopped render."""
        while not all(k in self._files for k in keys):
            try:
                key, result = self._drawn.get(timeout=PARENT_POLL_SECONDS)
                self._files[key] = result
            except queue.Empty:
                try:
                    key, text = self._stopped.get_nowait()
                    self._files.setdefault(key, ("error", text))
                except queue.Empty:
                    if not self._renderer.is_alive():
                        raise RuntimeError(f"the render server stopped (exit code {self._renderer.exitcode})") \
                            from None
        files = {}
        for key in keys:
            status, payload = self._files[key]
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
        for q in (self._requests, self._answers, self._jobs, self._drawn, self._stopped):
            q.cancel_join_thread()
            q.close()
