"""The PDF leaflet of each guide, in each built language: made after the MkDocs builds, from the
built HTML page itself, with WeasyPrint and the site's print stylesheet.

A guide page says it wants a PDF with `data-guide-pdf="<file name>"` (macros/render/guides.py);
`write_guide_pdfs` finds every such page under a site folder and writes the PDF beside its HTML
file, which is where the page's own link to it points.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .render.guides import PDF_MARKER

_MARKER = re.compile(rf'{PDF_MARKER}="([A-Za-z0-9._-]+\.pdf)"')
_RELATIVE_LINK = re.compile(r'(<a\b[^>]*?)\shref="(?!https?:|mailto:|#)[^"]*"')
_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*>')
_HREF = re.compile(r'\bhref="([^"?#]+)')

_parsed: dict[Path, Any] = {}
"""Stylesheets parsed once per process: every page of an edition links the same ones."""


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
            _parsed[path] = CSS(filename=path)
        sheets.append(_parsed[path])
    return _STYLESHEET.sub("", html), sheets


def render_pdf(page: Path, target: Path) -> Path:
    """One page to one PDF. Reproducible: the identifier is derived from the page's content."""
    from weasyprint import HTML  # imported here: loading it costs about a second

    html = _printable(page.read_text(encoding="utf-8"))
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode()
    html, stylesheets = _stylesheets(html, page)
    document = HTML(string=html, base_url=page.as_uri(), media_type="print")
    partial = target.with_name(target.name + ".part")
    document.write_pdf(partial, stylesheets=stylesheets, pdf_identifier=identifier)
    partial.replace(target)
    return target


def _render(job: tuple[Path, Path]) -> Path:
    return render_pdf(*job)


def write_guide_pdfs(site_dir: Path) -> list[Path]:
    """Write the PDF of every guide page under `site_dir` beside its HTML; return the PDFs written."""
    jobs = [(page, page.with_name(name)) for page, name in find_guide_pages(site_dir)]
    if not jobs:
        return []
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers == 1:
        return [_render(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_render, jobs))


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
    written += [_render(job) for job in missing]
    return written
