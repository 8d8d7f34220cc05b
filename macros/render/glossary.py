"""The glossary: every acronym on the site, with its expansion."""

from __future__ import annotations

import re

from ..context import RenderContext
from ..text import anchor, label, plain, t
from .sources import render_sources


def render_glossary(ctx: RenderContext) -> str:
    terms = sorted(ctx.data.glossary, key=lambda term: plain(term.term, ctx).casefold())
    lines = []
    for term in terms:
        note = f" {t(term.details, ctx)}" if term.details else ""
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
