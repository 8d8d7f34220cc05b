"""Validation of data/: each rule has a fixture of bad data and an exact message, file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.dataset import LabelUse, _check_labels, label_uses, load_dataset
from macros.errors import DataErrors
from macros.yaml_loader import load_yaml_file

from .conftest import FIXTURES

BAD = FIXTURES / "bad"

EXPECTED: dict[str, list[str]] = {
    "contacts--syntax-error.yml": [
        'contacts.yml:6:11: this is not valid YAML: the quoted text that starts here has no closing ": add " at '
        "its end (or remove the opening one); line 6 reads: '      en: \"International Organizations Group'"
    ],
    "events--bad-date.yml": [
        "events.yml:8:14: events[0].ends_on: 2019-13-45 is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY when the "
        "source gives no day)"
    ],
    "events--bad-kind.yml": [
        "events.yml:6:11: events[0].kind: 'party' is not allowed: use 'meeting', 'conference', 'signature', "
        "'observance', 'governing-body', 'workshop' or 'publication'"
    ],
    "events--bad-references.yml": [
        "events.yml:8:13: events[0].areas[0]: there is no area '9' (known: 1, 5)",
        "events.yml:9:15: events[0].actions[0]: there is no action '5.9' (known: 1.1, 1.2, 5.1)",
        "events.yml:10:18: events[0].organizers[0]: there is no organization 'who' (known: fao, ippc, wco)",
    ],
    "events--duplicate-id.yml": [
        "events.yml:9:9: events[1].id: id 'signature' is already used (line 3); give each record its own id"
    ],
    "events--duplicate-key.yml": [
        "events.yml:8:5: events[0].starts_on: duplicate key 'starts_on' (already set on line 7); keep only one"
    ],
    "events--end-before-start.yml": [
        "events.yml:8:14: events[0].ends_on: ends_on 2018-06-18 is before starts_on 2018-06-19; correct one of them"
    ],
    "events--missing-field.yml": ["events.yml:3:5: events[0]: required field 'starts_on' is missing; add it"],
    "events--unknown-key.yml": [
        "events.yml:3:5: events[0]: required field 'title' is missing; add it",
        "events.yml:5:7: events[0].tittle: unknown field 'tittle' (allowed: id, title, kind, starts_on, ends_on, "
        "place, virtual, organizers, plan, areas, actions, description, milestone, url, source; on any record: note, "
        "status, confirm); check its spelling",
    ],
    "events--colon-in-text.yml": [
        "events.yml:5:20: this is not valid YAML: the text of 'en' holds ': ', which YAML reads as a new key; "
        "put the text in quotes; line 5 reads: '      en: Signature: the Agreement'"
    ],
    "events--key-moved-into-text.yml": [
        "events.yml:6:7: events[0].title.kind: 'kind' is indented deeper than 'title' above it, so it became a "
        "part of 'title' (which holds only texts by language: en, fr, …); move it left, in line with 'title'"
    ],
    "events--key-moved-left.yml": [
        "events.yml:6:3: this is not valid YAML: 'kind' is indented less than 'title' above it (line 4); move it "
        "right to column 5, in line with 'title'; line 6 reads: '  kind: signature'"
    ],
    "events--key-moved-right.yml": [
        "events.yml:8:7: this is not valid YAML: 'place' is indented deeper than 'starts_on' above it (line 7); "
        "move it left to column 5, in line with 'starts_on'; line 8 reads: '      place:'"
    ],
    "events--missing-quote.yml": [
        'events.yml:5:11: this is not valid YAML: the quoted text that starts here has no closing ": add " at '
        "its end (or remove the opening one); line 5 reads: '      en: \"Signature of the Agreement'"
    ],
    "events--number-not-text.yml": [
        "events.yml:22:15: events[1].actions[0]: expected text, got 5.1; if this is text, put it in quotes"
    ],
    "events--tab-indentation.yml": [
        "events.yml:6:1: this is not valid YAML: line 6 is indented with a tab; use spaces; line 6 reads: "
        "'\\tkind: signature'"
    ],
    "events--unclosed-bracket.yml": [
        "events.yml:10:17: this is not valid YAML: the [ that opens here is not closed: add ] at the end of the "
        "list; line 10 reads: '    organizers: [wco, fao'"
    ],
    "glossary--bad-language.yml": [
        "glossary.yml:5:7: terms[0].term: 'de' is not a language of this site (use one of: en, fr, es, ar, zh, ru)",
        "glossary.yml:8:7: terms[0].expansion: the English text (en: …) is missing; English is the reference for "
        "every translation",
    ],
    "links--bad-source.yml": [
        "links.yml:8:13: links[0].source: 'my-notes.txt' is not a seed document listed in data/sources.yml "
        "(known: joint-work-plan-2019-2022.txt); add it there or cite a URL"
    ],
    "links--bad-url.yml": [
        "links.yml:8:10: links[0].url: 'javascript:alert(1)' is not an accepted link: use an address that starts "
        "with https://, http://, mailto:"
    ],
    "workplan--action-in-wrong-area.yml": [
        "workplan.yml:27:15: workplan.areas[0].actions[0].id: action 2.1 is listed under area 1; its number must "
        "start with 1."
    ],
    "workplan--earlier-plans.yml": [
        "workplan.yml:58:5: earlier_plans[0]: an earlier plan needs an id, which names its page (plans/<id>/); add "
        "one, such as id: 2019-2022",
        "workplan.yml:61:22: earlier_plans[0].agreed_by[1]: there is no organization 'who' (known: fao, ippc, wco)",
        "workplan.yml:88:17: earlier_plans[0].areas[0].actions[1].id: action id 1.1 is used twice; each action needs "
        "its own number",
    ],
    "workplan--wrong-type.yml": [
        "workplan.yml:6:14: workplan.agreed_by: expected a list (lines starting with '- '), got 'wco'",
        "workplan.yml:20:7: workplan.areas[0]: expected a mapping (key: value), got 'sea containers'",
    ],
}


def data_with(tmp_path: Path, *replacements: Path) -> Path:
    """The minimal data set with some files replaced by bad fixtures (`events--x.yml` → events.yml)."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)
    for replacement in replacements:
        shutil.copy(replacement, data_dir / (replacement.name.split("--")[0] + ".yml"))
    return data_dir


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    return [str(error).replace(f"{data_dir.as_posix()}/", "") for error in caught.value.errors]


