"""Every change made to a finished page, as named steps, each an exact replacement that must match.

Material writes some markup outside any template block, or deep inside partials, where no block
override reaches; and a few facts (the edition, the language's search root) are only known once a
page is finished. Each step below says what it corrects and why. A step whose marker is missing
raises `FinishedHtmlError`: if a Material update changes the markup, the build fails here, by name,
instead of shipping a page that silently lost a fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup


class FinishedHtmlError(RuntimeError):
    """A step's marker was not found in the page: the theme's markup has changed."""


def _replace_once(html: str, old: str, new: str, step: str, required: bool = True) -> str:
    if old not in html:
        if required:
            raise FinishedHtmlError(f"{step}: the page no longer contains {old!r} (has Material changed its markup?)")
        return html
    return html.replace(old, new, 1)


def drop_checkbox_autocomplete(html: str) -> str:
    """`autocomplete="off"` on the drawer and search checkboxes is invalid on checkboxes (vnu).
    Material put it there so that Firefox does not restore an open drawer after a reload; without
    it, Firefox may show the drawer still open after a soft reload, which one click closes."""
    for name in ("__drawer", "__search"):
        html = _replace_once(
            html, f'type="checkbox" id="{name}" autocomplete="off"', f'type="checkbox" id="{name}"', "checkboxes"
        )
    return html


def drop_empty_tabindex(html: str) -> str:
    """`tabindex=""` on navigation section labels is invalid (vnu) and ignored by browsers."""
    return html.replace(' tabindex=""', "")


_SEARCH_DIALOG = 'data-md-component="search" role="dialog">'


def name_search_dialog(html: str, search_word: str) -> str:
    """The search dialog needs an accessible name (axe aria-dialog-name): the theme's word for Search."""
    named = str(Markup('data-md-component="search" role="dialog" aria-label="{}">').format(search_word))
    return _replace_once(html, _SEARCH_DIALOG, named, "search dialog", required=False)


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def unlink_toc_label_without_target(html: str) -> str:
    """With navigation.indexes, a section's index page has no `__toc` checkbox, yet its table of
    contents title is `<label for="__toc">` (vnu error): there, the label loses its `for`."""
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_LABEL, '<label class="md-nav__title">')


_HTML_TAG = re.compile(r'<html lang="([a-zA-Z-]+)" class="no-js">')


def direction_on_html(html: str, direction: str) -> str:
    """The text direction goes on `<html>` too, not only on `<body>`, so that the whole document has
    the language's direction (WCAG 1.3.2; W3C: "always add dir to the html tag")."""
    match = _HTML_TAG.search(html)
    if not match:
        raise FinishedHtmlError('direction: no `<html lang=… class="no-js">` tag (has Material changed it?)')
    tag = str(Markup('<html lang="{}" dir="{}" class="no-js">').format(match.group(1), direction))
    return html[: match.start()] + tag + html[match.end() :]


def mark_edition(html: str, edition: str) -> str:
    """`<body data-edition="wco">`, so that the stylesheet gives each edition its colours."""
    return _replace_once(html, "<body ", str(Markup('<body data-edition="{}" ').format(edition)), "edition")


_LINK_OR_ABBREVIATION = re.compile(r"<a\b|</a>|<abbr title=")


def focusable_abbreviations(html: str) -> str:
    """`<abbr tabindex="0">` so that keyboard users get an acronym's expansion on focus as others do
    on hover; not inside a link, which takes the focus itself (and may not contain a focusable element)."""
    depth = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal depth
        token = match.group()
        if token == "<a":
            depth += 1
        elif token == "</a>":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return '<abbr tabindex="0" title='
        return token

    return _LINK_OR_ABBREVIATION.sub(replace, html)


def after_first_heading(html: str, insert: str) -> str:
    """`insert` right after the content's `<h1>` (generated or written in Markdown), or first."""
    end = html.find("</h1>")
    if end < 0:
        return f"{insert}\n{html}"
    end += len("</h1>")
    return f"{html[:end]}\n{insert}{html[end:]}"


