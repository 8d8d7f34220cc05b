"""The Atom feeds, read back by feedparser: well-formed, every update and event once, newest first."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from xml.etree import ElementTree

import feedparser
import pytest

from macros.atom_feed import atom_feed
from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.publication import Edition
from macros.render.events import event_page

from .conftest import FIXTURES

STAMP = datetime(2026, 11, 23, tzinfo=UTC)
PUBLIC = Edition("ippc", ("en", "fr", "es", "ar", "zh", "ru"), "https://ippc.example.org/plants/")
LOCAL = Edition("wco", ("en", "fr", "es"))


@pytest.mark.parametrize(("edition", "lang"), [(LOCAL, "en"), (LOCAL, "es"), (PUBLIC, "ar"), (PUBLIC, "zh")])
def test_every_update_and_event_once_newest_first(dataset: Dataset, edition: Edition, lang: str) -> None:
    feed = feedparser.parse(atom_feed(dataset, edition, lang, "Site", STAMP))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    entries = feed.entries
    assert len(entries) == len(dataset.updates) + len(dataset.events)
    ids = [entry.id for entry in entries]
    assert len(set(ids)) == len(ids)
    assert all(entry_id.startswith(f"tag:{edition.domain},2018:") for entry_id in ids)
    assert {i.split(":", 2)[2] for i in ids} == {f"update/{u.id}" for u in dataset.updates} | {
        f"event/{e.id}" for e in dataset.events
    }
    dates = [entry.updated_parsed for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated_parsed[:3] == (2026, 11, 23)


def test_links_are_absolute_with_a_public_url_and_relative_to_the_feed_without(dataset: Dataset) -> None:
    public = feedparser.parse(atom_feed(dataset, PUBLIC, "fr", "Site", STAMP))
    event = dataset.events[0]
    links = {entry.id.rsplit(":", 1)[1]: entry.link for entry in public.entries}
    page = event_page(event, RenderContext(dataset, "fr", today=STAMP.date())).removesuffix(".md")  # maybe a year's
    assert links[f"event/{event.id}"] == f"https://ippc.example.org/plants/fr/{page}/#event-{event.id}"
    update = dataset.updates[0]
    assert links[f"update/{update.id}"].startswith("https://ippc.example.org/plants/fr/areas/")
    assert links[f"update/{update.id}"].endswith(f"/#update-{update.id}")
    assert public.feed.links[0].href == "https://ippc.example.org/plants/fr/"
    local = feedparser.parse(atom_feed(dataset, LOCAL, "fr", "Site", STAMP))
    local_links = {entry.id.rsplit(":", 1)[1]: entry.link for entry in local.entries}
    assert local_links[f"event/{event.id}"] == f"fr/{page}/#event-{event.id}"  # from the edition root


def test_the_same_feed_twice(dataset: Dataset) -> None:
    assert atom_feed(dataset, LOCAL, "en", "Site", STAMP) == atom_feed(dataset, LOCAL, "en", "Site", STAMP)


def test_hostile_texts_stay_inert() -> None:
    data = load_dataset(FIXTURES / "minimal")
    update = data.updates[0].model_copy(
        update={
            "title": {"en": '"><img src=x onerror=alert(1)> <script>alert(1)</script>'},
            "body": {"en": "[x](javascript:alert(1)) <script>alert(1)</script>"},
        }
    )
    data = dataclasses.replace(data, updates=[update])
    raw = atom_feed(data, LOCAL, "en", "Site", STAMP)
    assert b"<img" not in raw and b"<script" not in raw  # every text is escaped in the XML
    atom = "{http://www.w3.org/2005/Atom}"
    for summary in ElementTree.fromstring(raw).iter(f"{atom}summary"):  # the HTML a reader renders
        html = summary.text or ""
        assert "<script" not in html and "javascript:" not in html and "onerror=" not in html
    feed = feedparser.parse(raw)
    assert not feed.bozo
    entry = next(e for e in feed.entries if e.id.endswith(f"update/{update.id}"))
    summary = entry.summary_detail.value
    assert "<script" not in summary and "javascript:" not in summary and "onerror=" not in summary
    assert entry.title_detail.type == "text/plain"  # the title is text: a reader shows "<img…" as it is
