"""One search index per language of an edition.

The i18n plugin leaves one search index for all of an edition's languages, so a reader who searches
"ePhyto" on an Arabic page gets the English, French, Spanish… pages first, and the browser downloads
and indexes every language on every page. This splits it: each language gets the index of its own
pages, beside its home page (`fr/search/search_index.json`), with Material's search set for that
language and English (English for the Latin acronyms and names that every language's text holds).

Material finds the index from `base` in each page's `__config`, which MkDocs sets to the edition's
root; in the pages of a language other than the default, `base` is moved to that language's root,
which is also what search results are resolved against.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from .finished_html import FinishedHtmlError, search_base

INDEX = Path("search") / "search_index.json"
OFFLINE_INDEX = Path("search") / "search_index.js"
"""The offline plugin's copy of the index, loaded as a script from file:// pages."""
OFFLINE_PREFIX = "var __index = "


class SearchIndexError(RuntimeError):
    """The built pages are not as this module expects; the message says what changed."""


def split_search_index(edition_dir: Path, languages: list[str]) -> None:
    """Write each language's own index, and point that language's pages at it. `languages` are the
    edition's, the default first; the default's pages are at the edition's root, the others' in a
    folder named by the language code."""
    default, others = languages[0], languages[1:]
    index = json.loads((edition_dir / INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list[dict[str, Any]]] = {code: [] for code in languages}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in others:
            docs[first].append({**doc, "location": doc["location"][len(first) + 1 :]})
        else:
            docs[default].append(doc)
    offline = (edition_dir / OFFLINE_INDEX).is_file()
    for code in languages:
        root = edition_dir if code == default else edition_dir / code
        lang = [default] if code == default else [default, code]
        text = json.dumps(
            {**index, "config": {**index["config"], "lang": lang}, "docs": docs[code]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        (root / INDEX).parent.mkdir(parents=True, exist_ok=True)
        (root / INDEX).write_text(text, encoding="utf-8")
        if offline:
            (root / OFFLINE_INDEX).write_text(OFFLINE_PREFIX + text, encoding="utf-8")
        if code != default:
            for page in sorted(root.rglob("*.html")):
                _point_at_language_root(page, edition_dir, root)


def _point_at_language_root(page: Path, edition_dir: Path, language_root: Path) -> None:
    folder = page.parent.relative_to(edition_dir).as_posix()
    base = posixpath.relpath(language_root.relative_to(edition_dir).as_posix(), folder)

    def language_base(current: str) -> str:
        if posixpath.normpath(posixpath.join(folder, current)) != ".":
            raise SearchIndexError(f"{page}: __config's base {current!r} is not the edition's root")
        return base

    try:
        html = search_base(page.read_text(encoding="utf-8"), language_base)
    except FinishedHtmlError as error:
        raise SearchIndexError(f"{page}: {error}") from None
    page.write_text(html, encoding="utf-8")
