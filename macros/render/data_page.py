"""The Data page: the downloads of macros/open_data.py (CSV, JSON and its schema per product), how
many records each holds, the build date and each product's sources; then the calendar and the feed."""

from __future__ import annotations

from markupsafe import Markup

from ..atom_feed import feed_file
from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, render_template
from ..model import PartialDate
from ..open_data import FOLDER, PRODUCTS, records, sources_list
from ..publication import root_file_url
from ..text import label
from .calendar_links import CALENDAR_FILE
from .sources import render_sources


def render_data_page(ctx: RenderContext) -> Markup:
    today = PartialDate(ctx.today.year, ctx.today.month, ctx.today.day)
    products = [
        {
            "name": label(f"data_{product}", ctx),
            "count": len(records(ctx.data, product)),
            "files": [
                {"url": root_file_url(ctx, f"{FOLDER}/{product}.{ext}"), "name": name, "type": kind}
                for ext, name, kind in (
                    ("csv", "CSV", "text/csv"),
                    ("json", "JSON", "application/json"),
                    ("schema.json", "JSON Schema", "application/schema+json"),
                )
            ],
            "sources": render_sources(tuple(item["source"] for item in sources_list(ctx.data, product)), ctx),
        }
        for product in PRODUCTS
    ]
    return render_template(
        "data_page.html",
        built=label("data_built", ctx, date=format_partial(today, ctx.lang)),
        products=products,
        labels={key: label(key, ctx) for key in ("data_product", "data_records", "data_downloads")},
        feeds_heading=heading(2, label("data_feeds", ctx), "calendar-and-feed"),
        downloads_heading=heading(2, label("data_downloads", ctx), "downloads"),
        sources_heading=heading(2, label("sources", ctx), "sources"),
        calendar_url=root_file_url(ctx, CALENDAR_FILE),
        calendar=label("calendar_subscribe", ctx),
        feed_url=root_file_url(ctx, feed_file(ctx.lang), edition_root=True),
        feed=label("feed_link", ctx),
    )
