"""The Data page: a row per product with its record count and three downloads, and its sources."""

from __future__ import annotations

import dataclasses
from datetime import date

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.open_data import PRODUCTS
from macros.render.data_page import render_data_page

from .conftest import FIXTURES
from .html_text import EVENT_HANDLER, elements, inert_problems, text_of


def test_one_row_per_product_with_counts_and_downloads(dataset: Dataset) -> None:
    html = str(render_data_page(RenderContext(dataset, "es", "data.md", "wco", date(2026, 11, 23))))
    hrefs = [e.attrs["href"] for e in elements(html, "a") if "download" in e.attrs]
    assert hrefs == [f"../open-data/{product}.{ext}" for product in PRODUCTS for ext in ("csv", "json", "schema.json")]
    text = text_of(html)
    for count in (len(dataset.actions), len(dataset.updates), len(dataset.events), len(dataset.glossary)):
        assert str(count) in text
    assert "23 de noviembre de 2026" in text
    assert len(elements(html, "details")) == len(PRODUCTS)


def test_hostile_sources_stay_inert() -> None:
    data = load_dataset(FIXTURES / "minimal")
    hostile = 'https://a.example/"><script>alert(1)</script>'
    events = [data.events[0].model_copy(update={"source": (hostile,)})]
    html = str(render_data_page(RenderContext(dataclasses.replace(data, events=events), "en", "data.md")))
    assert not EVENT_HANDLER.search(html)
    assert [p for p in inert_problems(html) if p != "<svg> element"] == []
