"""Official pages at the two organizations, side by side, and every link on the contacts page."""

from __future__ import annotations

from ..context import RenderContext
from ..model import Link
from ..text import label, t


def _link_item(link: Link, ctx: RenderContext) -> str:
    return f"[{t(link.title, ctx)}]({link.url})"


def render_link_columns(links: list[Link], ctx: RenderContext) -> str:
    """The WCO's pages and the IPPC's pages in two columns, the edition's organization first."""
    if not links:
        return label("no_links", ctx)
    columns = []
    for org_id in ctx.partner_order:
        org = ctx.data.organizations[org_id]
        own = [link for link in links if link.organization == org_id]
        items = "\n".join(f"    - {_link_item(link, ctx)}" for link in own) or f"    {label('no_links', ctx)}"
        columns.append(f"-   **{label('pages_at', ctx, org=t(org.acronym, ctx))}**\n\n    ---\n\n{items}\n")
    others = [link for link in links if link.organization not in ctx.partner_order]
    if others:
        items = "\n".join(f"    - {_link_item(link, ctx)}" for link in others)
        columns.append(f"-   **{label('pages_elsewhere', ctx)}**\n\n    ---\n\n{items}\n")
    return '<div class="grid cards" markdown>\n\n' + "\n".join(columns) + "\n</div>"


def render_all_links(ctx: RenderContext) -> str:
    """Every link in data/links.yml, grouped by organization."""
    parts = []
    for org in ctx.data.organizations.values():
        own = [link for link in ctx.data.links if link.organization == org.id]
        if not own:
            continue
        parts.append(f"### {t(org.name, ctx)} ({t(org.acronym, ctx)})\n")
        parts.extend(f"- {_link_item(link, ctx)}" for link in own)
        parts.append("")
    return "\n".join(parts)
