"""The Joint Work Plan: its terms, its 7 areas and 19 actions, with the progress sources report."""

from __future__ import annotations

from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..context import RenderContext
from ..dates import format_partial, format_span
from ..html import heading, join, render_template
from ..model import Area, Update, WorkPlan
from ..text import anchor, label, status_badge, t
from .documents import render_document
from .sources import render_sources


def render_workplan_heading(ctx: RenderContext) -> Markup:
    """The work-plan page's `<h1>`, with the current plan's years, so that a successor plan needs no page edit;
    its id is the one the toc extension gave the Markdown heading it replaces."""
    plan = ctx.data.workplan
    title = label("workplan_heading", ctx, years=f"{plan.term_starts_on.year}–{plan.term_ends_on.year}")
    return heading(1, title, slugify(title.striptags(), "-") or "workplan")


def render_workplan_intro(ctx: RenderContext) -> Markup:
    """The page's `<h1>`, the term's status and the plan's facts in one block: the search index gives a
    heading's section the text of the block that holds it."""
    return join([render_workplan_heading(ctx), render_workplan_status(ctx), render_workplan_facts(ctx)], "\n")


def render_workplan_status(ctx: RenderContext) -> Markup:
    """Once the plan's term has ended, say so before anything else."""
    plan = ctx.data.workplan
    if plan.term_ends_on.last_day >= ctx.today:
        return Markup()
    term = format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang)
    return render_template(
        "workplan_status.html",
        title=label("term_ended_title", ctx),
        term_ended=label("term_ended", ctx, term=term),
        status=t(plan.term_status, ctx),
        sources=render_sources(plan.term_status_source, ctx),
    )


def render_workplan_facts(ctx: RenderContext) -> Markup:
    return render_plan_facts(ctx.data.workplan, ctx)


def render_plan_facts(plan: WorkPlan, ctx: RenderContext) -> Markup:
    """A plan's terms as a table, with its intro, sources and publication: the current or an earlier plan."""
    parties = (
        t(plan.agreed_by_text, ctx)
        if plan.agreed_by_text
        else join((t(ctx.data.organizations[org].name, ctx) for org in plan.agreed_by), " · ")
    )
    agreed_on: Markup | str = format_partial(plan.agreed_on, ctx.lang)
    if plan.place:
        agreed_on = join([agreed_on, t(plan.place, ctx)])
    rows = [
        {"label": label("title", ctx), "value": t(plan.title, ctx)},
        {"label": label("agreed_on", ctx), "value": agreed_on},
        {"label": label("agreed_by", ctx), "value": parties},
        {"label": label("term", ctx), "value": format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang)},
        {"label": label("basis", ctx), "value": t(plan.basis, ctx)},
        {"label": label("review", ctx), "value": t(plan.review, ctx)},
        {"label": label("non_binding", ctx), "value": t(plan.non_binding, ctx)},
    ]
    table = render_template("facts_table.html", rows=rows)
    intro = t(plan.intro, ctx, block=True)
    facts = Markup("{}{}\n<p>{}</p>").format(intro, table, render_sources(plan.source, ctx))
    if plan.publication is None:
        return facts
    return Markup("{}\n{}").format(facts, render_document(plan.title, plan.publication, ctx))


def _progress_cell(action_id: str, ctx: RenderContext) -> Markup:
    """The current plan's reports on an action, each linking to its place on the area's page."""
    area_page = f"areas/{ctx.data.area_of_action[action_id].slug}.md"
    updates = ctx.data.updates_by_action.get(action_id, [])
    return render_progress(updates, ctx.data.workplan, area_page, ctx)


def render_progress(updates: list[Update], plan: WorkPlan, page: str, ctx: RenderContext) -> Markup:
    """Reports on one action, each linking to its place on `page`: those of the plan's term, then,
    apart, the later developments; or say there are none."""
    if not updates:
        return Markup('<span class="no-report">{}</span>').format(label("no_report", ctx))
    term_ends = plan.term_ends_on.last_day

    def links(items: list[Update]) -> Markup:
        return join(
            (
                Markup('<a href="{url}">{when}: {title}</a>{badge}').format(
                    url=ctx.link(page, anchor("update", update.id)),
                    when=format_partial(update.dated, ctx.lang),
                    title=t(update.title, ctx),
                    badge=status_badge(update, ctx),
                )
                for update in sorted(items, key=lambda u: (u.dated.first_day, u.id))
            ),
            Markup("<br>"),
        )

    during = [update for update in updates if update.dated.first_day <= term_ends]
    later = [update for update in updates if update.dated.first_day > term_ends]
    if not later:
        return links(during)
    parts = [links(during)] if during else []
    parts.append(Markup('<span class="progress-later">{}</span> {}').format(label("progress_later", ctx), links(later)))
    return join(parts, Markup("<br>"))


def render_action_table(area: Area, ctx: RenderContext) -> Markup:
    """One row per action: number, exact wording, time frame, reported progress."""
    headers = [label(key, ctx) for key in ("number", "action", "time_frame", "reported_progress")]
    actions = [
        {
            "id": action.id,
            "anchor": anchor("action", action.id),
            "text": t(action.text, ctx),
            "details": t(action.details, ctx) if action.details else None,
            "time_frame": t(action.time_frame, ctx),
            "progress": _progress_cell(action.id, ctx),
        }
        for action in area.actions
    ]
    return render_template("action_table.html", headers=headers, actions=actions)


def render_workplan(ctx: RenderContext) -> Markup:
    """Every area with its actions: the whole plan on one page."""
    areas = [
        {
            "heading": heading(2, Markup("{}. {}").format(area.id, t(area.title, ctx)), anchor("area", area.id)),
            "intro": t(area.intro, ctx, block=True) if area.intro else None,
            "table": render_action_table(area, ctx),
            "url": ctx.link(f"areas/{area.slug}.md"),
            "more": label("area_page_link", ctx, area=t(area.short_title, ctx)),
        }
        for area in ctx.data.workplan.areas
    ]
    return Markup("{}{}").format(render_template("workplan.html", areas=areas), render_earlier_plans(ctx))


def render_earlier_plans(ctx: RenderContext) -> Markup:
    """The plans the current one succeeded, each linking its own page; nothing while there are none."""
    if not ctx.data.earlier_plans:
        return Markup()
    plans = [
        {
            "url": ctx.link(f"plans/{plan.id}.md"),
            "title": t(plan.title, ctx),
            "term": format_span(plan.term_starts_on, plan.term_ends_on, ctx.lang),
            "badge": status_badge(plan, ctx),
        }
        for plan in ctx.data.earlier_plans
    ]
    return render_template(
        "earlier_plans.html", heading=heading(2, label("earlier_plans", ctx), "earlier-plans"), plans=plans
    )


def render_area_cards(ctx: RenderContext) -> Markup:
    """One card per area for the home page: icon, short title linking to its page, title, number of actions."""
    cards = [
        {
            "icon": area.icon,
            "url": ctx.link(f"areas/{area.slug}.md"),
            "short_title": t(area.short_title, ctx),
            "title": t(area.title, ctx),
            "count": label("action_count", ctx, count=len(area.actions)),
        }
        for area in ctx.data.workplan.areas
    ]
    return render_template("area_cards.html", cards=cards)
