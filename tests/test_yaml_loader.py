"""The YAML loader keeps positions, leaves dates to the model and refuses duplicate keys."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from macros.errors import DataErrors
from macros.yaml_loader import format_path, load_yaml_file


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_positions_point_at_values(tmp_path: Path) -> None:
    loaded = load_yaml_file(write(tmp_path, "events:\n  - id: a\n    starts_on: 2019-01-02\n"), "x.yml")
    assert loaded.position(("events", 0, "starts_on")) == (3, 16)
    assert loaded.position(("events", 0)) == (2, 5)
    assert loaded.position(("events", 0, "missing", "deeper")) == (2, 5)


def test_dates_stay_text(tmp_path: Path) -> None:
    loaded = load_yaml_file(write(tmp_path, "a: 2019-13-45\nb: 2019-01-02\n"), "x.yml")
    assert loaded.data == {"a": "2019-13-45", "b": "2019-01-02"}


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        load_yaml_file(write(tmp_path, "a: 1\nb: 2\na: 3\n"), "x.yml")
    assert [str(e) for e in caught.value.errors] == [
        "x.yml:3:1: a: duplicate key 'a' (already set on line 1); keep only one"
    ]


def test_tags_that_build_objects_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        load_yaml_file(write(tmp_path, "a: !!python/object/apply:os.system ['true']\n"), "x.yml")
    assert [str(e) for e in caught.value.errors] == [
        "x.yml:1:4: a: this is not valid YAML here: the tag tag:yaml.org,2002:python/object/apply:os.system "
        "is not allowed in data; remove it"
    ]


def test_format_path() -> None:
    assert format_path(("events", 7, "ends_on")) == "events[7].ends_on"
    assert format_path(()) == ""


def errors_of(path: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_yaml_file(path, "x.yml")
    return [str(error) for error in caught.value.errors]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load_yaml_file(write(tmp_path, "\ufeffa: b\n"), "x.yml").data == {"a": "b"}


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    assert errors_of(write(tmp_path, "a: 1\nb: &x 2\nc: *x\n")) == [
        "x.yml:2:4: anchors and aliases (&name, *name) are not allowed in data; write the value out"
    ]


def test_alias_bomb_is_refused_before_it_grows(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    path = write(tmp_path, "\n".join(levels) + "\n")
    started = time.perf_counter()
    assert errors_of(path) == [
        "x.yml:1:4: anchors and aliases (&name, *name) are not allowed in data; write the value out"
    ]
    assert time.perf_counter() - started < 1.0


def test_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    path = write(tmp_path, "a: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert errors_of(path) == [
        "x.yml:1:43: the data is nested more than 40 levels deep here; no data file needs that: simplify it"
    ]


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes("a: b\nplace: Région\n".encode("latin-1"))
    assert errors_of(path) == ["x.yml:2:9: this file is not UTF-8 (byte 0xE9 at line 2, column 9); save it as UTF-8"]


def test_control_character_is_located(tmp_path: Path) -> None:
    assert errors_of(write(tmp_path, "a: b\nc: d\x07e\n")) == [
        "x.yml:2:5: this line holds the control character U+0007, which YAML does not accept; remove it"
    ]


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "x.yml").mkdir()
    assert errors_of(tmp_path / "x.yml") == [
        "x.yml:1:1: this is a folder, not a file; a data file must be a YAML file: put the file here instead"
    ]


def test_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "x.yml").symlink_to("gone.yml")
    assert errors_of(tmp_path / "x.yml") == [
        "x.yml:1:1: this is a link to 'gone.yml', which does not exist; put the file itself here"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n#   - id: x\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    assert errors_of(write(tmp_path, text)) == [
        "x.yml:1:1: this file is empty (or holds only comments); write its data, or restore it"
    ]


SYNTAX: dict[str, tuple[str, str]] = {
    "tab": (
        "events:\n  - id: a\n\ttitle: x\n",
        "x.yml:3:1: this is not valid YAML: line 3 is indented with a tab; use spaces; line 3 reads: '\\ttitle: x'",
    ),
    "tab-after-spaces": (
        "events:\n  - id: a\n    title: x\n    \tkind: y\n",
        "x.yml:4:5: this is not valid YAML: line 4 is indented with a tab; use spaces; line 4 reads: '    \\tkind: y'",
    ),
    "key-moved-left": (
        "events:\n  - id: a\n    title:\n      en: x\n   kind: y\n",
        "x.yml:5:4: this is not valid YAML: 'kind' is indented less than 'title' above it (line 3); move it right "
        "to column 5, in line with 'title'; line 5 reads: '   kind: y'",
    ),
    "key-moved-left-in-a-later-record": (
        "events:\n  - id: a\n    title: x\n  - id: b\n    title: x\n  kind: y\n",
        "x.yml:6:3: this is not valid YAML: 'kind' is indented less than 'title' above it (line 5); move it right "
        "to column 5, in line with 'title'; line 6 reads: '  kind: y'",
    ),
    "key-moved-right": (
        "events:\n  - id: a\n    title: x\n      kind: y\n",
        "x.yml:4:7: this is not valid YAML: 'kind' is indented deeper than 'title' above it (line 3); move it left "
        "to column 5, in line with 'title'; line 4 reads: '      kind: y'",
    ),
    "colon-in-text": (
        "events:\n  - id: a\n    title: Note: x\n",
        "x.yml:3:16: this is not valid YAML: the text of 'title' holds ': ', which YAML reads as a new key; put "
        "the text in quotes; line 3 reads: '    title: Note: x'",
    ),
    "missing-closing-quote-mid-file": (
        'events:\n  - id: a\n    title: "x\n    kind: y\n  - id: b\n    title: "z"\n    kind: w\n',
        'x.yml:3:12: this is not valid YAML: the quoted text that starts here has no closing ": add " at its end '
        "(or remove the opening one); line 3 reads: '    title: \"x'",
    ),
    "missing-closing-single-quote-at-end": (
        "events:\n  - id: a\n    title: 'x\n    kind: y\n",
        "x.yml:3:12: this is not valid YAML: the quoted text that starts here has no closing ': add ' at its end "
        '(or remove the opening one); line 3 reads: "    title: \'x"',
    ),
    "unclosed-bracket": (
        'events:\n  - id: a\n    areas: ["5", "6"\n    kind: y\n',
        "x.yml:3:12: this is not valid YAML: the [ that opens here is not closed: add ] at the end of the list; "
        'line 3 reads: \'    areas: ["5", "6"\'',
    ),
    "unclosed-brace": (
        "events:\n  - id: a\n    title: {en: x\n    kind: y\n",
        "x.yml:3:12: this is not valid YAML: the { that opens here is not closed: add } at the end of the mapping; "
        "line 3 reads: '    title: {en: x'",
    ),
}


@pytest.mark.parametrize("case", sorted(SYNTAX))
def test_syntax_errors_in_words(tmp_path: Path, case: str) -> None:
    text, message = SYNTAX[case]
    assert errors_of(write(tmp_path, text)) == [message]
