"""site/index.html: the small page at the top of site/ that leads to both editions; and the sitemap
index that points at each edition's sitemap."""

from __future__ import annotations

from markupsafe import Markup

from ..dataset import Dataset
from ..html import render_template


def render_landing(data: Dataset, editions: dict[str, dict[str, str]], urls: dict[str, str]) -> Markup:
    """A plain, valid, accessible HTML page: one list of languages per edition."""
    sections = []
    for edition, languages in editions.items():
        base = urls.get(edition) or f"{edition}/"
        name = data.organizations[edition].name["en"]
        sections.append(
            {
                "id": edition,
                "heading": data.labels["landing_edition"]["en"].format(org=name),
                "languages": [
                    {"code": code, "name": language, "url": base if code == "en" else f"{base}{code}/"}
                    for code, language in languages.items()
                ],
            }
        )
    return render_template(
        "landing.html",
        title=data.labels["landing_title"]["en"],
        intro=data.labels["landing_intro"]["en"],
        favicon=f"{next(iter(editions))}/assets/images/favicon.png",
        sections=sections,
    )


def render_sitemap_index(editions: list[str], urls: dict[str, str]) -> Markup:
    """A sitemap index that points at each edition's own sitemap (which lists every language)."""
    sitemaps = [(urls.get(edition) or f"{edition}/").rstrip("/") + "/sitemap.xml" for edition in editions]
    return render_template("sitemap_index.xml", sitemaps=sitemaps)
