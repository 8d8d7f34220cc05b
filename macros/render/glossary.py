"""The glossary: every acronym on the site, with its expansion."""

from __future__ import annotations

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