def test_minimal_data_set_is_valid() -> None:
    data = load_dataset(FIXTURES / "minimal")
    assert sorted(data.actions) == ["1.1", "1.2", "5.1"]
    assert [update.id for update in data.updates_by_action["5.1"]] == ["sctf-3"]
    assert [event.id for event in data.events_by_area["5"]] == ["aeo-conference"]


def test_two_plans_the_current_one_indexed_the_earlier_one_kept() -> None:
    """`workplan:` stays the plan that the indexes (and so progress and events) refer to; the earlier plan
    keeps its own areas and actions, whose numbers may repeat the current plan's."""
    data = load_dataset(FIXTURES / "two-plans")
    assert data.workplan.title["en"] == "Imaginary Test Plan (test data, not a real plan)"
    assert data.workplan.id is None
    assert data.actions["1.1"].text["en"] == "Imaginary action one"
    assert [plan.id for plan in data.earlier_plans] == ["2019-2022"]
    earlier = data.earlier_plan("2019-2022")
    assert [action.id for area in earlier.areas for action in area.actions] == ["1.1", "1.2", "5.1"]
    assert earlier.areas[0].actions[0].text["en"] == "Organize joint workshops"
    assert str(earlier.term_starts_on) == "2019-07"
    with pytest.raises(KeyError):
        data.earlier_plan("2031-2034")


