"""The text of an edition's 404 page.

An address that leads nowhere says nothing of the reader's language, and the edition writes one 404
page for all its languages: the page therefore says "page not found" in each of them, each line in
its own language and direction, with a link to that language's home page.
"""

from __future__ import annotations

import html

from babel import Locale

from ..model import Text


def render_not_found(labels: dict[str, Text], languages: list[str], home: str) -> str:
    """HTML for the 404 page's content: the first language (the default) as the page's heading, the
    others after it. `home` is the edition's home URL, ending in "/". A language without its own
    texts is left out: the default language's lines stand for it."""
    default, *others = languages
    title, link = labels["not_found_title"], labels["not_found_home"]
    parts = [
        f"<h1>{html.escape(title[default])}</h1>",
        f'<p><a href="{html.escape(home)}" hreflang="{default}">{html.escape(link[default])}</a></p>',
    ]
    for code in others:
        if code not in title or code not in link:
            continue
        direction = Locale.parse(code).text_direction
        href = html.escape(f"{home}{code}/")
        parts.append(
            f'<section lang="{code}" dir="{direction}">'
            f"<h2>{html.escape(title[code])}</h2>"
            f'<p><a href="{href}" hreflang="{code}">{html.escape(link[code])}</a></p>'
            "</section>"
        )
    return "\n".join(parts)
