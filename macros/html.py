"""HTML from templates: Jinja with autoescape, so that every value is escaped unless it is Markup.

The templates (macros/templates/) are part of the code, like the render functions that fill them;
the environment that holds them is made once, when the module is imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape
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
    auto_reload=False,  # the templates are part of the package: no need to look at the files again
)
_TEMPLATES.globals["icon"] = icon_svg


class UnsafeLinkError(ValueError):
    """A template was about to write a link that runs script: the data check has a hole."""


_LINK_ATTRIBUTE = re.compile(r'\s(?:href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"', re.I)
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def refuse_script_links(html: str, template: str) -> None:
    """Fail closed: a link whose scheme runs script (read as a browser reads it: entities decoded,
    tabs, line breaks and spaces removed, any case) is never written, whatever the data says."""
    for value in _LINK_ATTRIBUTE.findall(html):
        url = _IGNORED_IN_URLS.sub("", unescape(value)).lower()
        if url.startswith(_SCRIPT_SCHEMES):
            raise UnsafeLinkError(f"{template}: refused to write the link {value!r}; check the data that holds it")


def render_template(name: str, **values: Any) -> Markup:
    """Fill macros/templates/`name` with `values`; strings are escaped, Markup is kept; links checked."""
    html = _TEMPLATES.get_template(name).render(**values)
    refuse_script_links(html, name)
    return Markup(html)


def join(items: Iterable[Markup | str], separator: str = ", ") -> Markup:
    """Items joined by a separator, each escaped unless it is Markup."""
    return Markup(escape(separator)).join(escape(item) for item in items)


def heading(level: int, content: Markup | str, identifier: str | None = None) -> Markup:
    """An `<hN>` with its id and permalink, as the toc extension writes one in a Markdown page."""
    return render_template("heading.html", level=level, content=content, identifier=identifier)
