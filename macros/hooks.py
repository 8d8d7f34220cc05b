"""MkDocs hooks: what the site needs around the pages, beyond what the macros render.

- one page per work-plan area: an editor adds an area in data/workplan.yml, its page and its place
  in the navigation follow;
- the editions: the link to the same page in the other organization's edition, the edition's
  colours, its public URL;
- the languages: section titles, the notice on unofficial and untranslated text, language
  links that stay relative.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc

from macros.context import RenderContext
from macros.dates import build_date
from macros.editions import directory_url, edition_languages, other_edition_url, relative_alternate
from macros.errors import DataErrors
from macros.loading import cached_dataset, data_dir_of, preview_requested
from macros.offline import offline_build
from macros.page_outline import outline
from macros.page_outline import title as page_title
from macros.render.glossary import abbreviations, focusable_abbreviations
from macros.render.not_found import render_not_found
from macros.search_index import SearchIndexError, split_search_index

AREAS_PLACEHOLDER = "areas/"
NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"
"""What overrides/page.html writes on the 404 page, for on_post_template to replace."""
AREAS_FOLDER = "areas"


def _data(config: Any) -> Any:
    try:
        return cached_dataset(data_dir_of(Path(config.config_file_path).parent), preview_requested())
    except DataErrors as errors:
        raise PluginError(errors.report()) from None


def _areas(config: Any) -> list[tuple[str, str]]:
    return [(area.id, area.slug) for area in _data(config).workplan.areas]


def _language(config: Any) -> str:
    return str(config.theme["language"] or "en")


def _label(config: Any, key: str, **values: Any) -> str:
    text = _data(config).labels[key]
    value = text.get(_language(config), text["en"])
    return value.format(**values) if values else value


def _expand(nav: Any, pages: list[str]) -> Any:
    if isinstance(nav, list):
        expanded = []
        for item in nav:
            if item == AREAS_PLACEHOLDER:
                expanded.extend(pages)
            else:
                expanded.append(_expand(item, pages))
        return expanded
    if isinstance(nav, dict):
        return {key: _expand(value, pages) for key, value in nav.items()}
    return nav


def _area_shell(area_id: str) -> str:
    return (
        f"<!-- Generated from data/workplan.yml, area {area_id}: edit the data, not this file. -->\n"
        f'{{{{ area_page("{area_id}") }}}}\n'
    )


@event_priority(100)
def on_config(config: Any) -> Any:
    """Write a shell page per area into docs/areas/ (git-ignored) and list them where nav says `areas/`.

    The pages are real files because the i18n plugin rebuilds every page from docs_dir.
    A file is written only when its content changes, so that `mkdocs serve` does not loop.
    """
    urls = config.extra.get("edition_urls") or {}
    public = urls.get(config.extra.get("edition"), "")
    if public:
        config.site_url = public
    areas = _areas(config)
    folder = Path(config.docs_dir) / AREAS_FOLDER
    folder.mkdir(exist_ok=True)
    for area_id, slug in areas:
        shell = folder / f"{slug}.md"
        content = _area_shell(area_id)
        if not shell.is_file() or shell.read_text(encoding="utf-8") != content:
            shell.write_text(content, encoding="utf-8")
    if config.nav:
        config.nav = _expand(config.nav, [f"{AREAS_FOLDER}/{slug}.md" for _, slug in areas])
    return config


def on_pre_build(config: Any) -> None:
    """The footer links both organizations' websites, the edition's own first, in the page language."""
    data = _data(config)
    edition = config.extra.get("edition", "wco")
    order = [edition, config.extra.get("other_edition") or ("ippc" if edition == "wco" else "wco")]
    links = []
    for org_id in order:
        org = data.organizations[org_id]
        name = org.name.get(_language(config), org.name["en"])
        links.append(f'<a href="{org.website}">{html.escape(name)}</a>' if org.website else html.escape(name))
    config.copyright = _label(config, "footer_joint", first=links[0], second=links[1])


@event_priority(100)
def on_files(files: Files, config: Any) -> Files:
    """Leave out shell pages of areas that are no longer in the data."""
    current = {f"{AREAS_FOLDER}/{slug}.md" for _, slug in _areas(config)}
    for file in list(files):
        if file.src_uri.startswith(f"{AREAS_FOLDER}/") and file.src_uri not in current:
            files.remove(file)
    return files


@event_priority(-200)
def on_nav(nav: Any, config: Any, files: Files) -> Any:
    """Translate section titles through the `nav_` labels of data/labels.yml."""
    labels = {text["en"]: key for key, text in _data(config).labels.items() if key.startswith("nav_")}

    def translate(items: list[Any]) -> None:
        for item in items:
            if getattr(item, "is_section", False):
                key = labels.get(item.title)
                if key:
                    item.title = _label(config, key)
                translate(item.children)

    translate(nav.items)
    return nav


_LEADING_COMMENT = re.compile(r"\A(\s*<!--.*?-->\s*)+", re.S)
_FIRST_HEADING = re.compile(r"^# .*$", re.M)


def _after_heading(markdown: str, insert: str) -> str:
    """Put `insert` right after the page's H1, which must stay the first element: MkDocs takes
    the page title (and so the navigation entry) from a leading H1 only."""
    match = _FIRST_HEADING.search(markdown)
    if not match:
        return f"{insert}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{insert}\n{markdown[match.end() :]}"


def _with_abbreviations(markdown: str, page: Any, config: Any) -> str:
    """Every glossary acronym gets its expansion on hover and focus (abbr extension, content.tooltips),
    in the language the page's text is in (as the macros choose it)."""
    language = str(getattr(page.file, "locale", None) or _language(config))
    edition = config.extra.get("edition", "wco")
    context = RenderContext(_data(config), language, page.file.src_uri, edition, build_date())
    return f"{markdown}\n\n{abbreviations(context)}\n"


