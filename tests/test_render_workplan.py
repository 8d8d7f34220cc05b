"""The Joint Work Plan as HTML: status, facts, action tables with reported progress, area cards."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.model import Confirmation, parse_partial_date
from macros.render.workplan import (
    _progress_cell,
    render_action_table,
    render_area_cards,
    render_workplan,
    render_workplan_facts,
    render_workplan_heading,
    render_workplan_intro,
    render_workplan_status,
)

from .conftest import FIXTURES
from .markup_checks import HOSTILE, assert_inert, elements


def ctx(data: Dataset, page: str = "workplan.md") -> RenderContext:
    return RenderContext(data, "en", page, "wco", date(2026, 11, 23))


def hostile(data: Dataset) -> Dataset:
    """Every text of the plan, its areas, actions and reports set to the hostile text."""
    text = {"en": HOSTILE}
    areas = [
        area.model_copy(
            update={
                "title": text,
                "short_title": text,
                "intro": text,
                "actions": [
                    a.model_copy(update={"text": text, "details": text, "time_frame": text}) for a in area.actions
                ],
            }
        )
        for area in data.workplan.areas
    ]
    plan = data.workplan.model_copy(
        update={"areas": areas, "title": text, "term_status": text, "basis": text, "place": text, "review": text}
    )
    updates = [u.model_copy(update={"title": text}) for u in data.updates]
    return dataclasses.replace(data, workplan=plan, updates=updates)


def test_action_table_has_every_action_with_time_frame(data: Dataset) -> None:
    table = render_action_table(data.areas["1"], ctx(data))
    assert '<td><span id="action-1-1">1.1</span></td>\n<td>Organize joint workshops</td>\n<td>2019-2022</td>' in table
    assert "<td>On going</td>" in table
    assert [attrs["id"] for _, attrs in elements(table, "span") if "id" in attrs] == ["action-1-1", "action-1-2"]
    assert [attrs.get("scope") for _, attrs in elements(table, "th")] == ["col"] * 4


def test_action_details_are_shown_under_the_action(data: Dataset) -> None:
    action = data.areas["1"].actions[0].model_copy(update={"details": {"en": "Held in *2019*."}})
    area = data.areas["1"].model_copy(update={"actions": [action]})
    table = render_action_table(area, ctx(data))
    assert '<td>Organize joint workshops<span class="action-details">Held in <em>2019</em>.</span></td>' in table


def test_action_without_report_says_so(data: Dataset) -> None:
    table = render_action_table(data.areas["1"], ctx(data))
    assert table.count('<span class="no-report">No progress reported</span>') == 2


def test_reported_progress_links_the_update(data: Dataset) -> None:
    table = render_action_table(data.areas["5"], ctx(data))
    link = (
        '<a href="../areas/sea-containers/#update-sctf-3">September 2019: '
        '<abbr title="World Customs Organization">WCO</abbr> at the third SCTF meeting</a>'
    )
    assert link in table


def test_reported_progress_is_relative_to_the_page(data: Dataset) -> None:
    cell = _progress_cell("5.1", ctx(data, "areas/sea-containers.md"))
    assert cell.startswith('<a href="./#update-sctf-3">')


def test_progress_marks_an_update_to_confirm(data: Dataset) -> None:
    confirm = Confirmation(ask=["wco"], question="Did it happen?")
    updates = [u.model_copy(update={"status": "to-confirm", "confirm": confirm}) for u in data.updates]
    cell = _progress_cell("5.1", ctx(dataclasses.replace(data, updates=updates)))
    assert '</a> <span class="status-to-confirm">' in cell
    assert "status-to-confirm" not in _progress_cell("5.1", ctx(data))


def test_workplan_says_its_term_has_ended(data: Dataset) -> None:
    status = render_workplan_status(ctx(data))
    assert status.startswith(
        '<div class="admonition warning">\n<p class="admonition-title">The work plan\'s term has ended</p>'
    )
    assert "<p>The Joint Work Plan covered July 2019\u2009–\u2009June 2022. No successor plan was found.</p>" in status
    assert '<span class="source">' in status


def test_workplan_says_nothing_of_its_term_while_it_runs(data: Dataset) -> None:
    running = RenderContext(data, "en", "workplan.md", "wco", date(2021, 5, 1))
    assert render_workplan_status(running) == ""


def test_workplan_heading_gives_the_current_plan_s_years(data: Dataset) -> None:
    """The id is the one the toc extension gave the Markdown heading that this replaced."""
    assert render_workplan_heading(ctx(data)).startswith('<h1 id="joint-work-plan-20192022">Joint Work Plan 2019–2022<')
    russian = RenderContext(data, "ru", "workplan.md", "wco", date(2026, 11, 23))
    assert render_workplan_heading(russian).startswith('<h1 id="20192022">Совместный план работы на 2019–2022 годы<')
    successor = load_dataset(FIXTURES / "two-plans")
    assert ">Joint Work Plan 2022–2025<" in render_workplan_heading(ctx(successor))


def test_workplan_intro_holds_heading_status_and_facts_in_order(data: Dataset) -> None:
    intro = render_workplan_intro(ctx(data))
    assert intro.index("<h1 ") < intro.index('class="admonition warning"') < intro.index("<table>")


def test_workplan_links_earlier_plans_only_when_there_are_some(data: Dataset) -> None:
    assert "earlier-plans" not in render_workplan(ctx(data))
    page = render_workplan(ctx(load_dataset(FIXTURES / "two-plans")))
    assert page.index('id="area-5"') < page.index('<h2 id="earlier-plans">Earlier work plans<')
    assert '<li><a href="../plans/2019-2022/">Joint Work Plan</a> (July 2019\u2009–\u2009June 2022)</li>' in page


def test_workplan_facts_are_a_table_with_the_sources(data: Dataset) -> None:
    facts = render_workplan_facts(ctx(data))
    assert "<thead>\n<tr>\n<th>Title</th>\n<th>Joint Work Plan</th>" in facts
    assert (
        "<td>Agreed by</td>\n<td>World Customs Organization · International Plant Protection Convention</td>" in facts
    )
    assert "<td>Agreed on</td>\n<td>18 March 2019</td>" in facts  # no place in the fixture: no comma
    with_place = data.workplan.model_copy(update={"place": {"en": "Rome"}})
    assert "<td>18 March 2019, Rome</td>" in render_workplan_facts(ctx(dataclasses.replace(data, workplan=with_place)))
    assert facts.endswith(
        '</table>\n<p><span class="source">Source: <cite>Joint Work Plan</cite> (Agreed on 18 March 2019)</span></p>'
    )


def test_workplan_lists_areas_in_order(data: Dataset) -> None:
    text = render_workplan(ctx(data))
    first = '<h2 id="area-1">1. Joint events<a class="headerlink" href="#area-1"'
    fifth = '<h2 id="area-5">5. Sea containers<a class="headerlink" href="#area-5"'
    assert text.index(first) < text.index(fifth)
    assert (
        '<p><a href="../areas/sea-containers/">More on Sea containers: progress, events and official pages</a></p>'
        in text
    )
    assert "<p>Implement the Complementary Action Plan.</p>" in text


def test_area_cards_link_each_area_with_its_icon(data: Dataset) -> None:
    cards = render_area_cards(ctx(data, "index.md"))
    assert cards.startswith(
        '<div class="grid cards">\n<ul>\n<li>\n<p><span class="twemoji lg middle" aria-hidden="true"><svg'
    )
    assert (
        '<strong><a href="areas/sea-containers/">Sea containers</a></strong></p>\n<hr>\n<p>Sea containers</p>' in cards
    )
    assert "<p><small>Actions: 2</small></p>" in cards
    assert cards.count("<li>") == 2


def test_hostile_texts_stay_text(data: Dataset) -> None:
    bad = hostile(data)
    for html in (
        render_workplan_status(ctx(bad)),
        render_workplan_facts(ctx(bad)),
        render_workplan(ctx(bad)),
        render_area_cards(ctx(bad, "index.md")),
    ):
        assert_inert(html)


def test_an_icon_that_is_not_material_is_refused(data: Dataset) -> None:
    area = data.workplan.areas[0].model_copy(update={"icon": 'material/ferry"><script>alert(1)</script>'})
    plan = data.workplan.model_copy(update={"areas": [area]})
    with pytest.raises(ValueError, match="is not an icon name"):
        render_area_cards(ctx(dataclasses.replace(data, workplan=plan), "index.md"))


def test_developments_after_the_term_are_shown_apart(data: Dataset) -> None:
    update = data.updates_by_action["5.1"][0]
    later = update.model_copy(update={"id": "later-one", "dated": parse_partial_date("2024-03")})
    changed = dataclasses.replace(data, updates=[*data.updates, later])
    table = render_action_table(changed.areas["5"], ctx(changed))
    during, _, after = table.partition('<span class="progress-later">After the plan\'s term:</span>')
    assert "#update-sctf-3" in during and "#update-later-one" in after
