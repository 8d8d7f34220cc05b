"""Text from data/ into HTML: pick the language, convert the allowed Markdown, mark fallbacks.

Every function here returns markupsafe `Markup` (already safe HTML) or plain `str` (which a
template or `escape` escapes): data is text, never code.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from markupsafe import Markup, escape

from .context import RenderContext


def localized(text: Mapping[str, str], ctx: RenderContext) -> tuple[str, bool]:
    """The text in the page's language, or English; and whether it fell back."""
    if ctx.lang in text:
        return text[ctx.lang], False
    return text["en"], ctx.lang != "en"


def data_text(text: Mapping[str, str] | None, ctx: RenderContext, block: bool = False) -> Markup:
    """A data text as HTML: its allowed Markdown converted, marked `lang="en"` when it fell back."""
    if text is None:
        return Markup("")
    value, fell_back = localized(text, ctx)
    rendered = ctx.markdown.block(value) if block else ctx.markdown.inline(value)
    if not fell_back:
        return rendered
    tag = "div" if block else "span"
    return Markup('<{tag} lang="en" dir="ltr" class="fallback" title="{title}">{text}</{tag}>').format(
        tag=Markup(tag), title=label_plain("untranslated", ctx), text=rendered
    )


t = data_text
"""The short name the render functions use."""


def plain(text: Mapping[str, str] | None, ctx: RenderContext) -> str:
    """The text in the page's language as plain characters, for attributes and sorting (not escaped)."""
    if text is None:
        return ""
    return localized(text, ctx)[0]


def label_plain(key: str, ctx: RenderContext, **values: object) -> str:
    """An interface string as plain characters, its `{placeholders}` filled, for attributes and
    drawings (not escaped: a template escapes it)."""
    text = _label_text(key, ctx)
    return text.format(**values) if values else text


def label(key: str, ctx: RenderContext, **values: object) -> Markup:
    """An interface string from data/labels.yml in the page's language (English if missing), its
    Markdown converted, then its `{placeholders}` filled: each value escaped unless it is Markup."""
    template = _label_text(key, ctx)
    rendered = ctx.markdown.inline(template)
    if not values:
        return rendered
    return rendered.format(**{name: _value(value) for name, value in values.items()})


def _value(value: object) -> object:
    return value if isinstance(value, Markup) else escape(str(value))


def _label_text(key: str, ctx: RenderContext) -> str:
    text = ctx.data.labels.get(key)
    if text is None:
        raise KeyError(f"data/labels.yml has no label '{key}'")
    return text.get(ctx.lang, text["en"])


def placeholders(template: str) -> set[str]:
    """The `{names}` a label expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def status_badge(record: object, ctx: RenderContext) -> Markup:
    """A visible "to be confirmed" badge on a record that only the preview shows; nothing otherwise."""
    if getattr(record, "status", "published") != "to-confirm":
        return Markup("")
    return Markup(' <span class="status-to-confirm">{}</span>').format(label("to_confirm", ctx))


def anchor(prefix: str, identifier: str) -> str:
    """A stable HTML id for a record, e.g. action-5-4."""
    return f"{prefix}-{identifier.replace('.', '-')}"
