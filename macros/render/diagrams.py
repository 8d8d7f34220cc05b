"""Pictures of the guides, drawn as inline SVG from the data's words.

- `container_diagram`: a sea container, cut open on one side, with the places to check numbered;
- `pathway_diagram`: the steps by which a pest (or a certificate) travels, and where Customs sees it.

Each picture is an accessible image: `role="img"`, a `<title>` and a `<desc>` in the page's
language, referenced by `aria-labelledby`. Every stroke and fill is `currentColor`, so that the
picture follows the text colour in light mode, dark mode and print. Words come from data/, never
from here: labels are wrapped into lines by an estimate of their width, and drawn as plain text
(SVG is XML: every word and attribute value is escaped by markupsafe or the template).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

from markupsafe import Markup

from ..context import RenderContext
from ..html import join, render_template
from ..model import ContainerPlace, Inspection, Pathway
from ..text import label, localized

Point = tuple[float, float]

FONT_SIZE = 16
"""The size of the words inside the pictures, in picture units (the pictures scale with the page)."""

CONTAINER_FONT_SIZE = 18
"""Larger on the container, whose picture is wider: about 10 pixels high on a phone."""


# --- Text -----------------------------------------------------------------------------------------


def _width(text: str) -> int:
    """Width in half-em units: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap(text: str, limit: int) -> list[str]:
    """Lines no wider than `limit` half-ems; words stay whole unless one alone is too wide."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if _width(candidate) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:  # a word wider than a line (or text without spaces) is cut by characters
            if _width(current + char) > limit and current:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    return lines or [""]


def _words(text: Mapping[str, str], ctx: RenderContext) -> tuple[str, str]:
    """Text in the page's language (plain, not yet escaped), and "en" if it fell back to English."""
    value, fell_back = localized(text, ctx)
    return value, ("en" if fell_back else "")


def _label_words(key: str, ctx: RenderContext, **values: str) -> str:
    """An interface label as plain words: a picture's text holds no markup (acronyms, emphasis)."""
    return label(key, ctx, **values).striptags()


def _lang(lang: str) -> Markup:
    """` lang="en"` on a text drawn in English for want of a translation; nothing otherwise."""
    return Markup(' lang="{}"').format(lang) if lang else Markup("")


def _bare(text: str) -> str:
    """A sentence without its final full stop, to be listed inside another sentence."""
    return text.rstrip(" .。۔")


def _text_block(
    lines: Sequence[str],
    x: float,
    y: float,
    anchor: str = "start",
    lang: str = "",
    size: int = FONT_SIZE,
    bold: bool = False,
) -> Markup:
    """A multi-line <text>; `y` is the baseline of the first line."""
    weight = Markup(' font-weight="bold"') if bold else Markup("")
    spans = join(
        (
            Markup('<tspan x="{:g}" dy="{:g}">{}</tspan>').format(x, 0 if index == 0 else round(size * 1.25, 1), line)
            for index, line in enumerate(lines)
        ),
        "",
    )
    return Markup(
        '<text x="{:g}" y="{:g}" font-size="{}" text-anchor="{}"{}{} fill="currentColor" stroke="none">{}</text>'
    ).format(x, y, size, anchor, weight, _lang(lang), spans)


def _svg(svg_id: str, width: int, height: int, title: str, desc: str, lang: str, body: Iterable[Markup]) -> Markup:
    """The picture: an image named by its title and described by its description (guide_diagram.html)."""
    return render_template(
        "guide_diagram.html", id=svg_id, width=width, height=height, title=title, desc=desc, lang=lang, body=body
    )


# --- Geometry ---------------------------------------------------------------------------------------


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def _polygon(points: Sequence[Point], opacity: float = 0.0, width: float = 2) -> Markup:
    fill = Markup(' fill="currentColor" fill-opacity="{:g}"').format(opacity) if opacity else Markup("")
    return Markup('<polygon points="{}"{} stroke-width="{:g}"/>').format(_points(points), fill, width)


