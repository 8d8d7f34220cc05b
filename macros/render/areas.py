"""One page per area of the work plan: its actions, reports, events and the official pages."""

from __future__ import annotations

from ..context import RenderContext
from ..text import label, t
from .events import render_event_list
from .links import render_link_columns
from .progress import render_update_list
from .sources import render_sources
from .workplan import render_action_table


def render_area_page(area_id: str, ctx: RenderContext) -> str:
    data = ctx.data
    area = data.areas[area_id]
    parts = [f"# {t(area.short_title, ctx)}", ""]
    of_plan = label("area_of_plan", ctx, number=area.id, url=ctx.link("workplan.md"))
    parts += [f"{of_plan}: **{t(area.title, ctx)}**", ""]
    if area.intro:
        parts += [t(area.intro, ctx, block=True), "", render_sources(area.source, ctx), ""]
    parts += [f"## {label('actions', ctx)}", "", render_action_table(area, ctx), ""]
    parts += [
        f"## {label('progress_reports', ctx)}",
        "",
        render_update_list(data.updates_by_area.get(area_id, []), ctx),
        "",
    ]
    parts += [
        f"## {label('related_events', ctx)}",
        "",
        render_event_list(data.events_by_area.get(area_id, []), ctx),
        "",
    ]
    parts += [
        f"## {label('official_pages', ctx)}",
        "",
        render_link_columns(data.links_by_area.get(area_id, []), ctx),
        "",
    ]
    return "\n".join(parts)
