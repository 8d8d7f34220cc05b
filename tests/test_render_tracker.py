"""The work-plan tracker: one SVG row per action, its title and description in the page's language,
statuses that only say what the evidence says, a table as text alternative, and inert data."""

from __future__ import annotations

import dataclasses
from datetime import date
from xml.etree import ElementTree

import pytest

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.render.tracker import render_tracker, render_tracker_svg, track
from macros.text import label_plain

from .conftest import FIXTURES
from .html_text import EVENT_HANDLER, elements, ids, inert_problems

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 23)


def _svg(ctx: RenderContext) -> ElementTree.Element:
    return ElementTree.fromstring(str(render_tracker_svg(track(ctx), ctx)))


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "zh"])
def test_one_row_per_action_with_title_and_description_in_the_language(dataset: Dataset, lang: str) -> None:
    ctx = RenderContext(dataset, lang, "tracker.md", "ippc", TODAY)
    svg = _svg(ctx)
    rows = [g for g in svg.iter(f"{SVG}g") if "tracker-row" in (g.get("class") or "")]
    assert [row.get("data-action") for row in rows] == list(dataset.actions)
    assert svg.find(f"{SVG}title").text == label_plain("tracker_title", ctx)  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").text == label_plain("tracker_description", ctx)  # type: ignore[union-attr]
    assert svg.get("lang") == lang
    assert svg.get("direction") == ("rtl" if lang == "ar" else "ltr")
    for row, action in zip(rows, dataset.actions.values(), strict=True):
        label = row.find(f"{SVG}text").text or ""  # type: ignore[union-attr]
        assert label.startswith(f"{action.id} ")
        marks = row.findall(f"{SVG}a")
        tracked = next(item for item in track(ctx) if item.action.id == action.id)
        assert len(marks) == len(tracked.evidence)
        assert all(mark.get("href") for mark in marks)
        has_bar = any("tracker-bar" in (r.get("class") or "") for r in row.iter(f"{SVG}rect"))
        assert has_bar == (tracked.span is not None)  # an unread time frame is text, never a bar
    assert any("tracker-today" in (line.get("class") or "") for line in svg.iter(f"{SVG}line"))


def test_right_to_left_in_arabic_time_runs_leftwards(dataset: Dataset) -> None:
    def year_positions(lang: str) -> list[float]:
        svg = _svg(RenderContext(dataset, lang, "tracker.md", "ippc", TODAY))
        years = [t for t in svg.iter(f"{SVG}text") if (t.text or "").isdigit() and len(t.text or "") == 4]
        return [float(t.get("x") or 0) for t in years]

    ltr, rtl = year_positions("en"), year_positions("ar")
    assert ltr == sorted(ltr) and rtl == sorted(rtl, reverse=True)


def test_status_is_what_the_evidence_says(dataset: Dataset) -> None:
    ctx = RenderContext(dataset, "en", "tracker.md", "ippc", TODAY)
    first = dataset.workplan.term_starts_on.first_day
    last = dataset.workplan.term_ends_on.last_day
    for item in track(ctx):
        updates = dataset.updates_by_action.get(item.action.id, [])
        events = [e for e in dataset.events if item.action.id in e.actions]
        dated = [u.dated for u in updates] + [e.starts_on for e in events]
        assert len(item.evidence) == len(dated)
        during = [d for d in dated if d.last_day >= first and d.first_day <= last]
        if during:
            assert item.status == "during"
        elif any(d.first_day > last for d in dated):
            assert item.status == "after"
        elif dated:
            assert item.status == "before"
        else:
            assert item.status == "none"


def test_the_page_has_a_table_per_area_and_filters_without_script(dataset: Dataset) -> None:
    ctx = RenderContext(dataset, "fr", "tracker.md", "wco", TODAY)
    html = str(render_tracker(ctx))
    page_ids = set(ids(html))
    rows = [e for e in elements(html, "tr") if (e.attrs.get("id") or "").startswith("tracker-action-")]
    assert len(rows) == len(dataset.actions)
    assert len(elements(html, "details")) == len(dataset.workplan.areas)
    for link in elements(html, "a"):
        href = link.attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in page_ids, href
    assert "<script" not in html
    assert "../workplan/#action-1-1" in html


def test_the_fixture_plan(dataset: Dataset) -> None:
    data = load_dataset(FIXTURES / "minimal")
    ctx = RenderContext(data, "en", "tracker.md", "wco", TODAY)
    statuses = {item.action.id: item.status for item in track(ctx)}
    assert statuses == {"1.1": "none", "1.2": "none", "5.1": "during"}


def test_hostile_texts_stay_inert() -> None:
    data = load_dataset(FIXTURES / "minimal")
    for hostile in ('"><img src=x onerror=alert(1)>', "<script>alert(1)</script>", "[x](javascript:alert(1))"):
        areas = list(data.workplan.areas)
        action = areas[-1].actions[0].model_copy(update={"text": {"en": hostile}, "time_frame": {"en": hostile}})
        areas[-1] = areas[-1].model_copy(update={"actions": [action], "short_title": {"en": hostile}})
        hostile_data = dataclasses.replace(
            data,
            workplan=data.workplan.model_copy(update={"areas": areas}),
            updates=[data.updates[0].model_copy(update={"title": {"en": hostile}})],
        )
        ctx = RenderContext(hostile_data, "en", "tracker.md", "wco", TODAY)
        assert track(ctx)[-1].evidence  # the hostile update is shown
        html = str(render_tracker(ctx))
        assert not EVENT_HANDLER.search(html)
        assert [p for p in inert_problems(html) if p != "<svg> element"] == []
