"""Command line: `python -m replication COMMAND`. Heavy libraries are imported only by the step that runs."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from ..common.steps import DATA_VERSION_DATE
from .registry import STEPS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m replication", description="Replication archive for Mastro & "
                                "Siegel, 'Talking to the Enemy' (Journal of Theoretical Politics).")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for step in STEPS.values():
        sub.add_parser(step.name, help=step.description)
    run_all = sub.add_parser("all", help="every step, in the paper's order: " + ", ".join(STEPS))
    run_all.add_argument("--sample", choices=("paper", "extended"), default="paper",
                         help="paper: the paper's wars (default); extended: also the wars of --extension, "
                              "with results under data/processed/extended/ and figures/extended/")
    run_all.add_argument("--extension", type=Path, default=None,
                         help="with --sample extended: CSV of added wars (default "
                              "data/extensions/wars_extension.csv); see README")
    run_all.add_argument("--observed-on", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                         help="with --sample extended: the date the added wars are observed to (an ongoing war "
                              f"without talks is censored there; default {DATA_VERSION_DATE}, the data version date)")
    run_all.add_argument("--force", action="store_true",
                         help="rerun every step even if its inputs and outputs are unchanged")
    sub.add_parser("verify", help="rerun everything into a temporary folder and compare it byte for byte "
                                  "with the committed outputs")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "all" and args.sample != "extended" and (args.extension or args.observed_on):
        parser.error("--extension and --observed-on apply to the extended sample: add --sample extended")
    from ..common import paths
    from ..common.errors import DataError, ValidationFailed
    from .atomic import recover, run_lock
    from .run import Progress, run_all, run_step

    progress = Progress(len(STEPS) if args.command in ("all", "verify") else 1)
    try:
        with run_lock(paths.ROOT):
            if finished := recover(paths.ROOT):
                print(f"recovered: completed the writes of an interrupted run ({len(finished)} files)", flush=True)
            if args.command == "verify":
                from .verify import verify

                return verify(progress)
            if args.command == "all":
                from .cache import Cache
                from .runlog import write_run_log

                cache = None if args.force else Cache(paths.ROOT)
                files = run_all(paths.ROOT, progress, args.sample, args.extension, cache, args.observed_on)
                write_run_log(files, progress, paths.ROOT / "logs" / "run_log.json", args)
            else:
                run_step(args.command, progress, paths.ROOT)
    except (DataError, ValidationFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written; outputs from earlier runs are unchanged", file=sys.stderr)
        if getattr(args, "sample", None) == "extended" and (paths.ROOT / "data/processed/extended").exists():
            print("note: data/processed/extended/ still holds the previous extended run (its extension file "
                  "and sha256 are in REPORT_extended.md)", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: file not found (run the earlier steps first: `python -m replication all`)",
              file=sys.stderr)
        return 1
    except OSError as exc:  # unreadable input, full disk, ...: nothing was committed (see pipeline/atomic.py)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        print("nothing was written; outputs from earlier runs are unchanged", file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - progress.t0:.1f}s", flush=True)
    return 0
