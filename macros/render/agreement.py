"""The 2018 Agreement and the dated steps of the cooperation."""

from __future__ import annotations

from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial, format_span
from ..html import heading, join, render_template
from ..text import anchor, label, label_plain, status_badge, t
from .documents import render_document
from .events import event_page
from .sources import render_sources


def _section_heading(key: str, ctx: RenderContext) -> Markup:
    """An `<h3>` with the id the toc extension gave it from its words (a fixed one for scripts it cannot spell)."""
    identifier = slugify(label_plain(key, ctx), "-") or key.replace("_", "-")
    return heading(3, label(key, ctx), identifier)


def render_agreement(ctx: RenderContext) -> Markup:
    agreement = ctx.data.agreement
    orgs = ctx.data.organizations
    parties = join(
        (Markup("{} ({})").format(t(orgs[p].name, ctx), t(orgs[p].acronym, ctx)) for p in agreement.parties), " · "
    )
    signatories = join(
        (
            Markup("{}, {} ({})").format(s.name, t(s.role, ctx), t(orgs[s.organization].acronym, ctx))
            for s in agreement.signatories
        ),
        Markup("<br>"),
    )
    rows = [
        {"label": label("title", ctx), "value": t(agreement.title, ctx)},
        {"label": label("parties", ctx), "value": parties},
    ]
    if agreement.on_behalf_of_text:
        rows.append({"label": label("on_behalf_of", ctx), "value": t(agreement.on_behalf_of_text, ctx)})
    elif agreement.on_behalf_of:
        rows.append({"label": label("on_behalf_of", ctx), "value": t(orgs[agreement.on_behalf_of].name, ctx)})
    rows += [
        {
            "label": label("signed_on", ctx),
            "value": join([format_partial(agreement.signed_on, ctx.lang), t(agreement.place, ctx)]),
        },
        {"label": label("signed_by", ctx), "value": signatories},
    ]
    return render_template(
        "agreement.html",
        summary=t(agreement.summary, ctx, block=True),
        facts=render_template("facts_table.html", rows=rows),
        areas_heading=_section_heading("areas_of_cooperation", ctx),
        areas=[t(area, ctx) for area in agreement.areas_of_cooperation],
        commitments_heading=_section_heading("commitments", ctx),
        commitments=[t(item, ctx) for item in agreement.commitments],
        sources=render_sources(agreement.source, ctx),
        publication=render_document(agreement.title, agreement.publication, ctx),
    )


def render_history(ctx: RenderContext) -> Markup:
    """The milestones of the cooperation, oldest first, from the events marked `milestone`."""
    milestones = sorted((e for e in ctx.data.events if e.milestone), key=lambda e: (e.starts_on.first_day, e.id))
    if not milestones:
        return Markup("<p>{}</p>").format(label("no_events", ctx))
    events = [
        {
            "dated": str(event.starts_on),
            "when": format_span(event.starts_on, event.ends_on, ctx.lang),
            "url": ctx.link(event_page(event, ctx), anchor("event", event.id)),
            "title": t(event.title, ctx),
            "badge": status_badge(event, ctx),
            "description": t(event.description, ctx) if event.description else None,
        }
        for event in milestones
    ]
    return render_template("history.html", events=events)


def render_intro(ctx: RenderContext) -> Markup:
    """What the collaboration is, in two short paragraphs, for the home page."""
    agreement = ctx.data.agreement
    plan = ctx.data.workplan
    links = label(
        "intro_links",
        ctx,
        signed=format_partial(agreement.signed_on, ctx.lang),
        agreement=ctx.link("agreement.md"),
        term=format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang),
        workplan=ctx.link("workplan.md"),
    )
    return Markup("{}\n<p>{} {}</p>").format(t(agreement.summary, ctx, block=True), links, t(plan.term_status, ctx))
