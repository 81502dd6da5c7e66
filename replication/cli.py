"""Command line: `python -m replication {build,all}`. Heavy libraries are imported only by the step that runs."""

from __future__ import annotations

import argparse
import sys
import time

STEPS = {
    "build": "raw Appendix 1 + COW v4.0 -> validated data/processed/wars.csv, wars.dta, discrepancies.csv",
    "survival": "wars.csv -> time to talks: Kaplan-Meier, Aalen-Johansen, Cox, AFT, log-rank, sensitivity, figures",
    "models": "Propositions 1 and 2 worked, Figure 1 redrawn, regime map, observed cases beside predicted regimes",
    "codebook": "schema + processed files -> codebook.md (every column of every processed file)",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m replication", description="Replication archive for Mastro & "
                                "Siegel, 'Talking to the Enemy' (Journal of Theoretical Politics).")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in STEPS.items():
        sub.add_parser(name, help=text)
    sub.add_parser("all", help="every step, in the paper's order: " + ", ".join(STEPS))
    return p


class Progress:
    def __init__(self, total: int):
        self.total, self.i, self.t0 = total, 0, time.perf_counter()

    def step(self, name: str):
        self.i += 1
        print(f"[{self.i}/{self.total}] {name}: {STEPS[name]}", flush=True)

    def log(self, message: str):
        print(f"      {message}  ({time.perf_counter() - self.t0:.1f}s)", flush=True)


def run_step(name: str, progress: Progress) -> None:
    progress.step(name)
    if name == "build":
        from .build import build

        build(log=progress.log)
    elif name == "survival":
        from .survival_step import run_survival

        run_survival(log=progress.log)
    elif name == "models":
        from .models_step import run_models

        run_models(log=progress.log)
    elif name == "codebook":
        from .codebook import write_codebook

        write_codebook(log=progress.log)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    steps = list(STEPS) if args.command == "all" else [args.command]
    progress = Progress(len(steps))
    from .errors import DataError, ValidationFailed

    try:
        for name in steps:
            run_step(name, progress)
    except (DataError, ValidationFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written; previous outputs are unchanged", file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - progress.t0:.1f}s", flush=True)
    return 0
