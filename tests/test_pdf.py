"""The guides' PDF leaflets (macros/pdf.py) and the print stylesheet they share with the browser."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from macros import pdf as pdf_module
from macros.pdf import copy_guide_pdfs, directory_url_page, find_guide_pages, render_cached, render_pdf
from site_quality.chromium import chromium

GUIDES = ("sea-containers", "e-commerce", "ephyto")


def pdf_text(pdf: Path) -> str:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def pdf_info(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(pdf)], capture_output=True, text=True, check=True).stdout


def test_every_guide_page_in_every_language_has_its_pdf_beside_it(built_site: Path, dataset) -> None:
    pages = find_guide_pages(built_site)
    assert len(pages) == len(GUIDES) * 9  # WCO: 3 languages, IPPC: 6
    titles = {guide.id: guide.title for guide in dataset.guides}
    for page, name in pages:
        pdf = page.with_name(name)
        assert pdf.is_file(), f"{pdf} is missing"
        assert f'href="{name}"' in page.read_text(encoding="utf-8"), f"{page} does not link {name}"
        guide_id = page.parent.name
        language = name.removesuffix(".pdf").rsplit("-", 1)[1]  # the language of the page's text
        title = titles[guide_id].get(language, titles[guide_id]["en"])
        # Text extracted from right-to-left scripts comes out reordered and with direction marks, so the
        # document title (its metadata, written from the page's <title>) is checked as well.
        title = " ".join(title.split())
        found = title in pdf_text(pdf) or title in pdf_info(pdf, "-enc", "UTF-8")
        assert found, f"{pdf} does not contain its title {title!r}"


def test_pdfs_are_leaflets_of_one_or_two_pages_without_links_into_the_build(built_site: Path) -> None:
    for page, name in find_guide_pages(built_site):
        pdf = page.with_name(name)
        pages = int(re.search(r"^Pages:\s+(\d+)", pdf_info(pdf), re.M).group(1))
        assert 1 <= pages <= 2, f"{pdf} has {pages} pages"
        urls = pdf_info(pdf, "-url")
        assert "file:" not in urls, f"{pdf} links into the build folder"
        assert "https://" in urls, f"{pdf} lost its links to the sources"


def test_a_pdf_shows_its_pictures_and_no_site_chrome(built_site: Path, preview_site: Path, tmp_path: Path) -> None:
    pdf = built_site / "wco" / "guides" / "sea-containers" / "wco-sea-containers-en.pdf"
    text = pdf_text(pdf)
    assert "Customs sees it here" in text  # the pathway picture
    for chrome in ("Skip to content", "Table of contents", "Download this guide"):
        assert chrome not in text, chrome
    # The container picture: its places await confirmation, so only the preview build draws it.
    page = preview_site / "wco" / "guides" / "sea-containers" / "index.html"
    text = pdf_text(render_pdf(page, tmp_path / "preview.pdf"))
    assert "Underside and forklift pockets" in text  # a label drawn in the container picture
    for chrome in ("Skip to content", "Table of contents", "Download this guide"):
        assert chrome not in text, chrome


def test_the_same_page_gives_the_same_pdf(built_site: Path, tmp_path: Path) -> None:
    page = built_site / "ippc" / "guides" / "ephyto" / "index.html"
    first, second = render_pdf(page, tmp_path / "a.pdf"), render_pdf(page, tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()


def test_find_guide_pages_reads_the_marker_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p class="guide-pdf" data-guide-pdf="wco-a-en.pdf">', "utf-8")
    (tmp_path / "b.html").write_text("<p>data-guide-pdf is mentioned, not set</p>", "utf-8")
    assert find_guide_pages(tmp_path) == [(tmp_path / "a" / "index.html", "wco-a-en.pdf")]


@pytest.mark.parametrize(
    ("offline", "online"),
    [("guides/ephyto.html", "guides/ephyto/index.html"), ("fr/guides/index.html", "fr/guides/index.html")],
)
def test_offline_pages_map_to_their_directory_url_pages(offline: str, online: str) -> None:
    assert directory_url_page(Path(offline)) == Path(online)


def test_the_offline_copy_gets_the_pdfs_already_made(tmp_path: Path) -> None:
    site, copy = tmp_path / "site", tmp_path / "copy"
    (site / "fr" / "guides" / "ephyto").mkdir(parents=True)
    (site / "fr" / "guides" / "ephyto" / "x-en.pdf").write_bytes(b"%PDF-made")
    (copy / "fr" / "guides").mkdir(parents=True)
    (copy / "fr" / "guides" / "ephyto.html").write_text('<p data-guide-pdf="x-en.pdf">', "utf-8")
    assert copy_guide_pdfs(site, copy) == [copy / "fr" / "guides" / "x-en.pdf"]
    assert (copy / "fr" / "guides" / "x-en.pdf").read_bytes() == b"%PDF-made"


# --- Print, in a real browser -----------------------------------------------------------------


def test_print_stylesheet_hides_navigation_and_writes_out_links(built_site: Path, preview_site: Path) -> None:
    # The preview build: the container drawing (its places still to confirm) is only shown there.
    page_url = (preview_site / "wco" / "guides" / "sea-containers" / "index.html").as_uri()
    chrome = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(page_url)
        # On screen: the navigation is there (the negative control of the test below).
        assert tab.locator(".md-sidebar--primary").is_visible()
        assert tab.locator(".md-header").is_visible()
        tab.emulate_media(media="print")
        for selector in chrome:
            assert not tab.locator(selector).is_visible(), f"{selector} is printed"
        assert not tab.locator(".guide-pdf").is_visible()
        assert tab.locator("h1").is_visible()
        assert tab.locator("#sea-containers-container").is_visible()
        # An outside link is followed by its address; the list of sources, which shows them, is not doubled.
        tab.goto((built_site / "wco" / "guides" / "e-commerce" / "index.html").as_uri())
        tab.emulate_media(media="print")
        href, link_after, source_after = tab.evaluate(
            """() => {
                const link = document.querySelector('.md-content a[href^="http"]:not(.guide-url)');
                const source = document.querySelector('.md-content a.guide-url');
                return [link.getAttribute('href'), getComputedStyle(link, '::after').content,
                        getComputedStyle(source, '::after').content];
            }"""
        )
        assert link_after == f'" ({href})"', link_after
        assert source_after in ("none", "normal"), source_after


# --- The PDF cache: reused while the page is the same, never stale --------------------------------


def _guide_page(folder: Path, text: str, picture: str | None = None) -> Path:
    """A guide page as small as WeasyPrint renders in a fraction of a second, with its stylesheet."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "print.css").write_text("h1 { color: #123456 }", encoding="utf-8")
    image = f'<img src="{picture}" alt="">' if picture else ""
    page = folder / "index.html"
    page.write_text(
        f'<!doctype html><html lang="en"><head><title>{text}</title><link rel="stylesheet" href="print.css">'
        f'</head><body><h1>{text}</h1><p data-guide-pdf="x-en.pdf">{image}</p></body></html>',
        encoding="utf-8",
    )
    return page


@pytest.fixture
def counted_renders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The pages actually rendered by WeasyPrint (not taken from the cache)."""
    rendered: list[Path] = []
    original = pdf_module.render_pdf

    def counting(page: Path, target: Path, read: Callable[[Path], None] | None = None) -> Path:
        rendered.append(page)
        return original(page, target, read)

    monkeypatch.setattr(pdf_module, "render_pdf", counting)
    return rendered


def test_an_unchanged_page_reuses_its_pdf_and_a_changed_page_makes_a_new_one(
    tmp_path: Path, counted_renders: list[Path]
) -> None:
    cache = tmp_path / "cache"
    page = _guide_page(tmp_path / "site", "First edition")
    first = render_cached(page, tmp_path / "first.pdf", cache)
    assert counted_renders == [page]
    assert sorted(path.suffix for path in cache.iterdir()) == [".json", ".pdf"]

    again = render_cached(page, tmp_path / "again.pdf", cache)  # the same page, a later build
    assert counted_renders == [page], "an unchanged page was rendered again"
    assert again.read_bytes() == first.read_bytes()

    _guide_page(tmp_path / "site", "Second edition")  # the page's HTML changed
    changed = render_cached(page, tmp_path / "changed.pdf", cache)
    assert counted_renders == [page, page], "a changed page took the old PDF"
    assert changed.read_bytes() != first.read_bytes()
    assert "Second edition" in pdf_text(changed)
    assert len(list(cache.glob("*.pdf"))) == 2


def test_a_changed_stylesheet_or_picture_makes_a_new_pdf(tmp_path: Path, counted_renders: list[Path]) -> None:
    cache = tmp_path / "cache"
    site = tmp_path / "site"
    (site).mkdir()
    picture = site / "picture.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>', encoding="utf-8")
    page = _guide_page(site, "Pictured", picture="picture.svg")
    render_cached(page, tmp_path / "a.pdf", cache)
    assert json.loads(next(cache.glob("*.json")).read_text(encoding="utf-8")) == {
        "picture.svg": hashlib.sha256(picture.read_bytes()).hexdigest()
    }, "the picture WeasyPrint read is not listed beside the PDF"
    render_cached(page, tmp_path / "b.pdf", cache)
    assert len(counted_renders) == 1

    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>', encoding="utf-8")
    render_cached(page, tmp_path / "c.pdf", cache)
    assert len(counted_renders) == 2, "a changed picture took the old PDF"

    (site / "print.css").write_text("h1 { color: #654321 }", encoding="utf-8")
    assert pdf_module.cached_pdf(page, pdf_module.cache_key(page), cache) is None, "a changed stylesheet hit"


def test_write_guide_pdfs_takes_what_the_cache_holds(tmp_path: Path, counted_renders: list[Path]) -> None:
    cache = tmp_path / "cache"
    first = _guide_page(tmp_path / "one" / "a", "Alpha")
    _guide_page(tmp_path / "two" / "a", "Alpha")  # the same page in another build folder
    assert pdf_module.write_guide_pdfs(tmp_path / "one", cache) == [first.with_name("x-en.pdf")]
    assert pdf_module.write_guide_pdfs(tmp_path / "two", cache) == [tmp_path / "two" / "a" / "x-en.pdf"]
    assert counted_renders == [first]
    assert (tmp_path / "two" / "a" / "x-en.pdf").read_bytes() == first.with_name("x-en.pdf").read_bytes()


def test_the_renderer_fingerprint_covers_the_libraries_and_fonts() -> None:
    assert "weasyprint" in pdf_module.CACHE_LIBRARIES
    assert re.fullmatch(r"[0-9a-f]{64}", pdf_module.renderer_fingerprint())
