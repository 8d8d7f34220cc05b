"""The two partner organizations: profiles and key figures, each figure with its date and source."""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, render_template
from ..model import Figure, Organization
from ..text import label, status_badge, t
from .sources import render_sources


def _as_of(figure: Figure, ctx: RenderContext) -> Markup:
    if figure.as_of is not None:
        return label("as_of", ctx, date=format_partial(figure.as_of, ctx.lang))
    return t(figure.as_of_note, ctx)


def render_figures_table(org: Organization, ctx: RenderContext) -> Markup:
    figures = [
        {
            "label": t(figure.label, ctx),
            "badge": status_badge(figure, ctx),
            "value": t(figure.value, ctx),
            "as_of": _as_of(figure, ctx),
            "sources": render_sources(figure.source, ctx),
        }
        for figure in org.figures
    ]
    return render_template(
        "figures_table.html",
        figure_label=label("figure", ctx),
        value_label=label("value", ctx),
        as_of_label=label("as_of_column", ctx),
        source_label=label("source", ctx),
        figures=figures,
    )


def render_figure_history(org: Organization, ctx: RenderContext) -> Markup:
    """Older figures, kept so that a stale number is never shown as current."""
    history = [
        {
            "label": t(figure.label, ctx),
            "value": t(past.value, ctx),
            "as_of": label("as_of", ctx, date=format_partial(past.as_of, ctx.lang)),
            "badge": status_badge(past, ctx),
            "details": t(past.details, ctx),
            "sources": render_sources(past.source, ctx),
        }
        for figure in org.figures
        for past in figure.history
    ]
    if not history:
        return Markup("")
    title = heading(3, label("earlier_figures", ctx), "earlier-figures")
    return render_template("figure_history.html", heading=title, history=history)


def render_partner_cards(ctx: RenderContext) -> Markup:
    """The two organizations side by side, the edition's own first, with their key figures."""
    cards = []
    for org_id in ctx.partner_order:
        org = ctx.data.organizations[org_id]
        figures = [
            {"label": t(f.label, ctx), "badge": status_badge(f, ctx), "value": t(f.value, ctx), "as_of": _as_of(f, ctx)}
            for f in org.figures[:3]
        ]
        cards.append(
            {
                "url": ctx.link(f"about-{org_id}.md"),
                "name": t(org.name, ctx),
                "acronym": t(org.acronym, ctx),
                "badge": status_badge(org, ctx),
                "description": t(org.description, ctx, block=True),
                "figures": figures,
            }
        )
    return render_template("partner_cards.html", cards=cards)


def render_organization_profile(org_id: str, ctx: RenderContext) -> Markup:
    """Description, key figures and their history, website, and where to find the contact point;
    the section headings keep the ids that the toc gave them in English."""
    org = ctx.data.organizations[org_id]
    has_contacts = any(c.organization == org_id for c in ctx.data.contacts)
    return render_template(
        "organization_profile.html",
        badge=status_badge(org, ctx),
        description=t(org.profile or org.description, ctx, block=True),
        sources=render_sources(org.source, ctx),
        figures=render_figures_table(org, ctx) if org.figures else Markup(""),
        figures_heading=heading(2, label("key_figures", ctx), "key-figures"),
        history=render_figure_history(org, ctx),
        website=org.website,
        website_heading=heading(2, label("website", ctx), "website"),
        contacts=label("see_contacts", ctx, url=ctx.link("contacts.md")) if has_contacts else Markup(""),
        contacts_heading=heading(2, label("contact_point", ctx), "contact-point"),
    )
