"""An earlier work plan on its own page (plans/<id>/): its terms, areas and actions as agreed, the
progress reported under it, and its tracker.

The current plan keeps the work-plan page and the area pages; an earlier plan's page shows the plan
itself, so that what was agreed stays at a stable address once a successor is added, and the reports
that name it (`plan: <id>`), since its area and action numbers mean nothing in the successor plan.
"""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..html import heading, render_template
from ..model import Update
from ..publication import first_area, plan_source
from ..text import anchor, label, status_badge, t
from .progress import render_update_list
from .sources import render_sources
from .tracker import render_tracker
from .workplan import render_plan_facts, render_progress


def render_earlier_plan(plan_id: str, ctx: RenderContext) -> Markup:
    """The whole page, its `<h1>` included (the page's title is read from it)."""
    plan = ctx.data.earlier_plan(plan_id)
    page = plan_source(plan_id)
    updates = ctx.data.of_plan(ctx.data.updates, plan_id)
    headers = ["number", "action", "time_frame"] + (["reported_progress"] if updates else [])
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
                    "progress": (
                        render_progress([u for u in updates if action.id in u.actions], plan, page, ctx)
                        if updates
                        else None
                    ),
                }
                for action in area.actions
            ],
            "reports": _reports(area.id, updates, ctx),
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
        headers=[label(key, ctx) for key in headers],
        tracker=Markup("{}\n{}").format(
            heading(2, label("tracker_title", ctx), "tracker"), render_tracker(ctx, plan_id)
        ),
        areas=areas,
    )


def _reports(area_id: str, updates: list[Update], ctx: RenderContext) -> Markup | None:
    """The plan's reports whose first area is this one (each report is shown once on the page), under a
    heading; none when there are none."""
    mine = [update for update in updates if first_area(update) == area_id]
    if not mine:
        return None
    title = heading(3, label("progress_reports", ctx), anchor("progress-reports", area_id))
    return Markup("{}\n{}").format(title, render_update_list(mine, ctx, level=4))
