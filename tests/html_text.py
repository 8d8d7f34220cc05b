"""Reading rendered HTML in tests: its text as a reader sees it, its elements, and whether it is inert."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

EVENT_HANDLER = re.compile(r"""<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*?\son[a-z]+\s*=""", re.I)
"""An `on…=` attribute in a tag, read as a browser does: not inside a quoted attribute value, and
not in text (`{: onclick="x"}` shown as text is inert)."""


HOSTILE_TEXTS = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    '*x*{: onclick="alert(1)"}',
    '"><img src=x onerror=alert(1)>',
)
"""Texts a hostile editor could put in data/: each must come out as inert text."""

HOSTILE_URL = 'https://a.example/"><script>alert(1)</script>'
"""A URL value that would close its attribute if it were not escaped."""

ESCAPED_HOSTILE_LINK = '<a href="https://a.example/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'
"""HOSTILE_URL as it must come out: escaped, inside the attribute."""


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str | None]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(str(html))
    reader.close()
    return reader


def text_of(html: str) -> str:
    """The text without its tags, entities decoded and white space collapsed (the permalinks' ¶ kept)."""
    return " ".join("".join(_read(html).text).split())


def elements(html: str, tag: str | None = None) -> list[Element]:
    """Every element (or every `tag`), in document order, with its attributes decoded."""
    return [element for element in _read(html).elements if tag is None or element.tag == tag]


def ids(html: str) -> list[str]:
    return [str(element.attrs["id"]) for element in elements(html) if element.attrs.get("id")]


def inert_problems(html: str) -> list[str]:
    """What in `html` could run script or load something: script-like elements, `on*` attributes,
    links whose target is not http, https, mailto, tel, relative or a fragment."""
    problems = []
    for element in elements(html):
        if element.tag in {"script", "img", "svg", "iframe", "object", "embed", "style", "base", "meta", "link"}:
            problems.append(f"<{element.tag}> element")
        for name, value in element.attrs.items():
            if name.startswith("on") or name == "style":
                problems.append(f"{name}= on <{element.tag}>")
            if name in {"href", "src", "action", "formaction"} and value is not None:
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value.split("/", 1)[0] else ""
                if scheme not in {"", "http", "https", "mailto", "tel"}:
                    problems.append(f"{name}={value!r} on <{element.tag}>")
    return problems
