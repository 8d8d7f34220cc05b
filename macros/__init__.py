"""The site's generator: data/ → validated model → HTML, behind a thin macros adapter.

`define_env` is the only piece that knows about mkdocs-macros (Zensical runs it too): it
registers the render functions, each given the page's language and path explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .context import RenderContext
from .offline import offline_build
from .render.agreement import render_agreement, render_history, render_intro
from .render.areas import render_area_page
from .render.calendar_links import render_calendar_links
from .render.contacts import render_contacts
from .render.data_page import render_data_page
from .render.events import render_events_page, render_events_year, render_recent_and_upcoming
from .render.glossary import render_glossary
from .render.guides import render_guide_page, render_guides_overview
from .render.links import render_all_links
from .render.organizations import render_organization_profile, render_partner_cards
from .render.plans import render_earlier_plan
from .render.progress import render_latest_updates
from .render.tracker import render_tracker
from .render.workplan import (
    render_area_cards,
    render_workplan,
    render_workplan_facts,
    render_workplan_intro,
    render_workplan_status,
)


def page_language(env: Any) -> str:
    """The language of the page being rendered: set per file by the i18n plugin, else the theme's."""
    page = getattr(env, "page", None)
    locale = getattr(getattr(page, "file", None), "locale", None)
    return str(locale or env.conf["theme"]["language"] or "en")


def as_page_block(rendered: str) -> str:
    """Generated HTML as a block of its own in the page's Markdown, which Python-Markdown keeps
    as it is (no Markdown, attribute list or abbreviation inside it is read)."""
    if isinstance(rendered, Markup):
        return Markup('\n\n<div class="generated">\n{}\n</div>\n\n').format(rendered)
    return rendered


def define_env(env: Any) -> None:
    """Register the render functions as macros; each call gets the page's context from the
    collaboration plugin (macros/mkdocs_plugin.py), which has loaded data/."""
    from mkdocs.exceptions import PluginError

    from .mkdocs_plugin import CollaborationPlugin  # here: the command line need not load MkDocs

    plugin = env.conf.plugins.get("collaboration")
    if not isinstance(plugin, CollaborationPlugin):
        raise PluginError("mkdocs.yml must list the `collaboration` plugin before `macros`")

    def context() -> RenderContext:
        return plugin.context(env.conf, page_language(env), env.page.file.src_uri)

    def call(render: Callable[..., str], *args: Any) -> str:
        if plugin.data_error:  # the preview shows the data's errors instead (see the plugin)
            return ""
        return as_page_block(render(*args, context()))

    def register(name: str, render: Callable[..., str]) -> None:
        env.macro(lambda *args: call(render, *args), name)

    register("partner_cards", render_partner_cards)
    register("organization_profile", render_organization_profile)
    register("agreement", render_agreement)
    register("agreement_intro", render_intro)
    register("history", render_history)
    register("workplan_intro", render_workplan_intro)
    register("workplan_status", render_workplan_status)
    register("workplan_facts", render_workplan_facts)
    register("workplan", render_workplan)
    register("area_cards", render_area_cards)
    register("area_page", render_area_page)
    register("earlier_plan", render_earlier_plan)
    register("latest_updates", render_latest_updates)
    register("recent_and_upcoming_events", render_recent_and_upcoming)
    register("events", render_events_page)
    register("events_year", render_events_year)
    register("glossary", render_glossary)
    register("contacts", render_contacts)
    register("all_links", render_all_links)
    register("guide_page", render_guide_page)
    # Data products (issue 12): the calendar links, the Data page, the work-plan tracker.
    register("calendar_links", render_calendar_links)
    register("data_downloads", render_data_page)
    register("tracker", render_tracker)
    env.macro(
        lambda: call(lambda ctx: render_guides_overview(ctx, env.page.url, offline_build(env.conf))), "guides_overview"
    )
