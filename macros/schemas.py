"""JSON Schemas of the data files, generated from the pydantic model, for editors' tools.

The YAML language server (VS Code's YAML extension) reads them through the modeline that starts
each data file, and gives completion, hover help and inline errors; `check-jsonschema` (the
pre-commit hook) validates with them. The model stays the authority: `make check` validates
more than a schema can say (cross-references, dates that exist, Markdown in texts).

The schemas are draft-07 (what the YAML language server supports fully): pydantic's `$defs`
become `definitions`, and a `$ref` never has sibling keywords (draft-07 ignores them).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .field_docs import describe, humanize, model_description
from .model import _ID, _SEED, FILE_MODELS, LANGUAGES

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

ALLOWED_KEYWORDS = frozenset(
    {
        "$schema",
        "$ref",
        "$comment",
        "definitions",
        "title",
        "description",
        "default",
        "examples",
        "type",
        "enum",
        "const",
        "properties",
        "required",
        "additionalProperties",
        "patternProperties",
        "propertyNames",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "anyOf",
        "allOf",
        "oneOf",
        "not",
    }
)
"""The draft-07 keywords a generated schema may use (the test checks every schema against this)."""

_LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese", "ru": "Russian"}

_TEXT: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "The English text alone (other languages fall back to it)."},
        {
            "type": "object",
            "description": "One text per language: en first (required), then fr, es, ar, zh, ru.",
            "properties": {
                language: {
                    "type": "string",
                    "minLength": 1,
                    "title": _LANGUAGE_NAMES[language],
                    "description": f"The {_LANGUAGE_NAMES[language]} text"
                    + (" (the reference: always present)." if language == "en" else "."),
                }
                for language in LANGUAGES
            },
            "required": ["en"],
            "additionalProperties": False,
        },
    ]
}
"""A text: a plain string (English), or a mapping of language code to text with `en` present."""

_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
_DATE: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": _DATE_PATTERN},
        {"type": "integer", "minimum": 1000, "maximum": 9999},  # YAML reads a bare year as a number
    ]
}
_URL_PATTERN = r"^(https?://[^\s/?#]+\S*|mailto:[^\s@]+@[^\s@]+)$"
_SOURCE_PATTERN = r"^(https?://[^\s/?#]+\S*|" + _SEED.pattern.strip("^$") + ")$"
_SOURCE_ITEM: dict[str, Any] = {"type": "string", "pattern": _SOURCE_PATTERN}
_SOURCES: dict[str, Any] = {"anyOf": [_SOURCE_ITEM, {"type": "array", "items": _SOURCE_ITEM, "minItems": 1}]}
_ID_SCHEMA: dict[str, Any] = {"type": "string", "pattern": _ID.pattern}
_HOST_PATTERN = r"^[a-z0-9-]+(\.[a-z0-9-]+)+$"

_BY_VALIDATOR: dict[str, dict[str, Any]] = {
    "parse_text": _TEXT,
    "parse_partial_date": _DATE,
    "parse_url": {"type": "string", "pattern": _URL_PATTERN},
    "parse_sources": _SOURCES,
    "parse_id": _ID_SCHEMA,
    "parse_ids": {"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}]},
    "parse_host": {"type": "string", "pattern": _HOST_PATTERN},
    "parse_plain": {"type": "string"},
    "parse_icon": {"type": "string", "pattern": r"^[a-z0-9-]+/[a-z0-9-]+$"},
}
"""The JSON Schema of each annotated type of the model, known by its validator's name (the model's
validators accept more forms than the Python type says: a plain string for a text, one source
or a list, a date as YYYY, YYYY-MM or YYYY-MM-DD)."""


UNKNOWN_VALIDATORS: set[str] = set()
"""Validators of the model met while generating that _BY_VALIDATOR does not know (a test keeps it empty:
their schema would be the Python type's, which may not be what the data file holds)."""


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, with the schemas of the model's validated types (see _BY_VALIDATOR)."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        name = getattr(schema["function"]["function"], "__name__", "")
        if name in _BY_VALIDATOR:
            return copy.deepcopy(_BY_VALIDATOR[name])
        UNKNOWN_VALIDATORS.add(name)
        return super().function_before_schema(schema)


def _models_of(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model class reachable from `root`, by name (the names of pydantic's definitions)."""
    found: dict[str, type[BaseModel]] = {}
    pending = [root]
    while pending:
        model = pending.pop()
        if model.__name__ in found:
            continue
        found[model.__name__] = model
        for field in model.model_fields.values():
            pending.extend(_nested_models(field.annotation))
    return found


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in getattr(annotation, "__args__", ()) for model in _nested_models(argument)]


def _document(node: dict[str, Any], model: type[BaseModel]) -> None:
    """Title and description on the object of `model` and on each of its properties."""
    description = model_description(model)
    if description:
        node["description"] = description
    node["title"] = model.__name__
    for name, prop in node.get("properties", {}).items():
        text = describe(model, name)
        if "$ref" in prop:  # draft-07 ignores a $ref's siblings: wrap it
            prop["allOf"] = [{"$ref": prop.pop("$ref")}]
        prop["title"] = humanize(name)
        if text:
            prop["description"] = text


def _draft_07(value: Any) -> Any:
    if isinstance(value, dict):
        result = {("definitions" if key == "$defs" else key): _draft_07(item) for key, item in value.items()}
        if isinstance(result.get("$ref"), str):
            result["$ref"] = result["$ref"].replace("#/$defs/", "#/definitions/")
        return result
    if isinstance(value, list):
        return [_draft_07(item) for item in value]
    return value


def schema_for(file_name: str) -> dict[str, Any]:
    """The draft-07 JSON Schema of one data file (`events.yml`)."""
    root = FILE_MODELS[file_name]
    schema = root.model_json_schema(schema_generator=_Generator, mode="validation")
    models = _models_of(root)
    _document(schema, root)
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            _document(definition, models[name])
    schema = _draft_07(schema)
    head = {
        "$schema": DRAFT_07,
        "$comment": "Generated from macros/model.py and macros/field_docs.py by `make schemas`: do not edit.",
        "title": f"data/{file_name}",
        "description": schema.pop("description", "") or f"The content of data/{file_name}.",
    }
    schema.pop("title", None)
    return {**head, **schema}


def schema_texts() -> dict[str, str]:
    """schemas/<name>.json → its text, for every data file."""
    return {
        f"{name.removesuffix('.yml')}.json": json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
        for name in FILE_MODELS
    }


def unsupported_keywords(schema: Any, where: str = "#") -> list[str]:
    """Keywords outside ALLOWED_KEYWORDS, as JSON pointers (property names are not keywords)."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("properties", "definitions", "patternProperties"):
                for name, sub in value.items():
                    found += unsupported_keywords(sub, f"{where}/{key}/{name}")
            elif key not in ALLOWED_KEYWORDS:
                found.append(f"{where}/{key}")
            elif key in ("items", "additionalProperties", "not", "propertyNames"):
                found += unsupported_keywords(value, f"{where}/{key}")
            elif key in ("anyOf", "allOf", "oneOf"):
                for index, sub in enumerate(value):
                    found += unsupported_keywords(sub, f"{where}/{key}/{index}")
    return found


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    return changed


MODELINE = re.compile(r"^# yaml-language-server: \$schema=\.\./schemas/([a-z]+)\.json$")
"""The first line of every data file: tells the YAML language server which schema applies."""
