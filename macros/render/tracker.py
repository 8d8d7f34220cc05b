"""The work-plan tracker: per action, its time frame against the plan's term and the evidence
reported on it (progress updates and events that name it), as an SVG timeline with a table as its
text alternative, and filters by area and by status that need no JavaScript.

The status is what the evidence says, nothing more: evidence dated during the term, only after it,
only before it, or none. A time frame that cannot be read as years is shown as its text, not as a bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from babel import Locale
from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial
from ..html import heading, render_template
from ..model import Action, Area, PartialDate
from ..publication import plan_source, update_source
from ..text import anchor, label, label_plain, plain, t
from ..time_frames import YearSpan, parse_time_frame
from .events import event_page

When = Literal["before", "during", "after"]
Status = Literal["during", "after", "before", "none"]
STATUSES: tuple[Status, ...] = ("during", "after", "before", "none")


@dataclass(frozen=True)
class Evidence:
    kind: Literal["update", "event"]
    id: str
    dated: PartialDate
    title: dict[str, str]
    source_page: str
    anchor: str
    when: When


@dataclass(frozen=True)
class TrackedAction:
    action: Action
    area: Area
    span: YearSpan | None
    evidence: tuple[Evidence, ...]

    @property
    def status(self) -> Status:
        """During the term if any evidence is; else after, else before; none without evidence."""
        found = {item.when for item in self.evidence}
        for status in ("during", "after", "before"):
            if status in found:
                return status
        return "none"


def _when(dated: PartialDate, first: date, last: date) -> When:
    """Where a dated item falls against the term; an item dated only to a month or year that
    overlaps the term counts as during it."""
    if dated.last_day < first:
        return "before"
    if dated.first_day > last:
        return "after"
    return "during"


def track(ctx: RenderContext, plan_id: str | None = None) -> list[TrackedAction]:
    """Every action of a plan (the current one, or the earlier one `plan_id`), in plan order, with its
    parsed time frame and the evidence that names that plan, by date."""
    data = ctx.data
    plan = data.plan(plan_id)
    updates, events = data.of_plan(data.updates, plan_id), data.of_plan(data.events, plan_id)
    first, last = plan.term_starts_on.first_day, plan.term_ends_on.last_day
    tracked = []
    for area in plan.areas:
        for action in area.actions:
            items = [
                Evidence(
                    "update",
                    u.id,
                    u.dated,
                    u.title,
                    update_source(u, data),
                    anchor("update", u.id),
                    _when(u.dated, first, last),
                )
                for u in updates
                if action.id in u.actions
            ] + [
                Evidence(
                    "event",
                    e.id,
                    e.starts_on,
                    e.title,
                    event_page(e, ctx),
                    anchor("event", e.id),
                    _when(e.starts_on, first, last),
                )
                for e in events
                if action.id in e.actions
            ]
            items.sort(key=lambda item: (item.dated.first_day, item.kind, item.id))
            tracked.append(TrackedAction(action, area, parse_time_frame(action.time_frame["en"]), tuple(items)))
    return tracked


# --- The picture -------------------------------------------------------------------------------------

WIDTH = 960
LABEL_WIDTH = 400
ROW = 30
TOP = 56
PADDING = 12


def _short(text: str, limit: int) -> str:
    """A label short enough for its column; the full text is in the row's tooltip and the table."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class _Axis:
    start: date
    end: date
    rtl: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def x(self, day: date) -> float:
        """The position of a day: time runs left to right, or right to left in a right-to-left language."""
        span = WIDTH - LABEL_WIDTH - 2 * PADDING
        offset = span * (day - self.start).days / self.days
        if self.rtl:
            return round(WIDTH - LABEL_WIDTH - PADDING - offset, 1)
        return round(LABEL_WIDTH + PADDING + offset, 1)


def _middle(dated: PartialDate) -> date:
    return dated.first_day + (dated.last_day - dated.first_day) / 2


