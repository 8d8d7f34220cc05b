"""Quality gates in a real browser (Debian's chromium through Playwright), on every page of one build.

Pages are found by walking the built folder. Each page is loaded in a light and in a dark context
(prefers-color-scheme, which Material follows and then stores); in each, axe-core runs at desktop and
at phone width. The same loads record console errors, failed requests and requests to other hosts.

Edition 404 pages are left out of the browser gates: with no site_url, MkDocs writes their links from
the site root (/assets/…), which only works when the edition is served at a domain root; vnu.jar still
validates them (test_quality_static.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from site_quality import gates
from site_quality.pages import HOME

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quality"

# --- Session: one event loop, one browser, one server ------------------------------------------


@pytest.fixture(scope="session")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def browser(loop):
    playwright = loop.run_until_complete(async_playwright().start())
    try:
        browser = loop.run_until_complete(gates.launch_chromium(playwright))
        yield browser
        loop.run_until_complete(browser.close())
    finally:
        loop.run_until_complete(playwright.stop())


@pytest.fixture(scope="session")
def site_url(built_site):
    with gates.serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    pages = gates.html_pages(built_site, include_404=False)
    assert pages, f"no HTML page in {built_site}"
    return pages


@pytest.fixture(scope="session")
def audits(loop, browser, site_url, site_pages) -> dict[str, gates.PageReport]:
    """Every page at both widths in both palettes: page → report."""
    return loop.run_until_complete(gates.audit_pages(browser, site_url, site_pages))


def _report(problems: list[str], what: str) -> str:
    shown = problems[:80]
    more = f"\n… and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
    return f"{len(problems)} {what}:\n" + "\n".join(shown) + more


# --- The real site ------------------------------------------------------------------------------


def test_key_pages_are_built(built_site):
    from site_quality.pages import KEY_PAGES

    missing = gates.require_pages(built_site, list(KEY_PAGES.values()))
    assert not missing, "\n".join(missing)


def test_every_page_loads_cleanly(audits):
    """No console error, no failed request, no request to a host other than the local server."""
    problems = [problem for report in audits.values() for problem in report.load]
    assert not problems, _report(problems, "load problems")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(audits, scheme):
    """axe-core (WCAG 2.0/2.1 A and AA) at 1280×800 and 390×844, in the palette really shown."""
    problems = [problem for report in audits.values() for problem in report.axe[scheme]]
    assert not problems, _report(problems, f"accessibility problems in the {scheme} palette")


FOCUS_PROBE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    (window.__tabbed = window.__tabbed || []).push(el);
    const box = el.getBoundingClientRect();
    const region = el.closest(".md-select") ? "language"
        : el.closest(".md-search") ? "search"
        : el.closest(".md-tabs, .md-nav, .md-sidebar--primary") ? "navigation" : "other";
    return {index: window.__tabbed.length - 1, region, tag: el.tagName.toLowerCase(),
            name: (el.getAttribute("aria-label") || el.textContent || el.getAttribute("href") || "")
                  .trim().replace(/\\s+/g, " ").slice(0, 50),
            visible: box.width > 0 && box.height > 0};
}"""

FOCUS_STYLE = """(index) => {
    const s = getComputedStyle(window.__tabbed[index]);
    const transparent = (colour) => /^rgba\\(.*,\\s*0\\)$|^transparent$/.test(colour);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
    return {style: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow].join(" | "),
            indicator: outline || s.boxShadow !== "none"};
}"""
"""The element's outline and box-shadow, and whether either draws something."""


def test_keyboard_reaches_navigation_search_and_language(loop, browser, built_site, site_url, site_pages):
    """Tabbing through the home page reaches the navigation, the search and, when the site has more
    than one language, the language selector, each with a visible focus indicator."""
    assert not gates.require_pages(built_site, [HOME])
    languages = {_html_lang(built_site / page) for page in site_pages}
    wanted = {"navigation", "search"} | ({"language"} if len(languages - {None}) > 1 else set())

    async def walk():
        context = await gates.new_context(browser)
        tab = await context.new_page()
        try:
            watch = await gates.goto(tab, site_url, gates.page_file(HOME))
            first: dict[str, dict] = {}
            for _ in range(120):
                await tab.keyboard.press("Tab")
                await tab.wait_for_function(gates.SETTLED)
                focused = await tab.evaluate(FOCUS_PROBE)
                if not focused:
                    continue
                focused["focused"] = await tab.evaluate(FOCUS_STYLE, focused["index"])
                if focused["region"] in wanted and focused["region"] not in first:
                    first[focused["region"]] = focused
                if wanted <= first.keys():
                    break
            await tab.evaluate("() => document.activeElement && document.activeElement.blur()")
            await tab.wait_for_function(gates.SETTLED)
            for found in first.values():
                found["unfocused"] = await tab.evaluate(FOCUS_STYLE, found["index"])
            return first, watch.stop()
        finally:
            await context.close()

    first, load_problems = loop.run_until_complete(walk())
    problems = [f"{HOME}: Tab never reaches the {region}" for region in sorted(wanted - first.keys())]
    for region, found in sorted(first.items()):
        what = f"{HOME}: the {region} ({found['tag']} {found['name']!r})"
        if not found["visible"]:
            problems.append(f"{what} is focused but not visible")
        focused, unfocused = found["focused"], found["unfocused"]
        if not focused["indicator"] or focused["style"] == unfocused["style"]:
            problems.append(
                f"{what} shows no focus indicator: outline and box-shadow focused {focused['style']}, "
                f"unfocused {unfocused['style']}"
            )
    assert not problems + load_problems, "\n".join(problems + load_problems)


