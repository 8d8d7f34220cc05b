"""The glossary: every acronym on the site, with its expansion."""

from __future__ import annotations

from ..context import RenderContext
from ..text import anchor, label, plain, t
from .sources import render_sources


def render_glossary(ctx: RenderContext) -> str:
    terms = sorted(ctx.data.glossary, key=lambda term: plain(term.term, ctx).casefold())
    lines = []
    for term in terms:
        note = f" {t(term.note, ctx)}" if term.note else ""
        lines += [
            f'<span id="{anchor("term", term.id)}"></span>{t(term.term, ctx)}',
            f":   {t(term.expansion, ctx)}.{note} {render_sources(term.source, ctx)}",
            "",
        ]
    return "\n".join(lines) if lines else label("no_terms", ctx)


def abbreviations(ctx: RenderContext) -> str:
    """Markdown abbreviation definitions (`*[WCO]: World Customs Organization`) for every page."""
    lines = []
    for term in ctx.data.glossary:
        lines.append(f"*[{plain(term.term, ctx)}]: {plain(term.expansion, ctx)}")
    return "\n".join(lines)
