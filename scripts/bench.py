"""Benchmark: run with `make bench` (or `.venv/bin/python scripts/bench.py [--quick]`).

Prints, on this machine: the import floor and the full replication's wall time (and their ratio),
a rerun with nothing changed, `--help`, synthetic war tables of 10^3..10^5 rows through parsing,
validation and the survival estimates, and the regime map over 10^6 parameter points.
Targets (issue 6): full <= 1.5x import floor; unchanged rerun well under 1 s beyond start-up;
--help < 0.5 s; 10^5 rows < 15 s; regime map < 1 s. Timing lives here, never in the tests."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
# The third-party libraries `python -m replication all` imports (statsmodels is only used by the tests;
# tests/test_cache_bench.py checks this list against what a run really imports).
LIBRARIES = ("pandas", "numpy", "scipy", "lifelines", "matplotlib", "great_expectations", "yaml")
IMPORTS = "import pandas, numpy, scipy.stats, lifelines, matplotlib.pyplot, great_expectations, yaml"


def wall(cmd: list[str], cwd: Path, runs: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, the process and all its children)."""
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "PYTHONPATH": str(cwd), **(env or {})})
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), statistics.median(cpus)


def copy_archive(dest: Path) -> Path:
    """A scratch copy of the archive, so the benchmark never touches the working tree."""
    ignore = shutil.ignore_patterns(".venv", ".venv-tools", ".git", ".cache", "logs", "__pycache__", ".pytest_cache",
                                    ".hypothesis")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def synthetic_table(n: int, seed: int = 0) -> bytes:
    import numpy as np

    from replication.archive.exhibits import paper_date

    rng = np.random.default_rng(seed)
    header = "Conflict Name\tConflict Start\tProposer\tResponse\tDays Before Talks\tConflict End"
    start = np.datetime64("1946-01-01") + rng.integers(0, 60 * 365, n).astype("timedelta64[D]")
    length = rng.integers(1, 3000, n)
    talks = rng.random(n) < 0.45
    days = (rng.random(n) * length).astype(int)
    lines = [header]
    for i in range(n):
        end = start[i] + length[i]
        name = f"Synthetic War {i} of {str(start[i])[:4]}-{str(end)[:4]}"
        if talks[i]:
            cells = ["X", "Y accept", str(days[i])]
        else:
            cells = ["N/A", "N/A", "N/A"]
        lines.append("\t".join([name, paper_date(start[i]), *cells, paper_date(end)]))
    return ("\n".join(lines) + "\n").encode()


