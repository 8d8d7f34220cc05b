"""Every field of the data model is documented (macros/field_docs.py): no field goes undocumented."""

from __future__ import annotations

from pydantic import BaseModel

from macros.field_docs import FIELD_DOCS, describe, humanize, model_description
from macros.model import FILE_MODELS, Event, Record
from macros.schemas import _models_of


def _all_models() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for root in FILE_MODELS.values():
        models.update(_models_of(root))
    return models


def test_every_field_of_every_model_has_a_description() -> None:
    missing = [
        f"({name!r}, {field!r})"
        for name, model in sorted(_all_models().items())
        for field in model.model_fields
        if not describe(model, field)
    ]
    assert not missing, "add to FIELD_DOCS in macros/field_docs.py: " + ", ".join(missing)


def test_every_model_has_a_description() -> None:
    assert [name for name, model in _all_models().items() if not model_description(model)] == []


def test_descriptions_say_what_and_give_an_example() -> None:
    assert "Example: cpm-19" in (describe(Event, "id") or "")
    assert describe(Event, "note") == FIELD_DOCS[("Record", "note")]  # inherited fields: described once
    for (model, field), text in FIELD_DOCS.items():
        assert text.strip() == text and len(text) > 15, (model, field)


def test_titles_are_words() -> None:
    assert humanize("starts_on") == "Starts on"


def test_no_description_of_a_field_that_is_gone() -> None:
    models: dict[str, type[BaseModel]] = {**_all_models(), "Record": Record}
    stale = [key for key in FIELD_DOCS if key[0] not in models or key[1] not in models[key[0]].model_fields]
    assert stale == [], "remove from FIELD_DOCS (the model has no such field)"
