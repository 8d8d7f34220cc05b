"""An earlier work plan on its own page, and the pages of a build whose data holds two plans.

The fixture two-plans holds an IMAGINARY current plan (test data) and, as its earlier plan, the 2019–2022
plan of the fixture minimal.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.publication import update_path
from macros.render.events import render_event
from macros.render.plans import render_earlier_plan
from macros.render.tracker import track
from site_quality import gates

from .conftest import FIXTURES, build_site
from .markup_checks import HOSTILE, assert_inert, elements

PAGE = "plans/2019-2022.md"


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(FIXTURES / "two-plans")


def ctx(data: Dataset, lang: str = "en") -> RenderContext:
    return RenderContext(data, lang, PAGE, "wco", date(2026, 11, 23))


def _plan_part(page: str) -> str:
    """The page without its tracker (tested below)."""
    return page.split('<h2 id="tracker">', 1)[0]


def test_earlier_plan_page_shows_its_own_areas_and_actions(data: Dataset) -> None:
    page = _plan_part(render_earlier_plan("2019-2022", ctx(data)))
    assert page.startswith('<h1 id="plan-2019-2022">Joint Work Plan<')
    assert [attrs["id"] for _, attrs in elements(page, "h2")] == ["area-1", "area-5"]
    assert [attrs["id"] for _, attrs in elements(page, "span") if "id" in attrs] == [
        "action-1-1",
        "action-1-2",
        "action-5-1",
    ]
    assert '<td><span id="action-1-1">1.1</span></td>\n<td>Organize joint workshops</td>\n<td>2019-2022</td>' in page
    assert "<td>July 2019\u2009–\u2009June 2022</td>" in page
    assert "<p>No successor plan was found.</p>" in page
    assert "Imaginary" not in page  # nothing of the current plan


def test_earlier_plan_page_links_the_current_plan(data: Dataset) -> None:
    page = render_earlier_plan("2019-2022", ctx(data))
    assert (
        '<p class="earlier-plan-note">An earlier plan: the <a href="../../workplan/">current work plan</a> has '
        "taken its place.</p>"
    ) in page
    french = render_earlier_plan("2019-2022", ctx(data, "fr"))
    assert '<a href="../../workplan/">plan de travail en vigueur</a>' in french


def test_earlier_plan_page_shows_the_progress_reported_under_it(data: Dataset) -> None:
    """A report that names the earlier plan (`plan: 2019-2022`) shows on its page, in the progress column
    of the action it names and in full under its area; the current plan's report does not."""
    page = _plan_part(render_earlier_plan("2019-2022", ctx(data)))
    assert [attrs.get("scope") for _, attrs in elements(page, "th")].count("col") == 4 * 2
    assert (
        '<a href="./#update-sctf-3">September 2019: <abbr title="World Customs Organization">WCO</abbr> at the '
        "third SCTF" in page
    )
    assert '<h3 id="progress-reports-5">Progress reports<a class="headerlink"' in page
    assert '<h4 id="update-sctf-3">' in page
    assert page.count('id="update-sctf-3"') == 1
    assert "imaginary-report" not in page


def test_earlier_plan_page_without_reports_has_no_progress_column(data: Dataset) -> None:
    updates = [update for update in data.updates if update.plan is None]
    page = _plan_part(render_earlier_plan("2019-2022", ctx(dataclasses.replace(data, updates=updates))))
    assert [attrs.get("scope") for _, attrs in elements(page, "th")].count("col") == 3 * 2
    assert "no-report" not in page and "progress-reports" not in page


