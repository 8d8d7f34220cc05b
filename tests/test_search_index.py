"""One search index per language (macros/search_index.py), on a small built edition made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.search_index import SearchIndexError, split_search_index

CONFIG = {"lang": ["en", "fr", "ar"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def page(base: str) -> str:
    return f'<html><head><script id="__config" type="application/json">{{"annotate": null, "base": "{base}"}}</script>'


def make_edition(folder: Path, offline: bool = False) -> Path:
    docs = [
        {"location": "", "title": "Home", "text": "ePhyto"},
        {"location": "workplan/#a", "title": "Work plan", "text": "ePhyto"},
        {"location": "fr/", "title": "Accueil", "text": "ePhyto"},
        {"location": "fr/workplan/", "title": "Plan de travail", "text": "ePhyto"},
        {"location": "ar/", "title": "الرئيسية", "text": "ePhyto"},
    ]
    (folder / "search").mkdir(parents=True)
    text = json.dumps({"config": CONFIG, "docs": docs})
    (folder / "search" / "search_index.json").write_text(text, encoding="utf-8")
    if offline:
        (folder / "search" / "search_index.js").write_text("var __index = " + text, encoding="utf-8")
    for path, base in {
        "index.html": ".",
        "workplan/index.html": "..",
        "fr/index.html": "..",
        "fr/workplan/index.html": "../..",
        "ar/index.html": "..",
    }.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(page(base), encoding="utf-8")
    return folder


def read_index(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_gets_its_own_pages_and_settings(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "ippc")
    split_search_index(edition, ["en", "fr", "ar"])
    english = read_index(edition / "search" / "search_index.json")
    french = read_index(edition / "fr" / "search" / "search_index.json")
    arabic = read_index(edition / "ar" / "search" / "search_index.json")
    assert [doc["location"] for doc in english["docs"]] == ["", "workplan/#a"]
    assert [doc["location"] for doc in french["docs"]] == ["", "workplan/"]
    assert [doc["title"] for doc in arabic["docs"]] == ["الرئيسية"]
    assert (english["config"]["lang"], french["config"]["lang"], arabic["config"]["lang"]) == (
        ["en"],
        ["en", "fr"],
        ["en", "ar"],
    )
    assert french["config"]["separator"] == CONFIG["separator"]


def test_pages_of_a_language_look_for_its_index(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "ippc")
    split_search_index(edition, ["en", "fr", "ar"])
    assert '"base": "."' in (edition / "fr" / "index.html").read_text(encoding="utf-8")
    assert '"base": ".."' in (edition / "fr" / "workplan" / "index.html").read_text(encoding="utf-8")
    assert '"base": ".."' in (edition / "workplan" / "index.html").read_text(encoding="utf-8")  # default: as built


def test_offline_copy_gets_script_indexes_too(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "ippc", offline=True)
    split_search_index(edition, ["en", "fr", "ar"])
    script = (edition / "fr" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = "))["config"]["lang"] == ["en", "fr"]


def test_a_page_without_the_expected_config_is_reported(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "ippc")
    (edition / "fr" / "index.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SearchIndexError, match=r"fr/index.html: search base: no `base`"):
        split_search_index(edition, ["en", "fr", "ar"])
