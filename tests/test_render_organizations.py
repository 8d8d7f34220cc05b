"""The partner organizations: cards, profiles and figures as HTML, each figure dated and sourced."""

from __future__ import annotations

import dataclasses
import re

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Organization
from macros.render.organizations import (
    render_figure_history,
    render_figures_table,
    render_organization_profile,
    render_partner_cards,
)

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


def ctx(data: Dataset, page: str = "index.md", edition: str = "wco") -> RenderContext:
    return RenderContext(data, "en", page, edition)


def with_org(data: Dataset, org: Organization) -> Dataset:
    return dataclasses.replace(data, organizations={**data.organizations, org.id: org})


def test_partner_cards_put_the_edition_first(data: Dataset) -> None:
    wco_first = render_partner_cards(ctx(data, edition="wco"))
    ippc_first = render_partner_cards(ctx(data, edition="ippc"))
    assert isinstance(wco_first, Markup)
    assert wco_first.index("World Customs") < wco_first.index("International Plant")
    assert ippc_first.index("International Plant") < ippc_first.index("World Customs")


def test_partner_cards_are_material_grid_cards(data: Dataset) -> None:
    html = render_partner_cards(ctx(data))
    assert html.startswith('<div class="grid cards">\n<ul>\n<li>')
    assert [e.attrs["href"] for e in elements(html, "a")] == ["about-wco/", "about-ippc/"]
    assert "<hr>" in html
    assert "<p>An intergovernmental body for Customs (1 &lt; 2 &amp; 3 &gt; 2).</p>" in html
    assert "<li>Contracting parties: <strong>185</strong> <small>(as of October 2025)</small></li>" in html


def test_figures_show_date_or_note_and_history(data: Dataset) -> None:
    profile = render_organization_profile("wco", ctx(data, "about-wco.md"))
    assert "as stated on the WCO membership page (undated)" in text_of(profile)
    assert "Members: 183 (as of 2021)" in text_of(profile)


def test_figures_table_has_header_cells_and_a_row_per_figure(data: Dataset) -> None:
    table = render_figures_table(data.organizations["ippc"], ctx(data, "about-ippc.md"))
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == ["Figure", "Value", "As of", "Source"]
    assert "<td>Contracting parties</td>\n<td><strong>185</strong></td>\n<td>as of October 2025</td>" in table
    assert table.count("<tr>") == 2


def test_profile_sections_keep_their_anchors(data: Dataset) -> None:
    profile = render_organization_profile("wco", ctx(data, "about-wco.md"))
    assert ids(profile) == ["key-figures", "earlier-figures", "website", "contact-point"]
    assert '<p><a href="https://www.wcoomd.org/">https://www.wcoomd.org/</a></p>' in profile
    assert '<p>See <a href="../contacts/">Contacts and links</a>.</p>' in profile
    ippc = render_organization_profile("ippc", ctx(data, "about-ippc.md"))
    assert ids(ippc) == ["key-figures", "website"]  # no history, no contact point recorded
    assert render_figure_history(data.organizations["ippc"], ctx(data)) == ""


def test_figure_history_shows_details(data: Dataset) -> None:
    wco = data.organizations["wco"]
    figure = wco.figures[0]
    past = figure.history[0].model_copy(update={"details": {"en": "From the *overview*."}})
    org = wco.model_copy(update={"figures": [figure.model_copy(update={"history": [past]})]})
    history = render_figure_history(org, ctx(data))
    assert "<li>Members: 183 (as of 2021). From the <em>overview</em>. <span" in history


def test_records_to_confirm_show_the_badge(data: Dataset) -> None:
    wco = data.organizations["wco"]
    figure = wco.figures[0].model_copy(update={"status": "to-confirm"})
    org = wco.model_copy(update={"status": "to-confirm", "figures": [figure]})
    doubtful = with_org(data, org)
    cards = render_partner_cards(ctx(doubtful))
    assert cards.count('class="status-to-confirm"') == 2  # the organization and its figure
    table = render_figures_table(org, ctx(doubtful))
    assert 'class="status-to-confirm"' in table
    assert 'class="status-to-confirm"' in render_organization_profile("wco", ctx(doubtful, "about-wco.md"))
    assert "status-to-confirm" not in render_partner_cards(ctx(data))


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_organization_texts_are_inert(data: Dataset, hostile: str) -> None:
    text = {"en": hostile}
    wco = data.organizations["wco"]
    figure = wco.figures[0]
    past = figure.history[0].model_copy(update={"value": text, "details": text})
    bad_figure = figure.model_copy(update={"label": text, "value": text, "as_of_note": text, "history": [past]})
    org = wco.model_copy(
        update={"name": text, "acronym": text, "description": text, "website": HOSTILE_URL, "figures": [bad_figure]}
    )
    hostile_data = with_org(data, org)
    profile = render_organization_profile("wco", ctx(hostile_data, "about-wco.md"))
    for html in (profile, render_partner_cards(ctx(hostile_data))):
        assert inert_problems(html) == []
        assert "<script" not in html and "<img" not in html
        assert not EVENT_HANDLER.search(html)
    assert ESCAPED_HOSTILE_LINK in profile
