"""The JSON Schemas in schemas/: up to date, draft-07, documented, and true to data/."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from macros.model import FILE_MODELS
from macros.schemas import DRAFT_07, MODELINE, UNKNOWN_VALIDATORS, schema_for, schema_texts, unsupported_keywords
from macros.yaml_loader import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "data"


def _data(name: str) -> Any:
    """A data file as the editor's tools see it (dates stay text: the loader has no timestamps)."""
    return load_yaml_file(DATA / name, name).data


def _validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / f"{name.removesuffix('.yml')}.json").read_text()))


def test_schemas_are_up_to_date() -> None:
    expected = schema_texts()
    stale = [
        name
        for name, text in expected.items()
        if not (SCHEMAS / name).exists() or (SCHEMAS / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted({path.name for path in SCHEMAS.glob("*.json")} - set(expected))
    assert not stale and not extra, f"schemas/ is out of date ({stale or extra}): run `make schemas`"


def test_every_validated_type_of_the_model_has_its_schema() -> None:
    """A new annotated type (BeforeValidator) needs its JSON form in macros/schemas.py, _BY_VALIDATOR."""
    UNKNOWN_VALIDATORS.clear()
    schema_texts()
    assert set() == UNKNOWN_VALIDATORS


@pytest.mark.parametrize("name", sorted(FILE_MODELS))
def test_schema_is_valid_draft_07_without_other_keywords(name: str) -> None:
    schema = schema_for(name)
    assert schema["$schema"] == DRAFT_07
    jsonschema.Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    assert "$defs" not in text and "prefixItems" not in text
    assert unsupported_keywords(schema) == []


def _properties(schema: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                for name, sub in value.items():
                    found.append((f"{where}/properties/{name}", sub))
            found += _properties(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, item in enumerate(schema):
            found += _properties(item, f"{where}/{index}")
    return found


@pytest.mark.parametrize("name", sorted(FILE_MODELS))
def test_every_property_has_a_title_and_a_description(name: str) -> None:
    properties = _properties(schema_for(name))
    assert properties
    for where, prop in properties:
        assert prop.get("title"), f"{name} {where} has no title"
        assert prop.get("description"), f"{name} {where} has no description"
        assert not ("$ref" in prop and len(prop) > 1), f"{name} {where}: draft-07 ignores a $ref's siblings"


def test_kinds_are_enumerations_and_references_are_described() -> None:
    event = schema_for("events.yml")["definitions"]["Event"]["properties"]
    assert event["kind"]["enum"] == [
        "meeting",
        "conference",
        "signature",
        "observance",
        "governing-body",
        "workshop",
        "publication",
    ]
    assert "an id from organizations.yml" in event["organizers"]["description"]
    assert "workplan.yml" in event["areas"]["description"]
    assert "Example:" in event["starts_on"]["description"]


@pytest.mark.parametrize("name", sorted(FILE_MODELS))
def test_every_data_file_is_valid_against_its_schema(name: str) -> None:
    errors = [error.message for error in _validator(name).iter_errors(_data(name))]
    assert errors == []


@pytest.mark.parametrize("name", sorted(FILE_MODELS))
def test_every_data_file_names_its_schema_on_its_first_line(name: str) -> None:
    first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"data/{name} must start with # yaml-language-server: $schema=../schemas/…json"
    assert match.group(1) == name.removesuffix(".yml")


def _broken_events() -> list[tuple[str, Any]]:
    data = _data("events.yml")
    cases: list[tuple[str, Any]] = []
    changes: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
        ("unknown kind", lambda event: event.update(kind="party")),
        ("bad date", lambda event: event.update(starts_on="19 June 2018")),
        ("unknown key", lambda event: event.update(colour="red")),
        ("missing source", lambda event: event.pop("source")),
        ("no English text", lambda event: event.update(title={"fr": "Réunion"})),
        ("unknown language", lambda event: event.update(title={"en": "Meeting", "kind": "meeting"})),
        ("bad id", lambda event: event.update(id="Not An Id")),
        ("bad url", lambda event: event.update(url="www.example.org")),
        ("number for a text", lambda event: event.update(place=2.2)),
    ]
    for label, change in changes:
        broken = copy.deepcopy(data)
        change(broken["events"][0])
        cases.append((label, broken))
    return cases


@pytest.mark.parametrize(("label", "broken"), _broken_events(), ids=[label for label, _ in _broken_events()])
def test_a_broken_copy_is_refused(label: str, broken: Any) -> None:
    assert list(_validator("events.yml").iter_errors(broken)), f"the schema let a {label} through"


def test_check_jsonschema_reads_data_dates_as_text(tmp_path: Path) -> None:
    """The pre-commit hook's tool parses YAML itself (ruamel): dates must pass there too."""
    from check_jsonschema import main as check_main  # type: ignore[import-untyped]

    with pytest.raises(SystemExit) as ok:
        check_main(["--schemafile", str(SCHEMAS / "events.json"), str(DATA / "events.yml")])
    assert ok.value.code == 0
    broken = tmp_path / "events.yml"
    broken.write_text(
        (DATA / "events.yml").read_text(encoding="utf-8").replace("kind: governing-body", "kind: party", 1),
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as refused:
        check_main(["--schemafile", str(SCHEMAS / "events.json"), str(broken)])
    assert refused.value.code == 1


def test_the_pre_commit_script_checks_each_file_against_its_schema(tmp_path: Path) -> None:
    script = [sys.executable, str(ROOT / "tools" / "check_schemas.py")]
    assert subprocess.run([*script, str(DATA / "links.yml")], capture_output=True, check=False).returncode == 0
    broken = tmp_path / "links.yml"
    text = (DATA / "links.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("    organization: wco", "    organisation: wco", 1), encoding="utf-8")
    result = subprocess.run([*script, str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "organisation" in result.stdout + result.stderr
