"""The register of sources: hosts and publishers, the checks of `make check`, and how sources are cited."""

from __future__ import annotations

import dataclasses
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from macros.context import RenderContext
from macros.dataset import Dataset, load_dataset
from macros.editorial import public_view
from macros.errors import DataErrors
from macros.model import Publisher, Record, parse_host, parse_sources
from macros.render.sources import cited_sources, localized_url, render_sources, source_year

from .conftest import FIXTURES

CASES = FIXTURES / "sources"

REGISTER = "add the host to data/sources.yml under its publisher, or cite an official page"

EXPECTED: dict[str, list[str]] = {
    "links--unknown-host.yml": [
        "links.yml:7:10: links[0].url: the host 'example.org' of 'https://www.example.org/sea-containers' is not in "
        f"the register of sources; {REGISTER}",
        "links.yml:10:9: links[0].source[1]: the host 'docsbay.net' of 'https://docsbay.net/doc/1/sea-containers' is "
        f"not in the register of sources; {REGISTER}",
    ],
    "links--trailing-dot.yml": [
        "links.yml:7:10: links[0].url: the host 'ippc.int.' of "
        "'https://ippc.int./en/core-activities/capacity-development/sea-containers/' ends in a dot; remove the dot "
        "(ippc.int)",
        "links.yml:8:13: links[0].source: the host 'ippc.int.' of "
        "'https://ippc.int./en/core-activities/capacity-development/sea-containers/' ends in a dot; remove the dot "
        "(ippc.int)",
    ],
    "links--unofficial-published.yml": [
        "links.yml:7:10: links[0].url: 'https://en.wikipedia.org/wiki/World_Customs_Organization' is not an official "
        "page (en.wikipedia.org) and would be linked on a public page: link an official page, or mark the record "
        "`status: to-confirm` with `confirm:`",
        "links.yml:8:13: links[0].source: no source of this record is official (en.wikipedia.org): cite an official "
        "page, or mark the record `status: to-confirm` with `confirm:` (ask: wco and/or ippc; question: what to "
        "confirm)",
    ],
    "sources--bad-register.yml": [
        "sources.yml:8:22: seeds[0].publisher[1]: there is no publisher 'upu' (known: ippc, wco); add it under "
        "publishers:",
        "sources.yml:19:23: publishers[1].hosts[1]: the host 'wcoomd.org' is already registered under 'wco'; list "
        "each host once",
        "sources.yml:20:9: publishers[2].id: id 'ippc' is already used (line 16); give each record its own id",
    ],
    "sources--bad-hosts.yml": [
        "sources.yml:15:13: publishers[0].hosts[0]: write the host without 'www.': wcoomd.org (its www. form counts "
        "too)",
        "sources.yml:15:29: publishers[0].hosts[1]: the host 'ippc.int.' ends in a dot; write ippc.int",
        "sources.yml:15:40: publishers[0].hosts[2]: write the host in lower case: ippc.int",
        "sources.yml:15:50: publishers[0].hosts[3]: 'https://fao.org/' is not a host name: write the name only, e.g. "
        "ippc.int (no https://, no path)",
        "sources.yml:15:68: publishers[0].hosts[4]: 'localhost' is not a host name: write the name only, e.g. "
        "ippc.int (no https://, no path)",
    ],
}
VALID = ["links--unofficial-to-confirm.yml", "links--sub-domains.yml"]


def data_with(tmp_path: Path, replacement: Path) -> Path:
    """The minimal data set with one file replaced (`links--x.yml` → links.yml)."""
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)
    shutil.copy(replacement, data_dir / (replacement.name.split("--")[0] + ".yml"))
    return data_dir


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    return [str(error).replace(f"{data_dir.as_posix()}/", "") for error in caught.value.errors]


@pytest.fixture(scope="module")
def minimal() -> Dataset:
    return load_dataset(FIXTURES / "minimal")


# --- make check ---------------------------------------------------------------------------------


def test_every_case_is_expected() -> None:
    assert sorted(path.name for path in CASES.glob("*.yml")) == sorted([*EXPECTED, *VALID])


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_bad_register_or_source_gives_exact_message(tmp_path: Path, fixture: str) -> None:
    assert messages(data_with(tmp_path, CASES / fixture)) == EXPECTED[fixture]


@pytest.mark.parametrize("fixture", VALID)
def test_valid_cases_load(tmp_path: Path, fixture: str) -> None:
    load_dataset(data_with(tmp_path, CASES / fixture))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ippc.int.", "ends in a dot"),
        ("www.ippc.int", "without 'www.'"),
        ("IPPC.int", "lower case"),
        ("ippc.int/en/", "not a host name"),
        ("-ippc.int", "not a host name"),
        ("ippc", "not a host name"),
    ],
)
def test_host_form_is_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_host(value)


def test_host_form_is_accepted() -> None:
    assert parse_host(" assets.ippc.int ") == "assets.ippc.int"


