"""The data products in a build: calendars, feeds and downloads beside every language's pages, the
feed advertised in every page's head, the JSON-LD in the pages that carry it; and the file list."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from macros.data_products import product_files, site_names
from macros.dataset import load_dataset
from macros.editions import edition_languages
from macros.publication import Edition

from .conftest import FIXTURES, PUBLIC_URLS, ROOT

FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_every_language_has_its_files() -> None:
    data = load_dataset(FIXTURES / "minimal")
    edition = Edition("wco", ("en", "fr", "es"))
    files = product_files(data, edition, {"en": "A", "fr": "B", "es": "C"}, date(2021, 5, 1))
    for prefix in ("", "fr/", "es/"):
        assert f"{prefix}events.ics" in files
        assert f"{prefix}open-data/events.csv" in files
    assert {"feed.xml", "feed.fr.xml", "feed.es.xml"} <= set(files)
    upcoming = [path for path in files if path.startswith("calendar/")]
    assert upcoming == ["calendar/aeo-conference.ics"]  # the one event not over on 1 May 2021


def test_site_names_come_from_the_edition_configuration() -> None:
    names = site_names(ROOT, "ippc", edition_languages(ROOT, "ippc"))
    assert names["en"] == "IPPC–WCO collaboration"
    assert names["fr"] == "Collaboration CIPV–OMD"


@pytest.mark.parametrize("edition", ["wco", "ippc"])
def test_the_build_holds_the_products_and_pages_point_to_them(minimal_site: Path, edition: str) -> None:
    data = load_dataset(FIXTURES / "minimal")
    root = minimal_site / edition
    for language in edition_languages(ROOT, edition):
        prefix = "" if language == "en" else f"{language}/"
        calendar = Calendar.from_ical((root / prefix / "events.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == len(data.events)
        for product in ("workplan", "updates", "events", "glossary"):
            for ext in ("csv", "json", "schema.json"):
                assert (root / prefix / "open-data" / f"{product}.{ext}").is_file()
        page = root / prefix / "events" / "index.html"
        html = page.read_text(encoding="utf-8")
        (href,) = FEED_LINK.findall(html)
        feed_path = (page.parent / href).resolve()
        assert feed_path.parent == root.resolve()  # beside the edition's sitemap.xml, which Material fetches
        feed = feedparser.parse(feed_path.read_bytes())
        assert not feed.bozo and len(feed.entries) == len(data.events) + len(data.updates)
        (script,) = JSON_LD.findall(html)
        graph = json.loads(script)["@graph"]
        assert [node["@type"] for node in graph] == ["Event"] * len(data.events)
        home = (root / prefix / "index.html").read_text(encoding="utf-8")
        assert len(json.loads(JSON_LD.findall(home)[0])["@graph"]) == len(data.partners)
        glossary = (root / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        assert not JSON_LD.findall(glossary)


@pytest.mark.parametrize("edition", ["wco", "ippc"])
def test_public_urls_make_product_links_absolute(published_site: Path, edition: str) -> None:
    base = PUBLIC_URLS[edition]
    root = published_site / edition
    calendar = Calendar.from_ical((root / "fr" / "events.ics").read_bytes())
    for event in calendar.walk("VEVENT"):
        assert str(event["URL"]).startswith(f"{base}fr/events/")  # the events page, or a year's page
        assert "#event-" in str(event["URL"])
    feed = feedparser.parse((root / "feed.fr.xml").read_bytes())
    assert all(entry.link.startswith(f"{base}fr/") for entry in feed.entries)
    assert feed.feed.links[0].href == f"{base}fr/"
