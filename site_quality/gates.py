"""The quality gates as plain functions: each takes a built folder (or a browser page) and returns a
list of problems, one string each, that names the page and the problem. An empty list means the gate
passes. tests/test_quality_*.py run them on the real site (expecting none) and on the small pages of
tests/fixtures/quality/ (expecting each page's own problem); tools/ reuses the browser helpers.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from .chromium import FLAGS

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
JAVA = os.environ.get("JAVA", "java")

CHROMIUM_ARGS = FLAGS
"""From /work/shared/toolchain-notes.md: the flags that keep Debian's chromium quiet offline."""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}
"""Palette name → Material's data-md-color-scheme for it (mkdocs.yml: default and slate)."""


# --- The built folder --------------------------------------------------------------------------


def html_pages(folder: Path, *, include_404: bool = True) -> list[str]:
    """Every HTML page of a built folder, as site-relative POSIX paths, sorted."""
    pages = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html") if path.is_file())
    if not include_404:
        pages = [page for page in pages if Path(page).name != "404.html"]
    return pages


def page_url(page: str) -> str:
    """The site-relative URL of a page: `a/index.html` → `a/`, as MkDocs links to it."""
    if page == "index.html":
        return ""
    if page.endswith("/index.html"):
        return page[: -len("index.html")]
    return page


def page_file(url: str) -> str:
    """The file of a site-relative URL: `a/` → `a/index.html`, as a server serves it."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def require_pages(folder: Path, urls: list[str]) -> list[str]:
    """Problems for named key pages (site-relative URLs such as `wco/workplan/`) that the build lacks."""
    return [
        f"{url or '(site root)'}: the key page is missing from the build (no {page_file(url)})"
        for url in urls
        if not (folder / page_file(url)).is_file()
    ]


# --- Serving ----------------------------------------------------------------------------------


AXE_URL = "/__quality__/axe.min.js"
"""Where serve() also serves axe-core: a page loads it from there like any script, so that the browser
caches it and its compiled code from page to page (cheaper than injecting its text each time)."""


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request: problems come from the browser, not the log."""

    def log_message(self, format: str, *args: Any) -> None:
        return None


class _AuditHandler(QuietHandler):
    """Serves the folder, and axe-core at AXE_URL; records every request it answers with an error,
    including those of web workers (search), which the browser's page events do not show."""

    def send_response(self, code: int, message: str | None = None) -> None:
        if code >= 400:
            getattr(self.server, "failures", []).append(f"{code} {self.path}")
        super().send_response(code, message)

    def do_GET(self) -> None:
        if self.path == AXE_URL and AXE_JS.is_file():
            body = AXE_JS.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


SERVER_FAILURES: dict[str, list[str]] = {}
"""Base URL of each running server → the requests it answered with an error (see _AuditHandler)."""


@contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = _AuditHandler, port: int = 0) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port unless `port` is given) from a thread; yields the
    base URL, ending in /."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    failures: list[str] = []
    server.failures = failures  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    SERVER_FAILURES[base_url] = failures
    try:
        yield base_url
    finally:
        SERVER_FAILURES.pop(base_url, None)
        server.shutdown()
        server.server_close()
        thread.join()


# --- Browser ---------------------------------------------------------------------------------
# Playwright's async API: several tabs work at once, which matters on a 2-core machine.

BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""No host but the local server resolves, so that a request elsewhere fails at once, offline or not
(PageWatch still reports it as a request to another host)."""

SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"
"""True once CSS transitions (Material animates colours and the drawer) have finished."""

NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
"""Added to a page under audit: a palette or width change then applies at once, instead of after
frames of transitions that cost a 2-core machine time. Only the final colours count for axe."""


async def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium through Playwright; never a downloaded browser. Fails if it is missing."""
    if not Path(CHROMIUM).is_file():
        raise RuntimeError(f"no browser at {CHROMIUM}: install Debian's chromium (see .ci/run)")
    return await playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, BLOCK_OTHER_HOSTS])


