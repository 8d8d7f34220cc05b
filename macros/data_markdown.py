"""Markdown from data/, through an allow-list: the little Markdown an editor needs, and nothing else.

Texts in data/ may use emphasis, strong, code, line breaks and links (http, https, mailto);
texts meant to hold blocks may also hold paragraphs and lists. Everything else (raw HTML, images,
attribute lists, headings, tables, abbreviation, footnote and link definitions) is refused by
`make check` with a message (`markdown_problems`), and, should it reach the renderer anyway, is
rendered as plain text. The converter's HTML then goes through nh3 (the binding of the Rust
ammonia sanitizer) with an allow-list of tags, attributes and URL schemes, so that no text can
become script, whatever the converter does.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions.abbr import AbbrExtension
from markupsafe import Markup

INLINE_TAGS = frozenset({"em", "strong", "code", "a", "br", "abbr"})
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li"}
ALLOWED_ATTRIBUTES: Mapping[str, set[str]] = {"a": {"href"}, "abbr": {"title"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embedding, override and isolate characters: they can make text read other than it is stored."""

_INLINE_BLOCKPROCESSORS = ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference")
_BLOCK_BLOCKPROCESSORS = ("indent", "code", "hashheader", "setextheader", "hr", "quote", "reference")
_INLINE_PATTERNS = (
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "html",
)


def _converter(block: bool, abbreviations: Mapping[str, str]) -> markdown.Markdown:
    """Python-Markdown with every construct outside the allow-list unregistered."""
    extensions = [AbbrExtension(glossary=dict(abbreviations))] if abbreviations else []
    md = markdown.Markdown(extensions=extensions, output_format="html")
    md.preprocessors.deregister("html_block")
    for name in _BLOCK_BLOCKPROCESSORS if block else _INLINE_BLOCKPROCESSORS:
        md.parser.blockprocessors.deregister(name)
    if "abbr" in md.parser.blockprocessors:
        md.parser.blockprocessors.deregister("abbr")  # definitions come from the glossary only
    for name in _INLINE_PATTERNS:
        md.inlinePatterns.deregister(name)
    return md


def _allowed_attribute(tag: str, name: str, value: str) -> str | None:
    """Only the attributes of the allow-list: ammonia would also keep `lang` and `title` on any tag."""
    return value if name in ALLOWED_ATTRIBUTES.get(tag, ()) else None