def _line(a: Point, b: Point, width: float = 1.5, dashed: bool = False) -> Markup:
    dash = Markup(' stroke-dasharray="6 5"') if dashed else Markup("")
    return Markup('<line x1="{:g}" y1="{:g}" x2="{:g}" y2="{:g}" stroke-width="{:g}"{}/>').format(
        a[0], a[1], b[0], b[1], width, dash
    )


def _rect(x: float, y: float, width: float, height: float, extra: Markup) -> Markup:
    """A rectangle; `extra` holds its other (constant) attributes."""
    return Markup('<rect x="{:g}" y="{:g}" width="{:g}" height="{:g}"{}/>').format(x, y, width, height, extra)


def clip(polygon: Sequence[Point], left: float, top: float, right: float, bottom: float) -> list[Point]:
    """The part of a convex polygon inside a rectangle (Sutherland–Hodgman)."""
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= left, lambda a, b: _cross_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _cross_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _cross_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _cross_y(a, b, bottom)),
    ]
    result = list(polygon)
    for inside, cross in edges:
        points, result = result, []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
    return [(round(x, 1), round(y, 1)) for x, y in result]


def _cross_x(a: Point, b: Point, x: float) -> Point:
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def _toward(start: Point, end: Point, distance: float) -> Point:
    """The point `distance` away from `start` on the way to `end` (a leader line starts at the circle's edge)."""
    length = ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5 or 1
    return (
        round(start[0] + (end[0] - start[0]) * distance / length, 1),
        round(start[1] + (end[1] - start[1]) * distance / length, 1),
    )


def _marker(number: int, center: Point) -> Markup:
    x, y = center
    circle = Markup('<circle cx="{:g}" cy="{:g}" r="14" stroke-width="2.5" fill="currentColor" fill-opacity="0.12"/>')
    return circle.format(x, y) + _text_block([str(number)], x, y + 5.5, anchor="middle", size=16, bold=True)


# --- The container -------------------------------------------------------------------------------------

# A 40-foot box in oblique view: its long side faces the reader, its end is on the right, and a
# window cut into the side wall shows the floor, the back wall and the inner face of the far end.
_LEFT, _RIGHT, _TOP, _BOTTOM = 190, 490, 140, 260
_DX, _DY = 80, -50
_CUT = (210, 150, 340, _BOTTOM)  # left, top, right, bottom of the window in the side wall
_RAIL = 12  # height of the bottom side rail, where the forklift pockets are
_POCKETS = ((280, 320), (400, 440))


def _back(point: Point, depth: float = 1.0) -> Point:
    return (point[0] + _DX * depth, point[1] + _DY * depth)


def _end_face(u: float, h: float) -> Point:
    """A point on the right end face: `u` from front (0) to back (1), `h` down from the top edge."""
    return (_RIGHT + _DX * u, _TOP + _DY * u + h)


class _Place:
    """Where a place's number sits, the point its leader line touches, and where its words go."""

    def __init__(self, marker: Point, target: Point, text: Point, anchor: str, width: int) -> None:
        self.marker = marker
        self.target = target
        self.text = text
        self.anchor = anchor
        self.width = width


_PLACES: dict[ContainerPlace, _Place] = {
    "walls-roof": _Place((34, 34), (255, 112), (56, 38), "start", 24),
    "reefer-vents": _Place((612, 34), (538, 122), (590, 40), "end", 17),
    "inside": _Place((34, 140), (305, 178), (16, 176), "start", 17),
    "floor": _Place((34, 240), (265, 246), (16, 276), "start", 17),
    "understructure": _Place((300, 322), (300, 266), (322, 328), "start", 31),
}


