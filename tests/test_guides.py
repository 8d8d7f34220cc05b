"""The guides for Customs: data checked, pages rendered from it, acronyms explained, phone layout."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup, escape
from pydantic import ValidationError

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.errors import DataErrors
from macros.finished_html import focusable_abbreviations
from macros.model import Guide, Instrument, Record
from macros.render.guides import (
    PDF_MARKER,
    pdf_file_name,
    render_guide_page,
    render_guides_overview,
    site_root,
)
from site_quality.chromium import chromium

from .conftest import FIXTURES, ROOT

GUIDES = ("sea-containers", "e-commerce", "ephyto")


def guide(dataset, guide_id: str):
    return next(item for item in dataset.guides if item.id == guide_id)


def _confirmed(value: Any) -> Any:
    """`value` with every record in it published, as once the Secretariats have confirmed them."""
    if isinstance(value, Record):
        changes = {name: _confirmed(getattr(value, name)) for name in type(value).model_fields}
        return value.model_copy(update={**changes, "status": "published", "confirm": None})
    if isinstance(value, list):
        return [_confirmed(item) for item in value]
    return value


@pytest.fixture(scope="module")
def confirmed_dataset():
    """The data with every part of each guide confirmed (the public data may have hidden some parts)."""
    data = load_dataset(ROOT / "data")
    return replace(data, guides=_confirmed(data.guides))


# --- Data --------------------------------------------------------------------------------------


def test_the_three_guides_serve_their_work_plan_actions(dataset) -> None:
    assert [item.id for item in dataset.guides] == list(GUIDES)
    wanted = {"sea-containers": {"5.3", "5.4"}, "e-commerce": {"3.1", "3.2"}, "ephyto": {"4.1", "4.2"}}
    for item in dataset.guides:
        assert set(item.actions) == wanted[item.id]
        assert all(action in dataset.actions for action in item.actions)


def test_every_figure_in_a_guide_shows_its_date(dataset) -> None:
    """A point with a percentage, or a count in millions or billions, carries `as_of`."""
    figure = re.compile(r"\d+ ?%|\d+ (?:million|billion)")
    for item in dataset.guides:
        for section in item.sections:
            for point in section.points:
                if figure.search(point.text["en"]):
                    assert point.as_of is not None, (item.id, point.text["en"])
        for key_figure in item.key_figures:
            assert key_figure.as_of is not None


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_a_guide_naming_an_unknown_action_or_another_area_fails_with_the_line(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "guides.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('actions: ["5.3", "5.4"]', 'actions: ["5.3", "4.1", "9.9"]', 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_dataset(data)
    report = raised.value.report()
    line = next(number for number, row in enumerate(text.splitlines(), start=1) if '"5.3", "5.4"' in row)
    assert f"guides.yml:{line}:" in report
    assert "there is no action '9.9'" in report
    assert "action 4.1 is not in area 5" in report


def test_a_point_without_a_source_is_an_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    path = data / "guides.yml"
    text = path.read_text(encoding="utf-8")
    source = "            source: https://ippc.int/fr/structure\n"
    assert text.count(source) == 1
    path.write_text(text.replace(source, ""), encoding="utf-8")
    with pytest.raises(DataErrors, match="a point has no source"):
        load_dataset(data)


# --- Rendering ---------------------------------------------------------------------------------


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each heading (its permalink left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str | None, str]] = []
        self._heading: list[str] | None = None
        self._permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((tag, attributes.get("id"), ""))
            self._heading = []
        elif tag == "a" and attributes.get("class") == "headerlink":
            self._permalink = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._permalink = False
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            level, identifier, _ = self.headings[-1]
            self.headings[-1] = (level, identifier, "".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._permalink:
            self._heading.append(data)


def elements(markup: str) -> Elements:
    reader = Elements()
    reader.feed(markup)
    reader.close()
    return reader


LEFTOVER_MARKDOWN = ("## ", "](", "{ #", "{:", "|---", ":material-", " markdown>")


def test_guide_page_has_title_pdf_marker_sources_and_action_links(confirmed_dataset) -> None:
    dataset = confirmed_dataset
    item = guide(dataset, "sea-containers")
    assert item.inspection and item.inspection.places
    ctx = RenderContext(dataset, "en", "guides/sea-containers.md", "wco")
    page = render_guide_page("sea-containers", ctx)
    assert isinstance(page, Markup)
    # The page's own H1 comes first: MkDocs takes the page title from it.
    assert page.startswith('<h1 id="sea-containers">')
    assert elements(page).headings[0] == ("h1", "sea-containers", item.title["en"])
    assert f'{PDF_MARKER}="{pdf_file_name(item, ctx)}"' in page
    assert pdf_file_name(item, ctx) == "wco-sea-containers-en.pdf"
    # Where to look comes right after the summary: the drawing, then the numbered places.
    assert page.index('<h2 id="where-to-look">') < page.index('class="guide-picture guide-picture--container"')
    assert page.index('class="guide-picture guide-picture--container"') < page.index('<h2 id="why">')
    places = page[page.index('class="guide-picture guide-picture--container"') : page.index(f"{PDF_MARKER}=")]
    for place in item.inspection.places:
        assert f"<li><strong>{escape(place.label['en'])}</strong>: " in places
    assert places.count("<li>") == len(item.inspection.places) and "<ol>" in places
    for action_id in item.actions:
        assert f'href="../../areas/sea-containers/#action-{action_id.replace(".", "-")}"' in page
    # Every source is listed once, numbered, and each number used is defined.
    listed = re.findall(r'<li id="sea-containers-source-(\d+)">', page)
    assert listed == [str(number) for number in range(1, len(listed) + 1)]
    used = set(re.findall(r'href="#sea-containers-source-(\d+)"', page))
    assert used == set(listed)
    assert not [mark for mark in LEFTOVER_MARKDOWN if mark in page]


@pytest.mark.parametrize("guide_id", GUIDES)
def test_guide_sections_keep_their_ids_as_heading_ids(dataset, guide_id: str) -> None:
    """Other pages and the table of contents link to these anchors."""
    item = guide(dataset, guide_id)
    page = render_guide_page(guide_id, RenderContext(dataset, "fr", f"guides/{guide_id}.md", "ippc"))
    ids = [identifier for level, identifier, _ in elements(page).headings if level == "h2"]
    expected = ["where-to-look"] if item.inspection and item.inspection.places else []
    expected += [section.id for section in item.sections] + ["pathway"]
    expected += ["instruments"] if item.instruments else []
    assert ids == [*expected, "actions", "sources"]


def test_short_items_are_set_in_columns_and_key_figures_stand_out(confirmed_dataset) -> None:
    dataset = confirmed_dataset
    ctx = RenderContext(dataset, "en", "guides/sea-containers.md", "wco")
    page = render_guide_page("sea-containers", ctx)
    short = re.search(r'<div class="guide-short-list">\s*<ul>(.*?)</ul>\s*</div>', page, re.S)
    assert short, "no run of short items in columns"
    assert short.group(1).count("<li>") >= 4
    assert "<li>soil</li>" in short.group(1)
    ephyto = guide(dataset, "ephyto")
    [figure] = ephyto.key_figures
    page = render_guide_page("ephyto", RenderContext(dataset, "en", "guides/ephyto.md", "wco"))
    line = re.search(r'<p class="guide-figure">(.*?)</p>', page, re.S)
    assert line, "no key figure"
    assert line.group(1).startswith(f"<strong>{figure.value['en']}</strong> ")
    assert "<br>\n<small>" in line.group(1) and line.group(1).endswith("</small>")
    for past in figure.history:
        assert past.value["en"] in line.group(1)


def test_overview_links_the_guides_and_the_offline_copy_online_only(dataset) -> None:
    ctx = RenderContext(dataset, "en", "guides/index.md", "ippc")
    online = render_guides_overview(ctx, "fr/guides/")
    assert isinstance(online, Markup)
    for guide_id in GUIDES:
        assert re.search(rf'<strong><a href="{guide_id}/">', online), guide_id
    cards = re.search(r'<div class="grid cards">\s*<ul>(.*)</ul>\s*</div>', online, re.S)
    assert cards and cards.group(1).count("<li>") == len(GUIDES)
    assert cards.group(1).count('<span class="twemoji lg middle" aria-hidden="true"><svg') == len(GUIDES)
    assert cards.group(1).count("<hr>") == len(GUIDES)
    assert 'href="../../downloads/ippc-offline.zip"' in online
    assert '<h2 id="offline">' in online
    offline = render_guides_overview(ctx, "guides/index.html", offline=True)
    assert "offline.zip" not in offline and 'id="offline"' not in offline
    assert not [mark for mark in LEFTOVER_MARKDOWN if mark in online]


@pytest.mark.parametrize("lang", ["fr", "zh"])
def test_a_translated_overview_links_the_guides_beside_it(dataset, lang: str) -> None:
    """guides/index.fr.md is built as fr/guides/: its guides are beside it, not one folder up."""
    ctx = RenderContext(dataset, lang, f"guides/index.{lang}.md", "ippc")
    overview = render_guides_overview(ctx, f"{lang}/guides/")
    for guide_id in GUIDES:
        assert f'<a href="{guide_id}/">' in overview, guide_id
    page = render_guide_page("ephyto", RenderContext(dataset, lang, f"guides/ephyto.{lang}.md", "ippc"))
    assert 'href="../../areas/ephyto/#action-4-1"' in page


def test_a_guide_to_confirm_shows_its_badge_in_the_preview(dataset) -> None:
    item = guide(dataset, "sea-containers")
    to_confirm = item.model_copy(update={"status": "to-confirm"})
    data = replace(dataset, guides=[to_confirm if other.id == item.id else other for other in dataset.guides])
    page = render_guide_page("sea-containers", RenderContext(data, "en", "guides/sea-containers.md", "wco"))
    assert re.match(r'<h1 id="sea-containers">[^<]*<span class="status-to-confirm">', page)
    overview = render_guides_overview(RenderContext(data, "en", "guides/index.md", "wco"))
    assert overview.count('class="status-to-confirm"') == 1
    assert 'class="status-to-confirm"' not in render_guide_page(
        "ephyto", RenderContext(data, "en", "guides/ephyto.md", "wco")
    )


HOSTILE = (
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "[x](javascript:alert(1))",
    '"><img src=x onerror=alert(1)>',
    '*t*{: onclick="alert(1)" }',
)


def _hostile_guide(item: Guide, text: str) -> Guide:
    """Every text of a guide that reaches the page, the pictures included, set to `text`."""
    hostile = {"en": text}
    inspection = item.inspection
    assert inspection is not None
    places = [place.model_copy(update={"label": hostile, "look_for": hostile}) for place in inspection.places]
    steps = [step.model_copy(update={"label": hostile}) for step in item.pathway.steps]
    sections = [
        section.model_copy(
            update={
                "title": hostile,
                "intro": hostile,
                "points": [point.model_copy(update={"text": hostile}) for point in section.points],
            }
        )
        for section in item.sections
    ]
    safe = Instrument.model_validate(
        {"name": "n", "about": "a", "url": "https://example.org/a", "source": "https://example.org/a"}
    )
    instrument = safe.model_copy(update={"name": hostile, "about": hostile})
    return item.model_copy(
        update={
            "title": hostile,
            "short_title": hostile,
            "summary": hostile,
            "inspection": inspection.model_copy(update={"title": hostile, "description": hostile, "places": places}),
            "sections": sections,
            "pathway": item.pathway.model_copy(update={"title": hostile, "description": hostile, "steps": steps}),
            "instruments": [instrument],
        }
    )


def assert_inert(markup: str) -> None:
    """No script, no event handler, no script link, no element that a text could have brought in."""
    found = elements(markup)
    tags = {tag for tag, _ in found.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "style", "base", "meta"}, tags
    for tag, attributes in found.tags:
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        for name in ("href", "src", "xlink:href"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:")), (tag, attributes)
    # Each picture stays one <svg> of the diagram, and the icons are the theme's.
    svgs = [attributes for tag, attributes in found.tags if tag == "svg"]
    assert all(
        set(attributes)
        <= {
            "xmlns",
            "viewbox",
            "role",
            "aria-labelledby",
            "id",
            "class",
            "fill",
            "stroke",
            "stroke-linejoin",
            "stroke-linecap",
            "font-family",
            "direction",
        }
        for attributes in svgs
    ), svgs


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_guide_texts_are_refused_by_the_check(text: str) -> None:
    """The first layer: the data check refuses each text (the test below simulates a hole in it)."""
    with pytest.raises(ValidationError) as refused:
        Instrument.model_validate({"name": text, "about": "a", "source": "https://example.org/a"})
    assert [error["loc"][:1] for error in refused.value.errors()] == [("name",)]
    with pytest.raises(ValidationError) as refused:
        Instrument.model_validate({"name": "n", "about": text, "source": "https://example.org/a"})
    assert [error["loc"][:1] for error in refused.value.errors()] == [("about",)]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_guide_texts_come_out_as_text(text: str) -> None:
    minimal = load_dataset(FIXTURES / "minimal")
    item = _hostile_guide(guide(minimal, "sea-containers"), text)
    data = replace(minimal, guides=[item, *minimal.guides[1:]])
    ctx = RenderContext(data, "en", "guides/sea-containers.md", "wco")
    page = render_guide_page("sea-containers", ctx)
    assert_inert(page)
    # The pictures draw the words as words: in their <title>, <desc> and <text>.
    assert f'<title id="sea-containers-container-title">{escape(text)}</title>' in page
    assert f'<title id="sea-containers-pathway-title">{escape(text)}</title>' in page
    for picture in ("sea-containers-container", "sea-containers-pathway"):
        svg = page[page.index(f'id="{picture}"') : page.index("</svg>", page.index(f'id="{picture}"'))]
        drawn = " ".join(html.unescape(line) for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
        assert " ".join(text.split()) in drawn, (picture, drawn)
    overview = render_guides_overview(RenderContext(data, "en", "guides/index.md", "wco"))
    assert_inert(overview)
    assert page.count("<svg") == 3  # container, pathway tall and wide


@pytest.mark.parametrize(
    ("url", "root"), [("guides/", "../"), ("fr/guides/ephyto/", "../../../"), ("guides/index.html", "../"), ("", "")]
)
def test_site_root_from_a_page_url(url: str, root: str) -> None:
    assert site_root(url) == root


# --- The built site -------------------------------------------------------------------------------


def test_every_guide_page_is_built_in_every_language(built_site: Path) -> None:
    for guide_id in GUIDES:
        pages = sorted(built_site.rglob(f"guides/{guide_id}/index.html"))
        assert len(pages) == 9, pages  # WCO: 3 languages, IPPC: 6
        for page in pages:
            assert f'{PDF_MARKER}="' in page.read_text(encoding="utf-8"), page


def test_acronyms_are_explained_on_hover_and_focus(built_site: Path, dataset) -> None:
    page = (built_site / "wco" / "guides" / "sea-containers" / "index.html").read_text(encoding="utf-8")
    nppo = next(term for term in dataset.glossary if term.id == "nppo")
    expected = f'<abbr tabindex="0" title="{nppo.expansion["en"]}">NPPO</abbr>'
    assert expected in page
    # On another kind of page too, and in the page's own language where the glossary has it.
    workplan = (built_site / "ippc" / "fr" / "workplan" / "index.html").read_text(encoding="utf-8")
    abbrs = re.findall(r'<abbr tabindex="0" title="([^"]+)">([^<]+)</abbr>', workplan)
    assert abbrs, "no acronym marked up on the French work plan page"
    cpm = next(term for term in dataset.glossary if term.id == "cpm")
    french = cpm.expansion.get("fr", cpm.expansion["en"])
    assert any(title == french for title, _ in abbrs), abbrs[:5]


def test_acronyms_take_the_focus_except_inside_a_link() -> None:
    """A link may not contain a focusable element (and takes the focus itself)."""
    page = '<p><abbr title="x">X</abbr> <a href="y">see <abbr title="z">Z</abbr></a> <abbr title="w">W</abbr></p>'
    assert focusable_abbreviations(page) == (
        '<p><abbr tabindex="0" title="x">X</abbr> <a href="y">see <abbr title="z">Z</abbr></a> '
        '<abbr tabindex="0" title="w">W</abbr></p>'
    )


def test_on_a_phone_the_container_drawing_is_on_the_first_screen(preview_site: Path) -> None:
    page_url = (preview_site / "wco" / "guides" / "sea-containers" / "index.html").as_uri()
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=1)
        tab.goto(page_url)
        box = tab.locator("#sea-containers-container").bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        assert box["width"] >= 330, box
        # The tall pathway on a phone, the wide one on a desktop.
        assert tab.locator("#sea-containers-pathway").is_visible()
        assert not tab.locator("#sea-containers-pathway-wide").is_visible()
        tab.set_viewport_size({"width": 1280, "height": 900})
        assert tab.locator("#sea-containers-pathway-wide").is_visible()
        assert not tab.locator("#sea-containers-pathway").is_visible()
