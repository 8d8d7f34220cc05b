"""What is new, as an Atom feed (RFC 4287) per edition and language: progress updates and events,
newest first, each entry linking its place on the site; built with feedgenerator.

Entry ids are tag: URIs (RFC 4151) made of the edition's domain and the record's id, so that they
stay the same from build to build and from machine to machine; the feed's date is the build moment.
Every language's feed sits at the edition's root (`feed.xml`, `feed.fr.xml`…), not in the language's
folder: Material's JavaScript fetches `sitemap.xml` beside every `<link rel="alternate">` of a page,
and only the edition's root has one. Without a public URL, entry links are relative to the feed.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from feedgenerator import Atom1Feed  # type: ignore[import-untyped]

from .context import RenderContext
from .dataset import Dataset
from .model import PartialDate
from .publication import Edition, event_path, plain_text, update_path
from .text import label_plain

FEED_FILE = "feed.xml"


def feed_file(lang: str, default_language: str = "en") -> str:
    """The feed of a language, at the edition's root: `feed.xml` for the first language, else `feed.fr.xml`."""
    return FEED_FILE if lang == default_language else f"feed.{lang}.xml"


TAG_DATE = "2018"
"""The date in every tag: URI (the year of the Agreement): it must never change."""


class _Feed(Atom1Feed):  # type: ignore[misc]
    def latest_post_date(self) -> datetime:
        """The build moment, not the newest entry's date (an upcoming event's date is in the future)."""
        return self.feed["stamp"]  # type: ignore[no-any-return]


def _moment(value: PartialDate) -> datetime:
    return datetime.combine(value.first_day, time(0), tzinfo=UTC)


def _link(edition: Edition, lang: str, path: str, fragment: str) -> str:
    """A page's URL: absolute with a public URL, else relative to the feed at the edition's root."""
    absolute = edition.page_url(lang, path, fragment)
    if absolute:
        return absolute
    relative = f"{edition.prefix(lang)}{path}" or "./"
    return f"{relative}#{fragment}" if fragment else relative


def atom_feed(data: Dataset, edition: Edition, lang: str, title: str, stamp: datetime) -> bytes:
    """The feed of an edition in `lang`; `title` is the site's name in that language."""
    ctx = RenderContext(data, lang, "index.md", edition.id, stamp.date())
    feed = _Feed(
        title=title,
        link=_link(edition, lang, "", ""),
        description=label_plain("feed_description", ctx),
        language=lang,
        feed_url=edition.page_url(edition.languages[0], feed_file(lang, edition.languages[0])),
        feed_guid=f"tag:{edition.domain},{TAG_DATE}:{lang}/feed",
        author_name=title,
        stamp=stamp,
    )
    for entry in sorted(_entries(data, edition, ctx), key=lambda e: (e["date"], e["key"]), reverse=True):
        feed.add_item(
            title=entry["title"],
            link=entry["link"],
            description=entry["summary"],
            unique_id=f"tag:{edition.domain},{TAG_DATE}:{entry['key']}",
            pubdate=entry["date"],
            updateddate=entry["date"],
            categories=[entry["category"]],
        )
    return feed.writeString("utf-8").encode("utf-8")  # type: ignore[no-any-return]


def _entries(data: Dataset, edition: Edition, ctx: RenderContext) -> list[dict[str, Any]]:
    lang = ctx.lang
    entries = [
        {
            "key": f"update/{update.id}",
            "date": _moment(update.dated),
            "title": plain_text(update.title, lang, ctx.markdown),
            "link": _link(edition, lang, *update_path(update, data)),
            "summary": str(ctx.markdown.block(update.body.get(lang, update.body["en"]))),
            "category": label_plain("feed_update", ctx),
        }
        for update in data.updates
    ]
    entries += [
        {
            "key": f"event/{event.id}",
            "date": _moment(event.starts_on),
            "title": plain_text(event.title, lang, ctx.markdown),
            "link": _link(edition, lang, *event_path(event, ctx)),
            "summary": str(ctx.markdown.block(event.description.get(lang, event.description["en"])))
            if event.description
            else "",
            "category": label_plain("feed_event", ctx),
        }
        for event in data.events
    ]
    return entries