def _container_body() -> list[Markup]:
    front = [(_LEFT, _TOP), (_RIGHT, _TOP), (_RIGHT, _BOTTOM), (_LEFT, _BOTTOM)]
    roof = [(_LEFT, _TOP), (_RIGHT, _TOP), _back((_RIGHT, _TOP)), _back((_LEFT, _TOP))]
    end = [(_RIGHT, _TOP), _back((_RIGHT, _TOP)), _back((_RIGHT, _BOTTOM)), (_RIGHT, _BOTTOM)]
    floor = [(_LEFT, _BOTTOM), (_RIGHT, _BOTTOM), _back((_RIGHT, _BOTTOM)), _back((_LEFT, _BOTTOM))]
    back_wall = [_back(point) for point in front]
    far_end = [(_LEFT, _TOP), _back((_LEFT, _TOP)), _back((_LEFT, _BOTTOM)), (_LEFT, _BOTTOM)]
    left, top, right, bottom = _CUT
    parts: list[Markup] = []
    # Inside, seen through the window: far end wall, back wall, floor with its boards.
    parts.append(_polygon(clip(far_end, *_CUT), 0.2, 1.2))
    parts.append(_polygon(clip(back_wall, *_CUT), 0.1, 1.2))
    for x in range(int(_back((_LEFT, 0))[0]) + 12, right, 12):
        parts.append(_line((x, top), (x, _back((0, _BOTTOM))[1]), 0.8))
    parts.append(_polygon(clip(floor, *_CUT), 0.3, 1.2))
    for step in range(1, 5):
        depth = step / 5
        y = _BOTTOM + _DY * depth
        parts.append(_line((_LEFT + _DX * depth if _LEFT + _DX * depth > left else left, y), (right, y), 0.8))
    # The side wall, with the window cut out (even-odd fill), and its corrugation.
    wall = f"M{_points(front).replace(' ', ' L')} Z M{left},{top} L{right},{top} L{right},{bottom} L{left},{bottom} Z"
    parts.append(
        Markup('<path d="{}" fill="currentColor" fill-opacity="0.07" fill-rule="evenodd" stroke-width="2.5"/>').format(
            wall
        )
    )
    parts.append(_rect(left, top, right - left, bottom - top, Markup(' stroke-width="1.5" stroke-dasharray="6 5"')))
    for x in range(right + 10, _RIGHT, 10):
        parts.append(_line((x, _TOP + 5), (x, _BOTTOM - 5), 0.8))
    parts.append(_line((_LEFT + 10, _TOP + 5), (_LEFT + 10, _BOTTOM - 5), 0.8))
    # Roof and end face, shaded darker to read as three dimensions.
    parts.append(_polygon(roof, 0.16, 2.5))
    parts.append(_polygon(end, 0.24, 2.5))
    # The bottom side rail with its two forklift pockets.
    rail = Markup(' fill="currentColor" fill-opacity="0.35" stroke-width="2"')
    parts.append(_rect(_LEFT, _BOTTOM, _RIGHT - _LEFT, _RAIL, rail))
    rail_bottom = _BOTTOM + _RAIL
    end_rail = [(_RIGHT, _BOTTOM), _back((_RIGHT, _BOTTOM)), _back((_RIGHT, rail_bottom)), (_RIGHT, rail_bottom)]
    parts.append(_polygon(end_rail, 0.45, 2))
    for start, stop in _POCKETS:
        pocket = Markup(' fill="currentColor" fill-opacity="0.9" stroke-width="1"')
        parts.append(_rect(start, _BOTTOM + 2, stop - start, _RAIL - 4, pocket))
    # The air inlet grille of a refrigerated container, on the end face.
    parts.append(_polygon([_end_face(0.2, 14), _end_face(0.8, 14), _end_face(0.8, 50), _end_face(0.2, 50)], 0.1, 1.5))
    for h in (21, 28, 35, 42):
        parts.append(_line(_end_face(0.24, h), _end_face(0.76, h), 1.2))
    return parts


def container_diagram(inspection: Inspection, ctx: RenderContext, svg_id: str) -> Markup:
    """The container with a numbered mark, a leader line and the words of each place to check."""
    title, lang = _words(inspection.title, ctx)
    description, _ = _words(inspection.description, ctx)
    names = []
    marks: list[Markup] = []
    for number, item in enumerate(inspection.places, start=1):
        place = _PLACES[item.place]
        words, item_lang = _words(item.label, ctx)
        names.append(f"{number}. {_bare(words)}")
        lines = wrap(words, place.width)
        marks.append(_line(_toward(place.marker, place.target, 15), place.target, 1.5))
        marks.append(Markup('<circle cx="{:g}" cy="{:g}" r="3.5" fill="currentColor"/>').format(*place.target))
        marks.append(_marker(number, place.marker))
        marks.append(_text_block(lines, *place.text, place.anchor, item_lang, CONTAINER_FONT_SIZE))
    desc = f"{description} {_label_words('guide_diagram_places', ctx, places='; '.join(names))}"
    return _svg(svg_id, 640, 350, title, desc, lang, [*_container_body(), *marks])