async def new_context(browser: Any, *, viewport: dict[str, int] = DESKTOP, scheme: str = "light") -> Any:
    """A browser context at a width and in a palette: Material chooses the palette of the first page it
    shows from prefers-color-scheme, stores the choice (localStorage `__palette`) and keeps it."""
    return await browser.new_context(
        viewport=viewport, color_scheme="dark" if scheme == "dark" else "light", reduced_motion="reduce"
    )


class PageWatch:
    """Records what goes wrong while one page is shown: console errors, uncaught exceptions, failed
    requests, HTTP errors, and every request to a host other than the local server.

    Only requests made after the watch started count, so that a tab can be reused from page to page."""

    def __init__(self, tab: Any, base_url: str, name: str) -> None:
        self.tab = tab
        self.origin = _origin(base_url)
        self.name = name
        self.problems: list[str] = []
        self.pending: set[Any] = set()
        self._seen: set[Any] = set()
        self._handlers = {
            "console": self._console,
            "pageerror": lambda error: self.add(f"uncaught exception: {error}"),
            "request": self._request,
            "requestfailed": self._failed,
            "requestfinished": self._finished,
            "response": self._response,
        }
        for event, handler in self._handlers.items():
            tab.on(event, handler)

    def stop(self) -> list[str]:
        """Stop watching; the problems seen."""
        for event, handler in self._handlers.items():
            self.tab.remove_listener(event, handler)
        return list(self.problems)

    def add(self, problem: str) -> None:
        message = f"{self.name}: {problem}"
        if message not in self.problems:
            self.problems.append(message)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            location = message.location.get("url", "") if isinstance(message.location, dict) else ""
            self.add(f"console error: {message.text}" + (f" ({location})" if location else ""))

    def _request(self, request: Any) -> None:
        self._seen.add(request)
        self.pending.add(request)
        if request.url.startswith(("http:", "https:")) and _origin(request.url) != self.origin:
            self.add(f"request to another host: {request.url}")

    def _failed(self, request: Any) -> None:
        self.pending.discard(request)
        if request in self._seen and _origin(request.url) == self.origin:
            self.add(f"failed request: {request.url} ({request.failure})")

    def _finished(self, request: Any) -> None:
        self.pending.discard(request)

    def _response(self, response: Any) -> None:
        if response.request in self._seen and response.status >= 400:
            self.add(f"HTTP {response.status} for {response.url}")

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until no request of this page is in flight (at most `timeout` seconds)."""
        waited = 0.0
        while self.pending and waited < timeout:
            await self.tab.wait_for_timeout(25)
            waited += 0.025
        for request in self.pending:
            self.add(f"request still unanswered after {timeout:.0f} s: {request.url}")
        self.pending.clear()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


async def goto(tab: Any, base_url: str, page: str) -> PageWatch:
    """Show a site page in a tab, watching it from the start."""
    watch = PageWatch(tab, base_url, page)
    response = await tab.goto(base_url + page_url(page), wait_until="load")
    if response is None or not response.ok:
        watch.add(f"the page itself did not load (HTTP {response.status if response else '—'})")
    return watch


async def color_scheme_problems(tab: Any, page: str, scheme: str) -> list[str]:
    """The page must really show the palette asked for: a matching background (light: luminance above
    0.7; dark: below 0.1) and, on a Material page, Material's scheme attribute."""
    found = await tab.evaluate(
        """() => {
            const body = document.body;
            const rgb = getComputedStyle(body).backgroundColor.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lin = rgb.map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
            return {scheme: body.getAttribute("data-md-color-scheme"),
                    luminance: 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]};
        }"""
    )
    expected = SCHEMES[scheme]
    dark = scheme == "dark"
    wrong_scheme = found["scheme"] is not None and found["scheme"] != expected
    if wrong_scheme or (found["luminance"] > 0.1 if dark else found["luminance"] < 0.7):
        return [
            f"{page}: the {scheme} palette did not apply (data-md-color-scheme={found['scheme']!r}, "
            f"background luminance {found['luminance']:.2f})"
        ]
    return []


