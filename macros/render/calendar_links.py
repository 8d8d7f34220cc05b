"""Links from the events page to the calendars: the whole calendar to subscribe to, the news feed,
and one "add to calendar" file per upcoming event (files written by macros/calendar_feed.py)."""

from __future__ import annotations

from markupsafe import Markup

from ..atom_feed import feed_file
from ..context import RenderContext
from ..dates import format_span
from ..html import render_template
from ..model import Event
from ..publication import root_file_url
from ..text import label, t

CALENDAR_FILE = "events.ics"
EVENT_FOLDER = "calendar"


def event_file(event: Event) -> str:
    """The path of an event's own calendar file under its language's root."""
    return f"{EVENT_FOLDER}/{event.id}.ics"


def _is_past(event: Event, ctx: RenderContext) -> bool:
    # Imported here: events.py may import this module to put the link beside each event.
    from .events import is_past

    return is_past(event, ctx)


def render_add_to_calendar(event: Event, ctx: RenderContext) -> Markup:
    """The "add to calendar" link of one event (empty for a past event)."""
    if _is_past(event, ctx):
        return Markup("")
    return Markup('<a class="add-to-calendar" href="{}" type="text/calendar" download>{}</a>').format(
        root_file_url(ctx, event_file(event)), label("calendar_add", ctx)
    )


def render_calendar_links(ctx: RenderContext) -> Markup:
    """The subscribe link, the feed link, and the upcoming events each with its own calendar file."""
    upcoming = sorted((e for e in ctx.data.events if not _is_past(e, ctx)), key=lambda e: (e.starts_on.first_day, e.id))
    return render_template(
        "calendar_links.html",
        calendar_url=root_file_url(ctx, CALENDAR_FILE),
        subscribe=label("calendar_subscribe", ctx),
        feed_url=root_file_url(ctx, feed_file(ctx.lang), edition_root=True),
        feed=label("feed_link", ctx),
        add_label=label("calendar_add", ctx),
        events=[
            {
                "title": t(event.title, ctx),
                "when": format_span(event.starts_on, event.ends_on, ctx.lang),
                "url": root_file_url(ctx, event_file(event)),
            }
            for event in upcoming
        ],
    )
