"""Where a fact comes from, shown next to it: official sources only, by their publisher's name."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup

from ..context import RenderContext
from ..html import render_template
from ..model import LANGUAGES
from ..text import label, t
from ..urls import host_of

_LANGUAGE_PATHS = {"ippc.int"}
"""Hosts whose pages exist under every site language as the first path segment (`/en/`, `/fr/` …):
the IPPC site uses /en/ /es/ /fr/ /ru/ /zh/ /ar/ (research brief, section 1, "Languages")."""

_DATED_PATH = re.compile(
    r"/((?:19|20)\d\d)/(?:0?[1-9]|1[0-2]|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)/",
    re.IGNORECASE,
)


def localized_url(url: str, lang: str) -> str:
    """The same IPPC page in the reader's language: `ippc.int/zh/…` → `ippc.int/fr/…` on a French page.

    Only for hosts known to publish every page under each language's path; any other address is
    returned as it is.
    """
    parts = urlsplit(url)
    if host_of(url) not in _LANGUAGE_PATHS or lang not in LANGUAGES:
        return url
    segments = parts.path.split("/")
    if len(segments) < 3 or segments[1] not in LANGUAGES or segments[1] == lang:
        return url
    segments[1] = lang
    return urlunsplit(parts._replace(path="/".join(segments)))


def source_year(url: str) -> int | None:
    """The year a dated address gives (`…/newsroom/2021/may/…`, `…/news/2018/05/17/…`), else None."""
    match = _DATED_PATH.search(urlsplit(url).path)
    return int(match.group(1)) if match else None


def cited_sources(sources: tuple[str, ...], ctx: RenderContext) -> list[dict[str, Any]]:
    """The sources a public page may show, in order: seed documents, and official addresses as
    `{url, name, year}` (one per publisher and year; unofficial sources are left out)."""
    items: list[dict[str, Any]] = []
    seen: set[tuple[str, int | None]] = set()
    for source in sources:
        if not ctx.data.is_official(source):
            continue
        if not source.startswith(("http://", "https://")):
            seed = ctx.data.seeds[source]
            items.append({"url": None, "name": t(seed.title, ctx), "issued": t(seed.issued, ctx), "year": None})
            continue
        publisher = ctx.data.publisher_of(source)
        assert publisher is not None  # official, so registered
        year = source_year(source)
        if (publisher.id, year) in seen:
            continue
        seen.add((publisher.id, year))
        name = t(publisher.short_name or publisher.name, ctx)
        items.append({"url": localized_url(source, ctx.lang), "name": name, "issued": None, "year": year})
    return items


def render_sources(sources: tuple[str, ...], ctx: RenderContext) -> Markup:
    """`Source: IPPC, WCO, 2021` as a small line of links to official pages; nothing when none is official."""
    items = cited_sources(sources, ctx)
    if not items:
        return Markup("")
    heading = label("source" if len(items) == 1 else "sources", ctx)
    return render_template("sources.html", heading=heading, sources=items)