AXE_RUN = """async ([tags, selectors]) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                            resultTypes: ["violations"], selectors});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: selectors ? n.target.join(" ") : "",
                                  summary: (n.failureSummary || "").split("\\n").slice(1).join(" ").trim()}))
    }));
}"""


async def axe_problems(tab: Any, page: str, label: str = "") -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; one problem per element.

    axe runs without building CSS selectors for the elements it checks (a good part of its time),
    and again with them only when it finds a violation, to name the elements."""
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run `make node_modules`")
    if not await tab.evaluate("() => typeof window.axe === 'object'"):
        await tab.add_script_tag(url=_origin(tab.url) + AXE_URL)
    violations = await tab.evaluate(AXE_RUN, [AXE_TAGS, False])
    if violations:
        violations = await tab.evaluate(AXE_RUN, [AXE_TAGS, True])
    where = f" [{label}]" if label else ""
    problems = []
    for violation in violations:
        for node in violation["nodes"][:8]:
            problems.append(
                f"{page}{where}: axe {violation['id']} ({violation['impact']}): {violation['help']}: "
                f"{node['target']}: {node['summary']}"
            )
        if len(violation["nodes"]) > 8:
            problems.append(f"{page}{where}: axe {violation['id']}: and {len(violation['nodes']) - 8} more elements")
    return problems


@dataclass
class PageReport:
    """What the browser found on one page: load problems, and axe problems per palette."""

    load: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=lambda: {scheme: [] for scheme in SCHEMES})


async def shown_scheme(tab: Any) -> str:
    """The palette a page shows: Material's attribute, or else the emulated colour scheme."""
    return str(
        await tab.evaluate(
            """() => {
            const scheme = document.body && document.body.getAttribute("data-md-color-scheme");
            if (scheme) return scheme === "slate" ? "dark" : "light";
            return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
        }"""
        )
    )


async def set_scheme(tab: Any, scheme: str) -> None:
    """Switch a shown page to a palette: emulate prefers-color-scheme, and on a Material page click
    Material's palette toggle (which also stores the choice, localStorage `__palette`)."""
    await tab.emulate_media(color_scheme=scheme)
    toggle = tab.locator('[data-md-component="palette"] label:visible')
    for _ in range(len(SCHEMES)):
        if await tab.evaluate("() => !document.body.hasAttribute('data-md-color-scheme')"):
            break
        if await shown_scheme(tab) == scheme:
            break
        await toggle.first.click()
    await tab.wait_for_function(SETTLED)


async def audit_page(tab: Any, base_url: str, page: str, *, width_first: bool) -> PageReport:
    """Load a page once and run axe at desktop and phone width in both palettes, changing one of
    width (the tab is resized) or palette at a time. The page loads at the width and in the palette
    the previous page ended with, so that pages load in every combination in turn."""
    report = PageReport()
    watch = await goto(tab, base_url, page)
    try:
        await tab.add_style_tag(content=NO_TRANSITIONS)
        width = tab.viewport_size
        scheme = await shown_scheme(tab)
        other_width = PHONE if width == DESKTOP else DESKTOP
        other_scheme = "dark" if scheme == "light" else "light"
        if width_first:
            steps = [(width, scheme), (other_width, scheme), (other_width, other_scheme), (width, other_scheme)]
        else:
            steps = [(width, scheme), (width, other_scheme), (other_width, other_scheme), (other_width, scheme)]
        for viewport, wanted in steps:
            if tab.viewport_size != viewport:
                await tab.set_viewport_size(viewport)
            if await shown_scheme(tab) != wanted:
                await set_scheme(tab, wanted)
            await tab.wait_for_function(SETTLED)
            label = f"{'phone' if viewport['width'] < 600 else 'desktop'} {viewport['width']}px, {wanted}"
            problems = await color_scheme_problems(tab, page, wanted)
            report.axe[wanted] += [f"{problem} [{label}]" for problem in problems]
            report.axe[wanted] += await axe_problems(tab, page, label)
        await watch.settle()
    finally:
        report.load = watch.stop()
    return report


