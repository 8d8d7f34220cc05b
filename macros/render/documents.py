"""The Agreement and the Joint Work Plan as documents: who published the file, when, in which
languages, and where to read it."""

from __future__ import annotations

from babel import Locale
from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, join, render_template
from ..model import Publication, Text
from ..text import label, plain, t
from .sources import localized_url, render_sources


def render_document(title: Text, publication: Publication | None, ctx: RenderContext) -> Markup:
    """A "Document" section: the title, "Published by the IPPC Secretariat on 7 January 2019",
    its languages (named in the page's language) when known, and a link to the official page."""
    if publication is None:
        return Markup("")
    publisher = ctx.data.organizations[publication.published_by]
    languages = join(Locale.parse(code).get_display_name(ctx.lang) or code for code in publication.languages)
    return render_template(
        "document.html",
        heading=heading(2, label("document", ctx), "document"),
        title=t(title, ctx),
        published=label(
            "published_by_on",
            ctx,
            publisher=plain(publisher.acronym, ctx),
            date=format_partial(publication.published_on, ctx.lang),
        ),
        languages=label("document_languages", ctx, languages=languages) if publication.languages else None,
        url=localized_url(publication.url, ctx.lang),
        link=label("document_page", ctx),
        sources=render_sources(publication.source, ctx),
    )