def render_tracker_svg(tracked: list[TrackedAction], ctx: RenderContext, plan_id: str | None = None) -> Markup:
    """The timeline: one row per action, its time frame as a bar, the term shaded, each piece of
    evidence a dot linking to it, the build date a line; title and description in the page's language."""
    plan = ctx.data.plan(plan_id)
    rtl = Locale.parse(ctx.lang).text_direction == "rtl"
    years = [plan.term_starts_on.year, plan.term_ends_on.year, ctx.today.year]
    years += [y for item in tracked if item.span for y in (item.span.first, item.span.last)]
    years += [e.dated.year for item in tracked for e in item.evidence]
    axis = _Axis(date(min(years), 1, 1), date(max(years) + 1, 1, 1), rtl)
    height = TOP + ROW * len(tracked) + PADDING
    limit = 22 if ctx.lang == "zh" else 42
    rows = []
    for index, item in enumerate(tracked):
        y = TOP + ROW * index
        bar = None
        if item.span:
            x1, x2 = axis.x(date(item.span.first, 1, 1)), axis.x(date(item.span.last + 1, 1, 1))
            bar = {"x": min(x1, x2), "width": abs(x2 - x1)}
        full = f"{item.action.id} {plain(item.action.text, ctx)}"
        rows.append(
            {
                "id": item.action.id,
                "y": y,
                "label": _short(full, limit),
                "full": full,
                "status": item.status,
                "bar": bar,
                "time_frame": plain(item.action.time_frame, ctx),
                "marks": [
                    {
                        "cx": axis.x(_middle(e.dated)),
                        "url": ctx.link(e.source_page, e.anchor),
                        "when": e.when,
                        "name": f"{format_partial(e.dated, ctx.lang)}: {plain(e.title, ctx)}",
                    }
                    for e in item.evidence
                ],
            }
        )
    label_x = WIDTH - PADDING if rtl else PADDING
    unparsed_x = axis.x(axis.start) + (-6 if rtl else 6)
    return render_template(
        "tracker.svg",
        width=WIDTH,
        height=height,
        rtl=rtl,
        lang=ctx.lang,
        title=label_plain("tracker_title", ctx),
        description=label_plain("tracker_description", ctx),
        rows=rows,
        row_height=ROW,
        label_x=label_x,
        unparsed_x=unparsed_x,
        years=[
            {"x": axis.x(date(y, 1, 1)), "mid": axis.x(date(y, 7, 1)), "year": y}
            for y in range(axis.start.year, axis.end.year)
        ],
        top=TOP,
        bottom=height - PADDING,
        term={
            "x": min(axis.x(plan.term_starts_on.first_day), axis.x(plan.term_ends_on.last_day + timedelta(days=1))),
            "width": abs(
                axis.x(plan.term_ends_on.last_day + timedelta(days=1)) - axis.x(plan.term_starts_on.first_day)
            ),
            "label": label_plain("tracker_term", ctx),
        },
        today={
            "x": axis.x(ctx.today),
            "label": label_plain(
                "tracker_built",
                ctx,
                date=format_partial(PartialDate(ctx.today.year, ctx.today.month, ctx.today.day), ctx.lang),
            ),
        },
    )


# --- The page ---------------------------------------------------------------------------------------


def render_tracker(ctx: RenderContext, plan_id: str | None = None) -> Markup:
    """The tracker page's generated part: filters, the picture, and per area the table that says the same;
    of the current plan, or, on an earlier plan's page, of that plan."""
    tracked = track(ctx, plan_id)
    plan = ctx.data.plan(plan_id)
    plan_page = plan_source(plan_id)
    areas = []
    for area in plan.areas:
        rows = [item for item in tracked if item.area.id == area.id]
        areas.append(
            {
                "id": anchor("tracker-area", area.id),
                "number": area.id,
                "title": t(area.short_title, ctx),
                "summary": label("tracker_area", ctx, number=area.id, title=t(area.short_title, ctx)),
                "rows": [_table_row(item, plan_page, ctx) for item in rows],
            }
        )
    statuses = [
        {
            "id": f"tracker-status-{status}",
            "name": label(f"tracker_status_{status}", ctx),
            "heading": heading(3, label(f"tracker_status_{status}", ctx), f"tracker-status-{status}"),
            "actions": [
                {"id": item.action.id, "url": f"#{anchor('tracker-action', item.action.id)}"}
                for item in tracked
                if item.status == status
            ],
        }
        for status in STATUSES
    ]
    return render_template(
        "tracker.html",
        svg=render_tracker_svg(tracked, ctx, plan_id),
        timeline_heading=heading(2, label("tracker_timeline", ctx), "timeline"),
        areas_heading=heading(2, label("tracker_by_area", ctx), "by-area"),
        statuses_heading=heading(2, label("tracker_by_status", ctx), "by-status"),
        areas=areas,
        statuses=statuses,
        labels={
            key: label(key, ctx)
            for key in (
                "tracker_by_area",
                "tracker_by_status",
                "tracker_evidence",
                "tracker_status",
                "tracker_none_yet",
                "action",
                "time_frame",
            )
        },
        legend=[{"when": w, "name": label(f"tracker_when_{w}", ctx)} for w in ("before", "during", "after")],
        term=label(
            "tracker_term_is",
            ctx,
            start=format_partial(plan.term_starts_on, ctx.lang),
            end=format_partial(plan.term_ends_on, ctx.lang),
        ),
    )


def _table_row(item: TrackedAction, plan_page: str, ctx: RenderContext) -> dict[str, object]:
    return {
        "id": anchor("tracker-action", item.action.id),
        "number": item.action.id,
        "action_url": ctx.link(plan_page, anchor("action", item.action.id)),
        "text": t(item.action.text, ctx),
        "time_frame": plain(item.action.time_frame, ctx),
        "status": item.status,
        "status_name": label(f"tracker_status_{item.status}", ctx),
        "evidence": [
            {
                "datetime": str(e.dated),
                "date": format_partial(e.dated, ctx.lang),
                "url": ctx.link(e.source_page, e.anchor),
                "title": t(e.title, ctx),
                "when": label(f"tracker_when_{e.when}", ctx),
            }
            for e in item.evidence
        ],
    }