def test_publisher_of_counts_sub_domains_and_www(minimal: Dataset) -> None:
    ippc = minimal.publishers["ippc"]
    assert minimal.publisher_of("https://www.ippc.int/en/") is ippc
    assert minimal.publisher_of("https://assets.ippc.int/static/x.pdf") is ippc
    assert minimal.publisher_of("http://IPPC.INT/en/who-we-are") is ippc
    assert minimal.publisher_of("https://notippc.int/") is None
    assert minimal.publisher_of("https://ippc.int.example.org/") is None
    assert minimal.publisher_of("https://en.wikipedia.org/wiki/X") is minimal.publishers["wikipedia"]


def test_is_official(minimal: Dataset) -> None:
    assert minimal.is_official("https://www.wcoomd.org/en/")
    assert minimal.is_official("joint-work-plan-2019-2022.txt")
    assert not minimal.is_official("https://en.wikipedia.org/wiki/X")
    assert not minimal.is_official("https://example.org/")
    assert not minimal.is_official("my-notes.txt")


def test_a_to_confirm_record_is_left_out_of_the_public_view(tmp_path: Path) -> None:
    data = load_dataset(data_with(tmp_path, CASES / "links--unofficial-to-confirm.yml"))
    assert [link.id for link in data.links] == ["wco-on-wikipedia"]
    assert public_view(data).links == []


# --- The real data ----------------------------------------------------------------------------------


def _records(value: Any) -> list[Record]:
    found: list[Record] = []
    if isinstance(value, Record):
        found.append(value)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += _records(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            found += _records(item)
    elif isinstance(value, dict):
        for item in value.values():
            found += _records(item)
    return found


def _public_records(data: Dataset) -> list[Record]:
    view = public_view(data)
    fields = ("organizations", "agreement", "workplan", "updates", "events", "glossary", "links", "contacts", "guides")
    return [record for name in fields for record in _records(getattr(view, name))]


def test_every_public_record_of_the_real_data_has_an_official_source(dataset: Dataset) -> None:
    for record in _public_records(dataset):
        sources = [*(getattr(record, "source", None) or ()), *(getattr(record, "term_status_source", None) or ())]
        if sources:
            assert any(dataset.is_official(source) for source in sources), record


def test_every_public_link_of_the_real_data_is_official(dataset: Dataset) -> None:
    for record in _public_records(dataset):
        for name in ("url", "website"):
            address = getattr(record, name, None)
            if isinstance(address, str) and address.startswith("http"):
                assert dataset.is_official(address), (name, address)


def test_real_register_lists_each_host_once_without_www_or_dot(dataset: Dataset) -> None:
    hosts = [host for publisher in dataset.publishers.values() for host in publisher.hosts]
    assert len(hosts) == len(set(hosts))
    assert not [host for host in hosts if host.startswith("www.") or host.endswith(".")]
    official = {p.id for p in dataset.publishers.values() if p.official}
    assert {"wco", "ippc", "fao"} <= official
    assert not {"wikipedia", "docsbay", "scribd", "slideplayer", "slideserve", "docslib"} & official


# --- Citing sources on a page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "lang", "expected"),
    [
        (
            "https://www.ippc.int/zh/external-cooperation/wco/",
            "fr",
            "https://www.ippc.int/fr/external-cooperation/wco/",
        ),
        ("https://ippc.int/fr/structure", "en", "https://ippc.int/en/structure"),
        ("http://ippc.int/en/who-we-are", "ar", "http://ippc.int/ar/who-we-are"),
        ("https://www.ippc.int/en/news/x/?p=1#top", "ru", "https://www.ippc.int/ru/news/x/?p=1#top"),
        ("https://www.ippc.int/en/", "zh", "https://www.ippc.int/zh/"),
        # Unchanged: same language, no language segment, other hosts and sub-domains, unknown language.
        ("https://www.ippc.int/en/ephyto/", "en", "https://www.ippc.int/en/ephyto/"),
        ("https://www.ippc.int/static/file.pdf", "fr", "https://www.ippc.int/static/file.pdf"),
        ("https://www.ippc.int/en", "fr", "https://www.ippc.int/en"),
        ("http://ephyto.ippc.int/en/", "fr", "http://ephyto.ippc.int/en/"),
        ("https://www.wcoomd.org/en/topics.aspx", "fr", "https://www.wcoomd.org/en/topics.aspx"),
        ("https://www.ippc.int/en/ephyto/", "de", "https://www.ippc.int/en/ephyto/"),
    ],
)
def test_localized_url(url: str, lang: str, expected: str) -> None:
    assert localized_url(url, lang) == expected


@pytest.mark.parametrize(
    ("url", "year"),
    [
        ("https://www.wcoomd.org/en/media/newsroom/2021/may/conclusion-5th-wco-global-aeo-conference.aspx", 2021),
        ("https://www.unicc.org/news/2018/05/17/ippc-ephyto-certificates-global-hub-rollout/", 2018),
        ("https://www.wcoomd.org/zh-cn/media/newsroom/2025/January/highlights.aspx", 2025),
        ("https://mag.wcoomd.org/?p=18670", None),
        ("https://www.ippc.int/en/publications/92722/", None),
        ("https://web.example.org/Page/12933/416837", None),
        ("https://openknowledge.fao.org/handle/20.500.14283/I8960EN", None),
    ],
)
def test_source_year(url: str, year: int | None) -> None:
    assert source_year(url) == year