@event_priority(-50)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """After the macros: lead with the H1, and say so when a page, or part of it, is in English
    for want of a translation."""
    markdown = _with_abbreviations(markdown, page, config)
    comments = _LEADING_COMMENT.match(markdown)
    if comments and _FIRST_HEADING.search(markdown):
        markdown = _after_heading(markdown[comments.end() :], comments.group(0).strip())
    language = _language(config)
    if language == "en":
        return markdown
    page_fell_back = getattr(page.file, "locale", language) != language and not page.file.src_uri.startswith(
        f"{AREAS_FOLDER}/"
    )
    if page_fell_back:
        # The H1 stays first (it gives the page its title), marked as English like the rest.
        notice = f'!!! note ""\n\n    {_label(config, "page_not_translated")}\n\n<div lang="en" dir="ltr" markdown>\n'
        heading = _FIRST_HEADING.search(markdown)
        if heading:
            english_heading = f'{heading.group(0)} {{ lang="en" dir="ltr" }}'
            markdown = f"{markdown[: heading.start()]}{english_heading}{markdown[heading.end() :]}"
        return _after_heading(markdown, notice) + "\n\n</div>\n"
    if 'class="fallback"' in markdown:
        return _after_heading(markdown, f'!!! note ""\n\n    {_label(config, "part_not_translated")}\n')
    return markdown


@event_priority(-50)
def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Open each page with the link to the same page in the other edition, and the translation status."""
    html = focusable_abbreviations(html)  # keyboard users get an acronym's expansion too
    page.toc = get_toc(outline(html))  # type: ignore[arg-type]
    heading = page_title(html)
    if heading and "title" not in page.meta:
        page.meta["title"] = heading
    edition = config.extra.get("edition")
    other = config.extra.get("other_edition")
    language = _language(config)
    parts = []
    other_url = (config.extra.get("edition_urls") or {}).get(other, "")
    offline = offline_build(config)
    # The offline copy holds one edition: it links the other only at its public address, if set.
    if other and (other_url or not offline):
        data = _data(config)
        config_dir = Path(config.config_file_path).parent
        page_url = directory_url(page.url) if offline else page.url
        url, target_language = other_edition_url(
            page_url, language, other, edition_languages(config_dir, other), other_url
        )
        org = data.organizations[other].acronym
        name = org.get(language, org["en"])
        hreflang = f' hreflang="{target_language}"'
        parts.append(f'<a href="{url}"{hreflang}>{_label(config, "also_published_by", org=name)}</a>')
    if language != "en":
        parts.append(_label(config, "unofficial_translation"))
    if not parts:
        return html
    line = " · ".join(parts)
    return f'<p class="edition-note" data-edition="{edition}">{line}</p>\n{html}'


@event_priority(0)
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Keep language-selector links relative when no public URL is set (after the i18n plugin); in
    the offline copy, give the canonical URL of the published page, not of a file."""
    if config.site_url and page.canonical_url and offline_build(config):
        page.canonical_url = config.site_url + directory_url(page.url)
    if not config.site_url:
        # The i18n plugin sets `extra.alternate` as an attribute, which is what Material reads.
        for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
            alternate["link"] = relative_alternate(alternate["link"])
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Mark the body with the edition, so that the stylesheet gives each edition its colours."""
    edition = config.extra.get("edition")
    return output.replace("<body ", f'<body data-edition="{edition}" ', 1) if edition else output


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The edition's one 404 page, in all its languages. The i18n plugin builds the edition once per
    language, each time writing 404.html at the edition's root; MkDocs skips a template whose output
    is empty, so the default language's page, with its `<html lang>`, is the one that stays."""
    if template_name != "404.html":
        return output
    config_dir = Path(config.config_file_path).parent
    languages = edition_languages(config_dir, config.extra.get("edition"))
    if _language(config) != languages[0]:
        return ""
    if NOT_FOUND_HEADING not in output:
        raise PluginError(f"404.html no longer contains {NOT_FOUND_HEADING!r}: see overrides/page.html")
    # Like Material's links on this page: from the site's root, or from its public URL's path.
    home = urlsplit(config.site_url or "").path or "/"
    text = render_not_found(_data(config).labels, languages, home)
    return output.replace(NOT_FOUND_HEADING, text, 1)


@event_priority(-200)
def on_post_build(config: Any) -> None:
    """One search index per language (macros/search_index.py), once the i18n plugin has built every
    language and written the edition's index (its on_post_build runs the other languages' builds,
    during which it is `building`), and after the offline plugin has copied the index."""
    if getattr(config.plugins.get("i18n"), "building", False):
        return
    config_dir = Path(config.config_file_path).parent
    try:
        split_search_index(Path(config.site_dir), edition_languages(config_dir, config.extra.get("edition")))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
