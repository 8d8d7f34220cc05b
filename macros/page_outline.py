"""A page's outline read from its HTML: the table of contents and the title.

Generated content reaches a page as finished HTML, which Python-Markdown keeps as it is, so its
headings are not seen by the toc extension. MkDocs' outline is therefore read again from the page's
HTML, where Markdown and generated headings stand together, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Any

_SPACES = re.compile(r"[ \t\n\r\f\v]+")

_HEADING = re.compile(r"^h([1-6])$")


@dataclass
class Heading:
    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)

    def token(self) -> dict[str, Any]:
        """The form of Python-Markdown's toc tokens, which `mkdocs.structure.toc.get_toc` reads."""
        return {
            "level": self.level,
            "id": self.id,
            "name": escape(self.text),
            "children": [c.token() for c in self.children],
        }


def _left_out(tag: str, values: dict[str, str | None]) -> bool:
    """Parts of a heading that are not its title: the permalink's "¶", the preview's status badge."""
    classes = (values.get("class") or "").split()
    return (tag == "a" and "headerlink" in classes) or (tag == "span" and "status-to-confirm" in classes)


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: Heading | None = None
        self._skip = 0  # inside a permalink, whose "¶" is not part of the title

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        match = _HEADING.match(tag)
        if match:
            self._open = Heading(int(match.group(1)), values.get("id") or "", "")
        elif self._open and (_left_out(tag, values) or self._skip):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag in ("a", "span"):
            self._skip -= 1
        elif self._open and _HEADING.match(tag):
            # ASCII whitespace only: a French no-break space before ":" must survive.
            self._open.text = _SPACES.sub(" ", self._open.text).strip(" ")
            self.found.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip:
            self._open.text += data


_HEADING_ELEMENT = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1\s*>", re.S | re.I)


def headings(html: str) -> list[Heading]:
    """Every heading of the page, in order, flat. Only the headings are parsed (a regular expression
    finds them; they do not nest): parsing a whole long page would cost more than the page itself."""
    parser = _Headings()
    parser.feed("".join(match.group(0) for match in _HEADING_ELEMENT.finditer(html)))
    parser.close()
    return parser.found


def outline(html: str) -> list[dict[str, Any]]:
    """The headings that have an id, nested by level as the toc extension nests them."""
    roots: list[Heading] = []
    stack: list[Heading] = []
    for heading in headings(html):
        if not heading.id:
            continue
        heading = Heading(heading.level, heading.id, heading.text)
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    return [heading.token() for heading in roots]


def title(html: str) -> str | None:
    """The text of the page's first `<h1>`, which MkDocs uses as the page's title."""
    for heading in headings(html):
        if heading.level == 1:
            return heading.text
    return None
