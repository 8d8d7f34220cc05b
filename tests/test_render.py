"""Render functions: model in, Markdown out."""

from __future__ import annotations

from datetime import date

import pytest

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.render.agreement import render_history
from macros.render.areas import render_area_page
from macros.render.not_found import render_not_found
from macros.render.workplan import render_action_table, render_workplan, render_workplan_status

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def data():
    return load_dataset(FIXTURES / "minimal")


def ctx(data, page: str = "index.md", today: date = date(2026, 11, 23), edition: str = "wco") -> RenderContext:
    return RenderContext(data, "en", page, edition, today)


def test_action_table_has_every_action_with_time_frame(data) -> None:
    table = render_action_table(data.areas["1"], ctx(data, "workplan.md"))
    assert '<span id="action-1-1">1.1</span> | Organize joint workshops | 2019-2022 |' in table
    assert "| On going |" in table


def test_action_without_report_says_so(data) -> None:
    table = render_action_table(data.areas["1"], ctx(data, "workplan.md"))
    assert table.count("No progress reported in the sources") == 2


def test_reported_progress_links_the_update(data) -> None:
    table = render_action_table(data.areas["5"], ctx(data, "workplan.md"))
    assert "[September 2019: WCO at the third SCTF meeting](areas/sea-containers.md#update-sctf-3)" in table


def test_links_are_relative_to_the_page(data) -> None:
    page = render_area_page("5", ctx(data, "areas/sea-containers.md"))
    assert "(../workplan.md#action-5-1)" in page
    assert "(../events.md#event-aeo-conference)" in page


def test_workplan_says_its_term_has_ended(data) -> None:
    status = render_workplan_status(ctx(data, "workplan.md"))
    assert "The work plan's term has ended" in status
    assert "July 2019\u2009–\u2009June 2022" in status


def test_workplan_lists_areas_in_order(data) -> None:
    text = render_workplan(ctx(data, "workplan.md"))
    assert text.index("## 1. Joint events") < text.index("## 5. Sea containers")


def test_history_lists_milestones_only(data) -> None:
    history = render_history(ctx(data, "agreement.md"))
    assert "Signature of the Agreement" in history
    assert "AEO Conference" not in history


def test_not_found_page_speaks_every_language_in_its_own_direction() -> None:
    labels = {
        "not_found_title": {"en": "Page not found", "fr": "Page introuvable", "ar": "الصفحة غير موجودة"},
        "not_found_home": {"en": "Go to the home page", "fr": "Aller à l’accueil", "ar": "الانتقال"},
    }
    text = render_not_found(labels, ["en", "fr", "ar", "ru"], "/collab/")
    assert text.startswith('<h1>Page not found</h1>\n<p><a href="/collab/" hreflang="en">Go to the home page</a></p>')
    assert '<section lang="fr" dir="ltr"><h2>Page introuvable</h2><p><a href="/collab/fr/" hreflang="fr">' in text
    assert '<section lang="ar" dir="rtl"><h2>الصفحة غير موجودة</h2>' in text
    assert 'lang="ru"' not in text  # no Russian text: the English lines stand for it
