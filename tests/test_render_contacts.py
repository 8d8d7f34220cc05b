"""Contact points: as published, numbers in international form, addresses as links, data as text."""

from __future__ import annotations

import dataclasses

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import Dataset
from macros.model import Contact
from macros.render.contacts import phone_number, render_contacts

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


def ctx(data: Dataset, lang: str = "en", edition: str = "wco") -> RenderContext:
    return RenderContext(data, lang, "contacts.md", edition)


def contact(data: Dataset) -> Contact:
    return data.contacts[0]


def with_contacts(data: Dataset, *contacts: Contact) -> Dataset:
    return dataclasses.replace(data, contacts=list(contacts))


@pytest.mark.parametrize(
    ("published", "shown", "link"),
    [
        ("003222099345", "+32 2 209 93 45", "tel:+32-2-209-93-45"),
        ("+39 06 5705 1", "+39 06 57051", "tel:+39-06-57051"),
        ("0622099345", "0622099345", None),  # no country code: shown as published, no link
        ("not a number", "not a number", None),
    ],
)
def test_phone_numbers_in_international_form(published: str, shown: str, link: str | None) -> None:
    assert phone_number(published) == (shown, link)


def test_contact_heading_address_and_phone(data: Dataset) -> None:
    html = render_contacts(ctx(data))
    assert isinstance(html, Markup)
    assert ids(html) == ["contact-wco-iog"]
    assert text_of(html).startswith("World Customs Organization (WCO): International Organizations Group¶")
    assert "Address: Rue du Marché 30, B-1210 Brussels, Belgium<br>" in html
    assert 'Telephone: <a href="tel:+32-2-209-93-45" dir="ltr">+32 2 209 93 45</a>' in html
    assert 'class="source"' in html


def test_registration_date_is_not_shown(data: Dataset) -> None:
    assert contact(data).registered_on is not None
    html = render_contacts(ctx(data))
    assert "2018" not in html and "registered" not in html.lower()


def test_fax_email_and_website(data: Dataset) -> None:
    full = contact(data).model_copy(
        update={"fax": "003222099493", "email": "mailto:info@example.org", "website": "https://www.example.org/"}
    )
    html = render_contacts(ctx(with_contacts(data, full)))
    assert 'Fax: <span dir="ltr">+32 2 209 94 93</span>' in html
    assert 'Email: <a href="mailto:info@example.org">info@example.org</a>' in html
    assert 'Website: <a href="https://www.example.org/">https://www.example.org/</a>' in html
    assert [e.attrs["href"] for e in elements(html, "a") if "headerlink" not in str(e.attrs.get("class"))][:1] == [
        "tel:+32-2-209-93-45"
    ]


def test_contacts_follow_the_edition_order(data: Dataset) -> None:
    ippc = contact(data).model_copy(update={"id": "ippc-secretariat", "organization": "ippc"})
    two = with_contacts(data, contact(data), ippc)
    assert ids(render_contacts(ctx(two, edition="wco"))) == ["contact-wco-iog", "contact-ippc-secretariat"]
    assert ids(render_contacts(ctx(two, edition="ippc"))) == ["contact-ippc-secretariat", "contact-wco-iog"]


def test_contact_to_confirm_shows_the_badge(data: Dataset) -> None:
    doubtful = contact(data).model_copy(update={"status": "to-confirm"})
    html = render_contacts(ctx(with_contacts(data, doubtful)))
    assert 'class="status-to-confirm"' in html[: html.index("</h3>")]


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_contact_values_are_inert(data: Dataset, hostile: str) -> None:
    text = {"en": hostile}
    bad = contact(data).model_copy(
        update={
            "name": text,
            "description": text,
            "address": text,
            "phone": hostile,
            "fax": hostile,
            "email": f"mailto:{hostile}",
            "website": HOSTILE_URL,
        }
    )
    html = render_contacts(ctx(with_contacts(data, bad)))
    assert inert_problems(html) == []
    assert "<script" not in html and "<img" not in html
    assert not EVENT_HANDLER.search(html)
    assert ESCAPED_HOSTILE_LINK in html