def test_reader_moves_between_languages_and_editions(loop, browser, built_site, site_url):
    """From a page, the language selector and the "Also published by" link lead to the same page in
    another language and in the other edition, in the reader's language where that edition has it."""
    start = "wco/fr/workplan/"
    assert not gates.require_pages(built_site, [start])
    steps = [
        ("language", "es", "wco/es/workplan/", "es", "ltr"),
        ("edition", None, "ippc/es/workplan/", "es", "ltr"),
        ("language", "ar", "ippc/ar/workplan/", "ar", "rtl"),
        ("edition", None, "wco/workplan/", "en", "ltr"),  # the WCO edition has no Arabic: English
    ]

    async def walk():
        context = await gates.new_context(browser)
        tab = await context.new_page()
        visited = []
        try:
            watch = await gates.goto(tab, site_url, gates.page_file(start))
            for how, language, *_ in steps:
                if how == "language":
                    await tab.locator(".md-select").first.hover()
                    await tab.locator(f".md-select__link[hreflang='{language}']").click()
                else:
                    await tab.locator(".edition-note a").click()
                await tab.wait_for_load_state()
                found = await tab.evaluate(
                    "() => [document.documentElement.lang, getComputedStyle(document.documentElement).direction]"
                )
                visited.append((tab.url.removeprefix(site_url), *found))
            return visited, watch.stop()
        finally:
            await context.close()

    visited, load_problems = loop.run_until_complete(walk())
    assert visited == [(page, lang, direction) for _, _, page, lang, direction in steps]
    # Leaving a page aborts what it was still loading (the search worker's scripts): not a fault.
    load_problems = [problem for problem in load_problems if "net::ERR_ABORTED" not in problem]
    assert not load_problems, "\n".join(load_problems)


SEARCH_WORDS = {
    HOME: r"[A-Za-z]{9,}",
    "ippc/fr/": r"[a-zà-ÿœ]*[à-ÿœ][a-zà-ÿœ]*",
    "ippc/ar/": r"[\u0621-\u064a]{5,}",
    "ippc/zh/": r"[\u4e00-\u9fff]{2,}",
    "ippc/ru/": r"[а-яё]{8,}",
}
"""Home page → the words to search for there: English; French words with an accent; Arabic letters
only; Cyrillic letters; Chinese characters (a word as jieba cut it at build time)."""


SHARED_WORD = "ePhyto"
"""A name that the pages of every language have: a search for it must stay in the reader's language."""


@pytest.mark.parametrize("home", SEARCH_WORDS)
def test_search_finds_words_in_the_readers_language_only(loop, browser, built_site, site_url, home):
    """Typing a word that only one page of the home page's language has into its search lists that
    page: in English, French, Arabic, Russian and Chinese. A name that every language has lists pages
    in the home page's language only."""
    assert not gates.require_pages(built_site, [home])
    word, page = _word_on_one_page(built_site / home / "search" / "search_index.json", SEARCH_WORDS[home])
    expected = site_url + home + page

    async def search():
        context = await gates.new_context(browser)
        tab = await context.new_page()
        try:
            found, problems = {}, []
            for typed in (word, SHARED_WORD):  # each on a freshly loaded page: no earlier results
                watch = await gates.goto(tab, site_url, gates.page_file(home))
                found[typed] = await _search(tab, typed)
                problems += watch.stop()
            return found, problems
        finally:
            await context.close()

    found, load_problems = loop.run_until_complete(search())
    listed = f"it listed {found[word]}" if found[word] else "it listed nothing in 10 s"
    assert expected in found[word], f"searching {word!r} on {home} did not list {home}{page}; {listed}"
    assert found[SHARED_WORD], f"searching {SHARED_WORD!r} on {home} listed nothing"
    elsewhere = [url for url in found[SHARED_WORD] if _language_of(url.removeprefix(site_url)) != _language_of(home)]
    assert not elsewhere, f"searching {SHARED_WORD!r} on {home} listed pages in other languages: {elsewhere}"
    assert not load_problems, "\n".join(load_problems)
    # The search worker's own requests (lunr's language files) are seen by the server only.
    failures = gates.SERVER_FAILURES.get(site_url, [])
    failed = [failure for failure in failures if "/assets/" in failure or "/search/" in failure]
    assert not failed, f"the server answered with an error: {failed}"


