"""schema.org JSON-LD from data, for search engines: the two organizations (home page), each event
(events page), the work plan with its areas and actions (work-plan page), each guide (its page).

`page_json_ld` picks what a page carries and returns JSON ready to stand inside
`<script type="application/ld+json">`: `<`, `>` and `&` are written as JSON escapes, so no data
text can close the script element or open another.
"""

from __future__ import annotations

import json
from typing import Any

from .context import RenderContext
from .dataset import Dataset
from .model import Area, Event, Guide, Organization, PartialDate
from .publication import Edition, event_path, plain_text
from .text import anchor, label_plain

SCHEMA = "https://schema.org"
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """JSON for a `<script>` element's content: nothing in it can end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(character, character) for character in text)


def _ctx(data: Dataset, edition: Edition, lang: str) -> RenderContext:
    return RenderContext(data, lang, "index.md", edition.id)


def _drop_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if value not in (None, "", [], {})}


def organization(org: Organization, ctx: RenderContext) -> dict[str, Any]:
    """An organization: intergovernmental bodies are GovernmentOrganization in schema.org's terms."""
    same_as = sorted(
        {c.website for c in ctx.data.contacts if c.organization == org.id and c.website and c.website != org.website}
    )
    return _drop_empty(
        {
            "@type": "GovernmentOrganization" if org.partner else "Organization",
            "@id": f"{org.website or ''}#organization" if org.website else None,
            "name": plain_text(org.name, ctx.lang, ctx.markdown),
            "alternateName": plain_text(org.acronym, ctx.lang, ctx.markdown),
            "url": org.website,
            "sameAs": same_as,
            "description": plain_text(org.description, ctx.lang, ctx.markdown),
        }
    )


def organizations_ld(data: Dataset, edition: Edition, lang: str) -> list[dict[str, Any]]:
    ctx = _ctx(data, edition, lang)
    order = {org_id: index for index, org_id in enumerate(ctx.partner_order)}
    return [organization(org, ctx) for org in sorted(data.partners, key=lambda o: order.get(o.id, 99))]


def event_ld(event: Event, ctx: RenderContext, edition: Edition) -> dict[str, Any]:
    end = event.ends_on or event.starts_on
    locations: list[dict[str, Any]] = []
    if event.place:
        locations.append({"@type": "Place", "name": plain_text(event.place, ctx.lang, ctx.markdown)})
    if event.virtual:
        locations.append(
            _drop_empty({"@type": "VirtualLocation", "name": label_plain("virtual", ctx), "url": event.url})
        )
    mode = "Mixed" if event.place and event.virtual else "Online" if event.virtual else "Offline"
    return _drop_empty(
        {
            "@type": "Event",
            "name": plain_text(event.title, ctx.lang, ctx.markdown),
            "startDate": str(event.starts_on),
            "endDate": str(end),
            "description": plain_text(event.description, ctx.lang, ctx.markdown),
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": [organization(ctx.data.organizations[org], ctx) for org in event.organizers],
            "eventAttendanceMode": f"{SCHEMA}/{mode}EventAttendanceMode",
            # The data records events that took or take place; none is marked cancelled or moved.
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "url": edition.page_url(ctx.lang, *event_path(event, ctx)),
            "sameAs": event.url,
            "inLanguage": ctx.lang,
        }
    )


def events_ld(data: Dataset, edition: Edition, lang: str) -> list[dict[str, Any]]:
    ctx = _ctx(data, edition, lang)
    return [event_ld(e, ctx, edition) for e in sorted(data.events, key=lambda e: (e.starts_on.first_day, e.id))]


def _span(start: PartialDate, end: PartialDate) -> str:
    return f"{start}/{end}"


