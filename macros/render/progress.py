"""Progress reports: what a source says happened, dated, never a guess."""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, render_template
from ..model import Update
from ..publication import plan_page, update_source
from ..text import anchor, label, status_badge, t
from .sources import render_sources


def render_update(update: Update, ctx: RenderContext, level: int = 3) -> Markup:
    """One report: its title as a heading (`update-<id>`), its date and text, the actions it concerns, its sources."""
    title = Markup("{}{}").format(t(update.title, ctx), status_badge(update, ctx))
    actions = [
        {"id": action_id, "url": ctx.link(plan_page(update, ctx.data), anchor("action", action_id))}
        for action_id in update.actions
    ]
    return render_template(
        "update.html",
        heading=heading(level, title, anchor("update", update.id)),
        dated=str(update.dated),
        when=format_partial(update.dated, ctx.lang),
        body=t(update.body, ctx),
        concerns=label("concerns_actions", ctx),
        actions=actions,
        sources=render_sources(update.source, ctx),
    )


def render_update_list(updates: list[Update], ctx: RenderContext, level: int = 3) -> Markup:
    """The reports, newest first; or say there are none."""
    if not updates:
        return Markup("<p>{}</p>").format(label("no_updates", ctx))
    ordered = sorted(updates, key=lambda u: (u.dated.first_day, u.id), reverse=True)
    return Markup("\n").join(render_update(update, ctx, level) for update in ordered)


def render_latest_updates(ctx: RenderContext, count: int = 5) -> Markup:
    """The newest reports, as a short list linking to their area pages."""
    latest = sorted(ctx.data.updates, key=lambda u: (u.dated.first_day, u.id), reverse=True)[:count]
    if not latest:
        return Markup("<p>{}</p>").format(label("no_updates", ctx))
    updates = [
        {
            "dated": str(update.dated),
            "when": format_partial(update.dated, ctx.lang),
            "title": t(update.title, ctx),
            "url": _update_url(update, ctx),
            "badge": status_badge(update, ctx),
        }
        for update in latest
    ]
    return render_template("latest_updates.html", updates=updates)


def _update_url(update: Update, ctx: RenderContext) -> str | None:
    """Where the report is shown in full: its area's page, or its plan's page for an earlier plan."""
    page = update_source(update, ctx.data)
    return None if page == "workplan.md" else ctx.link(page, anchor("update", update.id))
