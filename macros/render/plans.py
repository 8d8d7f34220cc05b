"""An earlier work plan on its own page (plans/<id>/): its terms, areas and actions as agreed.

The current plan keeps the work-plan page, the area pages and the progress reports; an earlier plan's
page shows the plan itself, so that what was agreed stays at a stable address once a successor is added.
"""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..html import heading, render_template
from ..text import anchor, label, status_badge, t
from .sources import render_sources
from .workplan import render_plan_facts


def render_earlier_plan(plan_id: str, ctx: RenderContext) -> Markup:
    """The whole page, its `<h1>` included (the page's title is read from it)."""
    plan = ctx.data.earlier_plan(plan_id)
    areas = [
        {
            "heading": heading(2, Markup("{}. {}").format(area.id, t(area.title, ctx)), anchor("area", area.id)),
            "intro": t(area.intro, ctx, block=True) if area.intro else None,
            "sources": render_sources(area.source, ctx),
            "actions": [
                {
                    "id": action.id,
                    "anchor": anchor("action", action.id),
                    "text": t(action.text, ctx),
                    "details": t(action.details, ctx) if action.details else None,
                    "time_frame": t(action.time_frame, ctx),
                }
                for action in area.actions
            ],
        }
        for area in plan.areas
    ]
    return render_template(
        "earlier_plan.html",
        title=heading(1, Markup("{}{}").format(t(plan.title, ctx), status_badge(plan, ctx)), f"plan-{plan_id}"),
        note=label("earlier_plan_note", ctx, url=ctx.link("workplan.md")),
        facts=render_plan_facts(plan, ctx),
        status=t(plan.term_status, ctx, block=True),
        status_sources=render_sources(plan.term_status_source, ctx),
        headers=[label(key, ctx) for key in ("number", "action", "time_frame")],
        areas=areas,
    )
