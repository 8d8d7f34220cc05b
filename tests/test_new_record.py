"""`python -m macros new KIND`: each kind lands, valid, at its place, and bad answers are refused."""

from __future__ import annotations

import difflib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.dataset import load_dataset
from macros.new_record import KINDS, insert_record, run

FIXTURES = Path(__file__).parent / "fixtures" / "minimal"
SOURCE = "https://www.ippc.int/en/"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES, target)  # follows the labels.yml link: the copy is a real file
    return target


def _run(data_dir: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run([argv[0], "--data", str(data_dir), *argv[1:]], interactive=False, out=out)
    return code, out.getvalue()


CASES: dict[str, list[str]] = {
    "event": [
        "--id=cpm-20",
        "--title=CPM-20: twentieth session",
        "--kind=governing-body",
        "--starts-on=2026-03-30",
        "--organizers=ippc",
        "--areas=5",
        "--virtual",
        f"--source={SOURCE}",
    ],
    "update": [
        "--id=new-update",
        "--dated=2019",
        "--title=A step",
        "--body=The *Secretariats* met.",
        "--actions=5.1",
        "--organizations=wco,ippc",
        f"--source={SOURCE}",
    ],
    "glossary": ["--id=cbm", "--term=CBM", "--expansion=Coordinated Border Management", f"--source={SOURCE}"],
    "link": ["--id=new-link", "--organization=wco", "--areas=1,5", "--title=A page", f"--url={SOURCE}x"],
    "action": ["--area=1", "--text=Hold a webinar", "--time-frame=2026", f"--source={SOURCE}"],
    "area": ["--slug=plant-health", "--title=Plant health", "--short-title=Plant health", f"--source={SOURCE}"],
}
CASES["link"].append(f"--source={SOURCE}")


def _records(data_dir: Path, kind: str) -> Iterator[str]:
    data = load_dataset(data_dir)
    by_kind: dict[str, list[Any]] = {
        "event": data.events,
        "update": data.updates,
        "glossary": data.glossary,
        "link": data.links,
        "action": list(data.actions.values()),
        "area": list(data.workplan.areas),
    }
    return (record.id for record in by_kind[kind])


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_is_added_valid_and_keeps_the_file(kind: str, data_dir: Path) -> None:
    path = data_dir / KINDS[kind].file
    before = path.read_text(encoding="utf-8")
    code, out = _run(data_dir, kind, *CASES[kind])
    assert code == 0, out
    expected_id = {"action": "1.3", "area": "6"}.get(kind) or CASES[kind][0].split("=")[1]
    assert expected_id in set(_records(data_dir, kind))
    assert "is valid" in out and f"'{expected_id}'" in out
    after = path.read_text(encoding="utf-8")
    changes = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False).get_opcodes()
    assert {change[0] for change in changes} == {"equal", "insert"}, "every line of the file stays, in its order"
    assert "# fr: …" in after
    assert "# status: to-confirm" in after


def test_an_action_goes_under_its_area_and_an_update_in_date_order(data_dir: Path) -> None:
    assert _run(data_dir, "action", *CASES["action"])[0] == 0
    data = load_dataset(data_dir)
    assert [action.id for action in data.workplan.areas[0].actions] == ["1.1", "1.2", "1.3"]
    _run(data_dir, "update", *[arg.replace("2019", "2017") for arg in CASES["update"]])
    _run(data_dir, "update", *[arg.replace("new-update", "later").replace("2019", "2030") for arg in CASES["update"]])
    ids = [update.id for update in load_dataset(data_dir).updates]
    assert (ids[0], ids[-1]) == ("new-update", "later")


def test_an_area_then_its_first_action(data_dir: Path) -> None:
    assert _run(data_dir, "area", *CASES["area"])[0] == 0
    assert _run(data_dir, "action", "--area=6", "--text=First", "--time-frame=2026", f"--source={SOURCE}")[0] == 0
    area = load_dataset(data_dir).workplan.areas[-1]
    assert (area.id, area.slug, [action.id for action in area.actions]) == ("6", "plant-health", ["6.1"])


def test_with_earlier_plans_an_area_and_an_action_go_to_the_current_plan(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES.parent / "two-plans", data_dir)
    assert _run(data_dir, "area", *CASES["area"])[0] == 0
    assert _run(data_dir, "action", "--area=1", "--text=Third", "--time-frame=2026", f"--source={SOURCE}")[0] == 0
    data = load_dataset(data_dir)
    assert [area.id for area in data.workplan.areas] == ["1", "5", "6"]
    assert [action.id for action in data.workplan.areas[0].actions] == ["1.1", "1.2", "1.3"]
    earlier = data.earlier_plans[0]
    assert [(area.id, [action.id for action in area.actions]) for area in earlier.areas] == [
        ("1", ["1.1", "1.2"]),
        ("5", ["5.1"]),
    ]


