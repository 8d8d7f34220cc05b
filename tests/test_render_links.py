"""Official pages: their URLs go into href through a template, escaped, never into Markdown."""

from __future__ import annotations

import dataclasses

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Link
from macros.render.links import render_all_links, render_link_columns

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


def ctx(data: Dataset, edition: str = "wco", page: str = "areas/sea-containers.md") -> RenderContext:
    return RenderContext(data, "en", page, edition)


def link(data: Dataset) -> Link:
    return data.links[0]


def test_link_columns_put_the_edition_first(data: Dataset) -> None:
    wco_first = render_link_columns(data.links, ctx(data, "wco"))
    ippc_first = render_link_columns(data.links, ctx(data, "ippc"))
    assert isinstance(wco_first, Markup)
    assert wco_first.startswith('<div class="grid cards">\n<ul>')
    assert text_of(wco_first).index("At the WCO") < text_of(wco_first).index("At the IPPC")
    assert text_of(ippc_first).index("At the IPPC") < text_of(ippc_first).index("At the WCO")
    assert "<hr>" in wco_first


def test_link_columns_list_each_link_and_say_when_a_column_is_empty(data: Dataset) -> None:
    html = render_link_columns(data.links, ctx(data))
    assert [e.attrs["href"] for e in elements(html, "a")] == [link(data).url]
    assert f'<a href="{link(data).url}">Sea containers</a>' in html
    assert "<p>No official pages are listed for this topic.</p>" in html  # the WCO column
    assert render_link_columns([], ctx(data)) == "<p>No official pages are listed for this topic.</p>"


def test_links_of_other_organizations_get_their_own_column(data: Dataset) -> None:
    elsewhere = link(data).model_copy(update={"id": "fao-page", "organization": "fao"})
    html = render_link_columns([link(data), elsewhere], ctx(data))
    assert "Elsewhere" in text_of(html)
    assert html.count("<li>\n<p><strong>") == 3


def test_all_links_grouped_by_organization(data: Dataset) -> None:
    elsewhere = link(data).model_copy(update={"id": "fao-page", "organization": "fao", "title": {"en": "FAO page"}})
    html = render_all_links(ctx(dataclasses.replace(data, links=[link(data), elsewhere]), page="contacts.md"))
    assert ids(html) == ["links-ippc", "links-fao"]
    assert text_of(html).startswith("International Plant Protection Convention (IPPC)¶ Sea containers")
    assert html.index("Sea containers") < html.index("FAO page")


def test_link_to_confirm_shows_the_badge(data: Dataset) -> None:
    doubtful = link(data).model_copy(update={"status": "to-confirm"})
    assert 'class="status-to-confirm"' in render_link_columns([doubtful], ctx(data))
    assert 'class="status-to-confirm"' in render_all_links(ctx(dataclasses.replace(data, links=[doubtful])))


def test_hostile_url_stays_inside_the_attribute(data: Dataset) -> None:
    bad = link(data).model_copy(update={"url": HOSTILE_URL, "title": {"en": "<b>x</b>"}})
    for html in (
        render_link_columns([bad], ctx(data)),
        render_all_links(ctx(dataclasses.replace(data, links=[bad]))),
    ):
        assert ESCAPED_HOSTILE_LINK in html
        assert [e.attrs["href"] for e in elements(html, "a") if e.attrs.get("class") != "headerlink"] == [HOSTILE_URL]
        assert inert_problems(html) == []
        assert "<script" not in html


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_link_titles_are_inert(data: Dataset, hostile: str) -> None:
    bad = link(data).model_copy(update={"title": {"en": hostile}})
    html = render_link_columns([bad], ctx(data))
    assert inert_problems(html) == []
    assert "<script" not in html and "<img" not in html
    assert not EVENT_HANDLER.search(html)
