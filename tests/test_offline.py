"""The offline copy of each edition (macros/offline.py): a reproducible zip that works from disk."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from macros.offline import SHIM, OfflineError, install_shim, offline_build, zip_folder
from site_quality import gates
from site_quality.chromium import chromium

from .conftest import BUILD_EPOCH

EDITIONS = ("wco", "ippc")
BUILD_DAY = (2026, 11, 23, 0, 0, 0)
"""BUILD_EPOCH as a zip timestamp."""


def archive_of(site: Path, edition: str) -> Path:
    return site / edition / "downloads" / f"{edition}-offline.zip"


def test_each_edition_links_its_offline_zip_from_every_guides_overview(built_site: Path) -> None:
    for edition in EDITIONS:
        archive = archive_of(built_site, edition)
        assert archive.is_file(), f"{archive} is missing"
        overviews = sorted((built_site / edition).rglob("guides/index.html"))
        assert overviews
        for overview in overviews:
            href = re.search(r'href="([^"]*-offline\.zip)"', overview.read_text(encoding="utf-8"))
            assert href, f"{overview} has no link to the offline copy"
            assert (overview.parent / href.group(1)).resolve() == archive.resolve(), (overview, href.group(1))


@pytest.mark.parametrize("edition", EDITIONS)
def test_offline_zip_is_sorted_dated_by_the_build_and_complete(built_site: Path, edition: str) -> None:
    with zipfile.ZipFile(archive_of(built_site, edition)) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        assert {info.date_time for info in infos} == {BUILD_DAY}
        assert all(name.startswith(f"{edition}-offline/") for name in names)
        top = f"{edition}-offline/"
        for needed in (
            "index.html",
            "guides/sea-containers.html",
            "search/search_index.js",
            "assets/external/unpkg.com/iframe-worker/shim.js",
            f"guides/{edition}-ephyto-en.pdf",
        ):
            assert top + needed in names, f"{needed} is not in the offline copy"
        assert not any("/downloads/" in name for name in names), "the offline copy contains a zip"
        overview = archive.read(top + "guides/index.html").decode("utf-8")
        assert "offline.zip" not in overview, "the offline copy links a download it does not have"
        home = archive.read(top + "index.html").decode("utf-8")
        assert "https://unpkg.com" not in home


def test_zip_folder_is_byte_reproducible(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "z.txt").write_text("z", encoding="utf-8")
    (folder / "a.txt").write_text("a", encoding="utf-8")
    first = zip_folder(folder, tmp_path / "one.zip", "copy", int(BUILD_EPOCH)).read_bytes()
    os.utime(folder / "a.txt", (1_000_000_000, 1_000_000_000))  # a later checkout: other file times
    second = zip_folder(folder, tmp_path / "two.zip", "copy", int(BUILD_EPOCH)).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == ["copy/a.txt", "copy/b/z.txt"]
        assert archive.infolist()[0].date_time == BUILD_DAY


def test_install_shim_fills_the_privacy_plugins_cache(tmp_path: Path) -> None:
    with pytest.raises(OfflineError, match="make node_modules"):
        install_shim(tmp_path)
    shim = tmp_path / SHIM
    shim.parent.mkdir(parents=True)
    shim.write_text("/* shim */", encoding="utf-8")
    target = install_shim(tmp_path)
    assert target.read_text(encoding="utf-8") == "/* shim */"
    link = target.with_name("shim")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert install_shim(tmp_path) == target  # a second run changes nothing


def test_offline_build_is_told_by_the_offline_plugin() -> None:
    class Plugin:
        def __init__(self, enabled: bool) -> None:
            self.config = type("Config", (), {"enabled": enabled})()

    assert offline_build({"plugins": {"material/offline": Plugin(True)}})
    assert not offline_build({"plugins": {"material/offline": Plugin(False)}})
    assert not offline_build({"plugins": {}})


def test_offline_copy_opens_from_disk_and_its_search_works(built_site: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(archive_of(built_site, "wco")) as archive:
        archive.extractall(tmp_path)
    home = tmp_path / "wco-offline" / "index.html"
    requests: list[str] = []
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(home.as_uri())
        assert tab.locator("h1").first.is_visible()
        # Pages: follow the navigation to a guide.
        tab.goto((tmp_path / "wco-offline" / "guides" / "index.html").as_uri())
        tab.locator(".md-content a[href='sea-containers.html']").first.click()
        tab.wait_for_url(re.compile(r"/guides/sea-containers\.html$"))
        assert "Sea containers" in tab.locator("h1").inner_text()
        # Keyboard users get an acronym's expansion too: focus shows Material's tooltip.
        tab.locator("article abbr[tabindex='0']").first.focus()
        tab.wait_for_selector(".md-tooltip2--active", timeout=10_000)
        # Search: typed (Material ignores fill()), answered from the inlined index by the worker shim.
        tab.goto(home.as_uri())
        search = tab.locator(".md-search__input")
        search.click()
        search.press_sequentially(_word_only_on(tmp_path / "wco-offline", "guides/sea-containers.html"), delay=40)
        result = tab.locator(".md-search-result__item a[href*='guides/sea-containers.html']").first
        result.wait_for(timeout=20_000)
        result.click()
        tab.wait_for_url(re.compile(r"/guides/sea-containers\.html"))
        # In French: the French pages' own index, whose results stay in French.
        tab.goto((tmp_path / "wco-offline" / "fr" / "index.html").as_uri())
        search = tab.locator(".md-search__input")
        search.click()
        word = _word_only_on(tmp_path / "wco-offline" / "fr", "guides/sea-containers.html")
        search.press_sequentially(word, delay=40)
        result = tab.locator(".md-search-result__item a[href*='guides/sea-containers.html']").first
        result.wait_for(timeout=20_000)
        assert "/wco-offline/fr/guides/sea-containers.html" in result.get_attribute("href")
    outside = [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))]
    assert not outside, f"the offline copy asked the network for: {outside[:5]}"


def _word_only_on(root: Path, page: str) -> str:
    """A long word of the offline index that only `page` holds: chosen from the data that was built,
    so that the test follows the editors' edits."""
    index = json.loads((root / "search" / "search_index.js").read_text(encoding="utf-8").split("=", 1)[1])
    pages_of: dict[str, set[str]] = {}
    for doc in index["docs"]:
        for word in re.findall(r"[a-zà-ÿ]{9,}", (doc["title"] + " " + doc["text"]).lower()):
            pages_of.setdefault(word, set()).add(doc["location"].split("#")[0])
    return next(word for word, pages in sorted(pages_of.items()) if pages == {page})


@pytest.mark.parametrize("edition", EDITIONS)
def test_offline_copy_has_no_broken_link(built_site: Path, tmp_path: Path, edition: str) -> None:
    """Every link in the copy leads to a file in the copy: the other edition, which it does not hold,
    is linked only at its public address."""
    with zipfile.ZipFile(archive_of(built_site, edition)) as archive:
        archive.extractall(tmp_path)
    problems = gates.link_problems(tmp_path / f"{edition}-offline")
    assert not problems, "\n".join(problems[:20])