def workplan_ld(data: Dataset, edition: Edition, lang: str, plan_id: str | None = None) -> dict[str, Any]:
    """A plan (the current one, or the earlier one `plan_id`) as a CreativeWork whose parts are its areas,
    whose parts are its actions."""
    ctx = _ctx(data, edition, lang)
    plan = data.plan(plan_id)
    page = "workplan/" if plan_id is None else f"plans/{plan_id}/"

    def area_url(area: Area) -> str | None:
        if plan_id is None:
            return edition.page_url(lang, f"areas/{area.slug}/")
        return edition.page_url(lang, page, anchor("area", area.id))

    text = plain_text
    return _drop_empty(
        {
            "@type": "CreativeWork",
            "name": text(plan.title, lang, ctx.markdown),
            "dateCreated": str(plan.agreed_on),
            "temporalCoverage": _span(plan.term_starts_on, plan.term_ends_on),
            "author": [organization(data.organizations[org], ctx) for org in plan.agreed_by],
            "url": edition.page_url(lang, page),
            "inLanguage": lang,
            "hasPart": [
                _drop_empty(
                    {
                        "@type": "CreativeWork",
                        "identifier": area.id,
                        "position": index,
                        "name": text(area.title, lang, ctx.markdown),
                        "url": area_url(area),
                        "hasPart": [
                            _drop_empty(
                                {
                                    "@type": "CreativeWork",
                                    "identifier": action.id,
                                    "position": number,
                                    "name": f"{action.id} {text(action.text, lang, ctx.markdown)}",
                                    "text": text(action.text, lang, ctx.markdown),
                                    "temporal": text(action.time_frame, lang, ctx.markdown),
                                    "url": edition.page_url(lang, page, anchor("action", action.id)),
                                }
                            )
                            for number, action in enumerate(area.actions, start=1)
                        ],
                    }
                )
                for index, area in enumerate(plan.areas, start=1)
            ],
        }
    )


def _latest_fact(guide: Guide) -> PartialDate | None:
    """The date of the newest dated fact a guide states: the guide holds as of that date."""
    dates = [figure.as_of for figure in guide.key_figures]
    dates += [point.as_of for section in guide.sections for point in section.points if point.as_of]
    return max(dates, key=lambda d: d.last_day) if dates else None


def guide_ld(guide: Guide, data: Dataset, edition: Edition, lang: str) -> dict[str, Any]:
    ctx = _ctx(data, edition, lang)
    latest = _latest_fact(guide)
    return _drop_empty(
        {
            "@type": "Article",
            "headline": plain_text(guide.title, lang, ctx.markdown),
            "description": plain_text(guide.summary, lang, ctx.markdown),
            "inLanguage": lang,
            "dateModified": str(latest) if latest else None,
            "about": plain_text(data.areas[guide.area].title, lang, ctx.markdown),
            "publisher": organizations_ld(data, edition, lang)[0],
            "url": edition.page_url(lang, f"guides/{guide.id}/"),
        }
    )


def page_json_ld(data: Dataset, edition: Edition, lang: str, page: str) -> str | None:
    """The JSON-LD of a page given by its path in its language (``, `events/`, `workplan/`, `plans/<id>/`,
    `guides/<id>/`), ready for the script element; None for a page that carries none."""
    graph: list[dict[str, Any]] | None = None
    if page == "":
        graph = organizations_ld(data, edition, lang)
    elif page == "events/":
        graph = events_ld(data, edition, lang)
    elif page == "workplan/":
        graph = [workplan_ld(data, edition, lang)]
    elif page.startswith("plans/"):
        plan_id = page.removeprefix("plans/").strip("/")
        if plan_id in {plan.id for plan in data.earlier_plans}:
            graph = [workplan_ld(data, edition, lang, plan_id)]
    elif page.startswith("guides/"):
        guide_id = page.removeprefix("guides/").strip("/")
        graph = [guide_ld(g, data, edition, lang) for g in data.guides if g.id == guide_id]
    if not graph:
        return None
    return script_json({"@context": SCHEMA, "@graph": graph})
