"""What a render function needs to know about the page it renders for, passed explicitly."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from .dataset import Dataset


@dataclass(frozen=True)
class RenderContext:
    """The data set, the page's language and path, the edition and the build date."""

    data: Dataset
    lang: str = "en"
    page_path: str = "index.md"
    edition: str = "wco"
    today: date = date(2026, 1, 1)

    def link(self, target: str, anchor: str = "") -> str:
        """A link to another source page (`workplan.md`), relative to this page, as MkDocs wants it."""
        here = posixpath.dirname(self.page_path)
        relative = posixpath.relpath(target, here or ".")
        return f"{relative}#{anchor}" if anchor else relative

    @property
    def partner_order(self) -> tuple[str, str]:
        """The edition's own organization first."""
        return ("ippc", "wco") if self.edition == "ippc" else ("wco", "ippc")
