"""The allow-listed Markdown of data texts: what it converts, what it neutralizes, what check refuses."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from macros.data_markdown import BLOCK_TAGS, DataMarkdown, link_problem, markdown_problems, sanitize

pytestmark = pytest.mark.unit


@pytest.fixture
def md() -> DataMarkdown:
    return DataMarkdown({"WCO": "World Customs Organization"})


def test_inline_markdown_is_converted(md: DataMarkdown) -> None:
    assert md.inline("*a* **b** `c` [d](https://e.example/)") == (
        '<em>a</em> <strong>b</strong> <code>c</code> <a href="https://e.example/">d</a>'
    )


def test_acronyms_get_their_expansion(md: DataMarkdown) -> None:
    assert md.inline("The WCO") == 'The <abbr title="World Customs Organization">WCO</abbr>'


def test_blocks_hold_paragraphs_and_lists(md: DataMarkdown) -> None:
    assert md.block("One.\n\n- two\n- three") == "<p>One.</p>\n<ul>\n<li>two</li>\n<li>three</li>\n</ul>"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "<svg onload=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![t](https://evil.example/track.png)",
        '[x](https://ok.example){ onclick="alert(1)" }',
        '*text*{: onmouseover="alert(1)" }',
        "text\n{: onmouseover=alert(1) }",
        "[[x](javascript:a)](https://ok.example/)",
        '<a href="javascript:alert(1)">x</a>',
        "<base href=https://evil.example/>",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<p style="background:url(https://evil.example/x)">x</p>',
        "*[Customs]: hijacked",
        "# heading\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "<https://evil.example/>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
    ],
)
@pytest.mark.parametrize("block", [False, True])
def test_hostile_text_is_inert(md: DataMarkdown, hostile: str, block: bool) -> None:
    html = md.block(hostile) if block else md.inline(hostile)
    for tag, attributes in elements(html):
        assert tag in BLOCK_TAGS, (hostile, html)
        for name, value in attributes:
            assert name in ("href", "title"), (hostile, html)
            if name == "href":
                assert (value or "").startswith(("https://ok.example", "mailto:")), (hostile, html)
    assert list(markdown_problems(hostile, block)), f"check would accept {hostile!r}"


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element of an HTML fragment with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Parser().feed(html)
    return found


def test_sanitizer_keeps_only_the_allow_list() -> None:
    dirty = (
        '<p onclick="x"><a href="javascript:x" title="t">a</a><abbr title="T" class="c">T</abbr><iframe></iframe></p>'
    )
    assert sanitize(dirty, block=True) == '<p><a>a</a><abbr title="T">T</abbr></p>'


@pytest.mark.parametrize(
    ("target", "allowed"),
    [
        ("https://www.ippc.int/", True),
        ("http://example.org/a", True),
        ("mailto:a@example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("data:text/html,x", False),
        ("relative/page", False),
        ("//evil.example/", False),
    ],
)
def test_link_targets(target: str, allowed: bool) -> None:
    assert (link_problem(target) is None) is allowed


def test_messages_say_what_to_do() -> None:
    problems = list(markdown_problems("![t](https://a.example/x.png)", block=True, kind="a description"))
    assert problems == ["images are not allowed in a description; link to the image instead: [its title](https://…)"]


def test_a_link_inside_a_link_is_refused() -> None:
    assert "a link inside the text of another link" in next(
        iter(markdown_problems("[[x](https://a.example/)](https://b.example/)", block=False))
    )


def test_direction_controls_are_refused() -> None:
    (problem,) = markdown_problems("abc\u202edef", block=False)
    assert "U+202E" in problem and "remove it" in problem


def test_plain_text_with_punctuation_is_fine() -> None:
    assert not list(markdown_problems("Fewer than 5 % (a < b), 1–2 May; see 5.5.", block=False))
