"""The downloads, read back by csv and jsonschema: one row per record, texts one column per language,
JSON valid against the schema beside it, with its build date and sources."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from macros.dataset import Dataset, load_dataset
from macros.open_data import PRODUCTS, csv_bytes, json_bytes, json_schema, open_data_files, records

from .conftest import FIXTURES

LANGUAGES = ("en", "fr", "es")
BUILT = date(2026, 11, 23)


def _counts(data: Dataset) -> dict[str, int]:
    return {
        "workplan": sum(len(area.actions) for plan in [data.workplan, *data.earlier_plans] for area in plan.areas),
        "updates": len(data.updates),
        "events": len(data.events),
        "glossary": len(data.glossary),
    }


@pytest.mark.parametrize("product", PRODUCTS)
def test_csv_has_a_header_and_one_row_per_record(dataset: Dataset, product: str) -> None:
    content = csv_bytes(dataset, product, LANGUAGES)
    assert not content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))
    assert len(rows) == _counts(dataset)[product] == len(records(dataset, product))
    header = list(rows[0])
    assert len(header) == len(set(header))
    text_columns = [name for name in header if name.endswith("_en")]
    assert text_columns
    for name in text_columns:
        stem = name.removesuffix("_en")
        assert [f"{stem}_{lang}" for lang in LANGUAGES] == header[header.index(name) : header.index(name) + 3]
    assert all(row["sources"] for row in rows)


def test_csv_cells_are_the_data(dataset: Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_bytes(dataset, "events", LANGUAGES).decode("utf-8"), newline="")))
    for row, event in zip(rows, dataset.events, strict=True):
        assert row["id"] == event.id
        assert row["starts_on"] == str(event.starts_on)
        assert row["title_en"] == event.title["en"]
        assert row["title_fr"] == event.title.get("fr", "")  # no English under another language's name
    plan = list(csv.DictReader(io.StringIO(csv_bytes(dataset, "workplan", LANGUAGES).decode("utf-8"), newline="")))
    assert [row["action"] for row in plan] == list(dataset.actions)
    on_going = [row for row in plan if not row["time_frame_first_year"]]
    assert all(not any(c.isdigit() for c in row["time_frame_en"]) for row in on_going)


@pytest.mark.parametrize("product", PRODUCTS)
def test_json_follows_its_schema_with_build_date_and_sources(dataset: Dataset, product: str) -> None:
    schema = json_schema(dataset, product, LANGUAGES)
    Draft202012Validator.check_schema(schema)
    document = json.loads(json_bytes(dataset, product, LANGUAGES, BUILT, "wco"))
    Draft202012Validator(schema, format_checker=FormatChecker()).validate(document)
    assert document["built_on"] == "2026-11-23"
    assert len(document["records"]) == _counts(dataset)[product]
    cited = {source for record in records(dataset, product) for source in record.source}
    assert {item["source"] for item in document["sources"]} == cited
    for item in document["sources"]:
        if not item["source"].startswith("http"):
            assert item["title"] == dataset.seeds[item["source"]].title["en"]


def test_the_schema_refuses_what_is_not_the_data(dataset: Dataset) -> None:
    schema = json_schema(dataset, "events", LANGUAGES)
    document = json.loads(json_bytes(dataset, "events", LANGUAGES, BUILT, "wco"))
    document["records"][0]["starts_on"] = "May 2021"
    assert list(Draft202012Validator(schema).iter_errors(document))


def test_every_product_in_three_forms(dataset: Dataset) -> None:
    files = open_data_files(dataset, LANGUAGES, BUILT, "wco")
    assert sorted(files) == sorted(
        f"open-data/{product}.{ext}" for product in PRODUCTS for ext in ("csv", "json", "schema.json")
    )
    assert files == open_data_files(dataset, LANGUAGES, BUILT, "wco")  # reproducible


def test_downloads_name_the_plan_of_each_row() -> None:
    """With a successor plan, the work plan download holds the actions of every plan, each row with its
    plan's term, and a report or event names the term of the plan whose numbers it uses."""
    data = load_dataset(FIXTURES / "two-plans")

    def rows(product: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(csv_bytes(data, product, ("en",)).decode("utf-8"), newline="")))

    plan = [(row["plan_term"], row["action"]) for row in rows("workplan")]
    assert plan == [
        ("2022-07/2025-06", "1.1"),
        ("2022-07/2025-06", "1.2"),
        ("2022-07/2025-06", "5.1"),
        ("2019-07/2022-06", "1.1"),
        ("2019-07/2022-06", "1.2"),
        ("2019-07/2022-06", "5.1"),
    ]
    assert {row["id"]: row["plan_term"] for row in rows("updates")} == {
        "sctf-3": "2019-07/2022-06",
        "imaginary-report": "2022-07/2025-06",
    }
    for product in ("workplan", "updates", "events"):
        schema = json_schema(data, product, ("en",))
        Draft202012Validator(schema).validate(json.loads(json_bytes(data, product, ("en",), BUILT, "wco")))
