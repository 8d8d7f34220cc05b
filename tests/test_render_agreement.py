"""The Agreement, the history of the cooperation and the home page's introduction, as HTML."""

from __future__ import annotations

import dataclasses
from datetime import date

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Confirmation, Signatory
from macros.render.agreement import render_agreement, render_history, render_intro

from .markup_checks import HOSTILE, assert_inert, elements


def ctx(data: Dataset, page: str = "agreement.md", lang: str = "en") -> RenderContext:
    return RenderContext(data, lang, page, "wco", date(2026, 11, 23))


def test_agreement_facts_are_a_table(data: Dataset) -> None:
    html = render_agreement(ctx(data))
    assert "<th>Title</th>\n<th>Agreement between FAO and the <abbr" in html
    parties = (
        "<td>Parties</td>\n<td>Food and Agriculture Organization of the United Nations (FAO) · "
        'World Customs Organization (<abbr title="World Customs Organization">WCO</abbr>)</td>'
    )
    assert parties in html
    assert "<td>On behalf of</td>\n<td>International Plant Protection Convention</td>" in html
    assert "<td>Signed on</td>\n<td>19 June 2018, <abbr" in html
    assert "<td>Signed by</td>\n<td>Kunio Mikuriya, Secretary General (<abbr" in html


def test_signatories_are_one_per_line(data: Dataset) -> None:
    second = Signatory(name="Jingyuan Xia", role={"en": "Secretary"}, organization="ippc")
    agreement = data.agreement.model_copy(update={"signatories": [*data.agreement.signatories, second]})
    html = render_agreement(ctx(dataclasses.replace(data, agreement=agreement)))
    assert "</abbr>)<br>Jingyuan Xia, Secretary (IPPC)</td>" in html


def test_agreement_lists_areas_and_commitments_under_headings(data: Dataset) -> None:
    html = render_agreement(ctx(data))
    heading = '<h3 id="areas-of-cooperation-named-in-the-agreement">Areas of cooperation named in the Agreement'
    assert heading in html
    assert "<ul>\n<li>ePhyto</li>\n</ul>" in html
    assert "What the two parties undertake" not in html  # no commitments in the fixture
    agreement = data.agreement.model_copy(update={"commitments": [{"en": "Exchange documents."}]})
    html = render_agreement(ctx(dataclasses.replace(data, agreement=agreement)))
    assert '<h3 id="what-the-two-parties-undertake">' in html
    assert "<li>Exchange documents.</li>" in html
    assert html.index("ePhyto") < html.index("Exchange documents.") < html.index('<span class="source">')


def test_headings_keep_an_id_in_scripts_without_latin_letters(data: Dataset) -> None:
    html = render_agreement(ctx(data, lang="ar"))
    ids = [attrs["id"] for tag, attrs in elements(html) if tag == "h3"]
    assert ids == ["areas-of-cooperation"]


def test_summary_is_a_block_with_data_shown_as_typed(data: Dataset) -> None:
    html = render_agreement(ctx(data))
    assert html.startswith("<p>The two bodies work together. {{ 7 * 7 }} {% if true %}x{% endif %}</p>")


def test_history_lists_milestones_only(data: Dataset) -> None:
    """The signature (2018) is past and earlier than the latest year of events: it is on 2018's page."""
    history = render_history(ctx(data))
    assert history == (
        '<ul>\n<li><time datetime="2018-06-19"><strong>19 June 2018</strong></time>: '
        '<a href="../events/2018/#event-signature">Signature of the Agreement</a>.</li>\n</ul>'
    )
    assert "AEO Conference" not in history


def test_history_shows_the_description_and_marks_events_to_confirm(data: Dataset) -> None:
    confirm = Confirmation(ask=["wco"], question="Which day?")
    events = [
        e.model_copy(update={"description": {"en": "In *Brussels*."}, "status": "to-confirm", "confirm": confirm})
        for e in data.events
    ]
    history = render_history(ctx(dataclasses.replace(data, events=events)))
    assert 'Signature of the Agreement</a> <span class="status-to-confirm">' in history
    assert "</span>. In <em>Brussels</em>.</li>" in history


def test_no_milestone_says_so(data: Dataset) -> None:
    events = [e.model_copy(update={"milestone": False}) for e in data.events]
    assert render_history(ctx(dataclasses.replace(data, events=events))) == "<p>No event recorded.</p>"


def test_intro_is_the_summary_then_links_and_the_plans_status(data: Dataset) -> None:
    html = render_intro(ctx(data, "index.md"))
    assert html == (
        "<p>The two bodies work together. {{ 7 * 7 }} {% if true %}x{% endif %}</p>\n"
        '<p><a href="agreement/">The Agreement</a> was signed on 19 June 2018. '
        '<a href="workplan/">The Joint Work Plan</a> covered July 2019\u2009–\u2009June 2022. '
        "No successor plan was found.</p>"
    )


def test_hostile_texts_stay_text(data: Dataset) -> None:
    text = {"en": HOSTILE}
    signatory = data.agreement.signatories[0].model_copy(update={"name": HOSTILE, "role": text})
    agreement = data.agreement.model_copy(
        update={
            "title": text,
            "summary": text,
            "place": text,
            "signatories": [signatory],
            "areas_of_cooperation": [text],
            "commitments": [text],
        }
    )
    events = [e.model_copy(update={"title": text, "description": text, "milestone": True}) for e in data.events]
    plan = data.workplan.model_copy(update={"term_status": text})
    bad = dataclasses.replace(data, agreement=agreement, events=events, workplan=plan)
    assert_inert(render_agreement(ctx(bad)))
    assert_inert(render_history(ctx(bad)))
    assert_inert(render_intro(ctx(bad, "index.md")))
