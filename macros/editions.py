"""Where the same page lives in the other edition and in other languages, relative or absolute.

Links are relative unless a publisher sets the edition's public base URL (extra.edition_urls),
so that site/ works as one folder on any host, or on an intranet.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml


def edition_language_names(config_dir: Path, edition: str) -> dict[str, str]:
    """The languages an edition is built in, code → own name, read from its configuration file."""
    config = yaml.safe_load((config_dir / f"mkdocs.{edition}.yml").read_text(encoding="utf-8"))
    languages = config["plugins"]["i18n"]["languages"]
    return {language["locale"]: language["name"] for language in languages if language.get("build", True)}


def edition_languages(config_dir: Path, edition: str) -> list[str]:
    return list(edition_language_names(config_dir, edition))


def split_language(page_url: str, language: str, default_language: str = "en") -> str:
    """The page's URL inside its language: `fr/workplan/` → `workplan/`."""
    prefix = f"{language}/"
    if language != default_language and page_url.startswith(prefix):
        return page_url[len(prefix) :]
    return page_url


def directory_url(page_url: str) -> str:
    """The URL a page has on the published site, where MkDocs uses directory URLs, from its URL in a
    build without them (the offline copy): `fr/workplan.html` → `fr/workplan/`, `index.html` → ``."""
    if page_url == "index.html" or page_url.endswith("/index.html"):
        return page_url[: -len("index.html")]
    if page_url.endswith(".html"):
        return page_url[: -len(".html")] + "/"
    return page_url


def depth(page_url: str) -> int:
    """How many folders down from the edition's root a page is (`fr/workplan/` → 2)."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return len([part for part in folder.split("/") if part])


def other_edition_url(
    page_url: str,
    language: str,
    other_edition: str,
    other_languages: list[str],
    other_base_url: str = "",
    default_language: str = "en",
) -> tuple[str, str]:
    """The URL of the same page in the other edition, and the language it is shown in there."""
    inner = split_language(page_url, language, default_language)
    target_language = language if language in other_languages else default_language
    prefix = "" if target_language == default_language else f"{target_language}/"
    if other_base_url:
        return f"{other_base_url.rstrip('/')}/{prefix}{inner}", target_language
    return "../" * (depth(page_url) + 1) + f"{other_edition}/{prefix}{inner}", target_language


def relative_alternate(link: str) -> str:
    """A language-selector link that MkDocs' `url` filter will make relative (`/fr/` → `fr/`)."""
    if link.startswith("/"):
        return link.lstrip("/") or "."
    return link
