"""Each Secretariat's contact point, as published; nothing added."""

from __future__ import annotations

from ..context import RenderContext
from ..dates import format_partial
from ..text import escape, label, t
from .sources import render_sources


def render_contacts(ctx: RenderContext) -> str:
    order = {org: index for index, org in enumerate(ctx.partner_order)}
    contacts = sorted(ctx.data.contacts, key=lambda c: (order.get(c.organization, 99), c.id))
    parts = []
    for contact in contacts:
        org = ctx.data.organizations[contact.organization]
        parts.append(f"### {t(org.name, ctx)} ({t(org.acronym, ctx)}): {t(contact.name, ctx)}\n")
        if contact.description:
            parts.append(t(contact.description, ctx, block=True) + "\n")
        rows = []
        if contact.address:
            rows.append(f"{label('address', ctx)}: {t(contact.address, ctx)}")
        if contact.phone:
            rows.append(f"{label('phone', ctx)}: {escape(contact.phone)}")
        if contact.fax:
            rows.append(f"{label('fax', ctx)}: {escape(contact.fax)}")
        if contact.email:
            rows.append(f"{label('email', ctx)}: [{escape(contact.email.removeprefix('mailto:'))}]({contact.email})")
        if contact.website:
            rows.append(f"{label('website', ctx)}: [{escape(contact.website)}]({contact.website})")
        if contact.registered_on:
            rows.append(label("registered_on", ctx, date=format_partial(contact.registered_on, ctx.lang)))
        parts.append("  \n".join(rows) + "\n")
        parts.append(render_sources(contact.source, ctx) + "\n")
    return "\n".join(parts)
