"""Links between editions and languages."""

from __future__ import annotations

from macros.editions import (
    depth,
    directory_url,
    edition_languages,
    other_edition_url,
    relative_alternate,
    split_language,
)

from .conftest import ROOT


def test_edition_languages_come_from_the_edition_configs() -> None:
    assert edition_languages(ROOT, "wco") == ["en", "fr", "es"]
    assert edition_languages(ROOT, "ippc") == ["en", "fr", "es", "ar", "zh", "ru"]


def test_split_language() -> None:
    assert split_language("fr/workplan/", "fr") == "workplan/"
    assert split_language("workplan/", "en") == "workplan/"
    assert split_language("", "en") == ""


def test_depth() -> None:
    assert depth("") == 0
    assert depth("fr/") == 1
    assert depth("fr/areas/ephyto/") == 3
    assert depth("fr/areas/ephyto/index.html") == 3


def test_same_page_same_language_in_the_other_edition() -> None:
    assert other_edition_url("fr/workplan/", "fr", "ippc", ["en", "fr"]) == ("../../../ippc/fr/workplan/", "fr")
    assert other_edition_url("", "en", "ippc", ["en", "fr"]) == ("../ippc/", "en")


def test_language_missing_in_the_other_edition_falls_back_to_english() -> None:
    assert other_edition_url("ar/events/", "ar", "wco", ["en", "fr", "es"]) == ("../../../wco/events/", "en")


def test_public_base_url_makes_links_absolute() -> None:
    url, _ = other_edition_url("fr/events/", "fr", "wco", ["en", "fr"], "https://example.org/wco/")
    assert url == "https://example.org/wco/fr/events/"


def test_relative_alternate() -> None:
    assert relative_alternate("/") == "."
    assert relative_alternate("/fr/") == "fr/"
    assert relative_alternate("https://x.org/fr/") == "https://x.org/fr/"


def test_directory_url() -> None:
    assert directory_url("fr/workplan.html") == "fr/workplan/"
    assert directory_url("guides/index.html") == "guides/"
    assert directory_url("index.html") == ""
    assert directory_url("fr/workplan/") == "fr/workplan/"
