"""HTML from templates: Jinja with autoescape, so that every value is escaped unless it is Markup.

The templates (macros/templates/) are part of the code, like the render functions that fill them;
the environment that holds them is made once, when the module is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .icons import icon_svg

_TEMPLATES = Environment(
    loader=PackageLoader("macros", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
_TEMPLATES.globals["icon"] = icon_svg


def render_template(name: str, **values: Any) -> Markup:
    """Fill macros/templates/`name` with `values`; strings are escaped, Markup is kept."""
    return Markup(_TEMPLATES.get_template(name).render(**values))


def join(items: Iterable[Markup | str], separator: str = ", ") -> Markup:
    """Items joined by a separator, each escaped unless it is Markup."""
    return Markup(escape(separator)).join(escape(item) for item in items)


def heading(level: int, content: Markup | str, identifier: str | None = None) -> Markup:
    """An `<hN>` with its id and permalink, as the toc extension writes one in a Markdown page."""
    return render_template("heading.html", level=level, content=content, identifier=identifier)
