"""Data is text, never code: every render function, fed hostile data that the check would refuse
(as if a hole opened in it), writes HTML that a real browser shows as text: no dialog, no script,
no request to another host; and the real site's HTML holds no handler attribute or script link."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup
from pydantic import BaseModel

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.html import UnsafeLinkError
from macros.render.agreement import render_agreement, render_history, render_intro
from macros.render.areas import render_area_page
from macros.render.contacts import render_contacts
from macros.render.events import render_events_page, render_recent_and_upcoming
from macros.render.frame import render_edition_note, render_footer, render_notice
from macros.render.glossary import render_glossary
from macros.render.guides import render_guide_page, render_guides_overview
from macros.render.links import render_all_links
from macros.render.organizations import render_organization_profile, render_partner_cards
from macros.render.plans import render_earlier_plan
from macros.render.progress import render_latest_updates
from macros.render.workplan import (
    render_area_cards,
    render_workplan,
    render_workplan_facts,
    render_workplan_intro,
    render_workplan_status,
)
from site_quality.chromium import chromium

from .conftest import FIXTURES

HOSTILE_TEXTS = [
    "<script>alert(1)</script>",
    '<img src="https://evil.example/i.png" onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![t](https://evil.example/track.png)",
    '[x](https://ok.example/){ onclick="alert(1)" }',
    '*x*{: onmouseover="alert(1)" }',
    "x\n{: onmouseover=alert(1) }",
    "[[x](javascript:alert(1))](https://ok.example/)",
    "<base href=https://evil.example/>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<p style="background:url(https://evil.example/x.png)">x</p>',
    "*[Customs]: hijacked",
    '"><script>alert(1)</script>',
    "{{ config }} {% raw %}",
]
HOSTILE_URLS = [
    'https://www.wcoomd.org/"><script>alert(1)</script>',
    "https://a.example/)<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "https://a.example/' onmouseover='alert(1)",
]
URL_FIELDS = {"url", "website", "email"}


def _poison(value: Any, texts: Iterator[str], urls: Iterator[str], field: str = "") -> Any:
    """`value` with every text replaced by a hostile one and every address by a hostile address,
    bypassing validation (model_copy), as if a hole had opened in the check."""
    if isinstance(value, BaseModel):
        update = {name: _poison(getattr(value, name), texts, urls, name) for name in type(value).model_fields}
        return value.model_copy(update=update)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()) and "en" in value:
        return {language: next(texts) for language in value}
    if isinstance(value, dict):
        return {key: _poison(item, texts, urls) for key, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, texts, urls, field) for item in value]
    if isinstance(value, str) and field in URL_FIELDS:
        return next(urls)
    if isinstance(value, str) and field in ("name", "phone", "fax"):
        return next(texts)
    return value


def _hostile(urls: list[str]) -> Dataset:
    data = load_dataset(FIXTURES / "minimal")
    texts, hostile_urls = itertools.cycle(HOSTILE_TEXTS), itertools.cycle(urls)
    fields = {
        field.name: _poison(getattr(data, field.name), texts, hostile_urls)
        for field in dataclasses.fields(data)
        if field.init and field.name != "labels"
    }
    return Dataset(labels=data.labels, **fields)


@pytest.fixture(scope="module")
def hostile_data() -> Dataset:
    """Hostile texts everywhere, and addresses that break out of their attribute."""
    return _hostile([url for url in HOSTILE_URLS if not url.startswith("javascript:")])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVa\tScRiPt:alert(1)", " data:text/html,x"])
def test_a_script_link_is_refused_not_written(url: str) -> None:
    data = _hostile([url])
    ctx = RenderContext(data, "en", "contacts.md", "wco", date(2026, 11, 23))
    with pytest.raises(UnsafeLinkError, match="refused to write the link"):
        for _, render in _renders(data):
            render(ctx)


def _renders(data: Dataset) -> Iterator[tuple[str, Callable[[RenderContext], Markup]]]:
    yield "partner_cards", render_partner_cards
    yield "agreement", render_agreement
    yield "intro", render_intro
    yield "history", render_history
    yield "workplan_intro", render_workplan_intro
    yield "workplan_status", render_workplan_status
    yield "workplan_facts", render_workplan_facts
    yield "workplan", render_workplan
    yield "area_cards", render_area_cards
    yield "latest_updates", render_latest_updates
    yield "recent_and_upcoming", render_recent_and_upcoming
    yield "events", render_events_page
    yield "glossary", render_glossary
    yield "contacts", render_contacts
    yield "all_links", render_all_links
    yield "guides_overview", lambda ctx: render_guides_overview(ctx)
    yield "footer", lambda ctx: render_footer(ctx, "ippc")
    yield "edition_note", lambda ctx: render_edition_note(ctx, "ippc", "../ippc/", ctx.lang)
    yield "notice", lambda ctx: render_notice(ctx, "page_not_translated")
    for org in data.organizations:
        yield f"organization {org}", lambda ctx, org=org: render_organization_profile(org, ctx)
    for area in data.workplan.areas:
        yield f"area {area.id}", lambda ctx, area=area.id: render_area_page(area, ctx)
    for plan in data.earlier_plans:
        yield f"earlier plan {plan.id}", lambda ctx, plan=str(plan.id): render_earlier_plan(plan, ctx)
    for guide in data.guides:
        yield f"guide {guide.id}", lambda ctx, guide=guide.id: render_guide_page(guide, ctx)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base", "meta", "style", "form", "img", "link"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name in ("href", "src", "xlink:href", "action") and value is not None:
                scheme = re.sub(r"[\x00-\x20]", "", value).lower().split(":", 1)[0]
                if scheme in ("javascript", "vbscript", "data"):
                    self.problems.append(f"{name}={value!r} on <{tag}>")


def markup_problems(html: str) -> list[str]:
    """Elements and attributes that can run script, load a resource or change the page's base."""
    parser = _Elements()
    parser.feed(html)
    return parser.problems


