"""Progress reports as HTML: one report, the list of an area, the latest on the home page."""

from __future__ import annotations

import dataclasses
from datetime import date

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Confirmation, PartialDate, Update
from macros.render.progress import render_latest_updates, render_update, render_update_list

from .markup_checks import HOSTILE, assert_inert, elements


def ctx(data: Dataset, page: str = "areas/sea-containers.md") -> RenderContext:
    return RenderContext(data, "en", page, "wco", date(2026, 11, 23))


def to_confirm(update: Update) -> Update:
    return update.model_copy(update={"status": "to-confirm", "confirm": Confirmation(ask=["ippc"], question="When?")})


def test_update_is_a_heading_with_date_text_actions_and_sources(data: Dataset) -> None:
    html = render_update(data.updates[0], ctx(data))
    assert html.startswith(
        '<h3 id="update-sctf-3"><abbr title="World Customs Organization">WCO</abbr> at the third SCTF meeting'
        '<a class="headerlink" href="#update-sctf-3" title="Permanent link">¶</a></h3>'
    )
    assert (
        '<p><time datetime="2019-09">September 2019</time>. A <abbr title="World Customs Organization">WCO</abbr>'
        " officer presented the <strong>SAFE</strong> Framework."
        ' Work plan actions: <a href="../../workplan/#action-5-1">5.1</a>.</p>'
    ) in html
    assert '<p><span class="source">Source: ' in html


def test_update_heading_level_is_the_callers(data: Dataset) -> None:
    html = render_update(data.updates[0], ctx(data), level=2)
    assert [tag for tag, _ in elements(html) if tag.startswith("h")] == ["h2"]


def test_update_without_actions_names_none(data: Dataset) -> None:
    update = data.updates[0].model_copy(update={"actions": []})
    html = render_update(update, ctx(data))
    assert "Work plan actions" not in html
    assert "Framework.</p>" in html


def test_update_to_confirm_shows_the_badge_next_to_its_title(data: Dataset) -> None:
    html = render_update(to_confirm(data.updates[0]), ctx(data))
    assert 'SCTF meeting <span class="status-to-confirm">' in html
    assert html.index("status-to-confirm") < html.index("</h3>")
    assert "status-to-confirm" not in render_update(data.updates[0], ctx(data))


def test_update_list_is_newest_first(data: Dataset) -> None:
    older = data.updates[0]
    newer = older.model_copy(update={"id": "newer", "dated": PartialDate(2020, 1, 5)})
    html = render_update_list([older, newer], ctx(data))
    assert html.index('id="update-newer"') < html.index('id="update-sctf-3"')


def test_empty_update_list_says_so(data: Dataset) -> None:
    assert render_update_list([], ctx(data)) == "<p>No progress has been reported on this.</p>"


def test_latest_updates_link_their_area_pages(data: Dataset) -> None:
    html = render_latest_updates(ctx(data, "index.md"))
    assert html == (
        '<ul>\n<li><time datetime="2019-09">September 2019</time>: <a href="areas/sea-containers/#update-sctf-3">'
        '<abbr title="World Customs Organization">WCO</abbr> at the third SCTF meeting</a></li>\n</ul>'
    )


def test_latest_updates_without_area_are_not_links(data: Dataset) -> None:
    update = data.updates[0].model_copy(update={"areas": [], "actions": []})
    html = render_latest_updates(ctx(dataclasses.replace(data, updates=[update]), "index.md"))
    assert not elements(html, "a")
    assert "at the third SCTF meeting</li>" in html


def test_latest_updates_of_an_action_link_to_its_areas_page(data: Dataset) -> None:
    """A report that names an action only is shown on the page of the action's area: the list links there."""
    update = data.updates[0].model_copy(update={"areas": [], "actions": ["5.1"]})
    html = render_latest_updates(ctx(dataclasses.replace(data, updates=[update]), "index.md"))
    assert [attrs["href"] for _, attrs in elements(html, "a")] == ["areas/sea-containers/#update-sctf-3"]


def test_latest_updates_mark_those_to_confirm(data: Dataset) -> None:
    bad = dataclasses.replace(data, updates=[to_confirm(u) for u in data.updates])
    assert '</a> <span class="status-to-confirm">' in render_latest_updates(ctx(bad, "index.md"))


def test_no_latest_update_says_so(data: Dataset) -> None:
    html = render_latest_updates(ctx(dataclasses.replace(data, updates=[]), "index.md"))
    assert html == "<p>No progress has been reported on this.</p>"


def test_hostile_texts_stay_text(data: Dataset) -> None:
    text = {"en": HOSTILE}
    updates = [u.model_copy(update={"title": text, "body": text}) for u in data.updates]
    bad = dataclasses.replace(data, updates=updates)
    assert_inert(render_update_list(bad.updates, ctx(bad)))
    assert_inert(render_latest_updates(ctx(bad, "index.md")))
