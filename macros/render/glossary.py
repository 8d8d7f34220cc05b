"""The glossary: every acronym on the site, with its expansion."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..context import RenderContext
from ..html import render_template
from ..text import anchor, label, plain, status_badge, t
from .sources import render_sources


def render_glossary(ctx: RenderContext) -> Markup:
    """Every term as a `<dt id="term-…">`, which other pages link to, sorted as a reader looks it up."""
    terms = sorted(ctx.data.glossary, key=lambda term: plain(term.term, ctx).casefold())
    items = [
        {
            "id": anchor("term", term.id),
            "term": t(term.term, ctx),
            "badge": status_badge(term, ctx),
            "expansion": t(term.expansion, ctx),
            "details": t(term.details, ctx),
            "sources": render_sources(term.source, ctx),
        }
        for term in terms
    ]
    return render_template("glossary.html", terms=items, empty_label=label("no_terms", ctx))


def abbreviations(ctx: RenderContext) -> str:
    """Markdown abbreviation definitions (`*[WCO]: World Customs Organization`) for every page."""
    lines = []
    for term in ctx.data.glossary:
        lines.append(f"*[{plain(term.term, ctx)}]: {plain(term.expansion, ctx)}")
    return "\n".join(lines)


_LINK_OR_ABBREVIATION = re.compile(r"<a\b|</a>|<abbr title=")


def focusable_abbreviations(html: str) -> str:
    """`<abbr tabindex="0">` so that keyboard users get the expansion on focus as others do on hover;
    not inside a link, which takes the focus itself (and may not contain a focusable element)."""
    depth = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal depth
        token = match.group()
        if token == "<a":
            depth += 1
        elif token == "</a>":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return '<abbr tabindex="0" title='
        return token

    return _LINK_OR_ABBREVIATION.sub(replace, html)
