"""What a render function needs to know about the page it renders for, passed explicitly."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date

from .data_markdown import DataMarkdown
from .dataset import Dataset
from .model import LANGUAGES


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source page, relative to the site: `areas/x.md` → `areas/x/`.

    A translation (`guides/index.fr.md`) sits where its English page sits, in its language's folder."""
    stem = src_uri.removesuffix(".md")
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES:
        stem = base
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
        return folder if directory_urls else f"{folder}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


@dataclass(frozen=True)
class RenderContext:
    """The data set, the page's language and path, the edition, the build date and how URLs look."""

    data: Dataset
    lang: str = "en"
    page_path: str = "index.md"
    edition: str = "wco"
    today: date = date(2026, 1, 1)
    directory_urls: bool = True
    markdown: DataMarkdown = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    """The converter of data texts, with this language's acronyms; made from the data when not given."""

    def __post_init__(self) -> None:
        if self.markdown is None:
            object.__setattr__(self, "markdown", DataMarkdown(self.data.abbreviations(self.lang)))

    def link(self, target: str, anchor: str = "") -> str:
        """The URL of another source page (`workplan.md`), relative to this page, as the browser needs it."""
        here = page_url(self.page_path, self.directory_urls)
        folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        url = page_url(target, self.directory_urls)
        relative = posixpath.relpath(url or ".", folder.rstrip("/") or ".")
        if url.endswith("/") or not url:
            relative = "./" if relative == "." else relative + "/"
        return f"{relative}#{anchor}" if anchor else relative

    @property
    def partner_order(self) -> tuple[str, str]:
        """The edition's own organization first."""
        return ("ippc", "wco") if self.edition == "ippc" else ("wco", "ippc")
