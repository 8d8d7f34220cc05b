"""Events, upcoming and past, decided from the build date, never from what a source called upcoming."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import groupby

from markupsafe import Markup

from ..context import RenderContext
from ..dataset import Dataset
from ..dates import format_span
from ..html import heading, join, render_template
from ..model import Event
from ..publication import area_page, plan_page
from ..text import anchor, label, status_badge, t
from .sources import render_sources


def is_past(event: Event, ctx: RenderContext) -> bool:
    """Past once its last day (or, at month or year precision, its last possible day) is over."""
    return _ended(event, ctx.today)


def archived_years(data: Dataset, today: date) -> list[int]:
    """The years whose past events have a page of their own: every year of past events but the
    latest, newest first. The events page keeps the upcoming events and the latest year, so that it
    does not grow with the archive."""
    years = sorted({event.starts_on.year for event in data.events if _ended(event, today)}, reverse=True)
    return years[1:]


def _ended(event: Event, today: date) -> bool:
    end = event.ends_on or event.starts_on
    return end.last_day < today


def event_page(event: Event, ctx: RenderContext) -> str:
    """The source page that shows an event: its year's page once archived, else the events page."""
    if is_past(event, ctx) and event.starts_on.year in archived_years(ctx.data, ctx.today):
        return f"events/{event.starts_on.year}.md"
    return "events.md"


def _where(event: Event, ctx: RenderContext) -> Markup:
    parts: list[Markup] = []
    if event.place:
        parts.append(t(event.place, ctx))
    if event.virtual:
        parts.append(label("virtual", ctx))
    return join(parts, ", ")


def render_event(event: Event, ctx: RenderContext, level: int = 3) -> Markup:
    """One event as a heading with its date, place, organizers, related work and source."""
    title = Markup("{}{}").format(t(event.title, ctx), status_badge(event, ctx))
    organizers = join(t(ctx.data.organizations[org].acronym, ctx) for org in event.organizers)
    plan = ctx.data.plan_of(event)
    areas = {area.id: area for area in plan.areas}
    related = [
        {"url": ctx.link(*area_page(event, a, ctx.data)), "name": t(areas[a].short_title, ctx)} for a in event.areas
    ] + [{"url": ctx.link(plan_page(event, ctx.data), anchor("action", a)), "name": a} for a in event.actions]
    return render_template(
        "event.html",
        heading=heading(level, title, anchor("event", event.id)),
        datetime=str(event.starts_on),
        when=format_span(event.starts_on, event.ends_on, ctx.lang),
        where=_where(event, ctx),
        organizers_label=label("organizers", ctx),
        organizers=organizers,
        related_label=label("related", ctx),
        related=related,
        description=t(event.description, ctx, block=True),
        url=event.url,
        event_page_label=label("event_page", ctx),
        sources=render_sources(event.source, ctx),
    )


def _by_year(events: Iterable[Event], ctx: RenderContext, newest_first: bool, level: int, prefix: str) -> Markup:
    ordered = sorted(events, key=lambda e: (e.starts_on.first_day, e.id), reverse=newest_first)
    parts: list[Markup] = []
    for year, group in groupby(ordered, key=lambda e: e.starts_on.year):
        parts.append(heading(level, str(year), f"{prefix}-{year}"))
        parts.extend(render_event(event, ctx, level + 1) for event in group)
    return join(parts, "\n")


def _paragraph(text: Markup) -> Markup:
    return Markup("<p>{}</p>").format(text)


def render_events_page(ctx: RenderContext) -> Markup:
    """Upcoming events, the latest year's, and links to each earlier year's page."""
    archived = archived_years(ctx.data, ctx.today)
    upcoming = [e for e in ctx.data.events if not is_past(e, ctx)]
    past = [e for e in ctx.data.events if is_past(e, ctx) and e.starts_on.year not in archived]
    parts = [heading(2, label("upcoming_events", ctx), "upcoming")]
    if upcoming:
        parts.append(_by_year(upcoming, ctx, newest_first=False, level=3, prefix="upcoming"))
    else:
        parts.append(_paragraph(label("no_upcoming", ctx)))
    parts.append(heading(2, label("past_events", ctx), "past"))
    parts.append(_by_year(past, ctx, newest_first=True, level=3, prefix="past"))
    if archived:
        years = [{"year": year, "url": ctx.link(f"events/{year}.md")} for year in archived]
        parts.append(heading(2, label("earlier_years", ctx), "earlier-years"))
        parts.append(render_template("event_years.html", years=years))
    return join(parts, "\n")


def render_events_year(year: str, ctx: RenderContext) -> Markup:
    """An archived year's page: its title, and its events, oldest first."""
    events = [e for e in ctx.data.events if is_past(e, ctx) and str(e.starts_on.year) == year]
    ordered = sorted(events, key=lambda e: (e.starts_on.first_day, e.id))
    back = render_template("link.html", href=ctx.link("events.md"), text=label("all_events", ctx))
    parts = [heading(1, label("events_of_year", ctx, year=year), f"events-{year}"), _paragraph(back)]
    parts.extend(render_event(event, ctx, level=2) for event in ordered)
    return join(parts, "\n")


def render_event_list(events: list[Event], ctx: RenderContext, empty: str = "no_events") -> Markup:
    """A compact list linking to the events page, newest first; the label `empty` when there is none."""
    items = [
        {
            "datetime": str(event.starts_on),
            "when": format_span(event.starts_on, event.ends_on, ctx.lang),
            "url": ctx.link(event_page(event, ctx), anchor("event", event.id)),
            "title": t(event.title, ctx),
            "badge": status_badge(event, ctx),
            "upcoming": not is_past(event, ctx),
        }
        for event in sorted(events, key=lambda e: (e.starts_on.first_day, e.id), reverse=True)
    ]
    return render_template(
        "event_list.html", events=items, upcoming_label=label("upcoming", ctx), empty_label=label(empty, ctx)
    )


def render_recent_and_upcoming(ctx: RenderContext, count: int = 5) -> Markup:
    """The home page's next and latest events; the headings keep the ids that the English page had."""
    upcoming = sorted((e for e in ctx.data.events if not is_past(e, ctx)), key=lambda e: e.starts_on.first_day)
    past = sorted((e for e in ctx.data.events if is_past(e, ctx)), key=lambda e: e.starts_on.first_day, reverse=True)
    return join(
        [
            heading(3, label("upcoming_events", ctx), "upcoming-events"),
            render_event_list(upcoming[:count], ctx, empty="no_upcoming"),
            heading(3, label("recent_events", ctx), "recent-events"),
            render_event_list(past[:count], ctx),
        ],
        "\n",
    )
