"""Material's icons as inline SVG: the same files that `:material-name:` shortcodes use in Markdown.

An icon named in data/ (an area's or a guide's `icon`) is looked up in the icon set shipped with
the theme; an unknown name is a check error, not a broken page.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

_NAME = re.compile(r"^(material|fontawesome/(?:brands|regular|solid)|octicons|simple)/[a-z0-9]+(?:-[a-z0-9]+)*$")


def _icon_folder() -> Path:
    return Path(str(files("material"))) / "templates" / ".icons"


def icon_problem(name: str) -> str | None:
    """Why `name` is not an icon of Material's set, or None."""
    if not _NAME.match(name):
        return f"'{name}' is not an icon name; write it as Material does, e.g. material/ferry"
    if not (_icon_folder() / f"{name}.svg").is_file():
        return f"there is no icon '{name}' in Material's icon set; pick one from https://pictogrammers.com/library/mdi/"
    return None


@cache
def _svg(name: str) -> str:
    return (_icon_folder() / f"{name}.svg").read_text(encoding="utf-8").strip()


def icon_svg(name: str, classes: str = "") -> Markup:
    """The icon as `<span class="twemoji …"><svg …/></span>`, hidden from screen readers (it is decoration)."""
    problem = icon_problem(name)
    if problem:
        raise ValueError(problem)
    class_names = " ".join(["twemoji", *classes.split()])
    return Markup('<span class="{}" aria-hidden="true">{}</span>').format(class_names, Markup(_svg(name)))
