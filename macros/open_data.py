"""The data behind the pages as downloads: the work plan, progress updates, events and the glossary,
each as CSV (UTF-8, a header row, one row per record, one column per language of the edition) and as
JSON with a JSON Schema beside it; the JSON carries the build date and the list of sources.

Texts are given as written in data/ (their few Markdown marks included); a missing translation is
an empty cell, never the English text under another language's name.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dataset import Dataset
from .model import Action, Area, WorkPlan
from .time_frames import parse_time_frame

FOLDER = "open-data"
PRODUCTS = ("workplan", "updates", "events", "glossary")
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _join(values: Sequence[str]) -> str:
    return "; ".join(values)


@dataclass(frozen=True)
class PlanAction:
    """One row of the work-plan download: an action, with its area and plan (area and action numbers
    mean something only within one plan)."""

    plan: WorkPlan
    area: Area
    action: Action

    @property
    def source(self) -> tuple[str, ...]:
        return tuple(self.action.source)


def records(data: Dataset, product: str) -> list[Any]:
    """The records of one product, in the order of data/ (the order the pages follow); the work plan's
    actions are the current plan's, then each earlier plan's."""
    plans = [data.workplan, *data.earlier_plans]
    by_product: dict[str, list[Any]] = {
        "workplan": [
            PlanAction(plan, area, action) for plan in plans for area in plan.areas for action in area.actions
        ],
        "updates": data.updates,
        "events": data.events,
        "glossary": data.glossary,
    }
    return by_product[product]


def _columns(data: Dataset, product: str) -> list[tuple[str, Callable[[Any], Any], bool]]:
    """Each column: its name, how to read it from a record, and whether it is a text (per language)."""
    if product == "workplan":
        return [
            ("plan_term", lambda r: _term(r.plan), False),
            ("plan_title", lambda r: r.plan.title, True),
            ("area", lambda r: r.area.id, False),
            ("area_title", lambda r: r.area.title, True),
            ("action", lambda r: r.action.id, False),
            ("text", lambda r: r.action.text, True),
            ("time_frame", lambda r: r.action.time_frame, True),
            ("time_frame_first_year", lambda r: _year(r.action.time_frame["en"], "first"), False),
            ("time_frame_last_year", lambda r: _year(r.action.time_frame["en"], "last"), False),
            ("sources", lambda r: _join(r.action.source), False),
        ]
    if product == "updates":
        return [
            ("id", lambda u: u.id, False),
            ("date", lambda u: str(u.dated), False),
            ("title", lambda u: u.title, True),
            ("body", lambda u: u.body, True),
            ("plan_term", lambda u: _term(data.plan_of(u)), False),
            ("areas", lambda u: _join(u.areas), False),
            ("actions", lambda u: _join(u.actions), False),
            ("organizations", lambda u: _join(u.organizations), False),
            ("sources", lambda u: _join(u.source), False),
        ]
    if product == "events":
        return [
            ("id", lambda e: e.id, False),
            ("kind", lambda e: e.kind, False),
            ("starts_on", lambda e: str(e.starts_on), False),
            ("ends_on", lambda e: str(e.ends_on) if e.ends_on else "", False),
            ("title", lambda e: e.title, True),
            ("place", lambda e: e.place, True),
            ("virtual", lambda e: "true" if e.virtual else "false", False),
            ("organizers", lambda e: _join(e.organizers), False),
            ("plan_term", lambda e: _term(data.plan_of(e)), False),
            ("areas", lambda e: _join(e.areas), False),
            ("actions", lambda e: _join(e.actions), False),
            ("description", lambda e: e.description, True),
            ("url", lambda e: e.url or "", False),
            ("sources", lambda e: _join(e.source), False),
        ]
    return [
        ("id", lambda g: g.id, False),
        ("term", lambda g: g.term, True),
        ("expansion", lambda g: g.expansion, True),
        ("details", lambda g: g.details, True),
        ("sources", lambda g: _join(g.source), False),
    ]


def _term(plan: WorkPlan) -> str:
    """A plan's term (`2019-07/2022-06`), which names the plan in a row: area and action numbers mean
    something only within one plan."""
    return f"{plan.term_starts_on}/{plan.term_ends_on}"


def _year(text: str, which: str) -> str:
    span = parse_time_frame(text)
    return "" if span is None else str(getattr(span, which))


def csv_bytes(data: Dataset, product: str, languages: Sequence[str]) -> bytes:
    """One product as CSV: a header row, then one row per record; texts one column per language."""
    columns = _columns(data, product)
    header: list[str] = []
    for name, _, is_text in columns:
        header.extend(f"{name}_{lang}" for lang in languages) if is_text else header.append(name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for record in records(data, product):
        row: list[str] = []
        for _, read, is_text in columns:
            value = read(record)
            if is_text:
                row.extend((value or {}).get(lang, "") for lang in languages)
            else:
                row.append(value)
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def _record_json(
    record: Any, columns: list[tuple[str, Callable[[Any], Any], bool]], languages: Sequence[str]
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for name, read, is_text in columns:
        value = read(record)
        if is_text:
            if value:
                item[name] = {lang: value[lang] for lang in languages if lang in value}
        elif name in ("areas", "actions", "organizations", "organizers", "sources"):
            item[name] = [part for part in value.split("; ") if part]
        elif name == "virtual":
            item[name] = value == "true"
        elif name.startswith("time_frame_") and value:
            item[name] = int(value)
        elif value:
            item[name] = value
    return item


def sources_list(data: Dataset, product: str) -> list[dict[str, str]]:
    """Every source the product's records cite, once, in order of first citation: a URL, or a seed
    document with its title and date of issue."""
    seen: dict[str, dict[str, str]] = {}
    for record in records(data, product):
        for source in record.source:
            if source in seen:
                continue
            seed = data.seeds.get(source)
            seen[source] = (
                {"source": source, "title": seed.title["en"], "issued": seed.issued["en"]}
                if seed
                else {"source": source}
            )
    return list(seen.values())


def json_bytes(data: Dataset, product: str, languages: Sequence[str], built_on: date, edition: str) -> bytes:
    """One product as JSON: its build date, the edition, its sources and its records."""
    columns = _columns(data, product)
    document = {
        "product": product,
        "edition": edition,
        "built_on": built_on.isoformat(),
        "languages": list(languages),
        "sources": sources_list(data, product),
        "records": [_record_json(record, columns, languages) for record in records(data, product)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def json_schema(data: Dataset, product: str, languages: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that the product's JSON file follows."""
    text = {
        "type": "object",
        "properties": {lang: {"type": "string", "minLength": 1} for lang in languages},
        "additionalProperties": False,
    }
    if "en" in languages:
        text["required"] = ["en"]
    properties: dict[str, Any] = {}
    required: list[str] = []
    optional_texts = {"place", "description", "details"}
    for name, _, is_text in _columns(data, product):
        if is_text:
            properties[name] = {"$ref": "#/$defs/text"}
            if name not in optional_texts:
                required.append(name)
        elif name in ("areas", "actions", "organizations", "organizers", "sources"):
            properties[name] = {"type": "array", "items": {"type": "string", "minLength": 1}}
            required.append(name)
        elif name == "virtual":
            properties[name] = {"type": "boolean"}
            required.append(name)
        elif name.startswith("time_frame_"):
            properties[name] = {"type": "integer", "minimum": 1900, "maximum": 2999}
        elif name in ("date", "starts_on", "ends_on"):
            properties[name] = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
            if name != "ends_on":
                required.append(name)
        elif name == "url":
            properties[name] = {"type": "string", "pattern": "^https?://"}
        else:
            properties[name] = {"type": "string", "minLength": 1}
            required.append(name)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{product}.schema.json",
        "title": f"WCO–IPPC collaboration: {product}",
        "type": "object",
        "required": ["product", "edition", "built_on", "languages", "sources", "records"],
        "additionalProperties": False,
        "properties": {
            "product": {"const": product},
            "edition": {"type": "string"},
            "built_on": {"type": "string", "format": "date"},
            "languages": {"type": "array", "items": {"type": "string"}},
            "sources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["source"],
                    "properties": {
                        "source": {"type": "string"},
                        "title": {"type": "string"},
                        "issued": {"type": "string"},
                    },
                    "additionalProperties": False,
                },
            },
            "records": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        },
        "$defs": {
            "text": text,
            "record": {"type": "object", "properties": properties, "required": required, "additionalProperties": False},
        },
    }


def schema_bytes(data: Dataset, product: str, languages: Sequence[str]) -> bytes:
    return (json.dumps(json_schema(data, product, languages), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def open_data_files(data: Dataset, languages: Sequence[str], built_on: date, edition: str) -> dict[str, bytes]:
    """Every download, by its path under the language's root (`open-data/events.csv`…)."""
    files: dict[str, bytes] = {}
    for product in PRODUCTS:
        files[f"{FOLDER}/{product}.csv"] = csv_bytes(data, product, languages)
        files[f"{FOLDER}/{product}.json"] = json_bytes(data, product, languages, built_on, edition)
        files[f"{FOLDER}/{product}.schema.json"] = schema_bytes(data, product, languages)
    return files
