"""Running steps: one step into the archive, or every step in a working copy committed in one write."""

from __future__ import annotations

import time
from fnmatch import fnmatchcase
from pathlib import Path

from ..common.steps import DATA_VERSION_DATE, Context, Step
from .registry import STEPS


class Progress:
    def __init__(self, total: int):
        self.total, self.i, self.t0 = total, 0, time.perf_counter()
        self.timings: dict[str, float] = {}
        self._last = self.t0

    def step(self, name: str):
        self.i += 1
        print(f"[{self.i}/{self.total}] {name}: {STEPS[name].description}", flush=True)

    def done(self, name: str):
        now = time.perf_counter()
        self.timings[name] = round(now - self._last, 3)
        self._last = now

    def log(self, message: str):
        print(f"      {message}  ({time.perf_counter() - self.t0:.1f}s)", flush=True)


def check_declared(step: Step, files, root: Path) -> None:
    """A step writes only what it declares: a file outside its `outputs` is a bug in the step (or in its
    declaration), caught before anything is written."""
    rels = sorted(Path(p).relative_to(root).as_posix() for p in files)
    if extra := [r for r in rels if not any(fnmatchcase(r, pattern) for pattern in step.outputs)]:
        raise RuntimeError(f"step {step.name!r} wrote files its declaration does not list: {extra}")


def run_step(name: str, progress: Progress, root: Path, sample: str = "paper", extension=None,
             observed_on=None) -> dict:
    """Run one step reading from and writing under `root` (the archive, or a working copy of it); return
    the files it wrote."""
    from .atomic import write_atomic

    progress.step(name)
    files = STEPS[name].run(Context(root=root, log=progress.log, sample=sample, extension=extension,
                                    observed_on=observed_on or DATA_VERSION_DATE))
    check_declared(STEPS[name], files, root)
    write_atomic(files)
    progress.done(name)
    return files


# What a working copy starts from: everything a step reads from its root, and every output.
WORKING_COPY = ("data", "figures", "exhibits", "codebook.md", "datapackage.json", "REPORT.md")


def _skipped(name: str, progress: Progress) -> None:
    progress.step(name)
    progress.log(f"{name}: inputs and outputs unchanged, skipped (--force reruns it)")
    progress.done(name)


def _working_copy(root: Path, work: Path) -> Path:
    import shutil

    for rel in WORKING_COPY:
        if (root / rel).is_dir():
            shutil.copytree(root / rel, work / rel)
        elif (root / rel).is_file():
            shutil.copy2(root / rel, work / rel)
    return work


def _run_steps(work: Path, progress: Progress, sample: str, extension, cache, observed_on) -> dict[str, dict]:
    """Run the steps that are not fresh in `work`; with background work (background.py), wait for every
    suite and figure. Returns each step's files. Raises ValidationFailed for any failing suite, also
    when a later step broke on the invalid data first."""
    from ..common import offload
    from ..common.errors import ValidationFailed
    from . import background

    bg = background.Background() if background.available() else None
    ran, renders = {}, {}
    try:
        with offload.active(bg):
            for name in STEPS:
                if cache is not None and cache.fresh(name, at=work):
                    _skipped(name, progress)
                    continue
                ran[name] = run_step(name, progress, work, sample, extension, observed_on)
                renders[name] = bg.take_renders() if bg else []
        if bg is None:
            return ran
        if failures := bg.failures():
            raise ValidationFailed(failures)
        for name, started in renders.items():
            figures = bg.rendered(started)
            check_declared(STEPS[name], figures, work)
            ran[name] |= figures
    except ValidationFailed:
        raise
    except Exception as exc:
        if bg and (failures := bg.failures()):
            raise ValidationFailed(failures) from exc
        raise
    finally:
        if bg:
            bg.close()
    progress.log("every table passed its great-expectations suite; figures rendered (in parallel processes)")
    return ran


def run_all(root: Path, progress: Progress, sample: str = "paper", extension=None, cache=None,
            observed_on=None) -> dict:
    """Every step in order. With a cache, a step whose inputs and outputs are unchanged is skipped.

    The steps run in a working copy while other processes validate their tables and render their
    figures (background.py); only when every suite has passed and every figure is in are the outputs
    committed to `root`, in one journaled write, so a failure anywhere leaves all of `root` as it was."""
    cache = cache if sample == "paper" else None  # an extension run always reruns
    if cache is not None and all(cache.fresh(name) for name in STEPS):
        for name in STEPS:
            _skipped(name, progress)
        return {p: None for name in STEPS for p in cache.files(name)}
    from .atomic import work_dir, write_atomic

    with work_dir(root, "all-") as tmp:
        work = _working_copy(root, tmp)
        ran = _run_steps(work, progress, sample, extension, cache, observed_on)
        files = {name: {root / p.relative_to(work): data for p, data in step_files.items()}
                 for name, step_files in ran.items()}
        write_atomic({p: data for step_files in files.values() for p, data in step_files.items()}, root)
    if cache is not None:
        for name, step_files in files.items():
            cache.record(name, step_files)
    done = {p: d for step_files in files.values() for p, d in step_files.items()}
    if cache is not None:
        done |= {p: None for name in STEPS if name not in files for p in cache.files(name)}
    return done
