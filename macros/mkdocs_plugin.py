"""The MkDocs side of the generator: a plugin with a typed configuration, registered by entry point.

It loads data/ once per build (again only when a file changed, under `mkdocs serve`) and holds it for
the macros adapter (macros/__init__.py), which reads it from here. What it does around the pages:
- one page per work-plan area and language, and its place in the navigation; one per earlier plan;
- the link to the same page in the other edition, the translation notices, the footer;
- the outline (table of contents, title) read from each page's HTML (macros/page_outline.py);
- the finished-HTML steps (macros/finished_html.py), the 404 page, one search index per language.
Everything it shows is rendered by render functions; it only places their Markup.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from .atom_feed import feed_file
from .context import RenderContext
from .data_markdown import DataMarkdown
from .data_products import product_files, site_names, write_products
from .dataset import Dataset, load_dataset
from .dates import build_date
from .editions import directory_url, edition_languages, other_edition_url, relative_alternate, split_language
from .editorial import public_view
from .errors import DataErrors
from .finished_html import (
    PageFacts,
    after_first_heading,
    finish_page,
    language_punctuation,
    not_found_text,
    root_at_edition,
)
from .loading import data_dir_of, fingerprint
from .offline import offline_build
from .page_outline import outline
from .page_outline import title as page_title
from .publication import Edition
from .render.events import archived_years
from .render.frame import render_data_error, render_edition_note, render_footer, render_notice
from .render.not_found import render_not_found
from .search_index import SearchIndexError, split_search_index
from .structured_data import page_json_ld
from .text import label_plain

AREAS_PLACEHOLDER = "areas/"
AREAS_FOLDER = "areas"
EVENTS_FOLDER = "events"
PLANS_FOLDER = "plans"
EDITIONS = ("wco", "ippc")


class SiteConfig(base.Config):  # type: ignore[no-untyped-call]
    """`plugins: collaboration:` in mkdocs.yml and each edition's file."""

    edition = c.Choice(EDITIONS, default="wco")
    other_edition = c.Optional(c.Choice(EDITIONS))
    complete_languages = c.ListOfItems(c.Type(str), default=[])
    """Languages whose translation is declared complete: `make translations` fails on any gap."""
    edition_urls = c.DictOfItems(c.Type(str), default={})
    """Each edition's public base URL (where its English home page is served, ending in "/"), or ""."""
    preview = c.Type(bool, default=False)
    """A preview build shows the records to confirm, with a badge."""


