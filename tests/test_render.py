"""Render functions: model in, Markdown out."""

from __future__ import annotations

from datetime import date

import pytest

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.render.events import is_past, render_events_page
from macros.render.not_found import render_not_found
from macros.render.organizations import render_organization_profile, render_partner_cards

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def data():
    return load_dataset(FIXTURES / "minimal")


def ctx(data, page: str = "index.md", today: date = date(2026, 11, 23), edition: str = "wco") -> RenderContext:
    return RenderContext(data, "en", page, edition, today)


def test_events_are_past_or_upcoming_by_build_date(data) -> None:
    conference = next(e for e in data.events if e.id == "aeo-conference")
    assert is_past(conference, ctx(data, today=date(2021, 5, 28)))
    assert not is_past(conference, ctx(data, today=date(2021, 5, 27)))
    early = render_events_page(ctx(data, "events.md", today=date(2021, 1, 1)))
    late = render_events_page(ctx(data, "events.md", today=date(2026, 11, 23)))
    assert early.index("5th WCO Global AEO Conference") < early.index("## Past events")
    assert late.index("5th WCO Global AEO Conference") > late.index("## Past events")
    assert "No upcoming event is recorded." in late


def test_partner_cards_put_the_edition_first(data) -> None:
    wco_first = render_partner_cards(ctx(data, edition="wco"))
    ippc_first = render_partner_cards(ctx(data, edition="ippc"))
    assert wco_first.index("World Customs") < wco_first.index("International Plant")
    assert ippc_first.index("International Plant") < ippc_first.index("World Customs")


def test_figures_show_date_or_note_and_history(data) -> None:
    profile = render_organization_profile("wco", ctx(data, "about-wco.md"))
    assert "as stated on the WCO membership page (undated)" in profile
    assert "Members: 183 (as of 2021)" in profile


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