@functools.cache
def _empty_search_index(path: Path) -> str:
    index = json.loads(path.read_text(encoding="utf-8"))
    return json.dumps({**index, "docs": []})


async def stub_search_index(context: Any, base_url: str, folder: Path) -> None:
    """Answer each page's request for its search index (search/search_index.json) with the real
    file's configuration and no documents, when the file exists (else the server's 404 stands).

    Material's search worker builds a full-text index from that file, which costs more than the rest
    of the page. Pages ask for it only once the search is opened or from a search result (`?h=`; see
    overrides/main.html), which the audit does not do; should a page ask for it as it loads, the
    request is still made and checked, and answered cheaply. The search tests use the real index."""

    async def handler(route: Any) -> None:
        path = urlsplit(route.request.url).path
        file = folder / unquote(path).lstrip("/")
        if route.request.url.startswith(base_url) and file.is_file():
            await route.fulfill(status=200, content_type="application/json", body=_empty_search_index(file))
        else:
            await route.continue_()

    await context.route("**/search/search_index.json", handler)


async def audit_pages(
    browser: Any, base_url: str, pages: list[str], *, folder: Path | None = None, lanes: int = 2
) -> dict[str, PageReport]:
    """Every page, each loaded once, at desktop and phone widths in light and dark palettes, in
    `lanes` tabs at once (each in its own browser context, so that palettes do not mix). With the
    served `folder`, search indexes are stubbed (see stub_search_index)."""
    queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
    for number, page in enumerate(pages):
        queue.put_nowait((number, page))
    reports: dict[str, PageReport] = {}

    async def lane() -> None:
        context = await new_context(browser)
        if folder is not None:
            await stub_search_index(context, base_url, folder)
        tab = await context.new_page()
        try:
            while not queue.empty():
                number, page = queue.get_nowait()
                reports[page] = await audit_page(tab, base_url, page, width_first=number % 2 == 0)
        finally:
            await context.close()

    await asyncio.gather(*(lane() for _ in range(max(1, min(lanes, len(pages))))))
    return {page: reports[page] for page in pages}


# --- Valid HTML -------------------------------------------------------------------------------


def html_problems(folder: Path) -> list[str]:
    """Errors of the Nu HTML Checker (vnu.jar) over every HTML file of a folder, in one run."""
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `make node_modules`")
    if shutil.which(JAVA) is None:
        raise RuntimeError(f"no `{JAVA}` on PATH: install a Java runtime (see .ci/run)")
    command = [JAVA, "-jar", str(VNU_JAR), "--skip-non-html", "--format", "json", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"{folder}: vnu.jar failed (exit {result.returncode}): {result.stderr.strip()[:2000]}"]
    problems = []
    root = folder.resolve()
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        url = message.get("url", "")
        where = url
        if url.startswith("file:"):  # vnu writes file:/abs/path
            path = Path(unquote(urlsplit(url).path))
            where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        line = message.get("lastLine")
        extract = " ".join(message.get("extract", "").split())
        problems.append(
            f"{where}{f':{line}' if line else ''}: invalid HTML: {message.get('message', '')}"
            + (f" [{extract[:120]}]" if extract else "")
        )
    if result.returncode != 0 and not problems:
        problems.append(f"{folder}: vnu.jar exited with {result.returncode}: {result.stderr.strip()[:2000]}")
    return problems


# --- Links ------------------------------------------------------------------------------------

