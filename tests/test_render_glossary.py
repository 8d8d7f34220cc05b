"""The glossary: a definition list whose terms other pages link to, built from data as text."""

from __future__ import annotations

import dataclasses

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import GlossaryTerm
from macros.render.glossary import render_glossary

from .html_text import (
    EVENT_HANDLER,
    HOSTILE_TEXTS,
    elements,
    inert_problems,
    text_of,
)


def ctx(data: Dataset, lang: str = "en") -> RenderContext:
    return RenderContext(data, lang, "glossary.md")


def term(data: Dataset) -> GlossaryTerm:
    return data.glossary[0]


def test_glossary_is_a_definition_list_with_term_anchors(data: Dataset) -> None:
    html = render_glossary(ctx(data))
    assert isinstance(html, Markup)
    assert html.startswith("<dl>")
    assert [e.attrs["id"] for e in elements(html, "dt")] == ["term-wco"]
    dd = html[html.index("<dd>") : html.index("</dd>")]
    # The source is shown by its publisher's name (the glossary explains the acronym), linked.
    assert text_of(dd).startswith("World Customs Organization. Source: WCO")
    assert '<a href="https://www.wcoomd.org/"><abbr title="World Customs Organization">WCO</abbr></a>' in dd


def test_glossary_is_in_the_page_language(data: Dataset) -> None:
    html = render_glossary(ctx(data, "fr"))
    assert '<dt id="term-wco"><abbr title="Organisation mondiale des douanes">OMD</abbr></dt>' in html
    assert "<dd>Organisation mondiale des douanes. " in html


def test_terms_are_sorted_and_details_shown(data: Dataset) -> None:
    details = term(data).model_copy(update={"id": "aeo", "term": {"en": "AEO"}, "details": {"en": "A *SAFE* concept."}})
    html = render_glossary(ctx(dataclasses.replace(data, glossary=[term(data), details])))
    assert [e.attrs["id"] for e in elements(html, "dt")] == ["term-aeo", "term-wco"]
    assert "World Customs Organization. A <em>SAFE</em> concept. <span" in html


def test_empty_glossary_says_so(data: Dataset) -> None:
    html = render_glossary(ctx(dataclasses.replace(data, glossary=[])))
    assert html.strip().startswith("<p>") and "<dl>" not in html


def test_term_to_confirm_shows_the_badge(data: Dataset) -> None:
    doubtful = term(data).model_copy(update={"status": "to-confirm"})
    html = render_glossary(ctx(dataclasses.replace(data, glossary=[doubtful])))
    assert 'class="status-to-confirm"' in html[html.index("<dt") : html.index("</dt>")]
    assert "status-to-confirm" not in render_glossary(ctx(data))


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_glossary_texts_are_inert(data: Dataset, hostile: str) -> None:
    text = {"en": hostile}
    bad = term(data).model_copy(update={"term": text, "expansion": text, "details": text})
    html = render_glossary(ctx(dataclasses.replace(data, glossary=[bad])))
    assert inert_problems(html) == []
    assert "<script" not in html and "<img" not in html
    assert not EVENT_HANDLER.search(html)
