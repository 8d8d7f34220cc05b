"""Dates at the precision the source gives, in the reader's language; the build date."""

from __future__ import annotations

from datetime import date

import pytest

from macros.dates import build_date, format_partial, format_span
from macros.model import parse_partial_date


def d(text: str):
    return parse_partial_date(text)


def test_precisions() -> None:
    assert d("2019").precision == "year"
    assert d("2019-03").last_day == date(2019, 3, 31)
    assert d("2020-02").last_day == date(2020, 2, 29)
    assert d("2019-03-18").first_day == date(2019, 3, 18)


@pytest.mark.parametrize("bad", ["2019-13-45", "2019-02-30", "19-01-01", "tomorrow", "2019-1-1"])
def test_impossible_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        d(bad)


def test_format_in_languages() -> None:
    assert format_partial(d("2019-03-18"), "en") == "18 March 2019"
    assert format_partial(d("2019-03-18"), "fr") == "18 mars 2019"
    assert format_partial(d("2019-03"), "es") == "marzo de 2019"
    assert format_partial(d("2021"), "ru") == "2021"
    assert format_partial(d("2023"), "zh") == "2023年"
    assert format_partial(d("2023-10"), "zh") == "2023年10月"


def test_spans() -> None:
    assert format_span(d("2021-05-25"), d("2021-05-27"), "en") == "25–27 May 2021"
    assert format_span(d("2019-07"), d("2022-06"), "en") == "July 2019\u2009–\u2009June 2022"
    assert format_span(d("2018-06-19"), None, "en") == "19 June 2018"


def test_build_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1611619200")
    assert build_date() == date(2021, 1, 26)
