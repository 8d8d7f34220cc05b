"""Text from data/ into page Markdown: pick the language, escape what is not Markdown, mark fallbacks.

Data is text, never code: HTML is escaped so that it shows as typed, and Jinja delimiters need
nothing, because macro output is not rendered again as a template.
"""

from __future__ import annotations

import html
import re

from .context import RenderContext

_MARKDOWN_SPECIAL_AT_START = re.compile(r"^(\s*)([#>+\-*]|\d+\.)(\s)")


def escape(text: str) -> str:
    """Escape HTML so that `<b>` shows as typed; keep inline Markdown."""
    return html.escape(text, quote=False)


def localized(text: dict[str, str], ctx: RenderContext) -> tuple[str, bool]:
    """The text in the page's language, or English; and whether it fell back."""
    if ctx.lang in text:
        return text[ctx.lang], False
    return text["en"], ctx.lang != "en"


def t(text: dict[str, str] | None, ctx: RenderContext, block: bool = False) -> str:
    """Inline Markdown for a data text, with `lang="en"` on an English fallback."""
    if text is None:
        return ""
    value, fell_back = localized(text, ctx)
    value = escape(value)
    if block:
        value = _MARKDOWN_SPECIAL_AT_START.sub(r"\1\\\2\3", value)
    if fell_back:
        title = label("untranslated", ctx)
        return f'<span lang="en" class="fallback" dir="ltr" title="{html.escape(title)}">{value}</span>'
    return value


def plain(text: dict[str, str] | None, ctx: RenderContext) -> str:
    """Unmarked text for attributes and headings' plain parts (already escaped)."""
    if text is None:
        return ""
    return html.escape(localized(text, ctx)[0])


def label(key: str, ctx: RenderContext, **values: object) -> str:
    """An interface string from data/labels.yml in the page's language, English if missing."""
    text = ctx.data.labels.get(key)
    if text is None:
        raise KeyError(f"data/labels.yml has no label '{key}'")
    value = text.get(ctx.lang, text["en"])
    return value.format(**values) if values else value


def anchor(prefix: str, identifier: str) -> str:
    """A stable HTML id for a record, e.g. action-5-4."""
    return f"{prefix}-{identifier.replace('.', '-')}"
