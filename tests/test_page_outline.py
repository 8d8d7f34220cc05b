"""The outline read back from a page's HTML: table of contents and title."""

from __future__ import annotations

import pytest

from macros.page_outline import outline, title

pytestmark = pytest.mark.unit

HTML = (
    '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>'
    '<h2 id="a">A &amp; <em>b</em><a class="headerlink" href="#a">¶</a></h2>'
    '<h3 id="a1">A1</h3><h2>No id</h2><h2 id="c">C</h2>'
)


def test_outline_nests_headings_by_level() -> None:
    (root,) = outline(HTML)
    assert root["name"] == "Title"
    assert [child["id"] for child in root["children"]] == ["a", "c"]
    assert root["children"][0]["name"] == "A &amp; b"
    assert root["children"][0]["children"][0]["id"] == "a1"


def test_title_is_the_first_h1_without_its_permalink() -> None:
    assert title(HTML) == "Title"
    assert title("<h2>x</h2>") is None


def test_a_status_badge_is_not_part_of_the_title() -> None:
    html = '<h2 id="x">Event <span class="status-to-confirm">To be confirmed</span><a class="headerlink">¶</a></h2>'
    assert outline(html)[0]["name"] == "Event"
