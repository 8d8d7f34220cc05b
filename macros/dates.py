"""Dates in the reader's language, and the build date that decides what is past."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from babel.dates import format_date, format_interval, format_skeleton

from .model import PartialDate

_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh_Hans", "ru": "ru"}


def build_date() -> date:
    """Today, or the day given by SOURCE_DATE_EPOCH so that two builds of a commit agree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def locale_of(lang: str) -> str:
    return _LOCALES.get(lang, lang)


def format_partial(value: PartialDate, lang: str) -> str:
    locale = locale_of(lang)
    if value.precision == "day":
        return format_date(value.first_day, format="long", locale=locale)
    if value.precision == "month":
        return format_skeleton("yMMMM", value.first_day, locale=locale)
    if lang == "zh":
        return f"{value.year}年"  # "截至2023年", not "截至2023"
    return str(value.year)


def format_span(start: PartialDate, end: PartialDate | None, lang: str) -> str:
    """`25–27 May 2021`, `March 2019`, `2021`, in the language's own form."""
    if end is None or end == start:
        return format_partial(start, lang)
    locale = locale_of(lang)
    if start.precision == end.precision == "day":
        return format_interval(start.first_day, end.first_day, skeleton="yMMMMd", locale=locale)
    if start.precision == end.precision == "month":
        return format_interval(start.first_day, end.first_day, skeleton="yMMMM", locale=locale)
    return f"{format_partial(start, lang)} – {format_partial(end, lang)}"


def iso(value: PartialDate) -> str:
    return str(value)
