"""Editorial status: what the public build shows, and what awaits a Secretariat's confirmation.

A record `to-confirm` stays in data/ and is validated like any other; the public build leaves it
out, the preview shows it with a badge, and `make review` lists it with the question to ask.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset
from .model import Record


def is_public(value: Any) -> bool:
    return not (isinstance(value, Record) and value.status == "to-confirm")


def _public(value: Any) -> Any:
    """`value` without the records to confirm, at any depth."""
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            current = getattr(value, name)
            kept = _public(current)
            if kept is not current:
                changes[name] = kept
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list):
        kept_items = [_public(item) for item in value if is_public(item)]
        same = len(kept_items) == len(value) and all(a is b for a, b in zip(kept_items, value, strict=True))
        return value if same else kept_items
    if isinstance(value, dict):
        kept_map = {key: _public(item) for key, item in value.items() if is_public(item)}
        same = len(kept_map) == len(value) and all(kept_map[key] is value[key] for key in kept_map)
        return value if same else kept_map
    return value


def public_view(data: Dataset) -> Dataset:
    """The data set as the public build shows it."""
    fields = {field.name: _public(getattr(data, field.name)) for field in dataclasses.fields(data) if field.init}
    return Dataset(**fields)


def awaiting_confirmation(data: Dataset) -> Iterator[tuple[str, Record]]:
    """Every record to confirm, with where it stands (`events: cpm-14`)."""
    for field in dataclasses.fields(data):
        if field.init:
            yield from _to_confirm(getattr(data, field.name), field.name)


def _to_confirm(value: Any, where: str) -> Iterator[tuple[str, Record]]:
    if isinstance(value, Record) and value.status == "to-confirm":
        yield where, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _to_confirm(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            identifier = getattr(item, "id", None) or index
            yield from _to_confirm(item, f"{where}[{identifier}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _to_confirm(item, f"{where}[{key}]")