_TAG = re.compile(r"(<[^>]*>)")
_VERBATIM = {"code", "pre", "script", "style", "kbd", "samp"}
_FRENCH_BEFORE = re.compile(r"(?:(?<=[^\s\u00a0\u202f(\[])|^)[ \u00a0]?([:;?!])(?=[\s<]|$)")
_GUILLEMET = re.compile(r"([«»])")
_ENTITY = re.compile(r"(&#?[A-Za-z0-9]+;)")
_SPACE_AFTER_OPENING = re.compile(r"«[ \u00a0]?(?=\S)")
_SPACE_BEFORE_CLOSING = re.compile(r"(?<=\S)[ \u00a0]?»")
_CHINESE_COLON = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) ?: ?")


class _French:
    """French spacing, text piece by text piece. What stands between « and » is a quotation, often an
    organization's English wording: its own punctuation is left as it is."""

    def __init__(self) -> None:
        self.quoted = False

    def __call__(self, text: str) -> str:
        text = text.replace("&nbsp;", "\u00a0").replace("&#8239;", "\u202f")  # the same characters, written out
        pieces = _GUILLEMET.split(text)
        for index, piece in enumerate(pieces):
            if piece == "«":
                self.quoted = True
            elif piece == "»":
                self.quoted = False
            elif not self.quoted:
                # An entity's own `;` (&lt;) is not punctuation.
                words = _ENTITY.split(piece)
                pieces[index] = "".join(
                    word if _ENTITY.fullmatch(word) else _FRENCH_BEFORE.sub(lambda m: "\u00a0" + m.group(1), word)
                    for word in words
                )
        text = "".join(pieces)
        text = _SPACE_AFTER_OPENING.sub("«\u00a0", text)
        return _SPACE_BEFORE_CLOSING.sub("\u00a0»", text)


def language_punctuation(html: str, lang: str) -> str:
    """The page language's punctuation where generated text joins a label and a value ("Source: …"):
    in French a no-break space before `:` `;` `?` `!` and inside « », in Chinese the full-width colon.
    Text only: tags, attributes and code are left as they are."""
    fix: Callable[[str], str]
    if lang == "fr":
        fix = _French()
    elif lang == "zh":

        def fix(text: str) -> str:
            return _CHINESE_COLON.sub("：", text)

    else:
        return html
    parts = _TAG.split(html)
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in _VERBATIM:
                verbatim += -1 if part.startswith("</") else 1
        elif part and not verbatim:
            parts[index] = fix(part)
    return "".join(parts)


NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"
"""What overrides/page.html writes on the 404 page, for `not_found_text` to replace."""


def not_found_text(html: str, text: str) -> str:
    """The 404 page's heading replaced by the edition's text in all its languages."""
    return _replace_once(html, NOT_FOUND_HEADING, text, "404 page")


_ROOT_RELATIVE = re.compile(r'((?:href|src)=")/(?!/)')


def root_at_edition(html: str, edition_path: str) -> str:
    """On the 404 page, MkDocs writes links from the server's root (`/assets/…`), since the page
    answers at any depth. Without a public URL, site/ is served as one folder, the edition in its
    sub-folder: its links must start there (`/wco/assets/…`)."""
    return _ROOT_RELATIVE.sub(lambda match: f"{match.group(1)}{edition_path}", html)


CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def search_base(html: str, base_of: Callable[[str], str]) -> str:
    """Material finds the search index from `base` in the page's `__config`: point it at the page's
    language root (macros/search_index.py), `base_of` turning the current base into the new one."""
    match = CONFIG_BASE.search(html)
    if not match:
        raise FinishedHtmlError("search base: no `base` in the page's __config script (has Material changed it?)")
    return html[: match.start(2)] + base_of(match.group(2)) + html[match.end(2) :]


@dataclass(frozen=True)
class PageFacts:
    """What the steps need to know of a finished page."""

    edition: str
    direction: str
    search_word: str


def finish_page(html: str, facts: PageFacts) -> str:
    """The steps every page (and the 404 page) goes through, in order. The page is plain text here
    (`str`), never Markup: joining Markup to it would escape the whole page."""
    html = str(html)
    html = drop_checkbox_autocomplete(html)
    html = drop_empty_tabindex(html)
    html = name_search_dialog(html, facts.search_word)
    html = unlink_toc_label_without_target(html)
    html = direction_on_html(html, facts.direction)
    html = mark_edition(html, facts.edition)
    return focusable_abbreviations(html)