LINK_ATTRIBUTES = {
    "a": ["href"],
    "area": ["href"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "script": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "input": ["src"],
    "form": ["action"],
    "use": ["href", "xlink:href"],
    "image": ["href", "xlink:href"],
    "blockquote": ["cite"],
    "q": ["cite"],
}
SAFE_SCHEMES = {"data"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)
_MAILBOX = re.compile(r"^[^@\s/]+@([^@\s/]+)$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]*$")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        line = self.getpos()[0]
        for name in LINK_ATTRIBUTES.get(tag, []):
            if name not in values:
                continue
            if name == "srcset":
                for candidate in values[name].split(","):
                    if candidate.strip():
                        self.links.append((line, candidate.split()[0]))
            else:
                self.links.append((line, values[name].strip()))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content", ""), re.IGNORECASE)
            if match:
                self.links.append((line, match.group(1).strip()))


@functools.lru_cache(maxsize=4096)
def _parse(path: Path, mtime: float) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def _parsed(path: Path) -> _PageParser:
    return _parse(path, path.stat().st_mtime)


def external_form_problem(url: str) -> str | None:
    """Why an external URL (http, https, mailto, tel) is malformed, or None if it is well formed."""
    if any(character.isspace() for character in url):
        return "contains white space"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in {"http", "https"}:
        host = parts.hostname or ""
        if not host:
            return "has no host"
        try:
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError:
            return "has a bad port"
        labels = host.rstrip(".").split(".")
        if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
            return f"has a malformed host {host!r}"
        if labels[-1].isdigit():
            return "has a numeric host"
        return None
    if scheme == "mailto":
        address = unquote(parts.path)
        match = _MAILBOX.match(address)
        if not match or "." not in match.group(1):
            return f"has a malformed address {address!r}"
        return None
    if scheme == "tel":
        return None if _PHONE.match(unquote(parts.path)) else "has a malformed number"
    return f"has an unexpected scheme {scheme!r}"


def collect_links(folder: Path, *, include_404: bool = True) -> Iterator[tuple[str, int, str]]:
    """(page, line, URL as written) for every link and resource reference of every HTML page."""
    for page in html_pages(folder, include_404=include_404):
        for line, url in _parsed(folder / page).links:
            yield page, line, url


def is_external(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme.lower() in EXTERNAL_SCHEMES


def link_problems(folder: Path, *, include_404: bool = True) -> list[str]:
    """Broken internal links and anchors, and malformed external links, across a built folder.

    Internal URLs resolve against the folder as a web server would serve it from its root (a
    directory URL means its index.html); a #fragment must be an id (or <a name>) of the target."""
    folder = folder.resolve()
    base = "http://site.invalid/"
    problems = []
    for page, line, url in collect_links(folder, include_404=include_404):
        where = f"{page}:{line}"
        scheme = urlsplit(url).scheme.lower()
        if url.startswith("//") or scheme in EXTERNAL_SCHEMES:
            problem = external_form_problem(("https:" + url) if url.startswith("//") else url)
            if problem:
                problems.append(f"{where}: malformed external link {url!r}: it {problem}")
            continue
        if scheme in SAFE_SCHEMES:
            continue
        if scheme:
            problems.append(f"{where}: link {url!r} has an unexpected scheme {scheme!r}")
            continue
        target = urlsplit(urljoin(base + page, url))
        path = unquote(target.path)
        if target.netloc != "site.invalid" or not path.startswith("/"):
            problems.append(f"{where}: link {url!r} does not resolve inside the site")
            continue
        file = folder / path.lstrip("/")
        try:
            file.resolve().relative_to(folder)
        except ValueError:
            problems.append(f"{where}: link {url!r} points outside the site folder")
            continue
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            problems.append(f"{where}: broken link {url!r}: no {file.relative_to(folder).as_posix()} in the build")
            continue
        fragment = unquote(target.fragment)
        if fragment and fragment != "top" and file.suffix == ".html" and fragment not in _parsed(file).anchors:
            problems.append(
                f"{where}: broken anchor {url!r}: {file.relative_to(folder).as_posix()} has no id {fragment!r}"
            )
    return problems


# --- Reproducibility --------------------------------------------------------------------------


def tree_differences(first: Path, second: Path) -> list[str]:
    """Files that are in one tree only or whose bytes differ, as relative paths."""

    def files(root: Path) -> dict[str, Path]:
        return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}

    a, b = files(first), files(second)
    problems = [f"{name}: only in the first build" for name in sorted(a.keys() - b.keys())]
    problems += [f"{name}: only in the second build" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        if a[name].read_bytes() != b[name].read_bytes():
            problems.append(f"{name}: differs between two builds with the same SOURCE_DATE_EPOCH")
    return problems