# --- The pathway ------------------------------------------------------------------------------------------

_LINE = 20
_PAD = 12
_GAP = 30
_TALL_WIDTH = 380
_WIDE_BOX, _WIDE_GAP = 176, 32


def _step_box(
    x: float, y: float, width: float, lines: list[str], customs: str, lang: str
) -> tuple[list[Markup], float]:
    """A step's box (stressed where Customs sees it) and its words; returns the parts and the box's height."""
    height = _PAD * 2 + _LINE * (len(lines) + (1 if customs else 0)) - 4
    box = Markup(' rx="8" fill="currentColor" fill-opacity="{:g}" stroke-width="{}"').format(
        0.14 if customs else 0.04, 4 if customs else 2
    )
    parts = [_rect(x, y, width, height, box)]
    text_y = y + _PAD + 14
    if customs:
        parts.append(_text_block([customs], x + 12, text_y, size=14, bold=True))
        text_y += _LINE
    parts.append(_text_block(lines, x + 12, text_y, lang=lang))
    return parts, height


def _arrow(start: Point, end: Point) -> list[Markup]:
    """A line with a head at `end`, horizontal or vertical."""
    (x1, _), (x2, y2) = start, end
    if x1 == x2:
        head = [(x2 - 7, y2 - 9), (x2 + 7, y2 - 9), (x2, y2)]
        shaft_end = (x2, y2 - 8)
    else:
        head = [(x2 - 9, y2 - 7), (x2 - 9, y2 + 7), (x2, y2)]
        shaft_end = (x2 - 8, y2)
    return [_line(start, shaft_end, 2.5), _polygon(head, 1, 1)]


def pathway_diagram(pathway: Pathway, ctx: RenderContext, svg_id: str, wide: bool = False) -> Markup:
    """The steps, numbered and joined by arrows; the step where Customs sees it stands out.

    Tall (top to bottom) for phones; `wide` (left to right) for wide screens and print.
    """
    title, lang = _words(pathway.title, ctx)
    description, _ = _words(pathway.description, ctx)
    customs_words = _label_words("guide_customs_here", ctx)
    names = []
    steps = []
    for number, step in enumerate(pathway.steps, start=1):
        words, step_lang = _words(step.label, ctx)
        names.append(f"{number}. {_bare(words)}" + (f" ({customs_words})" if step.customs else ""))
        steps.append((wrap(words, 17 if wide else 32), customs_words if step.customs else "", step_lang))
    body: list[Markup] = []
    if wide:
        top = 40
        heights = []
        for index, (lines, customs, step_lang) in enumerate(steps):
            x = 4 + index * (_WIDE_BOX + _WIDE_GAP)
            parts, height = _step_box(x, top, _WIDE_BOX, lines, customs, step_lang)
            body += [*parts, _marker(index + 1, (x + _WIDE_BOX / 2, 20))]
            heights.append(height)
            if index:
                body += _arrow((x - _WIDE_GAP + 5, top + 24), (x - 4, top + 24))
        width, height = 8 + len(steps) * _WIDE_BOX + (len(steps) - 1) * _WIDE_GAP, top + max(heights) + 4
    else:
        y = 4.0
        for index, (lines, customs, step_lang) in enumerate(steps):
            parts, box = _step_box(56, y, _TALL_WIDTH - 60, lines, customs, step_lang)
            body += [*parts, _marker(index + 1, (24, y + box / 2))]
            y += box
            if index < len(steps) - 1:
                middle = 56 + (_TALL_WIDTH - 60) / 2
                body += _arrow((middle, y + 3), (middle, y + _GAP - 2))
                y += _GAP
        width, height = _TALL_WIDTH, y + 4
    desc = f"{description} {_label_words('guide_diagram_steps', ctx, steps='; '.join(names))}"
    return _svg(svg_id, round(width), round(height), title, desc, lang, body)
