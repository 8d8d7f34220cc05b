"""Screenshots of the key pages (tests/quality/pages.py) at desktop and phone widths, in the light and
dark palettes, as PNG files in screenshots/ (git-ignored). Not a test: for people to look at.

    .venv/bin/python tools/screenshots.py [--site site] [--out screenshots] [--full-page]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from pathlib import Path

from site_quality import gates
from site_quality.pages import KEY_PAGES

ROOT = Path(__file__).resolve().parent.parent

from playwright.async_api import async_playwright  # noqa: E402


async def shoot(site: Path, out: Path, full_page: bool) -> list[Path]:
    missing = gates.require_pages(site, list(KEY_PAGES.values()))
    if missing:
        raise SystemExit("\n".join(missing))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with gates.serve(site) as base_url:
        async with async_playwright() as playwright:
            browser = await gates.launch_chromium(playwright)
            try:
                for width_name, viewport in (("desktop", gates.DESKTOP), ("phone", gates.PHONE)):
                    for scheme in gates.SCHEMES:
                        context = await gates.new_context(browser, viewport=viewport, scheme=scheme)
                        tab = await context.new_page()
                        for name, url in KEY_PAGES.items():
                            watch = await gates.goto(tab, base_url, gates.page_file(url))
                            await tab.add_style_tag(content=gates.NO_TRANSITIONS)
                            if await gates.shown_scheme(tab) != scheme:
                                await gates.set_scheme(tab, scheme)
                            await watch.settle()
                            for problem in watch.stop():
                                print(f"warning: {problem}", file=sys.stderr)
                            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                            path = out / f"{slug}-{width_name}-{scheme}.png"
                            await tab.screenshot(path=str(path), full_page=full_page)
                            written.append(path)
                        await context.close()
            finally:
                await browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built folder (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write (default: screenshots/)")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    args = parser.parse_args()
    for path in asyncio.run(shoot(args.site.resolve(), args.out, args.full_page)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
