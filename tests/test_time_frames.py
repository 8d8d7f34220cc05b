"""Time frames as printed in the plan, read into years only where they can be."""

from __future__ import annotations

import pytest

from macros.time_frames import YearSpan, parse_time_frame


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-2022", YearSpan(2019, 2022)),
        ("2019–2020", YearSpan(2019, 2020)),
        (" 2020 ", YearSpan(2020, 2020)),
        ("2019 - 2021", YearSpan(2019, 2021)),
        ("On going", None),
        ("Q1 2020", None),
        ("2022-2019", None),
        ("", None),
    ],
)
def test_time_frames_are_read_as_years_or_left_as_text(text: str, expected: YearSpan | None) -> None:
    assert parse_time_frame(text) == expected


def test_every_time_frame_in_data_is_read_or_left_as_text(dataset) -> None:  # type: ignore[no-untyped-def]
    for action in dataset.actions.values():
        span = parse_time_frame(action.time_frame["en"])
        if span is None:
            assert not any(character.isdigit() for character in action.time_frame["en"]), action.id
        else:
            assert dataset.workplan.term_starts_on.year <= span.first <= span.last, action.id