def test_a_bad_answer_is_refused_with_a_message_and_asked_again(data_dir: Path) -> None:
    answers = iter(
        [
            "Bad Id!",  # id
            "cpm-20",
            "CPM-20",  # title
            "party",  # kind
            "governing-body",
            "2026-13-01",  # starts_on
            "2026-03-30",
            "",  # ends_on (optional)
            "Rome",  # place
            "n",  # virtual
            "unknown-org",  # organizers
            "ippc",
            "9",  # areas
            "5",
            "",  # actions
            "",  # description
            "ftp://example.org",  # url
            "",
            "",  # source: required
            SOURCE,
        ]
    )
    questions: list[str] = []

    def read(question: str) -> str:
        questions.append(question)
        return next(answers)

    out = io.StringIO()
    code = run(["event", "--data", str(data_dir)], read=read, interactive=True, out=out)
    said = out.getvalue()
    assert code == 0, said
    assert "✗ id: 'Bad Id!' is not an id" in said
    assert "✗ kind: 'party' is not allowed: use 'meeting'" in said
    assert "✗ starts_on: 2026-13-01 is not a date" in said
    assert "'unknown-org' is not one of the organizers" in said
    assert "'9' is not one of the areas" in said
    assert "✗ url:" in said
    assert "✗ source is required" in said
    assert any("allowed: meeting, conference" in question for question in questions)
    assert any("allowed: wco, ippc, fao" in question for question in questions)
    event = next(event for event in load_dataset(data_dir).events if event.id == "cpm-20")
    assert (event.kind, str(event.starts_on), event.organizers, event.areas) == (
        "governing-body",
        "2026-03-30",
        ["ippc"],
        ["5"],
    )


def test_scripts_get_errors_and_missing_options(data_dir: Path) -> None:
    before = (data_dir / "events.yml").read_text(encoding="utf-8")
    code, _ = _run(data_dir, "event", "--id=signature", "--title=x", "--kind=meeting", "--starts-on=2020")
    assert code == 2
    code, _ = _run(data_dir, "event", "--id=x-y", "--title=x", "--kind=meeting", "--starts-on=2020")
    assert code == 2  # no source
    assert (data_dir / "events.yml").read_text(encoding="utf-8") == before


def test_without_a_kind_it_lists_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert run([], out=out) == 0
    assert all(kind in out.getvalue() for kind in KINDS)


def test_the_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["event", "--help"])
    assert "--starts-on" in capsys.readouterr().out


def test_texts_that_yaml_would_misread_are_quoted() -> None:
    text = "events:\n  - id: a\n    title:\n      en: A\n    kind: meeting\n    starts_on: 2020\n    source: x.txt\n"
    values = {"id": "b", "title": "Yes: no #1", "kind": "meeting", "starts_on": "2021", "source": "x.txt"}
    after, line, _ = insert_record(text, KINDS["event"], values, {})
    assert '      en: "Yes: no #1"' in after
    assert after.splitlines()[line - 1] == "  - id: b"


def test_a_link_goes_to_the_end_of_its_area_section() -> None:
    text = (
        "links:\n"
        "  # --- Area 1: joint events ---\n"
        '  - id: a\n    organization: wco\n    areas: ["1"]\n\n'
        "  # --- Area 5: sea containers ---\n"
        '  - id: b\n    organization: wco\n    areas: ["5"]\n\n'
        "  # --- Area 6: Single Window ---\n"
        '  - id: c\n    organization: wco\n    areas: ["6"]\n'
    )
    values = {"id": "new", "organization": "ippc", "areas": ["5"], "title": "T", "url": "https://x.org/", "source": "x"}
    after, line, placed = insert_record(text, KINDS["link"], values, {})
    lines = after.splitlines()
    assert placed == "at the end of the section for area 5"
    assert lines[line - 1] == "  - id: new"
    assert lines.index("  - id: b") < line - 1 < lines.index("  # --- Area 6: Single Window ---")


def test_stopping_half_way_writes_nothing(data_dir: Path) -> None:
    before = (data_dir / "events.yml").read_text(encoding="utf-8")
    answers = iter(["cpm-20", "CPM-20"])

    def read(question: str) -> str:
        return next(answers)  # then StopIteration… as EOF: the editor pressed Ctrl-D

    def read_then_eof(question: str) -> str:
        try:
            return read(question)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    assert run(["event", "--data", str(data_dir)], read=read_then_eof, interactive=True, out=out) == 130
    assert "nothing was written" in out.getvalue()
    assert (data_dir / "events.yml").read_text(encoding="utf-8") == before
