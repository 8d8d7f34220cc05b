"""Checks of generated HTML shared by the render tests: what it contains, and that data in it is inert."""

from __future__ import annotations

from html.parser import HTMLParser

HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) [y](JaVaScRiPt&#58;alert(2)) "
    '*t*{: onclick="x"} "><img src=x onerror=alert(1)>'
)
"""A data text as a hostile editor writes it: raw HTML, script links, an attribute list, a broken-out attribute."""


class Elements(HTMLParser):
    """Every start tag of a fragment with its attributes, in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def elements(html: str, tag: str | None = None) -> list[tuple[str, dict[str, str | None]]]:
    return [(name, attrs) for name, attrs in Elements(html).found if tag is None or name == tag]


def assert_inert(html: str) -> None:
    """No script, image or event handler, no link but http(s), mailto and the site's own; HOSTILE shown as text."""
    for tag, attrs in Elements(html).found:
        assert tag not in {"script", "img", "iframe", "object", "embed", "style", "base", "meta"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in {"href", "src"} and value:
                scheme = value.split(":", 1)[0].strip().lower() if ":" in value.split("/", 1)[0] else ""
                assert scheme in {"", "http", "https", "mailto"}, (tag, name, value)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as typed
