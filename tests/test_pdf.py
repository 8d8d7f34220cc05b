"""The guides' PDF leaflets (macros/pdf.py) and the print stylesheet they share with the browser."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from macros.pdf import copy_guide_pdfs, directory_url_page, find_guide_pages, render_pdf
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
