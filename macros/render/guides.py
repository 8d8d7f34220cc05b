"""The guides for Customs officers (data/guides.yml): the overview page and one page per guide.

A guide page reads as a leaflet: what to check (with the container drawing near the top),
why, what it looks like, what to do, the pathway picture, the rules behind it, the work-plan
actions it serves and the numbered sources. Sources are numbered once per page, so that the
printed leaflet lists each address once, written out in full.

The page carries `data-guide-pdf="<file>"`: the post-build step (macros/pdf.py) finds the
built pages by it and writes the PDF of the page beside the HTML, under that name.
"""

from __future__ import annotations

import html
import posixpath

from ..context import RenderContext
from ..dates import format_partial
from ..model import Date, Guide, GuidePoint, GuideSection, Instrument, KeyFigure
from ..text import anchor, escape, label, localized, t
from .diagrams import container_diagram, pathway_diagram

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

    def ref(self, sources: tuple[str, ...] | None) -> str:
        if not sources:
            return ""
        links = []
        for source in sources:
            number = self.numbers.setdefault(source, len(self.numbers) + 1)
            name = html.escape(label("guide_source_ref", self.ctx, number=number))
            links.append(f'<a href="#{self._id(number)}" title="{name}" aria-label="{name}">{number}</a>')
        return f'<sup class="guide-ref">{",".join(links)}</sup>'

    def render(self) -> str:
        items = []
        for source, number in self.numbers.items():
            if source.startswith(("http://", "https://")):
                address = html.escape(source)
                content = f'<a href="{address}" class="guide-url">{address}</a>'
            else:
                seed = self.ctx.data.seeds[source]
                content = f"<cite>{t(seed.title, self.ctx)}</cite> ({t(seed.issued, self.ctx)})"
            items.append(f'<li id="{self._id(number)}">{content}</li>')
        return '<ol class="guide-sources">\n' + "\n".join(items) + "\n</ol>"


# --- Parts of a guide page ------------------------------------------------------------------------------


def _as_of(value: Date | None, ctx: RenderContext) -> str:
    return f" ({label('as_of', ctx, date=format_partial(value, ctx.lang))})" if value else ""


def _point(point: GuidePoint, refs: _Sources, ctx: RenderContext) -> str:
    return f"{t(point.text, ctx)}{_as_of(point.as_of, ctx)}{refs.ref(point.source)}"


def _section(section: GuideSection, refs: _Sources, ctx: RenderContext) -> str:
    parts = [f"## {t(section.title, ctx)} {{ #{section.id} }}", ""]
    if section.intro:
        parts += [f"{t(section.intro, ctx, block=True)}{refs.ref(section.source)}", ""]
    elif section.source:
        parts[0] = f"## {t(section.title, ctx)}{refs.ref(section.source)} {{ #{section.id} }}"
    if section.numbered:
        parts += [f"{number}. {_point(point, refs, ctx)}" for number, point in enumerate(section.points, start=1)]
        return "\n".join(parts) + "\n"
    for short, run in _runs(section.points, ctx):
        items = [f"- {_point(point, refs, ctx)}" for point in run]
        if short:  # a run of one- or two-word items reads (and prints) better in columns
            items = ['<div class="guide-short-list" markdown>', "", *items, "", "</div>"]
        parts += [*items, ""]
    return "\n".join(parts)


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


def _key_figure(figure: KeyFigure, refs: _Sources, ctx: RenderContext) -> str:
    line = f"**{t(figure.value, ctx)}** {t(figure.label, ctx)}{_as_of(figure.as_of, ctx)}{refs.ref(figure.source)}"
    earlier = [f"{t(past.value, ctx)}{_as_of(past.as_of, ctx)}{refs.ref(past.source)}" for past in figure.history]
    if earlier:
        line += f"<br>\n<small>{label('guide_earlier', ctx)}: {'; '.join(earlier)}</small>"
    return f"{line}\n{{: .guide-figure }}\n"


def _instrument(instrument: Instrument, refs: _Sources, ctx: RenderContext) -> str:
    link = f" [{label('guide_official_page', ctx)}]({instrument.url})" if instrument.url else ""
    return f"- **{t(instrument.name, ctx)}**: {t(instrument.about, ctx)}{refs.ref(instrument.source)}{link}"


def _actions(guide: Guide, ctx: RenderContext) -> str:
    area = ctx.data.areas[guide.area]
    lines = []
    for action_id in guide.actions:
        target = ctx.link(f"areas/{area.slug}.md", anchor("action", action_id))
        name = label("guide_action", ctx, number=escape(action_id))
        lines.append(f"- [{name}]({target}): {t(ctx.data.actions[action_id].text, ctx)}")
    return "\n".join(lines)


