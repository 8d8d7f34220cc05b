"""Each Secretariat's contact point, as published; nothing added but a readable form of its numbers."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from markupsafe import Markup

from ..context import RenderContext
from ..html import heading, render_template
from ..model import Contact
from ..text import anchor, label, status_badge, t
from .sources import render_sources


def phone_number(number: str) -> tuple[str, str | None]:
    """`003222099345` as `+32 2 209 93 45` and its `tel:` link; a number that cannot be read as an
    international one is shown as published, without a link (the reader's phone could not dial it)."""
    international = "+" + number.removeprefix("00") if number.startswith("00") else number
    try:
        parsed = phonenumbers.parse(international, None)
    except phonenumbers.NumberParseException:
        return number, None
    if not phonenumbers.is_valid_number(parsed):
        return number, None
    return (
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966),
    )


@dataclass(frozen=True)
class _Row:
    label: Markup
    text: Markup | str
    url: str | None = None
    ltr: bool = False
    """Numbers are marked left-to-right: in an Arabic page, the groups of `+32 2 209 93 45` would
    otherwise be shown in reverse order."""


def _rows(contact: Contact, ctx: RenderContext) -> list[_Row]:
    """Address, numbers, e-mail and website; the date a contact was registered is left out, as it
    only ever grows stale."""
    rows: list[_Row] = []
    if contact.address:
        rows.append(_Row(label("address", ctx), t(contact.address, ctx)))
    if contact.phone:
        text, url = phone_number(contact.phone)
        rows.append(_Row(label("phone", ctx), text, url, ltr=True))
    if contact.fax:
        rows.append(_Row(label("fax", ctx), phone_number(contact.fax)[0], ltr=True))
    if contact.email:
        rows.append(_Row(label("email", ctx), contact.email.removeprefix("mailto:"), contact.email))
    if contact.website:
        rows.append(_Row(label("website", ctx), contact.website, contact.website))
    return rows


def render_contacts(ctx: RenderContext) -> Markup:
    order = {org: index for index, org in enumerate(ctx.partner_order)}
    contacts = sorted(ctx.data.contacts, key=lambda c: (order.get(c.organization, 99), c.id))
    items = []
    for contact in contacts:
        org = ctx.data.organizations[contact.organization]
        title = Markup("{} ({}): {}{}").format(
            t(org.name, ctx), t(org.acronym, ctx), t(contact.name, ctx), status_badge(contact, ctx)
        )
        items.append(
            {
                "heading": heading(3, title, anchor("contact", contact.id)),
                "description": t(contact.description, ctx, block=True),
                "rows": _rows(contact, ctx),
                "sources": render_sources(contact.source, ctx),
            }
        )
    return render_template("contacts.html", contacts=items)
