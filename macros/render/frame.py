"""What stands around every page's content: the footer, the edition note, the translation notices.

Pure functions like the other render functions: data and the page's context in, Markup out. The
MkDocs plugin (macros/mkdocs_plugin.py) only places what they return.
"""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..html import join, render_template
from ..text import label, plain


def render_footer(ctx: RenderContext, other_edition: str) -> Markup:
    """ "Published jointly by the WCO and the IPPC", the edition's own organization first, each linked
    to its website."""
    links = []
    for org_id in (ctx.edition, other_edition):
        org = ctx.data.organizations[org_id]
        links.append(render_template("link.html", href=org.website, text=plain(org.name, ctx)))
    return label("footer_joint", ctx, first=links[0], second=links[1])


def render_edition_note(
    ctx: RenderContext, other_edition: str | None, other_url: str | None, other_language: str
) -> Markup:
    """The line that opens every page: the same page in the other edition, and the translation status."""
    parts: list[Markup] = []
    if other_edition and other_url is not None:
        acronym = plain(ctx.data.organizations[other_edition].acronym, ctx)
        text = label("also_published_by", ctx, org=acronym)
        parts.append(render_template("link.html", href=other_url, text=text, hreflang=other_language))
    if ctx.lang != "en":
        parts.append(label("unofficial_translation", ctx))
    if not parts:
        return Markup("")
    return render_template("edition_note.html", edition=ctx.edition, content=join(parts, " · "))


def render_notice(ctx: RenderContext, key: str) -> Markup:
    """A translation notice ("This page is not yet translated …") as a note box."""
    return render_template("notice.html", text=label(key, ctx))


def render_data_error(report: str) -> Markup:
    """What the preview shows in place of every page while data/ has errors: the editor's messages
    (file, line, field, what to do), and that the page will reload by itself once they are fixed."""
    return render_template("data_error.html", report=report)
