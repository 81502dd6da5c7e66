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


def run_all(root: Path, progress: Progress, sample: str = "paper", extension=None, cache=None) -> dict:
    """Every step in order. With a cache, a step whose inputs and outputs are unchanged is skipped."""
    files = {}
    cache = cache if sample == "paper" else None  # an extension run always reruns
    for name in STEPS:
        if cache is not None and cache.fresh(name):
            progress.step(name)
            progress.log(f"{name}: inputs and outputs unchanged, skipped (--force reruns it)")
            progress.done(name)
            files |= cache.files(name)
            continue
        step_files = run_step(name, progress, root, sample, extension)
        if cache is not None:
            cache.record(name, step_files)
        files |= step_files
    return files


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from . import paths
    from .errors import DataError, ValidationFailed

    from .outputs import recover, run_lock

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
