"""The two partner organizations: profiles and key figures, each figure with its date and source."""

from __future__ import annotations

from ..context import RenderContext
from ..dates import format_partial
from ..model import Figure, Organization
from ..text import label, t
from .sources import render_sources


def _as_of(figure: Figure, ctx: RenderContext) -> str:
    if figure.as_of is not None:
        return label("as_of", ctx, date=format_partial(figure.as_of, ctx.lang))
    return t(figure.as_of_note, ctx)


def render_figures_table(org: Organization, ctx: RenderContext) -> str:
    rows = [
        f"| {label('figure', ctx)} | {label('value', ctx)} | {label('as_of_column', ctx)} | {label('source', ctx)} |",
        "| --- | --- | --- | --- |",
    ]
    for figure in org.figures:
        sources = render_sources(figure.source, ctx)
        rows.append(f"| {t(figure.label, ctx)} | **{t(figure.value, ctx)}** | {_as_of(figure, ctx)} | {sources} |")
    return "\n".join(rows)


def render_figure_history(org: Organization, ctx: RenderContext) -> str:
    """Older figures, kept so that a stale number is never shown as current."""
    lines = []
    for figure in org.figures:
        for past in figure.history:
            when = format_partial(past.as_of, ctx.lang)
            note = f" {t(past.details, ctx)}" if past.details else ""
            lines.append(
                f"- {t(figure.label, ctx)}: {t(past.value, ctx)} ({label('as_of', ctx, date=when)}).{note} "
                f"{render_sources(past.source, ctx)}"
            )
    if not lines:
        return ""
    return f"### {label('earlier_figures', ctx)}\n\n" + "\n".join(lines)


def render_partner_cards(ctx: RenderContext) -> str:
    """The two organizations side by side, the edition's own first, with their key figures."""
    cards = []
    for org_id in ctx.partner_order:
        org = ctx.data.organizations[org_id]
        page = ctx.link(f"about-{org_id}.md")
        figures = "".join(
            f"\n    - {t(f.label, ctx)}: **{t(f.value, ctx)}** <small>({_as_of(f, ctx)})</small>"
            for f in org.figures[:3]
        )
        cards.append(
            f"-   **[{t(org.name, ctx)} ({t(org.acronym, ctx)})]({page})**\n\n"
            f"    ---\n\n"
            f"    {t(org.description, ctx)}\n{figures}\n"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>"


def render_organization_profile(org_id: str, ctx: RenderContext) -> str:
    org = ctx.data.organizations[org_id]
    parts = [t(org.description, ctx, block=True), "", render_sources(org.source, ctx), ""]
    if org.figures:
        parts += [f"## {label('key_figures', ctx)}", "", render_figures_table(org, ctx), ""]
        history = render_figure_history(org, ctx)
        if history:
            parts += [history, ""]
    if org.website:
        parts += [f"## {label('website', ctx)}", "", f"[{org.website}]({org.website})", ""]
    contacts = [c for c in ctx.data.contacts if c.organization == org_id]
    if contacts:
        parts += [f"## {label('contact_point', ctx)}", "", label("see_contacts", ctx, url=ctx.link("contacts.md")), ""]
    return "\n".join(parts)
