"""The YAML loader keeps positions, leaves dates to the model and refuses duplicate keys."""

from __future__ import annotations

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
