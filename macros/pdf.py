"""The PDF leaflet of each guide, in each built language: made after the MkDocs builds, from the
built HTML page itself, with WeasyPrint and the site's print stylesheet.

A guide page says it wants a PDF with `data-guide-pdf="<file name>"` (macros/render/guides.py);
`write_guide_pdfs` finds every such page under a site folder and writes the PDF beside its HTML
file, which is where the page's own link to it points.

PDFs are cached between builds (`.cache/pdf/`, git-ignored; PDF_CACHE_DIR names another folder):
a PDF is named by the SHA-256 of everything that makes it: the printed HTML, the bytes of its
stylesheets, this module's code, the versions of WeasyPrint and its libraries, and the fonts
installed. Any other file WeasyPrint reads while rendering (a picture, a font of a stylesheet) is
listed with its own hash beside the PDF, and a cached PDF is used only while they are unchanged.
So a guide page whose HTML did not change costs a copy, and a cached PDF is never stale.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .render.guides import PDF_MARKER

_MARKER = re.compile(rf'{PDF_MARKER}="([A-Za-z0-9._-]+\.pdf)"')
_RELATIVE_LINK = re.compile(r'(<a\b[^>]*?)\shref="(?!https?:|mailto:|#)[^"]*"')
_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>')
_HREF = re.compile(r'\bhref="([^"?#]+)')

_parsed: dict[Path, Any] = {}
"""Stylesheets parsed once per process: every page of an edition links the same ones."""

ROOT = Path(__file__).resolve().parent.parent
CACHE_FORMAT = "guide-pdf-1"
"""Changed when what a cache entry holds changes: every earlier entry is then missed."""
CACHE_LIBRARIES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools", "pillow", "cffi")
CACHE_PRUNE_DAYS = 30
"""Cache entries not used by any build for this long are removed."""


def cache_dir() -> Path:
    """The PDF cache: PDF_CACHE_DIR if set, else .cache/pdf/ in the project folder."""
    return Path(os.environ.get("PDF_CACHE_DIR") or ROOT / ".cache" / "pdf")


def _pango_version() -> str:
    try:
        return str(ctypes.CDLL("libpango-1.0.so.0").pango_version())
    except OSError:  # another system: WeasyPrint finds its pango otherwise; the fonts still count
        return "unknown"


@cache
def renderer_fingerprint() -> str:
    """What renders every PDF the same way: the library versions, pango's, and the installed fonts
    (each file with its version), and this module's code (how the page is printed)."""
    parts = [CACHE_FORMAT, Path(__file__).read_text(encoding="utf-8"), f"pango {_pango_version()}"]
    for name in CACHE_LIBRARIES:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} -")
    try:
        fonts = subprocess.run(
            ["fc-list", "--format", "%{file}|%{fontversion}|%{style}\\n"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        fonts = "no fc-list"
    parts.append("\n".join(sorted(fonts.splitlines())))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def find_guide_pages(site_dir: Path) -> list[tuple[Path, str]]:
    """Every built page that asks for a PDF, with the PDF's file name, in path order."""
    pages = []
    marker = PDF_MARKER.encode()
    for page in sorted(site_dir.rglob("*.html")):
        content = page.read_bytes()
        if marker not in content:
            continue
        match = _MARKER.search(content.decode("utf-8"))
        if match:
            pages.append((page, match.group(1)))
    return pages


def _printable(html: str) -> str:
    """The page as printed: links to other pages of the site lose their address, which in a PDF would
    point into the build folder; links out of the site and within the page keep theirs."""
    return _RELATIVE_LINK.sub(r"\1", html)


def _stylesheets(html: str, page: Path) -> tuple[str, list[Any]]:
    """The page without its stylesheet links, and those stylesheets, parsed (half the time of a PDF
    is parsing them), in the page's order."""
    from weasyprint import CSS

    sheets = []
    for link in _STYLESHEET.findall(html):
        href = _HREF.search(link)
        path = (page.parent / href.group(1)).resolve() if href else None
        if path is None or not path.is_file():
            return html, []  # a stylesheet outside the site: let WeasyPrint load them all as linked
        if path not in _parsed:
            _parsed[path] = CSS(filename=path, url_fetcher=_fetcher())
        sheets.append(_parsed[path])
    return _STYLESHEET.sub("", html), sheets


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_key(page: Path) -> str:
    """The cache name of the page's PDF: the printed HTML, its stylesheets' bytes (in order), and
    the renderer (see `renderer_fingerprint`). Files read while rendering are checked on use."""
    html = _printable(page.read_text(encoding="utf-8"))
    digest = hashlib.sha256()
    for part in (renderer_fingerprint(), html):
        digest.update(part.encode("utf-8") + b"\0")
    for link in _STYLESHEET.findall(html):
        href = _HREF.search(link)
        path = (page.parent / href.group(1)).resolve() if href else None
        digest.update((_file_digest(path) if path is not None and path.is_file() else f"missing {link}").encode())
    return digest.hexdigest()


def _resources_unchanged(manifest: Path, page: Path) -> bool:
    """Whether every file WeasyPrint read for the cached PDF (other than the page and its
    stylesheets, which are in the key) still has the bytes it had; paths relative to the page."""
    try:
        resources: dict[str, str] = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    for relative, digest in resources.items():
        path = page.parent / relative
        if not path.is_file() or _file_digest(path) != digest:
            return False
    return True


def cached_pdf(page: Path, key: str, cache: Path) -> Path | None:
    """The cached PDF of this page, if there is one and it is still valid."""
    pdf = cache / f"{key}.pdf"
    if pdf.is_file() and _resources_unchanged(cache / f"{key}.json", page):
        return pdf
    return None


_reading: list[Callable[[Path], None]] = []
"""Told each local file WeasyPrint fetches while the current page renders."""


@cache
def _fetcher() -> Any:
    """WeasyPrint's URL fetcher, telling `_reading` each local file it reads."""
    from weasyprint.urls import URLFetcher

    class RecordingFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                for read in _reading:
                    read(Path(unquote(urlsplit(url).path)))
            return super().fetch(url, headers)

    return RecordingFetcher()


def render_pdf(page: Path, target: Path, read: Callable[[Path], None] | None = None) -> Path:
    """One page to one PDF. Reproducible: the identifier is derived from the page's content.
    `read` is told each file WeasyPrint fetches by itself (pictures, fonts of stylesheets)."""
    _reading[:] = [read] if read is not None else []
    try:
        return _render_pdf(page, target)
    finally:
        _reading.clear()


def _render_pdf(page: Path, target: Path) -> Path:
    from weasyprint import HTML  # imported here: loading it costs about a second

    html = _printable(page.read_text(encoding="utf-8"))
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode()
    html, stylesheets = _stylesheets(html, page)
    document = HTML(string=html, base_url=page.as_uri(), media_type="print", url_fetcher=_fetcher())
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    document.write_pdf(partial, stylesheets=stylesheets, pdf_identifier=identifier)
    partial.replace(target)
    return target


def render_cached(page: Path, target: Path, cache: Path | None = None) -> Path:
    """The page's PDF at `target`: copied from the cache when the page's PDF is there and valid,
    else rendered and put into the cache."""
    cache = cache_dir() if cache is None else cache
    key = cache_key(page)
    found = cached_pdf(page, key, cache)
    if found is not None:
        shutil.copyfile(found, target)
        os.utime(found)  # used: kept by the pruning
        return target
    read: set[Path] = set()
    render_pdf(page, target, read.add)
    cache.mkdir(parents=True, exist_ok=True)
    resources = {}
    for path in sorted(read):
        if path.is_file() and path != page:
            resources[os.path.relpath(path, page.parent)] = _file_digest(path)
    for name, content in ((f"{key}.json", json.dumps(resources, sort_keys=True).encode()), (f"{key}.pdf", None)):
        partial = cache / f"{name}.{os.getpid()}.part"
        if content is None:
            shutil.copyfile(target, partial)
        else:
            partial.write_bytes(content)
        partial.replace(cache / name)  # the manifest first: a PDF is never there without it
    return target


def prune_cache(cache: Path, days: int = CACHE_PRUNE_DAYS) -> None:
    """Remove the cache entries that no build used for `days` days."""
    if not cache.is_dir():
        return
    limit = time.time() - days * 86400
    for pdf in cache.glob("*.pdf"):
        if pdf.stat().st_mtime < limit:
            pdf.unlink(missing_ok=True)
            pdf.with_suffix(".json").unlink(missing_ok=True)


def _render(job: tuple[Path, Path, Path]) -> Path:
    return render_cached(*job)


def write_guide_pdfs(site_dir: Path, cache: Path | None = None) -> list[Path]:
    """Write the PDF of every guide page under `site_dir` beside its HTML, from the cache where it
    holds them, the others side by side (one process per core); return the PDFs written."""
    cache = cache_dir() if cache is None else cache
    jobs = [(page, page.with_name(name), cache) for page, name in find_guide_pages(site_dir)]
    written = []
    missing = []
    for page, target, _ in jobs:
        found = cached_pdf(page, cache_key(page), cache)
        if found is None:
            missing.append((page, target, cache))
        else:
            shutil.copyfile(found, target)
            os.utime(found)
            written.append(target)
    workers = min(len(missing), os.cpu_count() or 1)
    if workers == 1:
        written += [_render(job) for job in missing]
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            written += list(pool.map(_render, missing))
    prune_cache(cache)
    return sorted(written)


def directory_url_page(page: Path) -> Path:
    """Where a page of a build without directory URLs (`guides/ephyto.html`) sits in a build with
    them (`guides/ephyto/index.html`)."""
    return page if page.name == "index.html" else page.with_suffix("") / "index.html"


def copy_guide_pdfs(site_dir: Path, copy_dir: Path) -> list[Path]:
    """Give another build of the same edition without directory URLs (the offline copy) the PDFs
    already made for `site_dir`; a PDF not made yet is rendered."""
    written = []
    missing = []
    for page, name in find_guide_pages(copy_dir):
        target = page.with_name(name)
        made = directory_url_page(site_dir / page.relative_to(copy_dir)).with_name(name)
        if made.is_file():
            shutil.copyfile(made, target)
            written.append(target)
        else:
            missing.append((page, target))
    written += [render_cached(page, target) for page, target in missing]
    return written
