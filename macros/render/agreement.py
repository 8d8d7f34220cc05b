"""The 2018 Agreement and the dated steps of the cooperation."""

from __future__ import annotations

from ..context import RenderContext
from ..dates import format_partial, format_span
from ..text import anchor, escape, label, t
from .sources import render_sources


def render_agreement(ctx: RenderContext) -> str:
    agreement = ctx.data.agreement
    orgs = ctx.data.organizations
    parties = " · ".join(f"{t(orgs[p].name, ctx)} ({t(orgs[p].acronym, ctx)})" for p in agreement.parties)
    signatories = "<br>".join(
        f"{escape(s.name)}, {t(s.role, ctx)} ({t(orgs[s.organization].acronym, ctx)})" for s in agreement.signatories
    )
    rows = [
        f"| {label('title', ctx)} | {t(agreement.title, ctx)} |",
        "| --- | --- |",
        f"| {label('parties', ctx)} | {parties} |",
    ]
    if agreement.on_behalf_of:
        rows.append(f"| {label('on_behalf_of', ctx)} | {t(orgs[agreement.on_behalf_of].name, ctx)} |")
    rows += [
        f"| {label('signed_on', ctx)} | {format_partial(agreement.signed_on, ctx.lang)}, {t(agreement.place, ctx)} |",
        f"| {label('signed_by', ctx)} | {signatories} |",
    ]
    parts = [t(agreement.summary, ctx, block=True), "", "\n".join(rows), ""]
    parts += [f"### {label('areas_of_cooperation', ctx)}", ""]
    parts += [f"- {t(area, ctx)}" for area in agreement.areas_of_cooperation] + [""]
    if agreement.commitments:
        parts += [f"### {label('commitments', ctx)}", ""]
        parts += [f"- {t(item, ctx)}" for item in agreement.commitments] + [""]
    parts.append(render_sources(agreement.source, ctx))
    return "\n".join(parts)


def render_history(ctx: RenderContext) -> str:
    """The milestones of the cooperation, oldest first, from the events marked `milestone`."""
    milestones = sorted((e for e in ctx.data.events if e.milestone), key=lambda e: (e.starts_on.first_day, e.id))
    lines = []
    for event in milestones:
        when = format_span(event.starts_on, event.ends_on, ctx.lang)
        target = ctx.link("events.md", anchor("event", event.id))
        description = f" {t(event.description, ctx)}" if event.description else ""
        lines.append(
            f'- <time datetime="{event.starts_on}">**{when}**</time>: [{t(event.title, ctx)}]({target}).{description}'
        )
    return "\n".join(lines) if lines else label("no_events", ctx)


def render_intro(ctx: RenderContext) -> str:
    """What the collaboration is, in two short paragraphs, for the home page."""
    agreement = ctx.data.agreement
    plan = ctx.data.workplan
    when = format_partial(agreement.signed_on, ctx.lang)
    term = format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang)
    links = label(
        "intro_links",
        ctx,
        signed=when,
        agreement=ctx.link("agreement.md"),
        term=term,
        workplan=ctx.link("workplan.md"),
    )
    return f"{t(agreement.summary, ctx, block=True)}\n\n{links} {t(plan.status, ctx)}\n"
