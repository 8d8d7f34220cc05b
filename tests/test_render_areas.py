"""An area's page as HTML: its title, place in the plan, actions, reports, events and official pages."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.page_outline import outline, title
from macros.render.areas import render_area_page

from .markup_checks import HOSTILE, assert_inert


def ctx(data: Dataset, page: str = "areas/sea-containers.md", lang: str = "en") -> RenderContext:
    return RenderContext(data, lang, page, "wco", date(2026, 11, 23))


def test_page_title_is_the_short_title_in_its_h1(data: Dataset) -> None:
    page = render_area_page("5", ctx(data))
    assert page.startswith('<h1 id="sea-containers">Sea containers<a class="headerlink" href="#sea-containers"')
    assert title(page) == "Sea containers"


def test_h1_keeps_an_id_in_scripts_without_latin_letters(data: Dataset) -> None:
    area = data.workplan.areas[1].model_copy(update={"short_title": {"en": "Sea containers", "ar": "الحاويات"}})
    plan = data.workplan.model_copy(update={"areas": [data.workplan.areas[0], area]})
    page = render_area_page("5", ctx(dataclasses.replace(data, workplan=plan), lang="ar"))
    assert page.startswith('<h1 id="sea-containers">الحاويات<a class="headerlink"')


def test_page_says_which_area_of_the_plan_it_is(data: Dataset) -> None:
    page = render_area_page("5", ctx(data))
    assert '<p>Area 5 of the <a href="../../workplan/">Joint Work Plan</a>: <strong>Sea containers</strong></p>' in page
    intro = '<p>Implement the Complementary Action Plan.</p>\n<p><span class="source">Source: '
    assert intro in page


def test_area_without_intro_has_no_intro_or_its_source(data: Dataset) -> None:
    page = render_area_page("1", ctx(data, "areas/joint-events.md"))
    assert '<span class="source">' not in page.split('<h2 id="actions">')[0]


def test_sections_are_in_order_with_their_ids(data: Dataset) -> None:
    page = render_area_page("5", ctx(data))
    sections = [heading["id"] for heading in outline(page)[0]["children"]]
    assert sections == ["actions", "progress-reports", "related-events", "official-pages"]
    assert [child["id"] for child in outline(page)[0]["children"][1]["children"]] == ["update-sctf-3"]


def test_links_are_relative_to_the_page(data: Dataset) -> None:
    page = render_area_page("5", ctx(data))
    assert 'href="../../workplan/#action-5-1"' in page
    assert 'href="./#update-sctf-3"' in page
    assert "../../events/#event-aeo-conference" in page


def test_area_without_reports_says_so(data: Dataset) -> None:
    page = render_area_page("1", ctx(data, "areas/joint-events.md"))
    assert "Progress reports<a" in page
    assert "<p>No progress has been reported on this.</p>" in page


def test_hostile_texts_stay_text(data: Dataset) -> None:
    text = {"en": HOSTILE}
    areas = [
        area.model_copy(
            update={
                "title": text,
                "short_title": text,
                "intro": text,
                "actions": [a.model_copy(update={"text": text, "details": text}) for a in area.actions],
            }
        )
        for area in data.workplan.areas
    ]
    updates = [u.model_copy(update={"title": text, "body": text}) for u in data.updates]
    bad = dataclasses.replace(data, workplan=data.workplan.model_copy(update={"areas": areas}), updates=updates)
    page = render_area_page("5", ctx(bad))
    assert_inert(page)
    assert re.match(r'<h1 id="[a-z0-9_-]+">&lt;script&gt;', page)  # the id is a slug of the text, nothing more
