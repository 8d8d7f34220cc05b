"""`python -m macros diff BASE`: records and pages added, changed or removed since a commit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.site_diff import Changes, compare_records, compare_sites, data_at, data_now, main, records_of

FIXTURES = Path(__file__).parent / "fixtures" / "minimal"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small git repository holding a copy of the minimal data, committed once."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES, root / "data")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "data")
    _git(root, "commit", "-q", "-m", "base")
    return root


def test_records_added_changed_and_removed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = repo / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("en: 5th WCO Global AEO Conference", "en: Fifth WCO Global AEO Conference")
    text = text.replace("  - id: signature", "  - id: signing")
    events.write_text(text, encoding="utf-8")
    workplan = repo / "data" / "workplan.yml"
    workplan.write_text(
        workplan.read_text(encoding="utf-8").replace("en: Cooperate on side events", "en: Side events"),
        encoding="utf-8",
    )
    assert main(["main", "--data", str(repo / "data"), "--no-pages"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Records compared with main: 1 added, 2 changed, 1 removed"
    assert "  + events.yml: signing" in out
    assert "  - events.yml: signature" in out
    assert "  ~ events.yml: aeo-conference" in out
    assert "  ~ workplan.yml: action 1.2" in out
    assert "workplan.yml: area 1" not in "\n".join(out)  # an action's change is the action's, not its area's


def test_nothing_changed_and_a_bad_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["main", "--data", str(repo / "data"), "--no-pages"]) == 0
    assert "0 added, 0 changed, 0 removed" in capsys.readouterr().out
    assert main(["no-such-commit", "--data", str(repo / "data"), "--no-pages"]) == 2


def test_a_file_added_since_base_counts_its_records(repo: Path) -> None:
    _git(repo, "rm", "-q", "data/glossary.yml")
    _git(repo, "commit", "-q", "-m", "without glossary")
    shutil.copy(FIXTURES / "glossary.yml", repo / "data" / "glossary.yml")
    changes = compare_records(data_at(repo, "HEAD", repo / "data", repo.parent / "base"), data_now(repo / "data"))
    assert changes.added and all(item.startswith("glossary.yml: ") for item in changes.added)


def test_records_of_each_shape() -> None:
    assert set(records_of("labels.yml", {"labels": {"source": {"en": "Source"}}})) == {"label source"}
    assert set(records_of("sources.yml", {"seeds": [{"file": "a.txt"}]})) == {"a.txt"}
    assert set(records_of("agreement.yml", {"agreement": {"title": "x"}})) == {"agreement"}
    assert records_of("events.yml", None) == {}


def test_pages_compared_by_their_html(tmp_path: Path) -> None:
    base, now = tmp_path / "base", tmp_path / "now"
    for site, pages in (
        (base, {"wco/index.html": "a", "wco/events/index.html": "b", "wco/old/index.html": "c"}),
        (now, {"wco/index.html": "a", "wco/events/index.html": "B", "wco/new/index.html": "d"}),
    ):
        for page, html in pages.items():
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            (site / page).write_text(html, encoding="utf-8")
    (now / "wco" / "search.json").write_text("ignored", encoding="utf-8")
    assert compare_sites(base, now) == Changes(
        added=["wco/new/index.html"], changed=["wco/events/index.html"], removed=["wco/old/index.html"]
    )
