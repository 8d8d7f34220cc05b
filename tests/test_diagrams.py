"""The guides' pictures: accessible SVG in the page's language, colours that follow the text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup
from pydantic import ValidationError

from macros.context import RenderContext
from macros.model import Inspection, Pathway
from macros.render.diagrams import clip, container_diagram, pathway_diagram, wrap


def sea_containers(dataset):
    return next(guide for guide in dataset.guides if guide.id == "sea-containers")


class SvgReader(HTMLParser):
    """Each <svg>: its attributes, and the text and effective language of its <title> and <desc>."""

    def __init__(self) -> None:
        super().__init__()
        self.svgs: list[dict] = []
        self.langs: list[tuple[str, str | None]] = []
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.langs.append((tag, attributes.get("lang")))
        if tag == "svg":
            self.svgs.append({"attrs": attributes, "parts": {}})
        elif tag in ("title", "desc") and self.svgs:
            self.current = tag
            self.svgs[-1]["parts"][tag] = {"id": attributes.get("id"), "text": "", "lang": self.language()}

    def handle_endtag(self, tag):
        while self.langs:
            open_tag, _ = self.langs.pop()
            if open_tag == tag:
                break
        if tag in ("title", "desc"):
            self.current = None

    def handle_data(self, data):
        if self.current and self.svgs:
            self.svgs[-1]["parts"][self.current]["text"] += data

    def language(self) -> str | None:
        return next((lang for _, lang in reversed(self.langs) if lang), None)


def read_svgs(markup: str) -> list[dict]:
    reader = SvgReader()
    reader.feed(markup)
    return reader.svgs


# --- Text and geometry -------------------------------------------------------------------------


def test_wrap_keeps_lines_within_the_width_and_words_whole() -> None:
    lines = wrap("Look underneath first: the underside and the forklift pockets", 20)
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == "Look underneath first: the underside and the forklift pockets"


def test_wrap_cuts_text_without_spaces_counting_wide_characters_twice() -> None:
    lines = wrap("集装箱底部和叉车槽", 8)  # nine CJK characters, two half-ems each
    assert lines == ["集装箱底", "部和叉车", "槽"]


def test_clip_keeps_the_part_of_a_polygon_inside_the_window() -> None:
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert sorted(clip(square, 5, -1, 20, 20)) == sorted([(5, 0), (10, 0), (10, 10), (5, 10)])
    assert clip(square, 20, 20, 30, 30) == []


# --- The pictures ------------------------------------------------------------------------------


def test_container_diagram_is_an_image_named_by_its_title_and_description(dataset) -> None:
    guide = sea_containers(dataset)
    ctx = RenderContext(dataset, "en", "guides/sea-containers.md")
    svg = container_diagram(guide.inspection, ctx, "c")
    [found] = read_svgs(svg)
    assert found["attrs"]["role"] == "img"
    assert found["attrs"]["aria-labelledby"] == "c-title c-desc"
    assert found["parts"]["title"] == {"id": "c-title", "text": guide.inspection.title["en"], "lang": None}
    description = found["parts"]["desc"]["text"]
    assert description.startswith(guide.inspection.description["en"])
    for number, place in enumerate(guide.inspection.places, start=1):
        assert f"{number}. {place.label['en'].rstrip('.')}" in description
        assert re.search(rf'font-weight="bold"[^>]*><tspan[^>]*>{number}</tspan>', svg), f"no mark {number}"


def test_pictures_use_the_text_colour_only(dataset) -> None:
    """Light mode, dark mode and print: every stroke and fill is currentColor, never a fixed colour."""
    guide = sea_containers(dataset)
    ctx = RenderContext(dataset, "en", "guides/sea-containers.md")
    for svg in (
        container_diagram(guide.inspection, ctx, "c"),
        pathway_diagram(guide.pathway, ctx, "p"),
        pathway_diagram(guide.pathway, ctx, "w", wide=True),
    ):
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', svg))
        assert colours <= {"currentColor", "none"}, colours
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", svg)


def test_labels_come_from_the_data_in_the_page_language_and_are_escaped(dataset) -> None:
    inspection = Inspection.model_validate(
        {
            "title": {"en": "Where to look", "fr": "Où regarder"},
            "description": {"en": "A container.", "fr": "Un conteneur."},
            "places": [
                {
                    "place": "floor",
                    "label": {"en": "Floor & < 5", "fr": "Plancher & < 5"},
                    "look_for": "x",
                    "source": "https://example.org/a",
                },
                {"place": "inside", "label": "Inside", "look_for": "x", "source": "https://example.org/a"},
            ],
        }
    )
    ctx = RenderContext(dataset, "fr", "guides/sea-containers.md")
    svg = container_diagram(inspection, ctx, "c")
    assert '<title id="c-title">Où regarder</title>' in svg
    assert "Plancher &amp; &lt; 5" in svg and "< 5" not in svg
    # An untranslated label is drawn in English and says so.
    assert re.search(r'<text [^>]*lang="en"[^>]*><tspan[^>]*>Inside</tspan>', svg)


def test_untranslated_title_is_marked_english(dataset) -> None:
    pathway = Pathway.model_validate(
        {
            "title": "How it travels",
            "description": "Two steps.",
            "steps": [
                {"label": "Packed", "source": "https://example.org/a"},
                {"label": "Border", "customs": True, "source": "https://example.org/a"},
            ],
        }
    )
    [found] = read_svgs(pathway_diagram(pathway, RenderContext(dataset, "es", "guides/x.md"), "p"))
    assert found["parts"]["title"]["lang"] == "en"
    assert found["parts"]["desc"]["lang"] == "en"
    customs = dataset.labels["guide_customs_here"].get("es", dataset.labels["guide_customs_here"]["en"])
    assert customs in found["parts"]["desc"]["text"]


@pytest.mark.parametrize("guide_id", ["sea-containers", "e-commerce", "ephyto"])
def test_built_pictures_have_title_and_description_in_the_page_language(built_site: Path, dataset, guide_id) -> None:
    guide = next(guide for guide in dataset.guides if guide.id == guide_id)
    pages = sorted(built_site.rglob(f"guides/{guide_id}/index.html"))
    assert len(pages) >= 9, pages  # every language of both editions
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        svgs = [svg for svg in read_svgs(markup) if svg["attrs"].get("role") == "img"]
        drawn = guide.inspection is not None and bool(guide.inspection.places)  # no drawing without a place
        expected = 3 if drawn else 2  # container, pathway tall and wide
        assert len(svgs) >= expected, page
        page_lang = re.search(r'<html lang="([a-z]+)"', markup).group(1)
        for svg in svgs:
            title, desc = svg["parts"]["title"], svg["parts"]["desc"]
            assert svg["attrs"]["aria-labelledby"] == f"{title['id']} {desc['id']}", page
            assert title["text"].strip() and desc["text"].strip(), page
            language = title["lang"] or page_lang
            texts = [guide.pathway.title] + ([guide.inspection.title] if guide.inspection else [])
            assert any(text.get(language) == title["text"] for text in texts), (page, language, title["text"])


class Elements(HTMLParser):
    """Every start tag with its attributes, and the words of each <tspan>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.words: list[str] = []
        self._in_tspan = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_tspan = tag == "tspan"

    def handle_endtag(self, tag):
        self._in_tspan = False

    def handle_data(self, data):
        if self._in_tspan:
            self.words.append(data)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"><svg onload=alert(1)>',
        "[x](javascript:alert(1))",
        '"><img src=x onerror=alert(1)>',
        "</text></svg><script>alert(1)</script>",
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])  # fr: the words fall back to English, with a lang attribute
def test_hostile_words_are_drawn_as_words(dataset, text: str, lang: str) -> None:
    """SVG is XML: a label, a title or a description is escaped in <title>, <desc> and <text>, never markup."""
    source = "https://example.org/a"
    # The data check refuses these texts; the pictures must stay safe even if a value slips past it.
    place = {"place": "understructure", "label": "l", "look_for": "x", "source": source}
    steps = [{"label": "a", "source": source}, {"label": "b", "source": source}]
    for model, value, where in (
        (Inspection, {"title": text, "description": "d", "places": [place]}, ("title",)),
        (Inspection, {"title": "t", "description": text, "places": [place]}, ("description",)),
        (Inspection, {"title": "t", "description": "d", "places": [{**place, "label": text}]}, ("places", 0, "label")),
        (
            Pathway,
            {"title": "t", "description": "d", "steps": [{"label": text, "source": source}, steps[1]]},
            ("steps", 0, "label"),
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            model.model_validate(value)
        assert [error["loc"][: len(where)] for error in refused.value.errors()] == [where]
    safe = Inspection.model_validate(
        {
            "title": "t",
            "description": "d",
            "places": [{"place": "understructure", "label": "l", "look_for": "x", "source": source}],
        }
    )
    hostile = {"en": text}
    inspection = safe.model_copy(
        update={
            "title": hostile,
            "description": hostile,
            "places": [place.model_copy(update={"label": hostile}) for place in safe.places],
        }
    )
    safe_pathway = Pathway.model_validate(
        {
            "title": "t",
            "description": "d",
            "steps": [{"label": "a", "source": source}, {"label": "b", "customs": True, "source": source}],
        }
    )
    pathway = safe_pathway.model_copy(
        update={
            "title": hostile,
            "description": hostile,
            "steps": [step.model_copy(update={"label": hostile}) for step in safe_pathway.steps],
        }
    )
    ctx = RenderContext(dataset, lang, "guides/sea-containers.md")
    for svg in (
        container_diagram(inspection, ctx, "c"),
        pathway_diagram(pathway, ctx, "p"),
        pathway_diagram(pathway, ctx, "w", wide=True),
    ):
        assert isinstance(svg, Markup)
        [found] = read_svgs(svg)
        assert found["parts"]["title"]["text"] == text
        assert found["parts"]["desc"]["text"].startswith(text)
        elements = Elements()
        elements.feed(svg)
        tags = [tag for tag, _ in elements.tags]
        assert tags.count("svg") == 1 and "script" not in tags and "img" not in tags, tags
        for tag, attributes in elements.tags:
            assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
            assert not [value for value in attributes.values() if value and "javascript:" in value], (tag, attributes)
        assert svg.endswith("</svg>") and svg.count("</svg>") == 1
        drawn = "".join(elements.words)
        assert "".join(text.split()) in "".join(drawn.split())  # the label, wrapped into lines
