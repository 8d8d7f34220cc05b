"""An action's time frame as the plan prints it ("2019-2022", "2020", "On going"), read into years
where it can be: what cannot be read stays text, and nothing is guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-\u2010-\u2015/]|to)?\s*(\d{4})?\s*$")


@dataclass(frozen=True)
class YearSpan:
    first: int
    last: int


def parse_time_frame(text: str) -> YearSpan | None:
    """`2019-2022` → 2019..2022, `2020` → 2020..2020; anything else (`On going`, `Q1 2020`) → None."""
    match = _YEARS.match(text)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if last < first:
        return None
    return YearSpan(first, last)
