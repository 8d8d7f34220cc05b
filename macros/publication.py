"""What the data products (calendars, feeds, downloads, structured data) share: where each record's
page is, in a language's part of an edition, and the moment a build stands for.

The pages are served under `<language>/` for every language but the edition's first; an address
is absolute only when the publisher has set the edition's public URL, because calendars, feeds and
search engines cannot follow a relative one.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from .context import RenderContext
from .data_markdown import DataMarkdown
from .dataset import Dataset, areas_of
from .model import Event, Link, Update
from .text import anchor

_TAG = re.compile(r"<[^>]+>")


def build_moment(today: date | None = None) -> datetime:
    """SOURCE_DATE_EPOCH when set (two builds of a commit agree to the second), else midnight UTC of
    the build date (two builds of one day agree)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.combine(today or datetime.now(tz=UTC).date(), time(0), tzinfo=UTC)


@dataclass(frozen=True)
class Edition:
    """One edition as the products see it: its id, languages (the first is served at the root) and
    public base URL ("" when none is set)."""

    id: str
    languages: tuple[str, ...]
    base_url: str = ""

    def prefix(self, lang: str) -> str:
        """The language's folder inside the edition: "" or "fr/"."""
        return "" if lang == self.languages[0] else f"{lang}/"

    def page_url(self, lang: str, path: str, fragment: str = "") -> str | None:
        """The absolute URL of a page (`events/`) in a language, or None without a public URL."""
        if not self.base_url:
            return None
        url = f"{self.base_url.rstrip('/')}/{self.prefix(lang)}{path}"
        return f"{url}#{fragment}" if fragment else url

    @property
    def domain(self) -> str:
        """A name for the edition in stable identifiers (UIDs, tag: URIs): the public host, or a
        fixed name per edition, so that identifiers do not change with the build machine."""
        if self.base_url:
            host = re.sub(r"^[a-z]+://", "", self.base_url).split("/")[0].split(":")[0]
            if host:
                return host.lower()
        return f"{self.id}.wco-ippc-collaboration.invalid"


def text_in(text: Mapping[str, str] | None, lang: str) -> str:
    """A data text's source in `lang`, or English."""
    if text is None:
        return ""
    return text.get(lang, text["en"])


def plain_text(text: Mapping[str, str] | None, lang: str, markdown: DataMarkdown | None = None) -> str:
    """A data text in `lang` as plain characters: its Markdown read (so `*x*` is x, `[a](u)` is a),
    tags dropped, entities decoded, on one line. For formats that carry no HTML (iCalendar, JSON-LD)."""
    source = text_in(text, lang)
    if not source:
        return ""
    converter = markdown or DataMarkdown()
    return " ".join(html.unescape(_TAG.sub("", str(converter.inline(source)))).split())


def event_path(event: Event, ctx: RenderContext) -> tuple[str, str]:
    """Where an event is shown: its page path in a language (the events page, or its year's page once
    archived) and its anchor."""
    from .render.events import event_page  # here: the render modules import this one

    return event_page(event, ctx).removesuffix(".md") + "/", anchor("event", event.id)


def update_path(update: Update, data: Dataset) -> tuple[str, str]:
    """Where a progress update is shown: the page of its first area (named, or of its first action); an
    earlier plan's update, on that plan's page."""
    page = update_source(update, data)
    if page == "workplan.md":
        return "workplan/", ""
    return page.removesuffix(".md") + "/", anchor("update", update.id)


def plan_source(plan_id: str | None) -> str:
    """The page of a plan, for `ctx.link`: the work-plan page for the current one (None), else its own."""
    return "workplan.md" if plan_id is None else f"plans/{plan_id}.md"


def plan_page(record: Update | Event | Link, data: Dataset) -> str:
    """The page of the plan whose areas and actions a record names, for `ctx.link`."""
    return plan_source(None if data.is_current(record) else record.plan)


def area_page(record: Update | Event | Link, area_id: str, data: Dataset) -> tuple[str, str]:
    """Where an area that a record names is shown: its own page, or its section of an earlier plan's page;
    `(page, anchor)` for `ctx.link`."""
    if data.is_current(record):
        return f"areas/{data.areas[area_id].slug}.md", ""
    return plan_page(record, data), anchor("area", area_id)


def update_source(update: Update, data: Dataset) -> str:
    """The source page of an update, for `ctx.link`."""
    if not data.is_current(update):
        return plan_page(update, data)
    area_id = first_area(update)
    return f"areas/{data.areas[area_id].slug}.md" if area_id else "workplan.md"


def first_area(update: Update) -> str | None:
    """The area where a report is shown: the first it names, else that of its first action."""
    area_ids = areas_of(update.areas, update.actions)
    return area_ids[0] if area_ids else None


def root_file_url(ctx: RenderContext, path: str, edition_root: bool = False) -> str:
    """The URL, relative to the page being rendered, of a file at its language's root (`events.ics`),
    or at the edition's root, one folder up for every language but the first (English)."""
    folder = posixpath.dirname(ctx.link("index.md")) or "."
    if edition_root and ctx.lang != "en":
        folder = posixpath.normpath(f"{folder}/..")
    return f"{folder}/{path}"
