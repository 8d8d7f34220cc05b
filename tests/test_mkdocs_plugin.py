"""What the collaboration plugin adds to every built page: the other edition, languages, direction, notices."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.editions import edition_languages

from .conftest import PUBLIC_URLS, ROOT

EDITIONS = ("wco", "ippc")


def built_pages(site: Path, edition: str) -> list[Path]:
    return sorted(p for p in (site / edition).rglob("index.html") if "downloads" not in p.parts)


def language_of(site: Path, page: Path, edition: str) -> str:
    first = page.relative_to(site / edition).parts[0]
    return first if first in edition_languages(ROOT, edition) else "en"


def resolve(page: Path, href: str) -> Path:
    """The built file a relative link from `page` leads to."""
    target = posixpath.normpath(posixpath.join(page.parent.as_posix(), href.split("#")[0]))
    path = Path(target)
    return path / "index.html" if href.split("#")[0].endswith("/") or path.is_dir() else path


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_links_the_same_page_of_the_other_edition(built_site: Path, edition: str) -> None:
    other = "ippc" if edition == "wco" else "wco"
    pages = built_pages(built_site, edition)
    assert len(pages) > 10
    for page in pages:
        source = page.read_text(encoding="utf-8")
        match = re.search(r'<p class="edition-note"[^>]*><a href="([^"]+)" hreflang="([a-z]+)">', source)
        assert match, f"{page}: no link to the other edition"
        target = resolve(page, match.group(1))
        assert target.is_file(), f"{page}: {match.group(1)} does not exist"
        assert f"/{other}/" in target.as_posix()
        inner = page.relative_to(built_site / edition).as_posix()
        language = language_of(built_site, page, edition)
        if language in edition_languages(ROOT, other):
            assert target.relative_to(built_site / other).as_posix() == inner


@pytest.mark.parametrize("edition", EDITIONS)
def test_lang_and_direction_are_right(built_site: Path, edition: str) -> None:
    for page in built_pages(built_site, edition):
        source = page.read_text(encoding="utf-8")
        language = language_of(built_site, page, edition)
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}"' in source, page
        assert re.search(rf'<body [^>]*dir="{direction}"', source), page


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_lists_its_translations_with_hreflang(built_site: Path, edition: str) -> None:
    languages = edition_languages(ROOT, edition)
    for page in built_pages(built_site, edition):
        source = page.read_text(encoding="utf-8")
        # The language selector's links, each with hreflang (overrides/page.html explains why the
        # head carries no <link rel="alternate">; the sitemap lists the alternates, with x-default).
        alternates = dict(
            (lang, href)
            for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', source)
        )
        assert sorted(alternates) == sorted(languages), page
        for language, href in alternates.items():
            assert resolve(page, href).is_file(), f"{page}: hreflang {language} → {href} does not exist"


def test_translated_pages_say_they_are_unofficial(built_site: Path) -> None:
    page = (built_site / "ippc" / "fr" / "workplan" / "index.html").read_text(encoding="utf-8")
    english = (built_site / "ippc" / "workplan" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="edition-note"[^>]*>.*·', page)
    assert not re.search(r'<p class="edition-note"[^>]*>.*·', english)


def test_landing_page_leads_to_every_edition_and_language(built_site: Path) -> None:
    landing = built_site / "index.html"
    source = landing.read_text(encoding="utf-8")
    assert '<html lang="en">' in source
    for edition in EDITIONS:
        for language in edition_languages(ROOT, edition):
            href = f"{edition}/" if language == "en" else f"{edition}/{language}/"
            assert f'href="{href}"' in source
            assert (built_site / href / "index.html").is_file()


def test_sitemaps_cover_every_edition_and_language(built_site: Path) -> None:
    index = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for edition in EDITIONS:
        assert f"<loc>{edition}/sitemap.xml</loc>" in index
        sitemap = (built_site / edition / "sitemap.xml").read_text(encoding="utf-8")
        assert "None" not in sitemap
        for language in edition_languages(ROOT, edition)[1:]:
            assert f'hreflang="{language}" href="{language}/workplan/"' in sitemap
        assert 'hreflang="x-default" href="workplan/"' in sitemap


# --- A publisher sets each edition's public base URL: every address that leaves the edition uses it.


@pytest.mark.parametrize("edition", EDITIONS)
def test_public_urls_make_canonical_urls_absolute(published_site: Path, edition: str) -> None:
    base = PUBLIC_URLS[edition]
    for page, url in ((f"{edition}/workplan/index.html", "workplan/"), (f"{edition}/fr/index.html", "fr/")):
        source = (published_site / page).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{base}{url}">' in source, page


@pytest.mark.parametrize("edition", EDITIONS)
def test_public_urls_lead_to_the_other_edition(published_site: Path, edition: str) -> None:
    other = next(e for e in EDITIONS if e != edition)
    source = (published_site / edition / "fr" / "workplan" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{PUBLIC_URLS[other]}fr/workplan/" hreflang="fr">' in source


@pytest.mark.parametrize("edition", EDITIONS)
def test_public_urls_fill_the_sitemaps(published_site: Path, edition: str) -> None:
    base = PUBLIC_URLS[edition]
    sitemap = (published_site / edition / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert f"{base}workplan/" in locations and f"{base}fr/workplan/" in locations
    assert all(location.startswith(base) for location in locations), locations
    hrefs = re.findall(r'<xhtml:link rel="alternate" hreflang="[^"]+" href="([^"]*)"/>', sitemap)
    assert hrefs and all(href.startswith(base) for href in hrefs)
    assert f'hreflang="x-default" href="{base}fr/"' not in sitemap
    assert f'hreflang="x-default" href="{base}"' in sitemap
    index = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}sitemap.xml</loc>" in index


def test_public_urls_on_the_landing_page(published_site: Path) -> None:
    landing = (published_site / "index.html").read_text(encoding="utf-8")
    for edition, base in PUBLIC_URLS.items():
        for language in edition_languages(ROOT, edition):
            assert f'href="{base}{"" if language == "en" else language + "/"}"' in landing


def test_footer_links_both_organizations_edition_first(built_site: Path) -> None:
    wco = (built_site / "wco" / "index.html").read_text(encoding="utf-8")
    ippc = (built_site / "ippc" / "index.html").read_text(encoding="utf-8")
    assert wco.index('href="https://www.wcoomd.org/"') < wco.index('href="https://www.ippc.int/en/"')
    assert ippc.index('href="https://www.ippc.int/en/"') < ippc.index('href="https://www.wcoomd.org/"')


# --- The 404 page: one per edition, in all its languages -----------------------------------------


def not_found_links(site: Path, edition: str) -> tuple[str, dict[str, str]]:
    """The 404 page's <html lang>, and its home links: language → href."""
    source = (site / edition / "404.html").read_text(encoding="utf-8")
    html_lang = re.search(r'<html lang="([^"]+)"', source).group(1)
    return html_lang, dict(
        (lang, href) for href, lang in re.findall(r'<p><a href="([^"]*)" hreflang="([a-z]+)">', source)
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_404_page_speaks_every_language_of_its_edition(built_site: Path, edition: str) -> None:
    source = (built_site / edition / "404.html").read_text(encoding="utf-8")
    html_lang, links = not_found_links(built_site, edition)
    assert html_lang == "en" and '<html lang="en" dir="ltr"' in source and "<h1>Page not found</h1>" in source
    languages = edition_languages(ROOT, edition)
    # site/ served as one folder: the 404 page answers at any depth, so its links start at the edition's folder.
    assert links == {code: f"/{edition}/" if code == "en" else f"/{edition}/{code}/" for code in languages}
    for href in links.values():
        assert (built_site / href.strip("/") / "index.html").is_file(), href
    assert 'href="/assets/' not in source and 'src="/assets/' not in source, "the theme's files must load too"
    for code in languages[1:]:
        assert f'<section lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"><h2>' in source


@pytest.mark.parametrize("edition", EDITIONS)
def test_404_page_links_the_published_home_pages(published_site: Path, edition: str) -> None:
    """Served at any depth, the 404 page links each language's home page from the public URL's path."""
    path = urlsplit(PUBLIC_URLS[edition]).path
    _, links = not_found_links(published_site, edition)
    assert sorted(links) == sorted(edition_languages(ROOT, edition))
    for href in links.values():
        assert href.startswith(path)
        assert (published_site / edition / href[len(path) :] / "index.html").is_file(), href
