"""site/index.html: the small page at the top of site/ that leads to both editions."""

from __future__ import annotations

import html

from ..dataset import Dataset


def render_landing(data: Dataset, editions: dict[str, dict[str, str]], urls: dict[str, str]) -> str:
    """A plain, valid, accessible HTML page: one list of languages per edition."""
    sections = []
    for edition, languages in editions.items():
        org = data.organizations[edition]
        base = urls.get(edition) or f"{edition}/"
        items = "\n".join(
            f'        <li><a href="{html.escape(base)}{"" if code == "en" else code + "/"}" hreflang="{code}" '
            f'lang="{code}">{html.escape(name)}</a></li>'
            for code, name in languages.items()
        )
        sections.append(
            f'    <section aria-labelledby="{edition}">\n'
            f'      <h2 id="{edition}">{html.escape(data.labels["landing_edition"]["en"].format(org=org.name["en"]))}'
            f"</h2>\n      <ul>\n{items}\n      </ul>\n    </section>"
        )
    title = html.escape(data.labels["landing_title"]["en"])
    intro = html.escape(data.labels["landing_intro"]["en"])
    body = "\n".join(sections)
    return f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{title}</title>
    <link rel="icon" href="{html.escape(next(iter(editions)))}/assets/images/favicon.png">
    <style>
      body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
             color: #1b1b1b; background: #fff; line-height: 1.5; }}
      a {{ color: #1a4f7a; }}
      h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.2rem; }}
      @media (prefers-color-scheme: dark) {{ body {{ color: #eee; background: #121212; }} a {{ color: #9fd0ff; }} }}
    </style>
  </head>
  <body>
    <main>
    <h1>{title}</h1>
    <p>{intro}</p>
{body}
    </main>
  </body>
</html>
"""


def render_sitemap_index(editions: list[str], urls: dict[str, str]) -> str:
    """A sitemap index that points at each edition's own sitemap (which lists every language)."""
    entries = "\n".join(
        f"  <sitemap><loc>{html.escape((urls.get(e) or f'{e}/').rstrip('/') + '/sitemap.xml')}</loc></sitemap>"
        for e in editions
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</sitemapindex>\n"
    )
