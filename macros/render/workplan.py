"""The Joint Work Plan: its terms, its 7 areas and 19 actions, with the progress sources report."""

from __future__ import annotations

from ..context import RenderContext
from ..dates import format_partial, format_span
from ..model import Area
from ..text import anchor, escape, label, t
from .sources import render_sources


def render_workplan_status(ctx: RenderContext) -> str:
    """The plan's term has ended; say so before anything else."""
    plan = ctx.data.workplan
    term = format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang)
    return (
        f'!!! warning "{label("term_ended_title", ctx)}"\n\n'
        f"    {label('term_ended', ctx, term=term)} {t(plan.status, ctx)}\n\n"
        f"    {render_sources(plan.status_source, ctx)}\n"
    )


def render_workplan_facts(ctx: RenderContext) -> str:
    plan = ctx.data.workplan
    parties = " · ".join(t(ctx.data.organizations[org].name, ctx) for org in plan.agreed_by)
    rows = [
        f"| {label('title', ctx)} | {t(plan.title, ctx)} |",
        "| --- | --- |",
        f"| {label('agreed_on', ctx)} | {format_partial(plan.agreed_on, ctx.lang)}"
        + (f", {t(plan.place, ctx)}" if plan.place else "")
        + " |",
        f"| {label('agreed_by', ctx)} | {parties} |",
        f"| {label('term', ctx)} | {format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang)} |",
        f"| {label('basis', ctx)} | {t(plan.basis, ctx)} |",
        f"| {label('review', ctx)} | {t(plan.review, ctx)} |",
        f"| {label('non_binding', ctx)} | {t(plan.non_binding, ctx)} |",
    ]
    return "\n".join(rows) + f"\n\n{render_sources(plan.source, ctx)}\n"


def _progress_cell(action_id: str, ctx: RenderContext) -> str:
    updates = ctx.data.updates_by_action.get(action_id, [])
    if not updates:
        return f'<span class="no-report">{label("no_report", ctx)}</span>'
    area_slug = ctx.data.area_of_action[action_id].slug
    links = []
    for update in sorted(updates, key=lambda u: (u.dated.first_day, u.id)):
        when = format_partial(update.dated, ctx.lang)
        target = ctx.link(f"areas/{area_slug}.md", anchor("update", update.id))
        links.append(f"[{when}: {t(update.title, ctx)}]({target})")
    return "<br>".join(links)


def render_action_table(area: Area, ctx: RenderContext) -> str:
    """One row per action: number, exact wording, time frame, reported progress."""
    rows = [
        f"| {label('number', ctx)} | {label('action', ctx)} | {label('time_frame', ctx)} "
        f"| {label('reported_progress', ctx)} |",
        "| --- | --- | --- | --- |",
    ]
    for action in area.actions:
        note = f"<br><small>{t(action.details, ctx)}</small>" if action.details else ""
        rows.append(
            f'| <span id="{anchor("action", action.id)}">{escape(action.id)}</span> '
            f"| {t(action.text, ctx)}{note} | {t(action.time_frame, ctx)} | {_progress_cell(action.id, ctx)} |"
        )
    return "\n".join(rows)


def render_workplan(ctx: RenderContext) -> str:
    """Every area with its actions: the whole plan on one page."""
    parts = []
    for area in ctx.data.workplan.areas:
        page = ctx.link(f"areas/{area.slug}.md")
        parts.append(f"## {escape(area.id)}. {t(area.title, ctx)} {{ #{anchor('area', area.id)} }}\n")
        if area.intro:
            parts.append(t(area.intro, ctx, block=True) + "\n")
        parts.append(render_action_table(area, ctx) + "\n")
        parts.append(f"[{label('area_page_link', ctx, area=t(area.short_title, ctx))}]({page})\n")
    return "\n".join(parts)


def render_area_cards(ctx: RenderContext) -> str:
    cards = []
    for area in ctx.data.workplan.areas:
        count = len(area.actions)
        cards.append(
            f'-   :{area.icon.replace("/", "-")}:{{ .lg .middle aria-hidden="true" }} '
            f"**[{t(area.short_title, ctx)}]({ctx.link(f'areas/{area.slug}.md')})**\n\n"
            f"    ---\n\n"
            f"    {t(area.title, ctx)}\n\n"
            f"    <small>{label('action_count', ctx, count=count)}</small>\n"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>"