@pytest.fixture(scope="module")
def hostile_pages(hostile_data: Dataset) -> dict[str, str]:
    pages = {}
    for lang in ("en", "ar"):
        ctx = RenderContext(hostile_data, lang, "areas/x.md", "wco", date(2026, 11, 23))
        for name, render in _renders(hostile_data):
            pages[f"{name} ({lang})"] = str(render(ctx))
    return pages


@pytest.mark.unit
def test_hostile_data_renders_no_active_markup(hostile_pages: dict[str, str]) -> None:
    problems = {name: markup_problems(html) for name, html in hostile_pages.items()}
    assert not {name: found for name, found in problems.items() if found}


@pytest.mark.browser
def test_hostile_data_runs_nothing_in_a_browser(hostile_pages: dict[str, str]) -> None:
    dialogs: list[str] = []
    requests: list[str] = []
    body = "\n".join(f"<section><h1>{name}</h1>{html}</section>" for name, html in hostile_pages.items())
    document = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'
    )
    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.set_content(document, wait_until="load")
        for link in page.locator("a[href]").all()[:200]:
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), href
        page.mouse.move(10, 10)
        page.wait_for_timeout(200)
        executed = page.evaluate("() => window.__pwned === true")
        page.close()
    assert dialogs == []
    assert not executed
    assert [url for url in requests if not url.startswith(("about:", "data:"))] == []


def test_built_site_has_no_handler_attribute_and_no_script_link(built_site: Path) -> None:
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        parser = _BuiltPage()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(built_site)}: {problem}" for problem in parser.problems]
    assert problems == []


class _BuiltPage(HTMLParser):
    """The theme's own scripts are there; what must not be: handler attributes, script links, off-site
    resources, a <base> or a refresh."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base" or (tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "xlink:href", "action") and value:
                scheme = re.sub(r"[\x00-\x20]", "", value).lower().split(":", 1)[0]
                if scheme in ("javascript", "vbscript") or (scheme == "data" and tag != "img"):
                    self.problems.append(f"{name}={value[:40]!r} on <{tag}>")
                loads = name == "src" or (tag == "link" and values.get("rel") in ("stylesheet", "icon", "preload"))
                if loads and (scheme in ("http", "https") or value.startswith("//")):
                    self.problems.append(f"off-site {name}={value!r} on <{tag}>")
