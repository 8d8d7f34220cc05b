"""schema.org JSON-LD, read back by a JSON-LD processor (pyld): the nodes each page carries, counted
against data/, and JSON that no data text can break out of its script element."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from pyld import jsonld

from macros.dataset import Dataset, load_dataset
from macros.publication import Edition
from macros.structured_data import page_json_ld, script_json

from .conftest import FIXTURES

S = "http://schema.org/"
PUBLIC = Edition("wco", ("en", "fr", "es"), "https://wco.example.org/collab/")
LOCAL = Edition("ippc", ("en", "fr", "es", "ar", "zh", "ru"))


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """schema.org's context, offline: every term is a schema.org IRI, as its real context declares."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    context = {"@context": {"@vocab": S, "url": {"@id": f"{S}url", "@type": "@id"}}}
    return {"contextUrl": None, "documentUrl": url, "document": context}


def _expand(script: str) -> list[dict[str, Any]]:
    document = json.loads(script)
    expanded = jsonld.expand(document, {"documentLoader": _loader})
    flat = jsonld.flatten(expanded, None, {"documentLoader": _loader})
    return flat  # type: ignore[no-any-return]


def _of_type(nodes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [node for node in nodes if f"{S}{kind}" in node.get("@type", [])]


def _top(script: str) -> list[dict[str, Any]]:
    return json.loads(script)["@graph"]  # type: ignore[no-any-return]


def test_home_carries_the_two_organizations(dataset: Dataset) -> None:
    script = page_json_ld(dataset, PUBLIC, "fr", "")
    assert script is not None
    top = _top(script)
    assert len(top) == len(dataset.partners)
    assert [node["alternateName"] for node in top] == ["OMD", "CIPV"]  # the edition's own first
    nodes = _expand(script)
    organizations = _of_type(nodes, "GovernmentOrganization")
    assert len(organizations) == len(dataset.partners)
    for node in organizations:
        assert node[f"{S}name"] and node[f"{S}url"]


@pytest.mark.parametrize(("edition", "lang"), [(PUBLIC, "en"), (LOCAL, "ar")])
def test_events_page_carries_every_event(dataset: Dataset, edition: Edition, lang: str) -> None:
    script = page_json_ld(dataset, edition, lang, "events/")
    assert script is not None
    events = _of_type(_expand(script), "Event")
    assert len(events) == len(dataset.events)
    for node in events:
        for field in ("name", "startDate", "endDate", "eventAttendanceMode", "eventStatus"):
            assert f"{S}{field}" in node, field
    # A place is given only where the source gives one (or the event was virtual): none is invented.
    assert sum(f"{S}location" in node for node in events) == sum(1 for e in dataset.events if e.place or e.virtual)
    top = {node["startDate"] + node["name"]: node for node in _top(script)}
    virtual = [e for e in dataset.events if e.virtual]
    assert sum(
        1 for n in top.values() if "Online" in n["eventAttendanceMode"] or "Mixed" in n["eventAttendanceMode"]
    ) == len(virtual)
    if edition.base_url:
        assert all(node["url"].startswith(edition.base_url) for node in _top(script))
    else:
        assert all("url" not in node for node in _top(script))


def test_workplan_page_carries_the_plan_with_its_areas_and_actions(dataset: Dataset) -> None:
    script = page_json_ld(dataset, PUBLIC, "es", "workplan/")
    assert script is not None
    (plan,) = _top(script)
    assert plan["@type"] == "CreativeWork"
    assert len(plan["hasPart"]) == len(dataset.workplan.areas)
    assert sum(len(area["hasPart"]) for area in plan["hasPart"]) == len(dataset.actions)
    nodes = _expand(script)
    assert len(_of_type(nodes, "CreativeWork")) == 1 + len(dataset.workplan.areas) + len(dataset.actions)


def test_an_earlier_plan_page_carries_that_plan() -> None:
    """Its areas and actions, addressed on its own page; a page of no known plan carries nothing."""
    data = load_dataset(FIXTURES / "two-plans")
    script = page_json_ld(data, PUBLIC, "en", "plans/2019-2022/")
    assert script is not None
    (plan,) = _top(script)
    assert plan["temporalCoverage"] == "2019-07/2022-06"
    assert plan["url"].endswith("/plans/2019-2022/")
    assert plan["hasPart"][1]["url"].endswith("/plans/2019-2022/#area-5")
    assert plan["hasPart"][1]["hasPart"][0]["url"].endswith("/plans/2019-2022/#action-5-1")
    assert plan["hasPart"][1]["hasPart"][0]["text"] == "Explore AEO"
    assert page_json_ld(data, PUBLIC, "en", "plans/2031-2034/") is None


def test_each_guide_page_carries_its_article(dataset: Dataset) -> None:
    for guide in dataset.guides:
        script = page_json_ld(dataset, LOCAL, "zh", f"guides/{guide.id}/")
        assert script is not None
        (article,) = _of_type(_expand(script), "Article")
        assert article[f"{S}headline"][0]["@value"] == guide.title.get("zh", guide.title["en"]).replace("*", "")
    assert page_json_ld(dataset, LOCAL, "en", "glossary/") is None
    assert page_json_ld(dataset, LOCAL, "en", "guides/") is None


def test_no_data_text_can_end_the_script_element() -> None:
    data = load_dataset(FIXTURES / "minimal")
    hostile = '</script><script>alert(1)</script> & <!-- "x"'
    event = data.events[0].model_copy(update={"title": {"en": hostile}, "description": {"en": hostile}})
    data = dataclasses.replace(data, events=[event, *data.events[1:]])
    script = page_json_ld(data, LOCAL, "en", "events/")
    assert script is not None
    assert "<" not in script and ">" not in script and "&" not in script
    assert hostile in [node["name"] for node in json.loads(script)["@graph"]]  # text kept, as text
    assert json.loads(script_json({"a": hostile}))["a"] == hostile
