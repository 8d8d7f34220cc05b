"""The guides for Customs officers (data/guides.yml): the overview page and one page per guide.

A guide page reads as a leaflet: what to check (with the container drawing near the top),
why, what it looks like, what to do, the pathway picture, the rules behind it, the work-plan
actions it serves and the numbered sources. Sources are numbered once per page, so that the
printed leaflet lists each address once, written out in full.

The page carries `data-guide-pdf="<file>"`: the post-build step (macros/pdf.py) finds the
built pages by it and writes the PDF of the page beside the HTML, under that name.

Everything is returned as escaped HTML (markupsafe, and the guide_*.html templates), the page's
own `<h1>` included: MkDocs takes the page title from it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, join, render_template
from ..model import Date, Guide, GuidePoint, GuideSection, Instrument, KeyFigure
from ..text import anchor, label, localized, status_badge, t
from .diagrams import container_diagram, pathway_diagram
from .sources import localized_url

PDF_MARKER = "data-guide-pdf"
"""The attribute that marks a built guide page and names its PDF (see macros/pdf.py)."""


def guide_by_id(guide_id: str, ctx: RenderContext) -> Guide:
    for guide in ctx.data.guides:
        if guide.id == guide_id:
            return guide
    known = ", ".join(guide.id for guide in ctx.data.guides)
    raise KeyError(f"data/guides.yml has no guide '{guide_id}' (known: {known})")


def pdf_file_name(guide: Guide, ctx: RenderContext) -> str:
    """`wco-sea-containers-en.pdf`: edition, guide and language, so that a saved file says what it is."""
    return f"{ctx.edition}-{guide.id}-{ctx.lang}.pdf"


def site_root(page_url: str) -> str:
    """The relative path from a built page to the root of its edition: `guides/` → `../`."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    folder = folder.strip("/")
    return "../" * len(folder.split("/")) if folder else ""


def offline_zip_name(edition: str) -> str:
    return f"{edition}-offline.zip"


# --- Sources, numbered once per page -----------------------------------------------------------------


class _Sources:
    """The page's sources in order of first use; a point shows the numbers of its own."""

    def __init__(self, guide: Guide, ctx: RenderContext) -> None:
        self.guide = guide
        self.ctx = ctx
        self.numbers: dict[str, int] = {}

    def _id(self, number: int) -> str:
        return f"{self.guide.id}-source-{number}"

    def ref(self, sources: tuple[str, ...] | None) -> Markup:
        """`<sup>1,2</sup>`: each number links to its source in the list at the end of the page; a public
        page cites official sources only."""
        shown = [source for source in sources or () if self.ctx.data.is_official(source)]
        if not shown:
            return Markup("")
        links = []
        for source in shown:
            number = self.numbers.setdefault(source, len(self.numbers) + 1)
            name = label("guide_source_ref", self.ctx, number=number).striptags()
            link = Markup('<a href="#{}" title="{}" aria-label="{}">{}</a>')
            links.append(link.format(self._id(number), name, name, number))
        return Markup('<sup class="guide-ref">{}</sup>').format(join(links, ","))

    def render(self) -> Markup:
        """The numbered list: an address written out in full (it is printed), or a seed document's title."""
        items: list[dict[str, str | None]] = []
        for source, number in self.numbers.items():
            if source.startswith(("http://", "https://")):
                items.append({"id": self._id(number), "url": localized_url(source, self.ctx.lang)})
            else:
                seed = self.ctx.data.seeds[source]
                items.append(
                    {
                        "id": self._id(number),
                        "url": None,
                        "title": t(seed.title, self.ctx),
                        "issued": t(seed.issued, self.ctx),
                    }
                )
        return render_template("guide_sources.html", sources=items)


# --- Parts of a guide page ------------------------------------------------------------------------------

_LAST_PARAGRAPH_END = re.compile(r"</p>\s*(?:</div>\s*)?$")


def _with_refs(block: Markup, refs: Markup) -> Markup:
    """A block text with its source numbers at the end of its last paragraph, where a footnote mark stands."""
    end = _LAST_PARAGRAPH_END.search(block)
    if not refs or end is None:
        return block + refs
    return block[: end.start()] + refs + block[end.start() :]  # slices of Markup stay Markup


def _as_of(value: Date | None, ctx: RenderContext) -> Markup:
    if value is None:
        return Markup("")
    return Markup(" ({})").format(label("as_of", ctx, date=format_partial(value, ctx.lang)))


