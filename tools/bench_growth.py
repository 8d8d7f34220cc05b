"""Benchmark: how the generator scales as data/ grows (events and progress reports).

Copies data/, multiplies events and updates by a factor, then times loading + validating the data
and rendering every page's macros, as the build does for one language. Prints medians of several
runs and the ratio of time per record between sizes: near 1 means linear growth, nothing quadratic.

    .venv/bin/python tools/bench_growth.py            # factors 1, 10, 40
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

from macros.context import RenderContext  # noqa: E402
from macros.dataset import load_dataset  # noqa: E402
from macros.render.agreement import render_agreement, render_history, render_intro  # noqa: E402
from macros.render.areas import render_area_page  # noqa: E402
from macros.render.events import render_events_page, render_recent_and_upcoming  # noqa: E402
from macros.render.progress import render_latest_updates  # noqa: E402
from macros.render.workplan import render_workplan  # noqa: E402


def grown_data(factor: int, target: Path) -> int:
    """data/ with events and updates repeated `factor` times under new ids; returns the record count."""
    shutil.copytree(ROOT / "data", target)
    for name, key in (("events.yml", "events"), ("progress.yml", "updates")):
        content = yaml.safe_load((target / name).read_text(encoding="utf-8"))
        records = content[key]
        content[key] = [{**record, "id": f"{record['id']}-{copy}"} for copy in range(factor) for record in records]
        (target / name).write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data = load_dataset(target)
    return len(data.events) + len(data.updates)


def render_all(data_dir: Path) -> None:
    data = load_dataset(data_dir)
    today = date(2026, 11, 23)
    for lang in ("en", "fr"):

        def ctx(page: str, lang: str = lang) -> RenderContext:
            return RenderContext(data, lang, page, "wco", today)

        render_intro(ctx("index.md"))
        render_latest_updates(ctx("index.md"))
        render_recent_and_upcoming(ctx("index.md"))
        render_agreement(ctx("agreement.md"))
        render_history(ctx("agreement.md"))
        render_workplan(ctx("workplan.md"))
        render_events_page(ctx("events.md"))
        for area in data.workplan.areas:
            render_area_page(area.id, ctx(f"areas/{area.slug}.md"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 40])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            data_dir = Path(tmp) / f"data-{factor}"
            records = grown_data(factor, data_dir)
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                render_all(data_dir)
                times.append(time.perf_counter() - started)
            tracemalloc.start()
            render_all(data_dir)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            median = statistics.median(times)
            results.append((factor, records, median))
            print(
                f"factor {factor:>3}: {records:>6} events+updates  load+render median {median * 1000:8.1f} ms "
                f"({median / records * 1e6:7.1f} µs per record)  peak memory {peak / 2**20:6.1f} MiB"
            )
    base = results[0]
    for factor, records, median in results[1:]:
        ratio = (median / records) / (base[2] / base[1])
        print(f"time per record at factor {factor} / factor {base[0]}: {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
