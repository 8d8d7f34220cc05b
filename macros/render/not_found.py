"""The text of an edition's 404 page.

An address that leads nowhere says nothing of the reader's language, and the edition writes one 404
page for all its languages: the page therefore says "page not found" in each of them, each line in
its own language and direction, with a link to that language's home page.
"""

from __future__ import annotations

from babel import Locale
from markupsafe import Markup

from ..html import render_template
from ..model import Text


def render_not_found(labels: dict[str, Text], languages: list[str], home: str) -> Markup:
    """HTML for the 404 page's content: the first language (the default) as the page's heading, the
    others after it. `home` is the URL of the edition's home page, ending in "/"; each other
    language's home is the folder named by its code below it. A language without its own texts is
    left out: the default language's lines stand for it."""
    default, *others = languages
    title, link = labels["not_found_title"], labels["not_found_home"]
    sections = [
        {"code": code, "direction": Locale.parse(code).text_direction, "title": title[code], "link": link[code]}
        for code in others
        if code in title and code in link
    ]
    return render_template(
        "not_found.html", default=default, title=title[default], link=link[default], home=home, sections=sections
    )