def _point(point: GuidePoint, refs: _Sources, ctx: RenderContext) -> Markup:
    return t(point.text, ctx) + status_badge(point, ctx) + _as_of(point.as_of, ctx) + refs.ref(point.source)


@dataclass(frozen=True)
class _Run:
    """Consecutive points of a section; `short` ones are set in columns."""

    short: bool
    points: list[Markup]


def _section(section: GuideSection, refs: _Sources, ctx: RenderContext) -> Markup:
    """A section: its heading (with its sources when it has no introduction), introduction and points."""
    title = t(section.title, ctx) + status_badge(section, ctx)
    intro = Markup("")
    if section.intro:
        intro = _with_refs(t(section.intro, ctx, block=True), refs.ref(section.source))
    elif section.source:
        title += refs.ref(section.source)
    numbered: list[Markup] = []
    runs: list[_Run] = []
    if section.numbered:
        numbered = [_point(point, refs, ctx) for point in section.points]
    else:
        runs = [_Run(short, [_point(point, refs, ctx) for point in run]) for short, run in _runs(section.points, ctx)]
    return render_template(
        "guide_section.html",
        heading=heading(2, title, section.id),
        intro=intro,
        numbered=numbered,
        runs=runs,
    )


SHORT_ITEM = 45
"""An item this long or shorter (in characters) is short: runs of them are set in columns."""


def _runs(points: list[GuidePoint], ctx: RenderContext) -> list[tuple[bool, list[GuidePoint]]]:
    """Consecutive points grouped into runs of short items (at least four) and of the others."""
    runs: list[tuple[bool, list[GuidePoint]]] = []
    for point in points:
        short = len(localized(point.text, ctx)[0]) <= SHORT_ITEM and point.as_of is None
        if runs and runs[-1][0] == short:
            runs[-1][1].append(point)
        else:
            runs.append((short, [point]))
    merged: list[tuple[bool, list[GuidePoint]]] = []
    for short, run in runs:
        short = short and len(run) >= 4
        if merged and not short and not merged[-1][0]:
            merged[-1][1].extend(run)
        else:
            merged.append((short, run))
    return merged


def _key_figure(figure: KeyFigure, refs: _Sources, ctx: RenderContext) -> Markup:
    """The number large, what it counts, its date and source; earlier statements of it in small type."""
    line = Markup("<strong>{}</strong>{} {}{}{}").format(
        t(figure.value, ctx),
        status_badge(figure, ctx),
        t(figure.label, ctx),
        _as_of(figure.as_of, ctx),
        refs.ref(figure.source),
    )
    earlier = [t(past.value, ctx) + _as_of(past.as_of, ctx) + refs.ref(past.source) for past in figure.history]
    if earlier:
        line += Markup("<br>\n<small>{}: {}</small>").format(label("guide_earlier", ctx), join(earlier, "; "))
    return Markup('<p class="guide-figure">{}</p>').format(line)


def _instrument(instrument: Instrument, refs: _Sources, ctx: RenderContext) -> Markup:
    """A rule or guideline: its name, what it says, its source and (if it has one) its official page."""
    link = Markup("")
    if instrument.url:
        link = Markup(' <a href="{}">{}</a>').format(instrument.url, label("guide_official_page", ctx))
    return Markup("<li><strong>{}</strong>{}: {}{}{}</li>").format(
        t(instrument.name, ctx),
        status_badge(instrument, ctx),
        t(instrument.about, ctx),
        refs.ref(instrument.source),
        link,
    )


def _actions(guide: Guide, ctx: RenderContext) -> Markup:
    """The work-plan actions the guide serves, each linked to its place on its area's page."""
    area = ctx.data.areas[guide.area]
    items = []
    for action_id in guide.actions:
        target = ctx.link(f"areas/{area.slug}.md", anchor("action", action_id))
        name = label("guide_action", ctx, number=action_id)
        items.append(
            Markup('<li><a href="{}">{}</a>: {}</li>').format(target, name, t(ctx.data.actions[action_id].text, ctx))
        )
    return Markup("<ul>\n{}\n</ul>").format(join(items, "\n"))


