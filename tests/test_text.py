"""Data text in pages: escaped, never evaluated, and marked when it falls back to English."""

from __future__ import annotations

from datetime import date

import pytest
from markupsafe import Markup

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.text import label, t

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def minimal():
    return load_dataset(FIXTURES / "minimal")


def test_html_is_escaped(minimal) -> None:
    ctx = RenderContext(minimal, "en", today=date(2026, 1, 1))
    assert t({"en": "a <b>bold</b> & co"}, ctx) == "a &lt;b&gt;bold&lt;/b&gt; &amp; co"


def test_translation_is_used_when_present(minimal) -> None:
    ctx = RenderContext(minimal, "fr")
    assert t({"en": "Sea containers", "fr": "Conteneurs maritimes"}, ctx) == "Conteneurs maritimes"


def test_fallback_is_english_and_marked(minimal) -> None:
    ctx = RenderContext(minimal, "fr")
    marked = t({"en": "Sea containers"}, ctx)
    assert marked.startswith('<span lang="en" dir="ltr" class="fallback"')
    assert "Sea containers</span>" in marked


def test_label_fills_placeholders(minimal) -> None:
    ctx = RenderContext(minimal, "en")
    assert label("as_of", ctx, date="May 2020") == "as of May 2020"


def test_unknown_label_is_an_error(minimal) -> None:
    with pytest.raises(KeyError):
        label("no-such-label", RenderContext(minimal, "en"))


def test_block_text_cannot_start_a_heading(minimal) -> None:
    ctx = RenderContext(minimal, "en")
    assert t({"en": "# not a heading"}, ctx, block=True) == "<p># not a heading</p>"


def test_label_values_are_escaped_unless_markup(minimal) -> None:
    ctx = RenderContext(minimal, "en")
    assert label("as_of", ctx, date="<b>May</b>") == "as of &lt;b&gt;May&lt;/b&gt;"
    assert label("as_of", ctx, date=Markup("<time>May</time>")) == "as of <time>May</time>"
