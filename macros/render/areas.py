"""One page per area of the work plan: its actions, reports, events and the official pages."""

from __future__ import annotations

from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..context import RenderContext
from ..html import heading, render_template
from ..text import label, plain, t
from .events import render_event_list
from .links import render_link_columns
from .progress import render_update_list
from .sources import render_sources
from .workplan import render_action_table


def render_area_page(area_id: str, ctx: RenderContext) -> Markup:
    """The whole page, its `<h1>` included: the page's title (and its place in the navigation) is read from it."""
    data = ctx.data
    area = data.areas[area_id]
    title_id = slugify(plain(area.short_title, ctx), "-") or area.slug
    sections = [
        ("actions", "actions", render_action_table(area, ctx)),
        ("progress_reports", "progress-reports", render_update_list(data.updates_by_area.get(area_id, []), ctx)),
        ("related_events", "related-events", render_event_list(data.events_by_area.get(area_id, []), ctx)),
        ("official_pages", "official-pages", render_link_columns(data.links_by_area.get(area_id, []), ctx)),
    ]
    return render_template(
        "area_page.html",
        title=heading(1, t(area.short_title, ctx), title_id),
        of_plan=label("area_of_plan", ctx, number=area.id, url=ctx.link("workplan.md")),
        full_title=t(area.title, ctx),
        intro=t(area.intro, ctx, block=True) if area.intro else None,
        sources=render_sources(area.source, ctx),
        sections=[
            {"heading": heading(2, label(key, ctx), identifier), "content": content}
            for key, identifier, content in sections
        ],
    )
