"""Official pages at the two organizations, side by side, and every link on the contacts page."""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..html import heading, join, render_template
from ..model import Link
from ..text import label, status_badge, t


def _link_list(links: list[Link], ctx: RenderContext) -> Markup:
    """A list of links; each URL goes into `href` through the template, escaped, never into Markdown."""
    if not links:
        return Markup("")
    items = [{"url": link.url, "title": t(link.title, ctx), "badge": status_badge(link, ctx)} for link in links]
    return render_template("link_list.html", links=items)


def render_link_columns(links: list[Link], ctx: RenderContext) -> Markup:
    """The WCO's pages and the IPPC's pages in two columns, the edition's organization first."""
    if not links:
        return Markup("<p>{}</p>").format(label("no_links", ctx))
    columns = []
    for org_id in ctx.partner_order:
        org = ctx.data.organizations[org_id]
        own = [link for link in links if link.organization == org_id]
        columns.append({"heading": label("pages_at", ctx, org=t(org.acronym, ctx)), "links": _link_list(own, ctx)})
    others = [link for link in links if link.organization not in ctx.partner_order]
    if others:
        columns.append({"heading": label("pages_elsewhere", ctx), "links": _link_list(others, ctx)})
    return render_template("link_columns.html", columns=columns, empty_label=label("no_links", ctx))


def render_all_links(ctx: RenderContext) -> Markup:
    """Every link in data/links.yml, grouped by organization, each group under a heading of its own."""
    parts: list[Markup] = []
    for org in ctx.data.organizations.values():
        own = [link for link in ctx.data.links if link.organization == org.id]
        if not own:
            continue
        title = Markup("{} ({})").format(t(org.name, ctx), t(org.acronym, ctx))
        parts.append(heading(3, title, f"links-{org.id}"))
        parts.append(_link_list(own, ctx))
    return join(parts, "\n")
