"""The screenshots of EDITING.md: a record to confirm, with its badge, as the preview shows it.

    PREVIEW=true .venv/bin/python -m macros build --no-extras --site site-preview
    .venv/bin/python tools/editing_screenshots.py --site site-preview   # writes editing/*.png

Not a test: for people to look at. Debian's chromium (site_quality.chromium), small PNGs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_quality import gates
from site_quality.chromium import chromium

ROOT = Path(__file__).resolve().parent.parent

SHOTS = {
    "preview-badge.png": ("wco/events/index.html", ".status-to-confirm"),
}
"""File name → (page, CSS selector of the element whose record is shown)."""


def shoot(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with gates.serve(site) as base_url, chromium() as browser:
        page = browser.new_page(viewport={"width": 900, "height": 700}, device_scale_factor=1)
        for name, (path, selector) in SHOTS.items():
            page.goto(base_url + path, wait_until="networkidle")
            heading = page.locator(selector).first.locator("xpath=..")
            heading.scroll_into_view_if_needed()
            box = heading.bounding_box()
            if box is None:
                raise SystemExit(f"{path}: nothing matches {selector}")
            clip = {"x": 0, "y": max(box["y"] - 16, 0), "width": 900, "height": 260}
            target = out / name
            page.screenshot(path=str(target), clip=clip)
            written.append(target)
        page.set_viewport_size({"width": 1200, "height": 560})
        page.goto(base_url + "wco/events/index.html#event-international-customs-day-2026", wait_until="networkidle")
        target = out / "preview-page.png"
        page.screenshot(path=str(target))
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site-preview", help="a preview build")
    parser.add_argument("--out", type=Path, default=ROOT / "editing", help="where the PNG files go")
    args = parser.parse_args(argv)
    for path in shoot(args.site, args.out):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