def test_official_sources_by_publisher_name_in_the_page_language(minimal: Dataset) -> None:
    sources = (
        "https://www.wcoomd.org/en/media/newsroom/2021/may/conclusion-5th-wco-global-aeo-conference.aspx",
        "https://en.wikipedia.org/wiki/World_Customs_Organization",
        "https://www.ippc.int/zh/external-cooperation/organizations-page-in-ipp/wco/",
    )
    html = str(render_sources(sources, RenderContext(minimal, "fr", "events.md")))
    assert html == (
        '<span class="source">Sources: '
        '<a href="https://www.wcoomd.org/en/media/newsroom/2021/may/conclusion-5th-wco-global-aeo-conference.aspx">'
        '<abbr title="Organisation mondiale des douanes">OMD</abbr>, 2021</a>; '
        '<a href="https://www.ippc.int/fr/external-cooperation/organizations-page-in-ipp/wco/">CIPV</a></span>'
    )
    assert "wikipedia" not in html


def test_untranslated_publisher_name_is_marked_english(minimal: Dataset) -> None:
    html = str(render_sources(("https://www.ippc.int/en/",), RenderContext(minimal, "es", "events.md")))
    assert 'lang="en"' in html and ">IPPC<" in html
    assert 'href="https://www.ippc.int/es/"' in html


def test_seed_documents_are_cited_by_title(minimal: Dataset) -> None:
    html = str(render_sources(("joint-work-plan-2019-2022.txt",), RenderContext(minimal, "en", "workplan.md")))
    assert html == '<span class="source">Source: <cite>Joint Work Plan</cite> (Agreed on 18 March 2019)</span>'


def test_one_link_per_publisher_and_year(minimal: Dataset) -> None:
    sources = ("https://www.ippc.int/en/ephyto/", "http://ippc.int/en/who-we-are", "https://www.wcoomd.org/")
    items = cited_sources(sources, RenderContext(minimal, "en", "events.md"))
    assert [item["url"] for item in items] == ["https://www.ippc.int/en/ephyto/", "https://www.wcoomd.org/"]
    assert [item["year"] for item in items] == [None, None]


def test_nothing_when_no_source_is_official(minimal: Dataset) -> None:
    ctx = RenderContext(minimal, "en", "events.md")
    assert render_sources(("https://en.wikipedia.org/wiki/X",), ctx) == ""


HOSTILE_NAME = '<script>alert(1)</script>[x](javascript:alert(1)){: onclick="x"}"><img src=x onerror=alert(1)>'


def test_hostile_publisher_name_is_refused_by_the_check() -> None:
    with pytest.raises(ValidationError) as refused:
        Publisher.model_validate(
            {"id": "ippc", "name": "x", "short_name": HOSTILE_NAME, "official": True, "hosts": ["ippc.int"]}
        )
    assert [error["loc"][:1] for error in refused.value.errors()] == [("short_name",)]
    with pytest.raises(ValueError, match="quote"):
        parse_sources('https://www.ippc.int/en/"><script>')


def test_hostile_publisher_name_and_address_are_inert(minimal: Dataset) -> None:
    """Should a hostile name slip past the check (simulated with model_copy), it still comes out as text."""
    valid = Publisher.model_validate(
        {"id": "ippc", "name": "x", "short_name": "IPPC", "official": True, "hosts": ["ippc.int"]}
    )
    hostile = valid.model_copy(update={"short_name": {"en": HOSTILE_NAME}})
    data = Dataset(**{**{f: getattr(minimal, f) for f in _init_fields()}, "publishers": {"ippc": hostile}})
    html = str(render_sources(('https://www.ippc.int/en/"><script>',), RenderContext(data, "en", "events.md")))
    tags = _tags(html)
    assert {name for name, _ in tags} <= {"span", "a", "abbr"}
    assert all(not key.startswith("on") for _, attrs in tags for key, _ in attrs)
    hrefs = [value for _, attrs in tags for key, value in attrs if key == "href"]
    assert hrefs == ['https://www.ippc.int/en/"><script>']  # one attribute value, escaped in the HTML
    assert "javascript:" not in " ".join(hrefs)
    assert "<script" not in html and "<img" not in html


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Parser().feed(html)
    return found


def _init_fields() -> list[str]:
    return [field.name for field in dataclasses.fields(Dataset) if field.init]


def test_a_seed_is_official_only_if_its_publishers_are(minimal: Dataset) -> None:
    seed = minimal.seeds["joint-work-plan-2019-2022.txt"]
    unofficial = seed.model_copy(update={"publisher": ("wco", "wikipedia")})
    fields = {name: getattr(minimal, name) for name in _init_fields()}
    data = Dataset(**{**fields, "seeds": {seed.file: unofficial}})
    assert minimal.is_official(seed.file)
    assert not data.is_official(seed.file)
    assert render_sources((seed.file,), RenderContext(data, "en", "workplan.md")) == ""