def sanitize(fragment: str, block: bool) -> Markup:
    """HTML reduced to the allow-list: unknown tags dropped with their attributes, links checked."""
    cleaned = nh3.clean(
        fragment,
        tags=set(BLOCK_TAGS if block else INLINE_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_allowed_attribute,
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return Markup(cleaned)


@dataclass
class DataMarkdown:
    """Converts data texts to safe HTML; one per language of a build, with that language's acronyms."""

    abbreviations: Mapping[str, str] = field(default_factory=dict)
    _inline: markdown.Markdown | None = None
    _block: markdown.Markdown | None = None
    _done: dict[tuple[str, bool], Markup] = field(default_factory=dict)
    """Texts already converted: labels and names recur on every page of a build."""

    def inline(self, text: str) -> Markup:
        """A text that stands inside a sentence, a heading or a table cell."""
        done = self._done.get((text, False))
        if done is not None:
            return done
        if self._inline is None:
            self._inline = _converter(False, self.abbreviations)
        rendered = self._inline.reset().convert(text)
        rendered = rendered.removeprefix("<p>").removesuffix("</p>")
        # Paragraph breaks are not allowed here: keep the text on one line.
        rendered = rendered.replace("</p>\n<p>", " ")
        self._done[(text, False)] = result = sanitize(rendered, block=False)
        return result

    def block(self, text: str) -> Markup:
        """A text that may hold paragraphs and lists."""
        done = self._done.get((text, True))
        if done is not None:
            return done
        if self._block is None:
            self._block = _converter(True, self.abbreviations)
        self._done[(text, True)] = result = sanitize(self._block.reset().convert(text), block=True)
        return result


# --- What `make check` refuses ------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[")
_RAW_HTML = re.compile(r"<[A-Za-z!?/]")
_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]|\{[^{}\n]*=[^{}\n]*\}")
_ABBREVIATION = re.compile(r"^\s*\*\[[^\]]*\]\s*:", re.M)
_FOOTNOTE = re.compile(r"\[\^")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S", re.M)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(\s|$)", re.M)
_SETEXT_OR_RULE = re.compile(r"^\s{0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$", re.M)
_TABLE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)
_LIST = re.compile(r"^\s{0,3}([-+*]|\d+[.)])\s+\S", re.M)
_QUOTE = re.compile(r"^\s{0,3}>", re.M)
_CODE_BLOCK = re.compile(r"^(```|~~~)", re.M)
_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)")
_NESTED_LINK = re.compile(r"\[[^\]]*\[[^\]]*\]\([^)]*\)[^\]]*\]\(")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def markdown_problems(text: str, block: bool, kind: str = "text") -> Iterator[str]:
    """What in `text` is outside the allow-list, each as an editor's message; nothing if all is well."""
    yield from text_problems(text)
    if _IMAGE.search(text):
        yield f"images are not allowed in {kind}; link to the image instead: [its title](https://…)"
    for target in _link_targets(text):
        problem = link_problem(target)
        if problem:
            yield problem
    if _NESTED_LINK.search(text):
        yield f"a link inside the text of another link is not allowed in {kind}; keep one link"
    if _RAW_HTML.search(text):
        yield (
            f"HTML is not allowed in {kind}; write plain text, with *emphasis*, **strong** or "
            "[a link](https://…) where needed"
        )
    if _ATTRIBUTE_LIST.search(text):
        yield f"attribute lists such as {{: …}} are not allowed in {kind}; remove the braces and what is inside"
    if _ABBREVIATION.search(text):
        yield f"abbreviation definitions (*[…]: …) are not allowed in {kind}; add the acronym to data/glossary.yml"
    if _FOOTNOTE.search(text):
        yield f"footnotes ([^…]) are not allowed in {kind}; write the note in the text, or cite it as the source"
    elif _LINK_DEFINITION.search(text):
        yield f"link definitions ([name]: address) are not allowed in {kind}; write the link in place: [text](https://…)"
    if _HEADING.search(text) or _SETEXT_OR_RULE.search(text):
        yield f"headings and horizontal rules are not allowed inside {kind}; the page gives the headings"
    if _TABLE.search(text):
        yield f"tables are not allowed inside {kind}; give each value its own field"
    if _QUOTE.search(text) or _CODE_BLOCK.search(text):
        yield f"quotations and code blocks are not allowed in {kind}; write plain text"
    if not block and _LIST.search(text):
        yield f"lists are not allowed in {kind} (only in descriptions); write one sentence, or escape the mark: \\-"
    if not block and "\n\n" in text.strip():
        yield f"{kind} is one paragraph: remove the blank line"


_SUSPECT = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Direction controls and control characters but tab and line feed: found at once, then named."""


def text_problems(text: str) -> Iterator[str]:
    """Characters that no text may hold, wherever it stands."""
    if not _SUSPECT.search(text):
        return
    for index, character in enumerate(text):
        if character in BIDI_CONTROLS:
            name = unicodedata.name(character, "a direction control")
            yield (
                f"character {index + 1} is U+{ord(character):04X} ({name}), which changes the direction in which "
                "text is shown; remove it (right-to-left text needs no such character)"
            )
            return
        if unicodedata.category(character) == "Cc" and character not in "\n\t":
            yield f"character {index + 1} is the control character U+{ord(character):04X}; remove it"
            return


def _link_targets(text: str) -> Iterator[str]:
    for match in _LINK.finditer(text):
        yield match.group(1)
    for match in _AUTOLINK.finditer(text):
        yield match.group(1)


def link_problem(target: str) -> str | None:
    """Why a link target in a text is refused, or None. The scheme is read as a browser reads it:
    after entity decoding, without the control and space characters that browsers skip, in any case."""
    decoded = html.unescape(target)
    squeezed = "".join(ch for ch in decoded if ch > " " and ch != "\x7f").lower()
    scheme, colon, _ = squeezed.partition(":")
    if not colon or "/" in scheme or not scheme:
        return (
            f"the link target '{target}' is not a full address; links in data text must start with "
            "https://, http:// or mailto:"
        )
    if scheme not in LINK_SCHEMES:
        return (
            f"the link target '{target}' uses '{scheme}:', which is not allowed; links in data text must "
            "start with https://, http:// or mailto:"
        )
    return None