def test_earlier_plan_page_tracks_its_own_evidence(data: Dataset) -> None:
    """The page ends with that plan's tracker: its term, its actions, the report and the event that name
    the plan; the current plan's report is not evidence for it."""
    page = render_earlier_plan("2019-2022", ctx(data))
    tracker = page.split('<h2 id="tracker">', 1)[1]
    assert "July 2019" in tracker.split("</p>", 1)[0]
    rows = [attrs["id"] for _, attrs in elements(tracker, "tr") if attrs.get("id", "").startswith("tracker-action")]
    assert rows == ["tracker-action-1-1", "tracker-action-1-2", "tracker-action-5-1"]
    assert 'href="./#update-sctf-3"' in tracker
    assert "#event-aeo-conference" in tracker
    assert "imaginary-report" not in tracker
    assert 'href="./#action-5-1"' in tracker


def test_records_of_an_earlier_plan_link_to_its_page(data: Dataset) -> None:
    """Feeds, the tracker and the home page's list find an earlier plan's report on that plan's page; an
    event of that plan links that plan's actions."""
    sctf = next(update for update in data.updates if update.plan == "2019-2022")
    assert update_path(sctf, data) == ("plans/2019-2022/", "update-sctf-3")
    event = next(event for event in data.events if event.plan == "2019-2022")
    shown = render_event(event, RenderContext(data, "en", "events.md", "wco", date(2026, 11, 23)))
    assert '<a href="../plans/2019-2022/#action-5-1">5.1</a>' in shown
    assert '<a href="../plans/2019-2022/#area-5">' in shown
    tracked = {item.action.id: item for item in track(ctx(data))}
    assert [evidence.id for evidence in tracked["5.1"].evidence] == ["imaginary-report"]


def test_earlier_plan_hostile_texts_stay_text(data: Dataset) -> None:
    text = {"en": HOSTILE}
    plan = data.earlier_plans[0]
    areas = [
        area.model_copy(
            update={
                "title": text,
                "intro": text,
                "actions": [a.model_copy(update={"text": text, "time_frame": text}) for a in area.actions],
            }
        )
        for area in plan.areas
    ]
    bad = plan.model_copy(update={"title": text, "term_status": text, "basis": text, "areas": areas})
    page = render_earlier_plan("2019-2022", ctx(dataclasses.replace(data, earlier_plans=[bad])))
    assert_inert(page)


@pytest.fixture(scope="module")
def two_plans_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("two-plans") / "site"
    result = build_site(site, data_dir=FIXTURES / "two-plans", extras=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.mark.build
def test_build_shows_the_current_plan_and_keeps_the_earlier_one(two_plans_site: Path) -> None:
    for edition, languages in (("wco", ("", "fr/", "es/")), ("ippc", ("", "fr/", "es/", "ru/", "zh/", "ar/"))):
        for language in languages:
            current = (two_plans_site / edition / language / "workplan" / "index.html").read_text(encoding="utf-8")
            assert "Imaginary action one" in current
            assert 'href="../plans/2019-2022/"' in current
            earlier = two_plans_site / edition / language / "plans" / "2019-2022" / "index.html"
            page = earlier.read_text(encoding="utf-8")
            assert "Organize joint workshops" in page and "Explore AEO" in page
            assert 'id="action-5-1"' in page
            assert "Imaginary" not in page.split('<div class="generated">', 1)[1].split("</article>")[0]
    english = (two_plans_site / "wco" / "workplan" / "index.html").read_text(encoding="utf-8")
    assert "<title>Joint Work Plan 2022–2025 - " in english
    assert '<h2 id="earlier-plans">Earlier work plans' in english


@pytest.mark.build
def test_earlier_plan_pages_pass_the_link_and_html_gates(two_plans_site: Path) -> None:
    """On the pages of the plans (the build without extras has no PDFs, which other pages link)."""
    problems = [
        problem
        for problem in gates.link_problems(two_plans_site, include_404=False)
        if "/plans/" in f"/{problem.split(':')[0]}" or "/workplan/" in f"/{problem.split(':')[0]}"
    ]
    assert not problems, "\n".join(problems[:40])
    problems = gates.html_problems(two_plans_site / "ippc" / "plans")
    assert not problems, "\n".join(problems[:40])
