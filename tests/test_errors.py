"""An editor's error report: the message, then the lines around the place, the line and column marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.dataset import load_dataset
from macros.errors import DataError, DataErrors, excerpt

from .conftest import FIXTURES

pytestmark = pytest.mark.unit


def test_excerpt_marks_the_line_and_the_column() -> None:
    lines = ["a: 1", "b: x", "c: 3"]
    assert excerpt(lines, 2, 4) == ("  1 | a: 1", "> 2 | b: x", "    |    ^", "  3 | c: 3")
    assert excerpt(lines, 9, 1) == ()


def test_report_shows_the_lines_around_each_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    events = data / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("2021-05-25", "2021-13-25"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(data)
    report = caught.value.report().splitlines()
    (line,) = [index for index, text in enumerate(report) if "is not a date" in text]
    assert report[line + 2].lstrip().startswith(">") and "starts_on: 2021-13-25" in report[line + 2]
    assert report[line + 3].rstrip().endswith("^")


def test_the_excerpt_does_not_change_what_an_error_is() -> None:
    plain = DataError("a.yml", 1, 1, "", "m")
    assert plain == plain.with_excerpt(["x: 1"]) and len({plain, plain.with_excerpt(["x: 1"])}) == 1