def scaling(n: int) -> dict:
    import datetime as dt

    import pandas as pd

    from replication.common.formats import typed
    from replication.common.tables import Table
    from replication.common.validation import run_suite
    from replication.sources.appendix_table import read_appendix_table
    from replication.sources.ledger import apply_ledger
    from replication.survival.estimators import aalen_johansen, cox_cause_specific, kaplan_meier_talks
    from replication.survival.frame import survival_frame
    from replication.wars.dataset import parse_rows
    from replication.wars.rules import WAR_RULES
    from replication.wars.schema import WARS

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.txt"
        path.write_bytes(synthetic_table(n))
        t = time.perf_counter()
        rows = apply_ledger(read_appendix_table(path), [], path)
        records = parse_rows(rows, path)
        cols = ["war_id", "war_name", "start_date", "end_date", "is_ongoing", "proposer", "response",
                "response_type", "has_talks", "days_to_talks", "talks_date", "duration_days"]
        wars = pd.DataFrame({
            "war_id": [f"w{i}" for i in range(n)], "war_name": [r["war_name"] for r in records],
            "start_date": [r["start_date"] for r in records], "end_date": [r["end_date"] for r in records],
            "is_ongoing": [r["is_ongoing"] for r in records], "proposer": [r["proposer"] for r in records],
            "response": [r["response"] for r in records],
            "response_type": ["accept" if r["days_to_talks"] is not None else "none" for r in records],
            "has_talks": [r["days_to_talks"] is not None for r in records],
            "days_to_talks": [r["days_to_talks"] for r in records],
            "talks_date": [r["start_date"] + dt.timedelta(days=r["days_to_talks"]) if r["days_to_talks"] is not None
                           else None for r in records],
            "duration_days": [(r["end_date"] - r["start_date"]).days for r in records],
        })
        table = Table("synthetic", "synthetic.csv", "", ("war_id",),
                      tuple(f for f in WARS.fields if f.name in cols))
        wars = typed(wars, table)
        out["parse"] = time.perf_counter() - t
        t = time.perf_counter()
        failures = run_suite(wars, table, WAR_RULES)
        assert not failures, failures[:3]
        out["validate"] = time.perf_counter() - t
        t = time.perf_counter()
        import numpy as np

        rng = np.random.default_rng(1)
        wars = wars.assign(cow_battle_deaths=rng.integers(1000, 10**6, n), cow_states_side_a=rng.integers(1, 4, n),
                           cow_states_side_b=rng.integers(1, 4, n))
        sf = survival_frame(wars)
        kaplan_meier_talks(sf)
        aalen_johansen(sf["time_days"], sf["event"])
        cox_cause_specific(sf, 1)
        out["survival"] = time.perf_counter() - t
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one run per timing, scaling to 10^4 rows")
    args = ap.parse_args()
    runs = 1 if args.quick else 3
    sys.path.insert(0, str(ROOT))
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_archive(Path(tmp) / "archive")
        # the copy's bytecode, as `make install` writes it (a run need not: PYTHONDONTWRITEBYTECODE may be set)
        subprocess.run([PY, "-m", "compileall", "-q", "replication"], cwd=work, check=True)
        wall([PY, "-m", "replication", "all", "--force"], work, 1)
        # floor and full replication alternately, so that the machine's drift hits both alike; the ratio
        # quoted is the median of the pairs' ratios
        pairs = [(wall([PY, "-c", IMPORTS], work, 1), wall([PY, "-m", "replication", "all", "--force"], work, 1))
                 for _ in range(max(runs, 5))]
        floor, floor_cpu = (statistics.median(p[0][i] for p in pairs) for i in (0, 1))
        full, full_cpu = (statistics.median(p[1][i] for p in pairs) for i in (0, 1))
        ratios = sorted(p[1][0] / p[0][0] for p in pairs)
        serial, serial_cpu = wall([PY, "-m", "replication", "all", "--force"], work, runs, {"REPLICATION_SERIAL": "1"})
        wall([PY, "-m", "replication", "all"], work, 1)  # records the content hashes
        rerun, _ = wall([PY, "-m", "replication", "all"], work, runs)
        bare, _ = wall([PY, "-c", "pass"], work, runs)
        helptime, _ = wall([PY, "-m", "replication", "--help"], work, runs)
    print(f"import floor (bare interpreter importing the libraries)   {floor:6.2f} s   (CPU {floor_cpu:.2f} s)")
    print(f"full replication (python -m replication all --force)      {full:6.2f} s   "
          f"ratio {statistics.median(ratios):.2f}x, median of {len(ratios)} alternating pairs "
          f"(range {ratios[0]:.2f}-{ratios[-1]:.2f}; target <= 1.5x)   (CPU {full_cpu:.2f} s, all processes)")
    print(f"  the same in one process (REPLICATION_SERIAL=1)          {serial:6.2f} s   "
          f"ratio {serial / floor:.2f}x   (CPU {serial_cpu:.2f} s)")
    print(f"rerun, nothing changed (content hashes)                   {rerun:6.2f} s   "
          f"{rerun - bare:.2f} s beyond interpreter start-up (target well under 1 s)")
    print(f"python -m replication --help                              {helptime:6.2f} s   (target < 0.5 s)")
    for n in (10**3, 10**4) if args.quick else (10**3, 10**4, 10**5):
        s = scaling(n)
        total = sum(s.values())
        print(f"synthetic {n:>6} wars: parse {s['parse']:6.2f} s, validate {s['validate']:6.2f} s, "
              f"survival {s['survival']:6.2f} s, total {total:6.2f} s" + ("   (target < 15 s)" if n == 10**5 else ""))
    import numpy as np

    from replication.models import regime_codes

    rng = np.random.default_rng(0)
    nu, k, q = rng.uniform(0, 1.2, 10**6), rng.uniform(0, 2, 10**6), rng.uniform(0, 1, 10**6)
    t = time.perf_counter()
    regime_codes(nu, k, q)
    print(f"regime map, 10^6 parameter points                         {time.perf_counter() - t:6.3f} s   "
          "(target < 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
