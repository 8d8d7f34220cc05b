"""How long `make serve` takes to show a data edit in the browser: edits a glossary text N times on a
copy of data/, and polls the page until the edit shows. Prints each time and the median."""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from site_quality.preview import ROOT, copy_data, live_preview, wait_for


def _shows(marker: str) -> Callable[[str], bool]:
    return lambda html: marker in html


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edition", default="wco")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = copy_data(ROOT / "data", Path(folder) / "data")
        glossary = data / "glossary.yml"
        original = glossary.read_text(encoding="utf-8")
        anchor = "    expansion:\n      en: "
        assert anchor in original, "glossary.yml has no English expansion to edit"
        with live_preview(data, args.edition, args.language) as url:
            page = url + "glossary/" if args.language == "en" else f"{url}{args.language}/glossary/"
            times = []
            for run in range(1, args.runs + 1):
                marker = f"Preview check {run}"
                glossary.write_text(original.replace(anchor, f"{anchor}{marker} ", 1), encoding="utf-8")
                seconds = wait_for(page, _shows(marker), timeout=60)
                times.append(seconds)
                print(f"run {run}: the edit showed after {seconds:.2f} s")
    print(f"median {statistics.median(times):.2f} s over {len(times)} edits ({args.edition}, {args.language})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
