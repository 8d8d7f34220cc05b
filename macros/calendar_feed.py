"""Events as iCalendar (RFC 5545): one calendar per edition and language to subscribe to, and one
file per event to add it; built with the icalendar library, from the data the events page shows.

Every event is an all-day event at the precision its source gives: a day, a month (the event
spans that month and its description says so) or a year. Nothing depends on the build machine:
UIDs are the event id at the edition's domain, DTSTAMP is the build moment (SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .context import RenderContext
from .dataset import Dataset
from .model import Event
from .publication import Edition, event_path, plain_text
from .text import label_plain

PRODUCT_ID = "-//WCO-IPPC collaboration//Events//EN"


def events_calendar(data: Dataset, edition: Edition, lang: str, stamp: datetime) -> bytes:
    """Every event of the data set, oldest first, as one calendar in `lang`."""
    ctx = RenderContext(data, lang, "events.md", edition.id, stamp.date())
    calendar = _calendar(ctx, label_plain("calendar_name", ctx))
    for event in sorted(data.events, key=lambda e: (e.starts_on.first_day, e.id)):
        calendar.add_component(_event(event, ctx, edition, stamp))
    return bytes(calendar.to_ical())


def event_calendar(data: Dataset, edition: Edition, lang: str, event: Event, stamp: datetime) -> bytes:
    """One event as a calendar of its own: the "add to calendar" file."""
    ctx = RenderContext(data, lang, "events.md", edition.id, stamp.date())
    calendar = _calendar(ctx, plain_text(event.title, lang, ctx.markdown))
    calendar.add_component(_event(event, ctx, edition, stamp))
    return bytes(calendar.to_ical())


def _calendar(ctx: RenderContext, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    return calendar


def _event(event: Event, ctx: RenderContext, edition: Edition, stamp: datetime) -> CalendarEvent:
    end = event.ends_on or event.starts_on
    item = CalendarEvent()
    item.add("uid", f"{event.id}@{edition.domain}")
    item.add("dtstamp", stamp)
    item.add("summary", plain_text(event.title, ctx.lang, ctx.markdown))
    # All-day: DTSTART is a DATE, DTEND the (exclusive) day after the last possible day.
    item.add("dtstart", event.starts_on.first_day)
    item.add("dtend", end.last_day + timedelta(days=1))
    item.add("transp", "TRANSPARENT")
    item.add("categories", [event.kind])
    description = [plain_text(event.description, ctx.lang, ctx.markdown)]
    precision = min((event.starts_on.precision, end.precision), key=("year", "month", "day").index)
    if precision != "day":
        description.append(label_plain(f"calendar_{precision}_only", ctx))
    text = "\n\n".join(part for part in description if part)
    if text:
        item.add("description", text)
    where = [plain_text(event.place, ctx.lang, ctx.markdown)] if event.place else []
    if event.virtual:
        where.append(label_plain("virtual", ctx))
    if where:
        item.add("location", ", ".join(where))
    url = edition.page_url(ctx.lang, *event_path(event, ctx))
    if url:
        item.add("url", url)
    return item
