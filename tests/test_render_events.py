"""Events: upcoming or past by the build date, as HTML whose data is text, never code."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Event
from macros.render.events import (
    is_past,
    render_event,
    render_event_list,
    render_events_page,
    render_recent_and_upcoming,
)

from .html_text import (
    ESCAPED_HOSTILE_LINK,
    EVENT_HANDLER,
    HOSTILE_TEXTS,
    HOSTILE_URL,
    elements,
    ids,
    inert_problems,
    text_of,
)


def ctx(data: Dataset, page: str = "index.md", today: date = date(2026, 11, 23), lang: str = "en") -> RenderContext:
    return RenderContext(data, lang, page, "wco", today)


def event(data: Dataset, event_id: str) -> Event:
    return next(e for e in data.events if e.id == event_id)


def test_render_functions_return_markup(data: Dataset) -> None:
    context = ctx(data, "events.md")
    assert isinstance(render_events_page(context), Markup)
    assert isinstance(render_event(event(data, "signature"), context), Markup)
    assert isinstance(render_event_list(data.events, context), Markup)
    assert isinstance(render_recent_and_upcoming(ctx(data)), Markup)


def test_events_are_past_or_upcoming_by_build_date(data: Dataset) -> None:
    conference = event(data, "aeo-conference")
    assert is_past(conference, ctx(data, today=date(2021, 5, 28)))
    assert not is_past(conference, ctx(data, today=date(2021, 5, 27)))
    early = render_events_page(ctx(data, "events.md", today=date(2021, 1, 1)))
    late = render_events_page(ctx(data, "events.md", today=date(2026, 11, 23)))
    assert early.index("5th <abbr") < early.index('id="past"')
    assert late.index("5th <abbr") > late.index('id="past"')
    assert "<p>No upcoming event is recorded.</p>" in late
    assert ">Past events<" in late


def test_events_page_keeps_its_anchors_and_levels(data: Dataset) -> None:
    page = render_events_page(ctx(data, "events.md", today=date(2021, 1, 1)))
    assert ids(page) == ["upcoming", "upcoming-2021", "event-aeo-conference", "past", "past-2018", "event-signature"]
    assert [e.tag for e in elements(page) if e.tag.startswith("h")] == ["h2", "h3", "h4", "h2", "h3", "h4"]
    assert '<a class="headerlink" href="#event-signature"' in page


def test_event_shows_date_place_organizers_related_work_and_source(data: Dataset) -> None:
    html = render_event(event(data, "aeo-conference"), ctx(data, "events.md"), level=4)
    assert html.startswith('<h4 id="event-aeo-conference">')
    assert '<time datetime="2021-05-25">25–27 May 2021</time> · virtual' in html
    assert "Organized by: WCO" in text_of(html)
    assert '<a href="../areas/sea-containers/">Sea containers</a>' in html
    assert '<a href="../workplan/#action-5-1">5.1</a>' in html
    assert 'class="source"' in html
    signature = render_event(event(data, "signature"), ctx(data, "events.md"))
    assert "19 June 2018</time> · Brussels" in signature
    assert "Organized by: WCO, FAO" in text_of(signature)
    assert "Related" not in signature


def test_event_page_link_goes_into_href(data: Dataset) -> None:
    with_url = event(data, "signature").model_copy(update={"url": "https://www.wcoomd.org/a?b=1&c=2"})
    html = render_event(with_url, ctx(data, "events.md"))
    assert '<a href="https://www.wcoomd.org/a?b=1&amp;c=2">Event page</a> · <span class="source">' in html


def test_event_list_links_the_events_page_newest_first(data: Dataset) -> None:
    html = render_event_list(data.events, ctx(data, "areas/sea-containers.md", today=date(2021, 1, 1)))
    links = [e.attrs["href"] for e in elements(html, "a")]
    assert links == ["../../events/#event-aeo-conference", "../../events/#event-signature"]
    assert "<strong>upcoming</strong>" in html
    assert html.count("<li>") == 2
    assert render_event_list([], ctx(data)).strip() == "<p>No event recorded.</p>"


def test_recent_and_upcoming_on_the_home_page(data: Dataset) -> None:
    html = render_recent_and_upcoming(ctx(data, today=date(2021, 1, 1)))
    assert ids(html) == ["upcoming-events", "recent-events"]
    assert html.index("event-aeo-conference") < html.index('id="recent-events"') < html.index("event-signature")
    late = render_recent_and_upcoming(ctx(data))
    assert "<p>No upcoming event is recorded.</p>" in late


def test_event_to_confirm_shows_the_badge(data: Dataset) -> None:
    doubtful = event(data, "signature").model_copy(update={"status": "to-confirm"})
    html = render_event(doubtful, ctx(data, "events.md"))
    heading = html[: html.index("</h3>")]
    assert 'class="status-to-confirm"' in heading
    listed = render_event_list([doubtful], ctx(data))
    assert 'class="status-to-confirm"' in listed
    assert 'class="status-to-confirm"' not in render_event(event(data, "signature"), ctx(data, "events.md"))


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_event_texts_are_inert(data: Dataset, hostile: str) -> None:
    text = {"en": hostile}
    bad = event(data, "aeo-conference").model_copy(
        update={"title": text, "place": text, "description": text, "url": HOSTILE_URL}
    )
    hostile_data = dataclasses.replace(data, events=[bad])
    for html in (
        render_event(bad, ctx(hostile_data, "events.md")),
        render_events_page(ctx(hostile_data, "events.md")),
        render_recent_and_upcoming(ctx(hostile_data)),
    ):
        assert inert_problems(html) == []
        assert "<script" not in html and "<img" not in html
        assert not EVENT_HANDLER.search(html)
    page = render_event(bad, ctx(hostile_data, "events.md"))
    assert ESCAPED_HOSTILE_LINK in page
