"""The events page's links to the calendar, the feed and each upcoming event's own calendar file."""

from __future__ import annotations

import dataclasses
from datetime import date

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.render.calendar_links import render_add_to_calendar, render_calendar_links

from .conftest import FIXTURES
from .html_text import EVENT_HANDLER, elements, inert_problems, text_of


def test_links_reach_the_files_at_the_language_root() -> None:
    data = load_dataset(FIXTURES / "minimal")
    html = str(render_calendar_links(RenderContext(data, "fr", "events.md", "wco", date(2026, 11, 23))))
    hrefs = [e.attrs["href"] for e in elements(html, "a")]
    assert hrefs == ["../events.ics", "../../feed.fr.xml"]  # every fixture event is past
    offline = RenderContext(data, "en", "events.md", "wco", date(2026, 11, 23), directory_urls=False)
    assert [e.attrs["href"] for e in elements(str(render_calendar_links(offline)), "a")] == [
        "./events.ics",
        "./feed.xml",
    ]


def test_each_upcoming_event_has_its_own_file() -> None:
    data = load_dataset(FIXTURES / "minimal")
    ctx = RenderContext(data, "en", "events.md", "wco", date(2021, 5, 1))
    html = str(render_calendar_links(ctx))
    upcoming = [e for e in data.events if (e.ends_on or e.starts_on).last_day >= ctx.today]
    assert [e.attrs["href"] for e in elements(html, "a")][2:] == [f"../calendar/{e.id}.ics" for e in upcoming]
    assert "Add to calendar" in text_of(html)
    assert str(render_add_to_calendar(upcoming[0], ctx)).count("calendar/") == 1
    past = RenderContext(data, "en", "events.md", "wco", date(2030, 1, 1))
    assert str(render_add_to_calendar(upcoming[0], past)) == ""


def test_hostile_titles_stay_inert() -> None:
    data = load_dataset(FIXTURES / "minimal")
    for hostile in ('"><img src=x onerror=alert(1)>', "<script>alert(1)</script>", "[x](javascript:alert(1))"):
        events = [event.model_copy(update={"title": {"en": hostile}}) for event in data.events]
        ctx = RenderContext(dataclasses.replace(data, events=events), "en", "events.md", "wco", date(2018, 1, 1))
        html = str(render_calendar_links(ctx))
        assert not EVENT_HANDLER.search(html)
        assert [p for p in inert_problems(html) if p != "<svg> element"] == []
