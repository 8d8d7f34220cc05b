"""Progress reports: what a source says happened, dated, never a guess."""

from __future__ import annotations

from ..context import RenderContext
from ..dates import format_partial
from ..model import Update
from ..text import anchor, label, t
from .sources import render_sources


def render_update(update: Update, ctx: RenderContext, heading: str = "###") -> str:
    when = format_partial(update.dated, ctx.lang)
    actions = ", ".join(
        f"[{action_id}]({ctx.link('workplan.md', anchor('action', action_id))})" for action_id in update.actions
    )
    concerns = f" {label('concerns_actions', ctx)}: {actions}." if actions else ""
    return (
        f"{heading} {t(update.title, ctx)} {{ #{anchor('update', update.id)} }}\n\n"
        f'<time datetime="{update.dated}">{when}</time>. {t(update.body, ctx)}{concerns}\n\n'
        f"{render_sources(update.source, ctx)}\n"
    )


def render_update_list(updates: list[Update], ctx: RenderContext, heading: str = "###") -> str:
    if not updates:
        return label("no_updates", ctx)
    ordered = sorted(updates, key=lambda u: (u.dated.first_day, u.id), reverse=True)
    return "\n".join(render_update(update, ctx, heading) for update in ordered)


def render_latest_updates(ctx: RenderContext, count: int = 5) -> str:
    """The newest reports, as a short list linking to their area pages."""
    latest = sorted(ctx.data.updates, key=lambda u: (u.dated.first_day, u.id), reverse=True)[:count]
    lines = []
    for update in latest:
        when = format_partial(update.dated, ctx.lang)
        target = ctx.data.areas[update.areas[0]].slug if update.areas else None
        title = t(update.title, ctx)
        if target:
            title = f"[{title}]({ctx.link(f'areas/{target}.md', anchor('update', update.id))})"
        lines.append(f'- <time datetime="{update.dated}">{when}</time>: {title}')
    return "\n".join(lines) if lines else label("no_updates", ctx)