def _pdf_link(guide: Guide, ctx: RenderContext) -> Markup:
    """The download of the leaflet; its marker tells macros/pdf.py to write the PDF under that name."""
    name = pdf_file_name(guide, ctx)
    return Markup('<p class="guide-pdf" {}="{}"><a href="{}" type="application/pdf" download>{}</a></p>').format(
        PDF_MARKER, name, name, label("guide_pdf", ctx)
    )


def _figure(svg: Markup, kind: str) -> Markup:
    return Markup('<figure class="guide-picture guide-picture--{}">{}</figure>').format(kind, svg)


def render_guide_page(guide_id: str, ctx: RenderContext) -> Markup:
    """The whole guide: title, summary, where to look, sections, pathway, rules, actions, sources.

    The parts are rendered in the order of the page, so that sources are numbered in order of use."""
    guide = guide_by_id(guide_id, ctx)
    refs = _Sources(guide, ctx)
    title = heading(1, t(guide.title, ctx) + status_badge(guide, ctx), guide.id)
    summary = _with_refs(t(guide.summary, ctx, block=True), refs.ref(guide.source))
    key_figures = [_key_figure(figure, refs, ctx) for figure in guide.key_figures]
    inspection = None
    if guide.inspection and guide.inspection.places:  # the public build may have none left to show
        places = [
            {
                "label": t(place.label, ctx) + status_badge(place, ctx),
                "look_for": t(place.look_for, ctx),
                "refs": refs.ref(place.source),
            }
            for place in guide.inspection.places
        ]
        inspection = {
            "heading": heading(2, t(guide.inspection.title, ctx), "where-to-look"),
            "figure": _figure(container_diagram(guide.inspection, ctx, f"{guide.id}-container"), "container"),
            "places": places,
        }
    sections = [_section(section, refs, ctx) for section in guide.sections]
    pathway = {
        "heading": heading(2, t(guide.pathway.title, ctx), "pathway"),
        "description": _with_refs(t(guide.pathway.description, ctx, block=True), refs.ref(_pathway_sources(guide))),
        # The same picture twice, tall for phones and wide for wide screens and print; CSS shows one.
        "figures": [
            _figure(pathway_diagram(guide.pathway, ctx, f"{guide.id}-pathway"), "pathway"),
            _figure(pathway_diagram(guide.pathway, ctx, f"{guide.id}-pathway-wide", wide=True), "pathway-wide"),
        ],
    }
    instruments = [_instrument(instrument, refs, ctx) for instrument in guide.instruments]
    return render_template(
        "guide_page.html",
        title=title,
        summary=summary,
        key_figures=key_figures,
        inspection=inspection,
        pdf_link=_pdf_link(guide, ctx),
        sections=sections,
        pathway=pathway,
        instruments_heading=heading(2, label("guide_instruments", ctx), "instruments"),
        instruments=instruments,
        actions_heading=heading(2, label("guide_actions", ctx), "actions"),
        actions=_actions(guide, ctx),
        sources_heading=heading(2, label("sources", ctx), "sources"),
        sources=refs.render(),
    )


def _pathway_sources(guide: Guide) -> tuple[str, ...]:
    """The sources of every step of the pathway picture, each once, in order."""
    return tuple(dict.fromkeys(source for step in guide.pathway.steps for source in step.source))


# --- The overview ----------------------------------------------------------------------------------------


def render_guides_overview(ctx: RenderContext, page_url: str = "guides/", offline: bool = False) -> Markup:
    """The three guides as cards, and (online only) the download of the offline copy of the site."""
    cards = [
        {
            "icon": guide.icon,
            "href": ctx.link(f"guides/{guide.id}.md"),
            "title": t(guide.short_title, ctx),
            "badge": status_badge(guide, ctx),
            "summary": t(guide.summary, ctx),
            "actions": join(guide.actions, ", "),
        }
        for guide in ctx.data.guides
    ]
    offline_link = None
    if not offline:
        offline_link = {
            "heading": heading(2, label("guides_offline_title", ctx), "offline"),
            "text": label("guides_offline", ctx),
            "href": f"{site_root(page_url)}downloads/{offline_zip_name(ctx.edition)}",
            "name": label("guides_offline_link", ctx),
        }
    return render_template(
        "guides_overview.html",
        title=heading(1, label("guides_heading", ctx), "guides"),
        intro=label("guides_intro", ctx),
        cards=cards,
        actions_label=label("guide_actions", ctx),
        offline=offline_link,
    )
