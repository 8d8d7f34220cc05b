"""Each named step on finished pages: what it changes, and that it fails loudly when its marker is gone."""

from __future__ import annotations

import pytest

from macros import finished_html as steps

pytestmark = pytest.mark.unit

PAGE = (
    '<html lang="fr" class="no-js"><body dir="ltr">'
    '<input type="checkbox" id="__drawer" autocomplete="off"><input type="checkbox" id="__search" autocomplete="off">'
    '<label class="md-nav__title" for="__toc">Table</label><label tabindex="">x</label>'
    '<div data-md-component="search" role="dialog"></div>'
    '<p><abbr title="A">A</abbr> <a href="#"><abbr title="B">B</abbr></a></p></body></html>'
)


def test_finish_page_applies_every_step() -> None:
    html = steps.finish_page(PAGE, steps.PageFacts("wco", "ltr", "Recherche"))
    assert '<html lang="fr" dir="ltr" class="no-js">' in html
    assert "autocomplete" not in html
    assert 'tabindex=""' not in html
    assert 'role="dialog" aria-label="Recherche">' in html
    assert '<label class="md-nav__title">Table' in html
    assert '<body data-edition="wco" dir="ltr">' in html
    assert '<abbr tabindex="0" title="A">' in html
    assert '<a href="#"><abbr title="B">' in html  # a link takes the focus itself


def test_a_step_whose_marker_is_gone_fails_by_name() -> None:
    with pytest.raises(steps.FinishedHtmlError, match="checkboxes"):
        steps.drop_checkbox_autocomplete("<html></html>")
    with pytest.raises(steps.FinishedHtmlError, match="direction"):
        steps.direction_on_html("<html>", "rtl")


def test_search_word_is_escaped() -> None:
    html = steps.name_search_dialog('data-md-component="search" role="dialog">', 'a"b')
    assert 'aria-label="a&#34;b"' in html


def test_toc_label_keeps_its_target_when_there_is_one() -> None:
    page = '<input id="__toc"><label class="md-nav__title" for="__toc">'
    assert steps.unlink_toc_label_without_target(page) == page


def test_not_found_links_start_at_the_edition() -> None:
    html = steps.root_at_edition('<link href="/assets/a.css"><a href="//x.example/">x</a><img src="/b.png">', "/ippc/")
    assert html == '<link href="/ippc/assets/a.css"><a href="//x.example/">x</a><img src="/ippc/b.png">'


def test_search_base_is_replaced() -> None:
    page = '<script id="__config" type="application/json">{"base": "..", "x": 1}</script>'
    assert '"base": "."' in steps.search_base(page, lambda current: ".")


def test_insert_after_the_first_heading() -> None:
    assert steps.after_first_heading("<h1>T</h1><p>x</p>", "<div>n</div>") == "<h1>T</h1>\n<div>n</div><p>x</p>"
    assert steps.after_first_heading("<p>x</p>", "<div>n</div>") == "<div>n</div>\n<p>x</p>"


def test_french_punctuation_in_text_only() -> None:
    html = '<p>Source: <a href="https://a.example/x?y=1">WCO</a>; voir «x» ? Oui ! <code>a: b</code></p>'
    assert steps.language_punctuation(html, "fr") == (
        '<p>Source\u00a0: <a href="https://a.example/x?y=1">WCO</a>\u00a0; voir «\u00a0x\u00a0»\u00a0? Oui\u00a0! '
        "<code>a: b</code></p>"
    )


def test_french_punctuation_keeps_what_is_right() -> None:
    assert steps.language_punctuation("<p>Source\u00a0: 10:30, https://x.example/</p>", "fr") == (
        "<p>Source\u00a0: 10:30, https://x.example/</p>"
    )
    assert steps.language_punctuation("<p>douanes&nbsp;: x</p>", "fr") == "<p>douanes\u00a0: x</p>"
    assert steps.language_punctuation("<p>(1 &lt; 2 &amp; 3)</p>", "fr") == "<p>(1 &lt; 2 &amp; 3)</p>"


def test_chinese_colon_is_full_width() -> None:
    assert steps.language_punctuation("<p>来源: 世界海关组织</p>", "zh") == "<p>来源：世界海关组织</p>"
    assert steps.language_punctuation("<p>Source: WCO</p>", "en") == "<p>Source: WCO</p>"


def test_french_punctuation_leaves_quoted_wording_alone() -> None:
    html = "<p>Thème\u00a0: « AEO 2.0: advancing » (en français : x)</p>"
    assert (
        steps.language_punctuation(html, "fr")
        == "<p>Thème\u00a0: «\u00a0AEO 2.0: advancing\u00a0» (en français\u00a0: x)</p>"
    )


def test_finished_page_stays_text_and_is_not_escaped() -> None:
    html = steps.finish_page(PAGE, steps.PageFacts("wco", "ltr", "Search"))
    assert type(html) is str
    assert "&lt;" not in html and html.startswith('<html lang="fr" dir="ltr" class="no-js">')
