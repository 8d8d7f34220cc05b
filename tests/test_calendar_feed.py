"""The events calendars, read back by the icalendar library: every event once, at its precision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from macros.calendar_feed import event_calendar, events_calendar
from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.publication import Edition, build_moment, plain_text
from macros.render.events import event_page
from macros.text import label_plain

from .conftest import FIXTURES

STAMP = datetime(2026, 11, 23, tzinfo=UTC)
PUBLIC = Edition("wco", ("en", "fr", "es"), "https://wco.example.org/collab/")
LOCAL = Edition("ippc", ("en", "fr", "es", "ar", "zh", "ru"))


def _events(ics: bytes) -> list:
    return Calendar.from_ical(ics).walk("VEVENT")


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_event_once_with_a_stable_uid(dataset: Dataset, lang: str) -> None:
    ics = events_calendar(dataset, LOCAL, lang, STAMP)
    calendar = Calendar.from_ical(ics)
    calendar.validate()
    assert calendar.to_ical() == ics  # the round trip changes nothing
    uids = [str(item["UID"]) for item in _events(ics)]
    assert sorted(uids) == sorted(f"{event.id}@{LOCAL.domain}" for event in dataset.events)
    assert len(set(uids)) == len(dataset.events)


def test_dates_at_the_precision_the_source_gives(dataset: Dataset) -> None:
    items = {str(item["UID"]).split("@")[0]: item for item in _events(events_calendar(dataset, LOCAL, "en", STAMP))}
    ctx = RenderContext(dataset, "en")
    checked = set()
    for event in dataset.events:
        item = items[event.id]
        end = event.ends_on or event.starts_on
        assert item.decoded("DTSTART") == event.starts_on.first_day
        assert item.decoded("DTEND") == end.last_day + timedelta(days=1)
        assert not isinstance(item.decoded("DTSTART"), datetime)  # all-day
        description = str(item.get("DESCRIPTION", ""))
        precision = min((event.starts_on.precision, end.precision), key=("year", "month", "day").index)
        for kind in ("month", "year"):
            note = label_plain(f"calendar_{kind}_only", ctx)
            assert (note in description) == (kind == precision), event.id
        checked.add(precision)
    assert checked == {"day", "month", "year"}  # the data holds all three


def test_place_or_virtual_and_the_page_url_only_when_public(dataset: Dataset) -> None:
    ctx = RenderContext(dataset, "fr")
    public = {str(i["UID"]).split("@")[0]: i for i in _events(events_calendar(dataset, PUBLIC, "fr", STAMP))}
    local = _events(events_calendar(dataset, LOCAL, "fr", STAMP))
    assert all("URL" not in item for item in local)
    for event in dataset.events:
        item = public[event.id]
        page = event_page(event, RenderContext(dataset, "fr", today=STAMP.date())).removesuffix(".md")
        assert str(item["URL"]) == f"https://wco.example.org/collab/fr/{page}/#event-{event.id}"
        location = str(item.get("LOCATION", ""))
        if event.virtual:
            assert label_plain("virtual", ctx) in location
        if event.place:
            assert location.startswith(plain_text(event.place, "fr"))


def test_stamp_comes_from_source_date_epoch(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")
    stamp = build_moment(date(2030, 1, 1))
    assert stamp == datetime(2026, 11, 23, tzinfo=UTC)
    first = events_calendar(dataset, LOCAL, "en", stamp)
    assert first == events_calendar(dataset, LOCAL, "en", build_moment())
    assert all(item.decoded("DTSTAMP") == stamp for item in _events(first))
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_moment(date(2026, 11, 23)) == stamp


def test_one_event_file_and_hostile_text_stays_one_property() -> None:
    data = load_dataset(FIXTURES / "minimal")
    event = data.events[0]
    hostile = event.model_copy(update={"title": {"en": "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil; <script>"}})
    ics = event_calendar(data, LOCAL, "en", hostile, STAMP)
    items = _events(ics)
    assert len(items) == 1
    assert str(items[0]["UID"]) == f"{event.id}@{LOCAL.domain}"
    assert "END:VEVENT" in str(items[0]["SUMMARY"])  # kept as text on one line, not read as a line
