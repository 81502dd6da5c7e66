"""Command line: `python -m replication COMMAND`. Heavy libraries are imported only by the step that runs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

STEPS = {
    "build": "raw Appendix 1 + COW v4.0 -> validated data/processed/wars.csv, wars.dta, discrepancies.csv",
    "survival": "wars.csv -> time to talks: Kaplan-Meier, Aalen-Johansen, Cox, AFT, log-rank, sensitivity, figures",
    "models": "Propositions 1 and 2 worked, Figure 1 redrawn, regime map, observed cases beside predicted regimes",
    "claims": "the paper's claims about its table recomputed; Appendix 1 regenerated (Markdown, LaTeX)",
    "codebook": "schema + processed files -> codebook.md and datapackage.json (every column of every processed file)",
    "report": "REPORT.md: every table, figure and check in one page",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m replication", description="Replication archive for Mastro & "
                                "Siegel, 'Talking to the Enemy' (Journal of Theoretical Politics).")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in STEPS.items():
        sub.add_parser(name, help=text)
    run_all = sub.add_parser("all", help="every step, in the paper's order: " + ", ".join(STEPS))
    run_all.add_argument("--sample", choices=("paper", "extended"), default="paper",
                         help="paper: the paper's wars (default); extended: also the wars of --extension, "
                              "with results under data/processed/extended/ and figures/extended/")
    run_all.add_argument("--extension", type=Path, default=None,
                         help="CSV of added wars (default data/extensions/wars_extension.csv); see README")
    run_all.add_argument("--force", action="store_true",
                         help="rerun every step even if its inputs and outputs are unchanged")
    sub.add_parser("verify", help="rerun everything into a temporary folder and compare it byte for byte "
                                  "with the committed outputs")
    return p


class Progress:
    def __init__(self, total: int):
        self.total, self.i, self.t0 = total, 0, time.perf_counter()
        self.timings: dict[str, float] = {}
        self._last = self.t0

    def step(self, name: str):
        self.i += 1
        print(f"[{self.i}/{self.total}] {name}: {STEPS[name]}", flush=True)

    def done(self, name: str):
        now = time.perf_counter()
        self.timings[name] = round(now - self._last, 3)
        self._last = now

    def log(self, message: str):
        print(f"      {message}  ({time.perf_counter() - self.t0:.1f}s)", flush=True)


def run_step(name: str, progress: Progress, root: Path, sample: str = "paper", extension=None) -> dict:
    """Run one step writing under `root`; return the files it wrote."""
    progress.step(name)
    if name == "build":
        from .build import build

        files = build(out_dir=root / "data/processed", log=progress.log).files
        if sample == "extended":
            from .extension import build_extended

            files |= build_extended(extension, root=root, log=progress.log)
    elif name == "survival":
        from .survival_step import run_survival

        files = run_survival(root=root, log=progress.log)
        if sample == "extended":
            files |= run_survival(root=root, sample="extended", log=progress.log)
    elif name == "models":
        from .models_step import run_models

        files = run_models(root=root, log=progress.log)
    elif name == "claims":
        from .claims_step import run_claims

        files = run_claims(root=root, log=progress.log)
    elif name == "codebook":
        from .codebook import write_codebook

        files = write_codebook(root=root, log=progress.log)
    else:
        from .report import write_report

        files = write_report(root=root, log=progress.log)
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


def _run_steps(work: Path, progress: Progress, sample: str, extension, cache) -> dict[str, dict]:
    """Run the steps that are not fresh in `work`; with background work (background.py), wait for every
    suite and figure. Returns each step's files. Raises ValidationFailed for any failing suite, also
    when a later step broke on the invalid data first."""
    from . import background
    from .errors import ValidationFailed

    bg = background.Background() if background.available() else None
    ran, renders = {}, {}
    try:
        with background.active(bg):
            for name in STEPS:
                if cache is not None and cache.fresh(name, at=work):
                    _skipped(name, progress)
                    continue
                ran[name] = run_step(name, progress, work, sample, extension)
                renders[name] = bg.take_renders() if bg else []
        if bg is None:
            return ran
        if failures := bg.failures():
            raise ValidationFailed(failures)
        for name, started in renders.items():
            ran[name] |= bg.rendered(started)
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


def run_all(root: Path, progress: Progress, sample: str = "paper", extension=None, cache=None) -> dict:
    """Every step in order. With a cache, a step whose inputs and outputs are unchanged is skipped.

    The steps run in a working copy while other processes validate their tables and render their
    figures (background.py); only when every suite has passed and every figure is in are the outputs
    committed to `root`, in one journaled write, so a failure anywhere leaves all of `root` as it was."""
    cache = cache if sample == "paper" else None  # an extension run always reruns
    if cache is not None and all(cache.fresh(name) for name in STEPS):
        for name in STEPS:
            _skipped(name, progress)
        return {p: None for name in STEPS for p in cache.files(name)}
    import tempfile

    from .atomic import write_atomic

    with tempfile.TemporaryDirectory(prefix="replication-") as tmp:
        work = _working_copy(root, Path(tmp))
        ran = _run_steps(work, progress, sample, extension, cache)
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from . import paths
    from .atomic import recover, run_lock
    from .errors import DataError, ValidationFailed

    progress = Progress(len(STEPS) if args.command in ("all", "verify") else 1)
    try:
        if args.command == "verify":
            from .reproduce import verify

            return verify(progress)
        with run_lock(paths.ROOT):
            if finished := recover(paths.ROOT):
                print(f"recovered: completed the writes of an interrupted run ({len(finished)} files)", flush=True)
            if args.command == "all":
                from .cache import Cache
                from .reproduce import write_run_log

                cache = None if args.force else Cache(paths.ROOT)
                files = run_all(paths.ROOT, progress, args.sample, args.extension, cache)
                write_run_log(files, progress, paths.ROOT / "logs" / "run_log.json")
            else:
                run_step(args.command, progress, paths.ROOT)
    except (DataError, ValidationFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("the failing step wrote nothing; outputs from earlier runs are unchanged", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: file not found (run the earlier steps first: `python -m replication all`)",
              file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - progress.t0:.1f}s", flush=True)
    return 0
