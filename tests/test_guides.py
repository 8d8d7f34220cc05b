"""The guides for Customs: data checked, pages rendered from it, acronyms explained, phone layout."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.context import RenderContext
from macros.dataset import load_dataset
from macros.errors import DataErrors
from macros.render.glossary import focusable_abbreviations
from macros.render.guides import (
    PDF_MARKER,
    pdf_file_name,
    render_guide_page,
    render_guides_overview,
    site_root,
)
from site_quality.chromium import chromium

from .conftest import ROOT

GUIDES = ("sea-containers", "e-commerce", "ephyto")


def guide(dataset, guide_id: str):
    return next(item for item in dataset.guides if item.id == guide_id)


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


def test_guide_page_has_title_pdf_marker_sources_and_action_links(dataset) -> None:
    item = guide(dataset, "sea-containers")
    ctx = RenderContext(dataset, "en", "guides/sea-containers.md", "wco")
    page = render_guide_page("sea-containers", ctx)
    assert page.startswith(f"# {item.title['en']}\n")
    assert f'{PDF_MARKER}="{pdf_file_name(item, ctx)}"' in page
    assert pdf_file_name(item, ctx) == "wco-sea-containers-en.pdf"
    # Where to look comes right after the summary: the drawing, then the numbered places.
    assert page.index('class="guide-picture guide-picture--container"') < page.index("## Why containers carry pests")
    for number, place in enumerate(item.inspection.places, start=1):
        assert f"{number}. **{place.label['en']}**" in page
    for action_id in item.actions:
        assert f"](../areas/sea-containers.md#action-{action_id.replace('.', '-')})" in page
    # Every source is listed once, numbered, and each number used is defined.
    listed = re.findall(r'<li id="sea-containers-source-(\d+)">', page)
    assert listed == [str(number) for number in range(1, len(listed) + 1)]
    used = set(re.findall(r'href="#sea-containers-source-(\d+)"', page))
    assert used == set(listed)


def test_overview_links_the_guides_and_the_offline_copy_online_only(dataset) -> None:
    ctx = RenderContext(dataset, "en", "guides/index.md", "ippc")
    online = render_guides_overview(ctx, "fr/guides/")
    for guide_id in GUIDES:
        assert f"]({guide_id}.md)**" in online
    assert 'href="../../downloads/ippc-offline.zip"' in online
    assert "offline.zip" not in render_guides_overview(ctx, "guides/index.html", offline=True)


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


def test_on_a_phone_the_container_drawing_is_on_the_first_screen(built_site: Path) -> None:
    page_url = (built_site / "wco" / "guides" / "sea-containers" / "index.html").as_uri()
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