def _pdf_link(guide: Guide, ctx: RenderContext) -> str:
    name = pdf_file_name(guide, ctx)
    return (
        f'<p class="guide-pdf" {PDF_MARKER}="{name}">'
        f'<a href="{name}" type="application/pdf" download>{html.escape(label("guide_pdf", ctx))}</a></p>'
    )


def _figure(svg: str, kind: str) -> str:
    return f'<figure class="guide-picture guide-picture--{kind}">{svg}</figure>'


def render_guide_page(guide_id: str, ctx: RenderContext) -> str:
    """The whole guide: title, summary, where to look, sections, pathway, rules, actions, sources."""
    guide = guide_by_id(guide_id, ctx)
    refs = _Sources(guide, ctx)
    parts = [f"# {t(guide.title, ctx)}", "", f"{t(guide.summary, ctx, block=True)}{refs.ref(guide.source)}", ""]
    parts += [_key_figure(figure, refs, ctx) for figure in guide.key_figures]
    if guide.inspection:
        inspection = guide.inspection
        parts += [f"## {t(inspection.title, ctx)} {{ #where-to-look }}", ""]
        parts += [_figure(container_diagram(inspection, ctx, f"{guide.id}-container"), "container"), ""]
        for number, place in enumerate(inspection.places, start=1):
            parts.append(f"{number}. **{t(place.label, ctx)}**: {t(place.look_for, ctx)}{refs.ref(place.source)}")
        parts.append("")
    parts += [_pdf_link(guide, ctx), ""]
    parts += [_section(section, refs, ctx) for section in guide.sections]
    parts += [f"## {t(guide.pathway.title, ctx)} {{ #pathway }}", ""]
    parts += [f"{t(guide.pathway.description, ctx, block=True)}{refs.ref(_pathway_sources(guide))}", ""]
    # The same picture twice, tall for phones and wide for wide screens and print; CSS shows one.
    parts += [_figure(pathway_diagram(guide.pathway, ctx, f"{guide.id}-pathway"), "pathway"), ""]
    parts += [_figure(pathway_diagram(guide.pathway, ctx, f"{guide.id}-pathway-wide", wide=True), "pathway-wide"), ""]
    if guide.instruments:
        parts += [f"## {label('guide_instruments', ctx)} {{ #instruments }}", ""]
        parts += [_instrument(instrument, refs, ctx) for instrument in guide.instruments]
        parts.append("")
    parts += [f"## {label('guide_actions', ctx)} {{ #actions }}", "", _actions(guide, ctx), ""]
    parts += [f"## {label('sources', ctx)} {{ #sources }}", "", refs.render(), ""]
    return "\n".join(parts)


def _pathway_sources(guide: Guide) -> tuple[str, ...]:
    """The sources of every step of the pathway picture, each once, in order."""
    return tuple(dict.fromkeys(source for step in guide.pathway.steps for source in step.source))


# --- The overview ----------------------------------------------------------------------------------------


def render_guides_overview(ctx: RenderContext, page_url: str = "guides/", offline: bool = False) -> str:
    """The three guides as cards, and (online only) the download of the offline copy of the site."""
    cards = []
    for guide in ctx.data.guides:
        icon = guide.icon.replace("/", "-")
        actions = ", ".join(escape(action_id) for action_id in guide.actions)
        cards.append(
            f'-   :{icon}:{{ .lg .middle aria-hidden="true" }} '
            f"**[{t(guide.short_title, ctx)}]({ctx.link(f'guides/{guide.id}.md')})**\n\n"
            f"    ---\n\n"
            f"    {t(guide.summary, ctx)}\n\n"
            f"    <small>{label('guide_actions', ctx)}: {actions}</small>\n"
        )
    parts = [f"# {label('guides_heading', ctx)}", "", label("guides_intro", ctx), ""]
    parts += ['<div class="grid cards" markdown>', "", *cards, "</div>", ""]
    if not offline:
        href = f"{site_root(page_url)}downloads/{offline_zip_name(ctx.edition)}"
        parts += [f"## {label('guides_offline_title', ctx)} {{ #offline }}", "", label("guides_offline", ctx), ""]
        parts += [
            f'<p class="guides-offline"><a href="{html.escape(href)}" type="application/zip" download>'
            f"{html.escape(label('guides_offline_link', ctx))}</a></p>",
            "",
        ]
    return "\n".join(parts)
