"""Events, upcoming and past, decided from the build date, never from what a source called upcoming."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from ..context import RenderContext
from ..dates import format_span
from ..model import Event
from ..text import anchor, escape, label, t
from .sources import render_sources


def is_past(event: Event, ctx: RenderContext) -> bool:
    """Past once its last day (or, at month or year precision, its last possible day) is over."""
    end = event.ends_on or event.starts_on
    return end.last_day < ctx.today


def _where(event: Event, ctx: RenderContext) -> str:
    parts = []
    if event.place:
        parts.append(t(event.place, ctx))
    if event.virtual:
        parts.append(label("virtual", ctx))
    return ", ".join(parts)


def render_event(event: Event, ctx: RenderContext, level: int = 3) -> str:
    """One event as a heading with its date, place, organizers, related work and source."""
    when = format_span(event.starts_on, event.ends_on, ctx.lang)
    lines = [f"{'#' * level} {t(event.title, ctx)} {{ #{anchor('event', event.id)} }}", ""]
    facts = [f'<time datetime="{event.starts_on}">{when}</time>']
    where = _where(event, ctx)
    if where:
        facts.append(where)
    lines.append(" · ".join(facts) + "  ")
    if event.organizers:
        names = ", ".join(t(ctx.data.organizations[org].acronym, ctx) for org in event.organizers)
        lines.append(f"{label('organizers', ctx)}: {names}  ")
    related = [
        f"[{t(ctx.data.areas[a].short_title, ctx)}]({ctx.link(f'areas/{ctx.data.areas[a].slug}.md')})"
        for a in event.areas
    ] + [f"[{escape(a)}]({ctx.link('workplan.md', anchor('action', a))})" for a in event.actions]
    if related:
        lines.append(f"{label('related', ctx)}: {', '.join(related)}  ")
    lines.append("")
    if event.description:
        lines += [t(event.description, ctx, block=True), ""]
    more = f"[{label('event_page', ctx)}]({event.url}) · " if event.url else ""
    lines += [more + render_sources(event.source, ctx), ""]
    return "\n".join(lines)


def _by_year(events: Iterable[Event], ctx: RenderContext, newest_first: bool, level: int, prefix: str) -> str:
    ordered = sorted(events, key=lambda e: (e.starts_on.first_day, e.id), reverse=newest_first)
    parts = []
    for year, group in groupby(ordered, key=lambda e: e.starts_on.year):
        parts.append(f"{'#' * level} {year} {{ #{prefix}-{year} }}\n")
        parts.extend(render_event(event, ctx, level + 1) for event in group)
    return "\n".join(parts)


def render_events_page(ctx: RenderContext) -> str:
    upcoming = [e for e in ctx.data.events if not is_past(e, ctx)]
    past = [e for e in ctx.data.events if is_past(e, ctx)]
    parts = [f"## {label('upcoming_events', ctx)} {{ #upcoming }}\n"]
    if upcoming:
        parts.append(_by_year(upcoming, ctx, newest_first=False, level=3, prefix="upcoming"))
    else:
        parts.append(label("no_upcoming", ctx) + "\n")
    parts.append(f"## {label('past_events', ctx)} {{ #past }}\n")
    parts.append(_by_year(past, ctx, newest_first=True, level=3, prefix="past"))
    return "\n".join(parts)


def render_event_list(events: list[Event], ctx: RenderContext) -> str:
    """A compact list linking to the events page, newest first."""
    if not events:
        return label("no_events", ctx)
    lines = []
    for event in sorted(events, key=lambda e: (e.starts_on.first_day, e.id), reverse=True):
        when = format_span(event.starts_on, event.ends_on, ctx.lang)
        target = ctx.link("events.md", anchor("event", event.id))
        status = "" if is_past(event, ctx) else f" <strong>{label('upcoming', ctx)}</strong>"
        lines.append(f'- <time datetime="{event.starts_on}">{when}</time>: [{t(event.title, ctx)}]({target}){status}')
    return "\n".join(lines)


def render_recent_and_upcoming(ctx: RenderContext, count: int = 5) -> str:
    upcoming = sorted((e for e in ctx.data.events if not is_past(e, ctx)), key=lambda e: e.starts_on.first_day)
    past = sorted((e for e in ctx.data.events if is_past(e, ctx)), key=lambda e: e.starts_on.first_day, reverse=True)
    parts = [f"### {label('upcoming_events', ctx)}", ""]
    parts.append(render_event_list(upcoming[:count], ctx) if upcoming else label("no_upcoming", ctx))
    parts += ["", f"### {label('recent_events', ctx)}", "", render_event_list(past[:count], ctx), ""]
    return "\n".join(parts)
