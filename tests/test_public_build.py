"""What the public build shows and what it leaves out, measured on the built pages: sources cited
are official, records to confirm appear only in the preview, with their badge."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from macros.dataset import load_dataset
from macros.editorial import awaiting_confirmation
from macros.model import Event

from .conftest import ROOT

SOURCE_CLASSES = {"source", "guide-sources"}


class _SourceLinks(HTMLParser):
    """The addresses of the links inside the elements that cite sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.stack: list[bool] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return
        citing = bool(SOURCE_CLASSES & set((values.get("class") or "").split()))
        self.stack.append(citing)
        if citing:
            self.depth += 1
        if tag == "a" and self.depth and (values.get("href") or "").startswith(("http://", "https://")):
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr") or not self.stack:
            return
        if self.stack.pop():
            self.depth -= 1


def test_every_source_cited_on_a_public_page_is_official(built_site: Path) -> None:
    data = load_dataset(ROOT / "data")
    cited = 0
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        parser = _SourceLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        cited += len(parser.links)
        problems += [f"{page.relative_to(built_site)}: {url}" for url in parser.links if not data.is_official(url)]
    assert cited > 100, f"only {cited} source links found: has the markup of citations changed?"
    assert not problems, "\n".join(problems[:20])


def test_a_record_to_confirm_is_only_in_the_preview_with_its_badge(built_site: Path, preview_site: Path) -> None:
    waiting = [record for _, record in awaiting_confirmation(load_dataset(ROOT / "data")) if isinstance(record, Event)]
    assert waiting, "no event awaits confirmation in data/: nothing to test"
    public_pages = {page: page.read_text("utf-8") for page in built_site.rglob("*.html")}
    for event in waiting:
        marker = f'id="event-{event.id}"'
        public = [page for page, html in public_pages.items() if marker in html]
        assert not public, f"{event.id} is on public pages: {public[:3]}"
        shown = [
            page.read_text("utf-8")
            for page in (preview_site / "wco").glob("events/**/index.html")
            if marker in page.read_text("utf-8")
        ]
        assert shown, f"{event.id} is not in the preview"
        heading = re.search(rf"<h\d {marker}>(.*?)</h\d>", shown[0], re.S)
        assert heading and 'class="status-to-confirm"' in heading.group(1), f"{event.id} has no badge"