def test_an_earlier_plan_id_is_used_once(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "two-plans", data_dir, symlinks=False)
    path = data_dir / "workplan.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.split("earlier_plans:\n", 1)[1], encoding="utf-8")
    assert [message for message in messages(data_dir) if "earlier_plans[1].id" in message] == [
        "workplan.yml:114:9: earlier_plans[1].id: id '2019-2022' is already used (line 60); give each record its own id"
    ]


def test_records_of_an_earlier_plan_stay_with_it() -> None:
    """A report or event that names an earlier plan (`plan:`) is not counted for the current plan's action
    of the same number; one that names none is."""
    data = load_dataset(FIXTURES / "two-plans")
    assert [update.id for update in data.updates_by_action["5.1"]] == ["imaginary-report"]
    assert "5" not in data.events_by_area
    sctf = next(update for update in data.updates if update.id == "sctf-3")
    assert data.plan_of(sctf) is data.earlier_plan("2019-2022")
    assert not data.is_current(sctf)


def _two_plans_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "two-plans", data_dir, symlinks=False)
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data_dir


def test_a_record_names_an_earlier_plan_that_exists(tmp_path: Path) -> None:
    data_dir = _two_plans_with(tmp_path, "progress.yml", "plan: 2019-2022", "plan: 2016-2019")
    assert messages(data_dir) == [
        "progress.yml:8:11: updates[0].plan: there is no earlier plan '2016-2019' (earlier plans in workplan.yml: "
        "2019-2022); leave plan: out for a record of the current plan"
    ]


def test_a_records_actions_are_checked_against_its_own_plan(tmp_path: Path) -> None:
    """The earlier plan has no action 1.3; an event that names it under that plan is refused."""
    data_dir = _two_plans_with(tmp_path, "events.yml", 'actions: ["5.1"]', 'actions: ["1.3"]')
    assert messages(data_dir) == [
        "events.yml:22:15: events[1].actions[0]: there is no action '1.3' in the earlier plan 2019-2022 "
        "(known: 1.1, 1.2, 5.1)"
    ]


def test_one_plan_has_no_earlier_plans() -> None:
    assert load_dataset(FIXTURES / "minimal").earlier_plans == []


