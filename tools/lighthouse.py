"""Lighthouse benchmark (not a test) of the key pages (tests/quality/pages.py), mobile and desktop.

The built folder is served gzip-compressed with cache headers (site_quality/compressed_server.py), as a real host would
serve it. Lighthouse (npm, package-lock.json) drives Debian's chromium (CHROME_PATH). Prints a
Markdown table of the four category scores and the compressed page weight (Lighthouse's
total-byte-weight: every byte transferred to show the page); the JSON reports go to
reports/lighthouse/.

    .venv/bin/python tools/lighthouse.py [--site site] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from site_quality import gates
from site_quality.compressed_server import serve_compressed
from site_quality.pages import KEY_PAGES

ROOT = Path(__file__).resolve().parent.parent


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FORM_FACTORS = ["mobile", "desktop"]


def run_lighthouse(url: str, form_factor: str, output: Path) -> dict[str, Any]:
    flags = " ".join(["--headless=new", *gates.CHROMIUM_ARGS])
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": gates.CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=300)
    if result.returncode != 0 or not output.is_file():
        raise SystemExit(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-3000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']}")
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    failed = [
        audit_id
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"])
        and report["audits"][audit_id].get("score") is not None
        and report["audits"][audit_id]["score"] < 0.9
    ]
    return {"scores": scores, "weight": weight, "failed": failed, "version": report.get("lighthouseVersion")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built folder (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "lighthouse", help="where the JSON goes")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the median is shown")
    args = parser.parse_args()
    site = args.site.resolve()
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make node_modules`")
    missing = gates.require_pages(site, list(KEY_PAGES.values()))
    if missing:
        raise SystemExit("\n".join(missing))
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    rows = []
    version = "?"
    with serve_compressed(site) as base_url:
        for name, url in KEY_PAGES.items():
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            for form_factor in FORM_FACTORS:
                runs = [
                    run_lighthouse(base_url + url, form_factor, args.out / f"{slug}-{form_factor}-{run}.json")
                    for run in range(args.runs)
                ]
                version = runs[0]["version"]
                scores = {c: round(statistics.median(r["scores"][c] for r in runs)) for c in CATEGORIES}
                weight = statistics.median(r["weight"] for r in runs)
                failed = sorted({audit for r in runs for audit in r["failed"]})
                rows.append((name, url, form_factor, scores, weight, failed))
                print(f"{name} ({form_factor}): {scores} {weight / 1024:.0f} KiB", file=sys.stderr)
    print(f"Lighthouse {version}, Debian chromium, served gzip-compressed; median of {args.runs}.\n")
    print("| Page | Form factor | Performance | Accessibility | Best practices | SEO | Page weight (compressed) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, url, form_factor, scores, weight, _ in rows:
        cells = " | ".join(str(scores[c]) for c in CATEGORIES)
        print(f"| {name} (`{url}`) | {form_factor} | {cells} | {weight / 1024:.0f} KiB |")
    below = [(name, form_factor, failed) for name, _, form_factor, _, _, failed in rows if failed]
    if below:
        print("\nAudits scoring below 0.9:")
        for name, form_factor, failed in below:
            print(f"- {name} ({form_factor}): {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
