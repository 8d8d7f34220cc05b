"""The whole build: strict, complete, escaped, and atomic when the data is bad."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

from macros.editorial import public_view

from .conftest import FIXTURES, build_site


def page_text(path: Path) -> str:
    """The visible text of a built page's article, tags removed, entities decoded."""
    source = path.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", source, re.S)
    assert article, f"{path} has no article"
    return html.unescape(re.sub(r"<[^>]+>", " ", article.group(0)))


def pages(site: Path, name: str) -> list[Path]:
    """Every built copy of a page (one per edition and language)."""
    found = sorted(site.rglob(f"{name}/index.html"))
    assert found, f"no built {name}/index.html under {site}"
    return found


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_workplan_page_shows_every_action_with_its_time_frame(built_site: Path, dataset) -> None:
    for page in pages(built_site, "workplan"):
        source = page.read_text(encoding="utf-8")
        language = re.search(r'<html lang="([a-z]+)"', source).group(1)
        for action in dataset.actions.values():
            row = re.search(rf'<span id="action-{action.id.replace(".", "-")}">(.*?)</tr>', source, re.S)
            assert row, f"{page}: action {action.id} is missing"
            time_frame = action.time_frame.get(language, action.time_frame["en"])
            assert html.escape(time_frame, quote=False) in row.group(1), (page, action.id)
        assert len(re.findall(r'<span id="action-\d+-\d+">', source)) == len(dataset.actions)


def test_every_event_is_on_the_events_page_or_its_years_page(built_site: Path, dataset) -> None:
    for page in pages(built_site, "events"):
        source = page.read_text(encoding="utf-8")
        for event in dataset.events:
            year_page = page.parent / str(event.starts_on.year) / "index.html"
            archived = year_page.is_file() and f'id="event-{event.id}"' in year_page.read_text(encoding="utf-8")
            assert archived != (f'id="event-{event.id}"' in source), f"{page}: event {event.id} is not shown once"


def test_the_events_page_links_each_earlier_year(built_site: Path) -> None:
    for page in pages(built_site, "events"):
        years = sorted(path.name for path in page.parent.iterdir() if path.is_dir())
        source = page.read_text(encoding="utf-8")
        assert years, f"{page}: no year has a page of its own"
        for year in years:
            assert f'href="{year}/"' in source, f"{page}: no link to {year}"


def test_every_area_has_its_page_in_every_language(built_site: Path, dataset) -> None:
    for area in dataset.workplan.areas:
        for page in pages(built_site, f"areas/{area.slug}"):
            source = page.read_text(encoding="utf-8")
            language = re.search(r'<html lang="([a-z]+)"', source).group(1)
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
            assert heading, f"{page}: no heading"
            title = html.unescape(re.sub(r"<[^>]+>|¶", "", heading.group(1))).strip()
            assert title == area.short_title.get(language, area.short_title["en"]), page
            if language in area.short_title and language != "en":
                assert 'lang="en"' not in heading.group(0), f"{page}: the heading fell back to English"


def test_glossary_lists_every_term(built_site: Path, dataset) -> None:
    for page in pages(built_site, "glossary"):
        source = page.read_text(encoding="utf-8")
        for term in public_view(dataset).glossary:
            assert f'id="term-{term.id}"' in source, f"{page}: term {term.id} is missing"


def test_angle_brackets_in_data_are_shown_as_text(minimal_site: Path) -> None:
    """HTML tags in data are refused by the check (tests/test_hostile_data.py); what remains of
    `<`, `>` and `&` in a text is shown as typed, and the allowed Markdown is converted."""
    source = next(minimal_site.rglob("about-wco/index.html")).read_text(encoding="utf-8")
    assert "for Customs (1 &lt; 2 &amp; 3 &gt; 2)." in source
    area = next(minimal_site.rglob("areas/sea-containers/index.html")).read_text(encoding="utf-8")
    assert "<strong>SAFE</strong>" in area


def test_jinja_in_data_is_shown_as_typed(minimal_site: Path) -> None:
    home = page_text(minimal_site / "wco" / "index.html")
    assert "{{ 7 * 7 }} {% if true %}x{% endif %}" in home
    assert "49" not in home


def test_area_pages_follow_the_data(minimal_site: Path) -> None:
    built = sorted(p.parent.name for p in minimal_site.rglob("areas/*/index.html"))
    assert set(built) == {"joint-events", "sea-containers"}


def test_bad_data_leaves_the_last_good_site_untouched(minimal_site: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    shutil.copytree(minimal_site, target)
    before = snapshot(target)
    bad = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", bad)
    shutil.copy(FIXTURES / "bad" / "events--bad-date.yml", bad / "events.yml")
    result = build_site(target, data_dir=bad, extras=False)
    assert result.returncode != 0
    assert "events.yml:8:14: events[0].ends_on: 2019-13-45 is not a date" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "site/ was left as it was" in result.stderr
    assert snapshot(target) == before


def test_check_is_fast_and_clear(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", bad)
    shutil.copy(FIXTURES / "bad" / "links--bad-url.yml", bad / "links.yml")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--data", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "links[0].url: 'javascript:alert(1)' is not an accepted link" in result.stderr
    assert "Traceback" not in result.stderr
