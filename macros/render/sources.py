"""Where a fact comes from, shown next to it."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..context import RenderContext
from ..text import escape, label, t


def render_sources(sources: tuple[str, ...], ctx: RenderContext) -> str:
    """`Source: ippc.int, JWP text` as a small line of links."""
    parts = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            host = urlsplit(source).netloc.removeprefix("www.")
            parts.append(f"[{escape(host)}]({source})")
        else:
            seed = ctx.data.seeds[source]
            parts.append(f"<cite>{t(seed.title, ctx)}</cite> ({t(seed.issued, ctx)})")
    key = "source" if len(parts) == 1 else "sources"
    return f'<span class="source">{label(key, ctx)}: {", ".join(parts)}</span>'