def test_every_bad_fixture_has_an_expected_message() -> None:
    assert sorted(path.name for path in BAD.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_bad_data_gives_exact_message(tmp_path: Path, fixture: str) -> None:
    assert messages(data_with(tmp_path, BAD / fixture)) == EXPECTED[fixture]


def test_all_errors_are_reported_in_one_run(tmp_path: Path) -> None:
    data_dir = data_with(
        tmp_path, BAD / "events--bad-date.yml", BAD / "links--bad-url.yml", BAD / "glossary--bad-language.yml"
    )
    found = messages(data_dir)
    assert len(found) == 4
    assert {line.split(":")[0] for line in found} == {"events.yml", "links.yml", "glossary.yml"}


def test_missing_file_is_named(tmp_path: Path) -> None:
    data_dir = data_with(tmp_path)
    (data_dir / "events.yml").unlink()
    assert messages(data_dir) == ["events.yml:1:1: the file is missing; the data folder needs events.yml"]


def test_report_counts_errors_and_says_nothing_was_built(tmp_path: Path) -> None:
    data_dir = data_with(tmp_path, BAD / "events--bad-references.yml")
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    assert caught.value.report().splitlines()[-1] == (
        "3 errors in the data; nothing was built. Fix the lines above and build again."
    )


def test_real_data_holds_every_action_of_the_2019_plan(dataset) -> None:
    """The 19 actions of the Joint Work Plan 2019–2022 (the seed document) are all there; an editor may
    add others without breaking this test."""
    assert {area.id for area in dataset.workplan.areas} >= {"1", "2", "3", "4", "5", "6", "7"}
    assert set(dataset.actions) >= {
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "4.1",
        "4.2",
        "5.1",
        "5.2",
        "5.3",
        "5.4",
        "5.5",
        "6.1",
        "6.2",
        "7.1",
    }


def test_every_record_of_real_data_has_a_source(dataset) -> None:
    records = [
        *dataset.organizations.values(),
        *dataset.updates,
        *dataset.events,
        *dataset.glossary,
        *dataset.links,
        *dataset.contacts,
        *dataset.actions.values(),
        *dataset.areas.values(),
    ]
    assert all(record.source for record in records)


# --- Labels against the code ------------------------------------------------------------------------


def test_label_uses_are_read_from_the_source(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text(
        'x = label("as_of", ctx, date=when)\n'
        "y = f\"{label_plain('title', ctx)}\"\n"
        'z = _label(config, "footer", first=1, **more)\n'
        'w = data.labels["landing"]["en"]\n'
        "v = label(key, ctx)\n",
        encoding="utf-8",
    )
    assert set(label_uses(package)) == {
        LabelUse("as_of", frozenset({"date"}), "pkg/a.py:1"),
        LabelUse("title", frozenset(), "pkg/a.py:2"),
        LabelUse("footer", None, "pkg/a.py:3"),
        LabelUse("landing", None, "pkg/a.py:4"),
    }


def label_errors(tmp_path: Path, labels: str, *uses: LabelUse) -> list[str]:
    path = tmp_path / "labels.yml"
    path.write_text("labels:\n" + labels, encoding="utf-8")
    loaded = load_yaml_file(path, "labels.yml")
    return [str(error) for error in _check_labels(loaded.data["labels"], loaded, uses)]


def test_label_link_to_a_placeholder_is_allowed(tmp_path: Path) -> None:
    labels = '  see:\n    en: "See [the plan]({url})."\n    fr: "Voir [le plan]({url})."\n'
    assert label_errors(tmp_path, labels, LabelUse("see", frozenset({"url"}), "m.py:1")) == []


def test_label_link_to_another_target_is_checked(tmp_path: Path) -> None:
    labels = '  see:\n    en: "See [the plan](javascript:{url})."\n'
    assert label_errors(tmp_path, labels, LabelUse("see", frozenset({"url"}), "m.py:1")) == [
        "labels.yml:3:9: labels.see.en: the link target 'javascript:{url}' uses 'javascript:', which is not "
        "allowed; links in data text must start with https://, http:// or mailto:"
    ]


def test_label_without_the_values_the_code_fills(tmp_path: Path) -> None:
    labels = "  as_of:\n    en: as of {date}\n"
    assert label_errors(tmp_path, labels, LabelUse("as_of", frozenset(), "m.py:7")) == [
        "labels.yml:3:9: labels.as_of.en: the en text has the placeholder {date}, but the code fills in no "
        "placeholder (first at m.py:7); use those, no more and no fewer"
    ]


def test_label_used_with_two_sets_of_values(tmp_path: Path) -> None:
    labels = "  as_of:\n    en: as of {date}\n"
    uses = (LabelUse("as_of", frozenset({"date"}), "m.py:1"), LabelUse("as_of", frozenset({"day"}), "m.py:9"))
    assert label_errors(tmp_path, labels, *uses) == [
        "labels.yml:3:5: labels.as_of: the code fills the label 'as_of' with the placeholder {day} at m.py:9, "
        "but with the placeholder {date} at m.py:1; this is a bug in the code"
    ]


def test_label_translation_follows_english_when_the_code_does_not_say(tmp_path: Path) -> None:
    labels = "  title:\n    en: Title {n}\n    fr: Titre\n"
    assert label_errors(tmp_path, labels) == [
        "labels.yml:4:9: labels.title.fr: the fr text has no placeholder, but the English text has the "
        "placeholder {n}; use the same as in English (the generator fills in only those)"
    ]


def test_every_label_the_code_uses_exists_in_real_data(dataset) -> None:
    missing = sorted({use.key for use in label_uses() if use.key not in dataset.labels})
    assert missing == []
