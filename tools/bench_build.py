"""Benchmark: what the extras cost. Times the quick build (`--no-extras`) and the full build (PDF
leaflets and offline copies) of both editions, as `make build` runs them, and prints the medians and
their ratio (the goal: full ≤ 1.6 × quick).

The full build is timed twice over: once with an empty PDF cache (the first build on a machine,
or after every guide page changed), then with the cache that build filled (the usual case: the
guide pages did not change). Runs alternate quick and full, so that the machine's load affects both.

    .venv/bin/python tools/bench_build.py            # median of 3 of each (make bench-build)
    .venv/bin/python tools/bench_build.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.6


def timed_build(site: Path, env: dict[str, str], extras: bool, engine: str) -> float:
    command = [sys.executable, "-m", "macros", "build", "--site", str(site)]
    if engine != "mkdocs":
        command += ["--engine", engine]
    if not extras:
        command.append("--no-extras")
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        site, cache = Path(temp) / "site", Path(temp) / "pdf-cache"
        env = {
            **os.environ,
            "SOURCE_DATE_EPOCH": "1795392000",
            "NO_MKDOCS_2_WARNING": "1",
            "PDF_CACHE_DIR": str(cache),  # the benchmark's own cache: the project's is left alone
        }
        cold = timed_build(site, env, extras=True, engine=args.engine)  # fills the empty cache
        quick, full = [], []
        for _ in range(args.runs):
            quick.append(timed_build(site, env, extras=False, engine=args.engine))
            full.append(timed_build(site, env, extras=True, engine=args.engine))
    quick_median, full_median = statistics.median(quick), statistics.median(full)
    print(f"engine {args.engine}, {os.cpu_count()} cores, median of {args.runs}")
    print(f"quick build (--no-extras):        {quick_median:6.1f} s   runs: {', '.join(f'{t:.1f}' for t in quick)}")
    print(f"full build, PDF cache filled:     {full_median:6.1f} s   runs: {', '.join(f'{t:.1f}' for t in full)}")
    print(f"full build, PDF cache empty:      {cold:6.1f} s   (one run)")
    ratio, cold_ratio = full_median / quick_median, cold / quick_median
    print(f"ratio full / quick: {ratio:.2f} (cache filled), {cold_ratio:.2f} (cache empty); goal ≤ {GOAL}")
    # On a shared machine the medians move with the load; the fastest runs are the least disturbed.
    print(f"ratio of the fastest runs: {min(full) / min(quick):.2f} (cache filled)")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
