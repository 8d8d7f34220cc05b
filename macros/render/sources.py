"""Where a fact comes from, shown next to it."""

from __future__ import annotations

from markupsafe import Markup

from ..context import RenderContext
from ..html import render_template
from ..text import label, t
from ..urls import host_of


def render_sources(sources: tuple[str, ...], ctx: RenderContext) -> Markup:
    """`Source: ippc.int, JWP text` as a small line of links."""
    items = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            items.append({"url": source, "name": host_of(source)})
        else:
            seed = ctx.data.seeds[source]
            items.append({"url": None, "name": t(seed.title, ctx), "issued": t(seed.issued, ctx)})
    heading = label("source" if len(items) == 1 else "sources", ctx)
    return render_template("sources.html", heading=heading, sources=items)