class CollaborationPlugin(BasePlugin[SiteConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.serving = False
        self.data_error: str | None = None
        """Under `mkdocs serve`, the data's errors: every page shows them until they are fixed."""
        self._data: Dataset | None = None
        self._fingerprint: object = None
        self._converters: dict[str, DataMarkdown] = {}
        self._languages: dict[str, list[str]] = {}
        self.today: date = build_date()

    # --- The data, for this plugin and the macros adapter ----------------------------------------

    @property
    def data(self) -> Dataset:
        if self._data is None:
            raise PluginError("the collaboration plugin has not loaded data/ yet")
        return self._data

    def _load(self, config: Any) -> None:
        data_dir = data_dir_of(Path(config.config_file_path).parent)
        current = fingerprint(data_dir)
        if self._data is not None and current == self._fingerprint:
            return
        try:
            data = load_dataset(data_dir)
        except DataErrors as errors:
            if not self.serving:
                raise PluginError(errors.report()) from None
            # The preview shows the errors in the browser and reloads by itself once they are fixed.
            self.data_error = errors.report()
            return
        self.data_error = None
        self._data = data if self.config.preview else public_view(data)
        self._fingerprint = current
        self._converters = {}
        self.today = build_date()

    def context(self, config: Any, lang: str, src_uri: str) -> RenderContext:
        """The render context of one page, with one text converter per language (its acronyms)."""
        if lang not in self._converters:
            self._converters[lang] = DataMarkdown(self.data.abbreviations(lang))
        directory_urls = bool(config.use_directory_urls)
        return RenderContext(
            self.data, lang, src_uri, self.config.edition, self.today, directory_urls, self._converters[lang]
        )

    def languages(self, config: Any, edition: str) -> list[str]:
        """An edition's languages, the default first, as its configuration file lists them (read once)."""
        if edition not in self._languages:
            self._languages[edition] = edition_languages(Path(config.config_file_path).parent, edition)
        return self._languages[edition]

    @property
    def other_edition(self) -> str:
        return self.config.other_edition or ("ippc" if self.config.edition == "wco" else "wco")

    # --- Events ---------------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Rebuild when data changes, also when SITE_DATA_DIR names a folder other than data/."""
        server.watch(str(data_dir_of(Path(config.config_file_path).parent)))
        return server

    @event_priority(100)
    def on_config(self, config: Any) -> Any:
        """Load data/; write a shell page per area, per archived year of events and per earlier work plan,
        in each language, into docs/areas/, docs/events/ and docs/plans/ (git-ignored), and list the areas where
        nav says `areas/`. The pages are real files because the i18n plugin builds each language from docs_dir."""
        self._load(config)
        public = self.config.edition_urls.get(self.config.edition, "")
        if public:
            config.site_url = public
        if self.data_error:  # no areas to list: every page shows the errors (see on_page_markdown)
            if config.nav:
                config.nav = _expand(config.nav, [])
            return config
        languages = self.languages(config, self.config.edition)
        docs = Path(config.docs_dir)
        for area in self.data.workplan.areas:
            shell = _shell("data/workplan.yml", f"area {area.id}", f'area_page("{area.id}")')
            _write_shells(docs / AREAS_FOLDER, area.slug, languages, shell)
        for year in archived_years(self.data, self.today):
            shell = _shell("data/events.yml", f"events of {year}", f'events_year("{year}")')
            _write_shells(docs / EVENTS_FOLDER, str(year), languages, shell)
        for plan in self.data.earlier_plans:
            shell = _shell("data/workplan.yml", f"earlier plan {plan.id}", f'earlier_plan("{plan.id}")')
            _write_shells(docs / PLANS_FOLDER, str(plan.id), languages, shell)
        if config.nav:
            config.nav = _expand(config.nav, [f"{AREAS_FOLDER}/{area.slug}.md" for area in self.data.workplan.areas])
        return config

    def on_pre_build(self, config: Any) -> None:
        """The footer links both organizations' websites, the edition's own first, in the page language."""
        if self.data_error:
            return
        ctx = self.context(config, _language(config), "index.md")
        config.copyright = str(render_footer(ctx, self.other_edition))

    @event_priority(100)
    def on_files(self, files: Files, config: Any) -> Files:
        """Leave out shell pages of areas, years and earlier plans that are no longer in the data."""
        if self.data_error:
            return files
        current = {
            AREAS_FOLDER: {area.slug for area in self.data.workplan.areas},
            EVENTS_FOLDER: {str(year) for year in archived_years(self.data, self.today)},
            PLANS_FOLDER: {str(plan.id) for plan in self.data.earlier_plans},
        }
        for file in list(files):
            folder, _, name = file.src_uri.partition("/")
            if folder in current and name.split(".")[0] not in current[folder]:
                files.remove(file)
        return files

    @event_priority(-200)
    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        """Translate section titles through the `nav_` labels of data/labels.yml."""
        if self.data_error:
            return nav
        keys = {text["en"]: key for key, text in self.data.labels.items() if key.startswith("nav_")}
        ctx = self.context(config, _language(config), "index.md")

        def translate(items: list[Any]) -> None:
            for item in items:
                if getattr(item, "is_section", False):
                    key = keys.get(item.title)
                    if key:
                        item.title = label_plain(key, ctx)
                    translate(item.children)

        translate(nav.items)
        return nav

    @event_priority(-50)
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """After the macros: acronyms of the page's own Markdown get their expansion; the H1 leads; a page
        in English for want of a translation says so."""
        if self.data_error:
            return f"# {page.title or 'Preview'}\n\n{render_data_error(self.data_error)}\n"
        language = _language(config)
        text_language = str(getattr(page.file, "locale", None) or language)
        markdown = f"{markdown}\n\n{_abbreviation_definitions(self.data.abbreviations(text_language))}\n"
        comments = _LEADING_COMMENT.match(markdown)
        if comments and _FIRST_HEADING.search(markdown):
            markdown = _after_heading(markdown[comments.end() :], comments.group(0).strip())
        if language == "en":
            return markdown
        ctx = self.context(config, language, page.file.src_uri)
        if text_language != language:
            # The H1 stays first (it gives the page its title), marked as English like the rest.
            notice = f'{render_notice(ctx, "page_not_translated")}\n\n<div lang="en" dir="ltr" markdown>\n'
            heading = _FIRST_HEADING.search(markdown)
            if heading:
                english_heading = f'{heading.group(0)} {{ lang="en" dir="ltr" }}'
                markdown = f"{markdown[: heading.start()]}{english_heading}{markdown[heading.end() :]}"
            return _after_heading(markdown, notice) + "\n\n</div>\n"
        return markdown

    @event_priority(-50)
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        """The language's punctuation; read the outline from the HTML; say so under the title when
        parts of the page are in English for want of a translation; open the page with the edition note."""
        if self.data_error:
            return html
        html = language_punctuation(html, _language(config))
        page.toc = get_toc(outline(html))  # type: ignore[arg-type]
        heading = page_title(html)
        if heading and "title" not in page.meta:
            page.meta["title"] = heading
        language = _language(config)
        other = self.other_edition
        other_base = self.config.edition_urls.get(other, "")
        offline = offline_build(config)
        other_url: str | None = None
        other_language = language
        # The offline copy holds one edition: it links the other only at its public address, if set.
        if other_base or not offline:
            page_url = directory_url(page.url) if offline else page.url
            other_url, other_language = other_edition_url(
                page_url, language, other, self.languages(config, other), other_base
            )
        ctx = self.context(config, language, page.file.src_uri)
        translated = str(getattr(page.file, "locale", None) or language) == language
        if language != "en" and translated and 'class="fallback"' in html:
            html = after_first_heading(html, str(render_notice(ctx, "part_not_translated")))
        note = render_edition_note(ctx, other, other_url, other_language)
        return f"{note}\n{html}" if note else html

    @event_priority(0)
    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        """Keep language-selector links relative when no public URL is set (after the i18n plugin); in
        the offline copy, give the canonical URL of the published page, not of a file."""
        if config.site_url and page.canonical_url and offline_build(config):
            page.canonical_url = config.site_url + directory_url(page.url)
        if not config.site_url:
            # The i18n plugin sets `extra.alternate` as an attribute, which is what Material reads.
            for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
                alternate["link"] = relative_alternate(alternate["link"])
        self._data_product_context(context, page, config)
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if self.data_error:
            return output
        return finish_page(output, self._page_facts(config))

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        """The edition's one 404 page, in all its languages. The i18n plugin builds the edition once per
        language, each time writing 404.html at the edition's root; MkDocs skips a template whose output
        is empty, so the default language's page, with its `<html lang>`, is the one that stays."""
        if template_name != "404.html" or self.data_error:
            return output
        languages = self.languages(config, self.config.edition)
        if _language(config) != languages[0]:
            return ""
        # The page answers at any depth, so its links start at the root: the public URL's path, or,
        # when site/ is served as one folder, the edition's folder in it.
        offline = offline_build(config)  # the offline copy is opened from disk, its folder the root
        edition_path = (
            urlsplit(config.site_url).path if config.site_url else "/" if offline else f"/{self.config.edition}/"
        )
        if not config.site_url and not offline:
            output = root_at_edition(output, edition_path)
        output = not_found_text(output, str(render_not_found(self.data.labels, languages, edition_path)))
        return finish_page(output, self._page_facts(config))

    @event_priority(-200)
    def on_post_build(self, config: Any) -> None:
        """One search index per language (macros/search_index.py), once the i18n plugin has built every
        language and written the edition's index (its on_post_build runs the other languages' builds,
        during which it is `building`), and after the offline plugin has copied the index."""
        if getattr(config.plugins.get("i18n"), "building", False) or self.data_error:
            return
        try:
            split_search_index(Path(config.site_dir), self.languages(config, self.config.edition))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        if not self.serving:  # the preview is for reading pages; calendars and feeds come with builds
            self._write_data_products(config)

    # --- Data products (issue 12): calendars, feeds, downloads, JSON-LD ------------------------------

    def _edition(self, config: Any) -> Edition:
        config_dir = Path(config.config_file_path).parent
        languages = tuple(edition_languages(config_dir, self.config.edition))
        return Edition(self.config.edition, languages, self.config.edition_urls.get(self.config.edition, ""))

    def _write_data_products(self, config: Any) -> None:
        """The calendars, feeds and downloads of every language, beside the edition's pages."""
        edition = self._edition(config)
        names = site_names(Path(config.config_file_path).parent, edition.id, list(edition.languages))
        write_products(Path(config.site_dir), product_files(self.data, edition, names, self.today))

    def _data_product_context(self, context: Any, page: Any, config: Any) -> None:
        """The page's JSON-LD (page.meta["json_ld"]) and its language's feed, for overrides/main.html."""
        language = _language(config)
        edition = self._edition(config)
        inner = directory_url(split_language(page.url, language, edition.languages[0]))
        page.meta["json_ld"] = page_json_ld(self.data, edition, language, inner)
        ctx = self.context(config, language, page.file.src_uri)
        context["collaboration_feed"] = {
            "url": get_relative_url(feed_file(language, edition.languages[0]), page.url),
            "title": label_plain("feed_link", ctx),
        }

    def _page_facts(self, config: Any) -> PageFacts:
        language = _language(config)
        ctx = self.context(config, language, "index.md")
        return PageFacts(self.config.edition, Locale.parse(language).text_direction, label_plain("search_dialog", ctx))


def _language(config: Any) -> str:
    return str(config.theme["language"] or "en")


def _shell(source: str, what: str, call: str) -> str:
    """A generated page: a comment saying where its content comes from, and one macro call."""
    return f"<!-- Generated from {source}, {what}: edit the data, not this file. -->\n{{{{ {call} }}}}\n"


def _write_shells(folder: Path, name: str, languages: list[str], content: str) -> None:
    """One shell per language (`name.md`, `name.fr.md`, …): the i18n plugin builds each language from
    its own file. A file is written only when it changes, so that `mkdocs serve` does not loop."""
    folder.mkdir(exist_ok=True)
    for language in languages:
        suffix = "" if language == languages[0] else f".{language}"
        shell = folder / f"{name}{suffix}.md"
        if not shell.is_file() or shell.read_text(encoding="utf-8") != content:
            shell.write_text(content, encoding="utf-8")


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


def _abbreviation_definitions(abbreviations: dict[str, str]) -> str:
    """Markdown abbreviation definitions (`*[WCO]: World Customs Organization`) for the page's own
    Markdown; the check keeps `[`, `]` and line breaks out of terms, and Python-Markdown escapes the
    expansion into the title attribute."""
    return "\n".join(f"*[{term}]: {expansion}" for term, expansion in abbreviations.items())


_LEADING_COMMENT = re.compile(r"\A(\s*<!--.*?-->\s*)+", re.S)
_FIRST_HEADING = re.compile(r"^# .*$", re.M)


def _after_heading(markdown: str, insert: str) -> str:
    """Put `insert` right after the page's H1, which must stay the first element: MkDocs takes
    the page title (and so the navigation entry) from a leading H1 only."""
    match = _FIRST_HEADING.search(markdown)
    if not match:
        return f"{insert}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{insert}\n{markdown[match.end() :]}"