async def _search(tab, word: str) -> list[str]:
    """Type a word into Material's search on the open page: the result links, or [] after 10 s."""
    search = tab.locator(".md-search__input")
    await search.click()
    await tab.wait_for_function(
        "() => !/initializ/i.test(document.querySelector('.md-search-result__meta').textContent)"
        " || document.querySelector('.md-search-result__list').children.length > 0",
        timeout=20_000,
    )
    await search.press_sequentially(word, delay=30)
    # Playwright enters a character that has no key on its US keyboard (Arabic, Chinese) as text
    # input, with no keyup; Material reads the query on keyup, which a reader's keyboard or input
    # method sends. One key press after the word sends it.
    await tab.keyboard.press("End")
    links = tab.locator(".md-search-result__list a.md-search-result__link")
    try:
        await links.first.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        return []
    await tab.wait_for_timeout(200)
    hrefs = await links.evaluate_all("(as) => as.map(a => a.href)")
    return [urlsplit(href)._replace(query="", fragment="").geturl() for href in hrefs]


def _language_of(url: str) -> str:
    """The language of a site-relative page URL (`ippc/fr/events/` → fr, `wco/` → the default, "")."""
    parts = url.split("/")
    return parts[1] if len(parts) > 2 and re.fullmatch(r"[a-z]{2}", parts[1]) else ""


def _html_lang(path: Path) -> str | None:
    match = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", path.read_text(encoding="utf-8")[:2000])
    return match.group(1).split("-")[0] if match else None


