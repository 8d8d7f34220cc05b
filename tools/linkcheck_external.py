"""Check the external links of the built site over the network (`make linkcheck-external`).

Not part of `make test`, which checks only that external links are well formed (the test machine has
no internet, and other sites' answers change from day to day). Every distinct http(s) URL is asked
for once (HEAD, then GET where HEAD is refused), a few at a time; a URL fails on an HTTP status of 400
or more, or on no answer. Prints each failure with the pages that link to it; exit status 1 if any.

    .venv/bin/python tools/linkcheck_external.py [--site site] [--timeout 20] [--workers 8]
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from site_quality import gates

ROOT = Path(__file__).resolve().parent.parent


USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) wco-ippc-site link checker"


def check(url: str, timeout: float) -> str | None:
    """None if the URL answers, else why not."""
    status: int | str = "?"
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)
                return None
        except urllib.error.HTTPError as error:
            status = error.code
            if method == "HEAD" and error.code in {400, 403, 404, 405, 429, 500, 501, 503}:
                continue  # many servers refuse or mishandle HEAD: ask again with GET
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return f"no answer ({reason})"
    return f"HTTP {status}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built folder (default: site/)")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()
    site = args.site.resolve()
    if not site.is_dir():
        raise SystemExit(f"{site} does not exist: run `make build`")
    pages_of: dict[str, set[str]] = defaultdict(set)
    for page, _line, url in gates.collect_links(site):
        if urlsplit(url).scheme.lower() in {"http", "https"} or url.startswith("//"):
            pages_of[("https:" + url) if url.startswith("//") else url.split("#")[0]].add(page)
    urls = sorted(pages_of)
    print(f"Checking {len(urls)} external URLs from {sum(len(p) for p in pages_of.values())} links …", flush=True)
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        results = dict(zip(urls, pool.map(lambda url: check(url, args.timeout), urls), strict=True))
    failures = {url: problem for url, problem in results.items() if problem}
    for url, problem in failures.items():
        pages = sorted(pages_of[url])
        shown = ", ".join(pages[:5]) + (f" and {len(pages) - 5} more" if len(pages) > 5 else "")
        print(f"{url}: {problem} (linked from {shown})")
    print(f"{len(urls) - len(failures)} of {len(urls)} external URLs answer; {len(failures)} fail.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