def _word_on_one_page(index_file: Path, word_pattern: str) -> tuple[str, str]:
    """A word of a language's search index that one page only has (in its text and titles), and that
    page's location, preferring the work plan page. Words end at white space, hyphens and the
    zero-width spaces with which the build marks jieba's cuts in Chinese text, whatever the search
    configuration says: a Chinese word within a sentence must be found. Chosen from the data, so that
    the test follows edits."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    separator = re.compile(r"[\s\u200b\-]+")
    pages_of: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}")
        for token in separator.split(text):
            word = token.strip(".,;:!?()[]«»\"'’“”،؛。，、；：（）《》")
            if re.fullmatch(word_pattern, word):
                pages_of[word.lower()].add(doc["location"].split("#")[0])
    unique = sorted((word, next(iter(pages))) for word, pages in pages_of.items() if len(pages) == 1)
    assert unique, f"no word of {index_file} is on one page only"
    preferred = [(word, page) for word, page in unique if page == "workplan/"]
    return (preferred or unique)[0]


# --- Readers on phones: what a page asks for at first, and text they can read ----------------------

DEFERRED = re.compile(r"/search/search_index\.json$|/sitemap\.xml$")
"""Requests that a page makes only once the reader opens the search (overrides/main.html)."""


def test_search_index_loads_only_when_the_search_is_opened(loop, browser, built_site, site_url):
    """A key page asks for no search index and no sitemap when it loads; opening the search with the
    `/` shortcut asks for the index of the page's language; and a page reached from a search result
    (`?h=`) loads the index at once, to highlight the words."""
    from site_quality.pages import KEY_PAGES

    pages = list(KEY_PAGES.values())
    assert not gates.require_pages(built_site, pages)

    index_loaded = "() => performance.getEntriesByType('resource').some(e => /search_index\\.json$/.test(e.name))"

    async def visit():
        context = await gates.new_context(browser, viewport=gates.PHONE)
        found, problems = {}, []

        async def show(page: str, query: str = ""):
            # A tab of its own for each visit: closing it ends the search worker's requests, unwatched.
            tab = await context.new_page()
            asked: list[str] = []
            tab.on("request", lambda request: asked.append(request.url.removeprefix(site_url)))
            watch = gates.PageWatch(tab, site_url, page + query)
            await tab.goto(site_url + page + query, wait_until="load")
            await watch.settle()
            return tab, watch, asked

        async def wait_for_index(tab) -> None:
            with contextlib.suppress(PlaywrightTimeout):  # a missing request is reported below
                await tab.wait_for_function(index_loaded, timeout=10_000)

        try:
            for page in pages:
                tab, watch, asked = await show(page)
                at_load = [url for url in asked if DEFERRED.search(url)]
                await tab.keyboard.press("/")
                await wait_for_index(tab)
                await watch.settle()
                opened = [url for url in asked if DEFERRED.search(url)]
                problems += watch.stop()
                await tab.close()
                tab, watch, asked = await show(page, "?h=a")
                await wait_for_index(tab)
                highlighted = [url for url in asked if DEFERRED.search(url)]
                problems += watch.stop()
                await tab.close()
                found[page] = at_load, opened, highlighted
            return found, problems
        finally:
            await context.close()

    found, load_problems = loop.run_until_complete(visit())
    problems = []
    for page, (at_load, opened, highlighted) in found.items():
        language = _language_of(page)
        wanted = f"{page.split('/')[0]}/{language + '/' if language else ''}search/search_index.json"
        if at_load:
            problems.append(f"{page}: asks for {at_load} as it loads, before anyone searches")
        if wanted not in opened:
            problems.append(f"{page}: opening the search did not ask for {wanted} (asked for {opened})")
        if wanted not in highlighted:
            problems.append(f"{page}?h=a: a page reached from a search result did not load {wanted}")
    assert not problems + load_problems, "\n".join(problems + load_problems)


SMALL_TEXT = """() => {
    const small = {};
    let total = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const text = walker.currentNode.textContent.trim();
        const element = walker.currentNode.parentElement;
        if (!text || !element.checkVisibility({visibilityProperty: true})) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        total += text.length;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 12) {
            const classes = [...element.classList].map(c => "." + c).join("");
            const key = `${element.tagName.toLowerCase()}${classes} ${size}px`;
            small[key] = (small[key] || 0) + text.length;
        }
    }
    return {total, small};
}"""
"""Characters of visible text on the page, and those set under 12px, by element and size."""


def test_key_pages_have_no_text_under_12px_on_a_phone(loop, browser, built_site, site_url):
    """On a phone, no visible text of a key page is set under 12px, the smallest size that phones
    render legibly (Lighthouse's font-size audit; Material's own tables are 12.8px)."""
    from site_quality.pages import KEY_PAGES

    pages = list(KEY_PAGES.values())
    assert not gates.require_pages(built_site, pages)

    async def measure():
        context = await gates.new_context(browser, viewport=gates.PHONE)
        found, problems = {}, []
        try:
            for page in pages:
                # A tab per page: Chromium asks for a page's favicon late, and the next page's navigation
                # in the same tab would abort that request; closing the tab ends it unwatched.
                tab = await context.new_page()
                watch = await gates.goto(tab, site_url, gates.page_file(page))
                found[page] = await tab.evaluate(SMALL_TEXT)
                problems += watch.stop()
                await tab.close()
            return found, problems
        finally:
            await context.close()

    found, load_problems = loop.run_until_complete(measure())
    problems = [f"{page}: no visible text measured" for page, text in found.items() if not text["total"]]
    problems += [
        f"{page}: {count} characters of {where} (under 12px)"
        for page, text in found.items()
        for where, count in sorted(text["small"].items())
    ]
    assert not problems + load_problems, "\n".join(problems + load_problems)


# --- Negative proofs: each gate fails on the fixture page made to fail it ---------------------------

FIXTURE_PROBLEMS = {
    "missing-alt.html": ("axe", "axe image-alt"),
    "low-contrast.html": ("axe", "axe color-contrast"),
    "cdn-request.html": ("load", "request to another host: https://cdn.jsdelivr.net/"),
    "console-error.html": ("load", "uncaught exception"),
}
"""Fixture page → (the gate that must fail on it, the start of the problem it must report)."""


@pytest.fixture(scope="session")
def fixture_audits(loop, browser) -> dict[str, gates.PageReport]:
    with gates.serve(FIXTURES) as url:
        return loop.run_until_complete(gates.audit_pages(browser, url, gates.html_pages(FIXTURES)))


@pytest.mark.parametrize("gate", ["load", "axe"])
def test_browser_gates_fail_on_their_fixture_pages(fixture_audits, gate):
    """The gate reports each fixture page made to fail it, naming the page and the problem, and
    nothing on the other fixture pages."""
    for page, report in fixture_audits.items():
        problems = report.load if gate == "load" else [p for found in report.axe.values() for p in found]
        expected = FIXTURE_PROBLEMS.get(page)
        if expected and expected[0] == gate:
            assert any(p.startswith(f"{page}") and expected[1] in p for p in problems), (
                f"the {gate} gate missed {expected[1]!r} on {page}: {problems}"
            )
        else:
            assert not problems, f"the {gate} gate reported problems on {page}, which has none for it: {problems}"
