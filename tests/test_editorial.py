"""Public texts say what is known, in the publisher's voice: the research behind them stays in `note`.

The phrases below were moved out of data/ into editor-only notes (issue 10). Each is checked in
every language of every public text field (every Text, labels included; never `note`, nor the
`confirm` question to a Secretariat), so that none can come back unnoticed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from macros.dataset import Dataset, load_dataset
from macros.model import LANGUAGES, Publisher

ROOT = Path(__file__).resolve().parent.parent

EDITOR_ONLY = {"note", "confirm"}
"""Record fields for editors: never rendered, so free to speak of the research."""


def never_shown(value: Any) -> bool:
    """Records that no public page shows: an unofficial publisher (Wikipedia, a mirror) is registered
    only so that `make check` knows its host; public pages never cite it (tests/test_sources.py)."""
    return isinstance(value, Publisher) and not value.official


RESEARCH_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "no successor plan was found",
        "should be checked with both secretariats",
        "as stated on the wco membership page",
        "wikipedia",
        "a mirror of",
        "source is a mirror",
        "the research for this site",
        "found no source",
        "no source describing",
        "no source seen",
        "not seen",
        "not confirmed",
        "could not be confirmed",
        "not yet checked",
        "no official page recorded",
        "interface)",
        "stored copy",
        "archived copy",
        "do not fit together",
        "as given in the wco overview",
        "as reported in the wco overview",
        "the venue is not known",
        "alternate email",
        "reported in the sources",
        "on this in the sources",
    ),
    "fr": (
        "wikipédia",
        "miroir",
        "copie archivée",
        "interface en",
        "n’a été trouvé",
        "n’a été trouvée",
        "n’ont pas été relevé",
        "n’a pas été relevé",
        "non confirmé",
        "pas confirmé",
        "n’a pas été consulté",
        "aucune source consultée",
        "il convient de vérifier",
        "recherches menées pour ce site",
        "pas encore vérifié",
        "enregistrée pour l’instant",
        "dans les sources",
        "ne concordent pas",
        "n’est pas connu",
    ),
    "es": (
        "wikipedia",
        "copia espejo",
        "copia archivada",
        "interfaz en",
        "no se encontró",
        "no está confirmada",
        "no están confirmadas",
        "no se ha confirmado",
        "fuentes consultadas",
        "conviene comprobar",
        "investigación realizada para este sitio",
        "aún no se ha comprobado",
        "no se han visto",
        "no se ha visto",
        "no se conoce el lugar",
        "todavía no se ha registrado",
        "las fuentes no informan",
        "en las fuentes",
        "no concuerdan",
    ),
    "ru": (
        "википеди",
        "зеркал",
        "сохраненная копия",
        "архивной копии",
        "интерфейс",
        "не подтвержден",
        "план не найден",
        "не найдено источника",
        "следует уточнить",
        "для этого сайта",
        "пока не проверено",
        "установить не удалось",
        "изучить не удалось",
        "не установлены",
        "изученных источников",
        "не согласуются",
        "пока не зарегистрированы",
        "в источниках не сообщается",
        "в источниках нет",
        "место проведения неизвестно",
    ),
    "ar": (
        "ويكيبيديا",
        "نسخة مطابقة",
        "نسخة مخزنة",
        "نسخة مؤرشفة",
        "الواجهة",
        "لم يتأكد",
        "ولم تتأكد",
        "لم يُعثر",
        "لم يُطَّلع",
        "ينبغي التحقق",
        "البحث الذي أُجري",
        "لم يُتحقق",
        "لم تُسجَّل أي صفحة رسمية",
        "لم تُبلغ المصادر",
        "في المصادر",
        "لا تتسق",
        "غير معروف",
    ),
    "zh": (
        "维基百科",
        "镜像",
        "存档副本",
        "界面",
        "未经证实",
        "未发现",
        "未见",
        "核实",
        "本网站的调研",
        "暂无官方页面记录",
        "资料中未报告",
        "资料中没有",
        "相互矛盾",
        "地点不详",
    ),
}
"""Research-process wording removed from public texts, by language (compared case-insensitively)."""


def public_texts(value: Any, where: str) -> Iterator[tuple[str, str, str]]:
    """(where, language, text) for every public Text under `value`; editor-only fields skipped."""
    if never_shown(value):
        return
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in EDITOR_ONLY:
                yield from public_texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()) and set(value) <= set(LANGUAGES):
            for language, text in value.items():
                yield where, language, text
        else:
            for key, item in value.items():
                yield from public_texts(item, f"{where}[{key}]")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from public_texts(item, f"{where}[{getattr(item, 'id', index)}]")


def all_public_texts(data: Dataset) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for field in dataclasses.fields(data):
        if field.init:
            found += public_texts(getattr(data, field.name), field.name)
    return found


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str, str]]:
    return all_public_texts(load_dataset(ROOT / "data"))


def test_every_language_has_a_phrase_list() -> None:
    assert set(RESEARCH_PHRASES) == set(LANGUAGES)


def test_the_walk_reaches_texts_in_every_file(texts: list[tuple[str, str, str]]) -> None:
    """Guards the walk itself: a walk that found nothing would pass the test below."""
    roots = {where.split(".")[0].split("[")[0] for where, _, _ in texts}
    assert {"organizations", "agreement", "workplan", "updates", "events", "glossary", "links"} <= roots
    assert {"contacts", "labels", "guides", "seeds"} <= roots
    assert {language for _, language, _ in texts} == set(LANGUAGES)


def test_only_unofficial_publishers_are_skipped(texts: list[tuple[str, str, str]]) -> None:
    """Official publishers' names are cited on public pages, so the walk reads them."""
    data = load_dataset(ROOT / "data")
    walked = {where.split("]")[0] for where, _, _ in texts if where.startswith("publishers[")}
    official = {f"publishers[{key}" for key, publisher in data.publishers.items() if publisher.official}
    assert walked == official and official


def test_notes_are_not_walked() -> None:
    data = load_dataset(ROOT / "data")
    noted = next(update for update in data.updates if update.note)
    assert all(text != noted.note for _, _, text in public_texts(noted, "update"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_research_notes_in_public_texts(texts: list[tuple[str, str, str]], language: str) -> None:
    hits = [
        f"{where} ({language}): “{phrase}” in {text[:120]!r}"
        for where, text_language, text in texts
        if text_language == language
        for phrase in RESEARCH_PHRASES[language]
        if phrase.casefold() in text.casefold()
    ]
    assert not hits, "research notes belong in `note:`, not in public text:\n" + "\n".join(hits)


GENERATED = ("areas", "events", "plans")
"""Folders of docs/ whose pages the build writes (shells of one macro call), not an editor."""


@pytest.mark.parametrize(
    "page",
    sorted(p for p in (ROOT / "docs").rglob("*.md") if p.relative_to(ROOT / "docs").parts[0] not in GENERATED),
    ids=lambda path: path.relative_to(ROOT / "docs").as_posix(),
)
def test_no_research_notes_in_page_sources(page: Path) -> None:
    """The pages' own Markdown (comments aside, which readers do not see) is public text too."""
    parts = page.name.split(".")
    language = parts[-2] if len(parts) == 3 and parts[-2] in LANGUAGES else "en"
    text = re.sub(r"<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.DOTALL).casefold()
    hits = [phrase for phrase in RESEARCH_PHRASES[language] if phrase.casefold() in text]
    assert not hits, f"{page.relative_to(ROOT)}: {hits}"


# --- Quotation marks: only an organization's own wording (issue 10) ----------------------------
# A translation made for this site is never put in quotation marks as if it were the WCO's or the
# IPPC's wording: a text in another language quotes the ORIGINAL (English) wording, followed by the
# site's translation without quotation marks ("Thème de l’OMD : « Customs … » (en français : …)"),
# unless the organization's own translation is known, from the research brief or the seeds.

OFFICIAL_TRANSLATIONS: dict[tuple[str, str], str] = {
    # The WCO's name in French, its second official language: /work/shared/domain_facts.md,
    # section 7 (Glossary), row "WCO": "World Customs Organization (Organisation mondiale des
    # douanes, OMD)".
    ("fr", "World Customs Organization"): "Organisation mondiale des douanes",
}
"""(language, English wording) → the organization's own wording in that language, quoted as such."""

QUOTED_BUT_NOT_AN_ORGANIZATIONS_WORDING: dict[str, set[str]] = {
    # Russian puts proper names of programmes and bodies in « » (not a translated wording).
    "ru": {"Меркатор", "Кодекс Алиментариус", "{area}", "Отчеты о ходе работы"},
    # The name of this site's own Progress section.
    "zh": {"进展"},
}
"""Quoted names that are no organization's wording (the IPPC's own spelling variant aside)."""

ENGLISH_SPELLING_VARIANTS = {"Sea Container Task Force"}
"""English wording quoted as spelled by the organization, in every language (glossary: SCTF)."""

_ENGLISH_QUOTED = re.compile(r"“([^”]+)”")
_QUOTED = re.compile(r"«\u00a0?([^»]*?)\u00a0?»|“([^”]*)”|„([^“”]*)[“”]|「([^」]*)」|‘([^’]*)’|\"([^\"]*)\"")
_THEME = re.compile(r"\btheme\b[^“]*“([^”]+)”", re.IGNORECASE)


def quoted_in(text: str) -> list[str]:
    """What a text puts in quotation marks, in any language's style (Chinese 《title marks》 aside)."""
    return [next(group for group in match.groups() if group is not None) for match in _QUOTED.finditer(text)]


def quote_problems(english: str, language: str, text: str) -> list[str]:
    """Each quoted passage of `text` that is neither the English original nor an official translation."""
    originals = set(_ENGLISH_QUOTED.findall(english))
    official = {OFFICIAL_TRANSLATIONS.get((language, original)) for original in originals}
    allowed = originals | {wording for wording in official if wording}
    allowed |= QUOTED_BUT_NOT_AN_ORGANIZATIONS_WORDING.get(language, set()) | ENGLISH_SPELLING_VARIANTS
    return [passage for passage in quoted_in(text) if passage not in allowed]


def test_quote_problems_tells_a_site_translation_from_the_original() -> None:
    english = "WCO theme “Customs protecting society through vigilance and commitment”."
    assert quote_problems(english, "fr", "Thème : «\u00a0La douane protège la société\u00a0».")
    assert quote_problems(english, "zh", "主题为“海关以警觉与担当守护社会”。")
    good = "Thème : «\u00a0Customs protecting society through vigilance and commitment\u00a0» (en français\u00a0: …)."
    assert not quote_problems(english, "fr", good)
    official = "The “World Customs Organization” name."
    assert not quote_problems(official, "fr", "Le nom «\u00a0Organisation mondiale des douanes\u00a0».")
    assert quote_problems(official, "es", "El nombre «Organización Mundial de Aduanas».")


def test_customs_day_and_conference_themes_are_quoted_in_the_wcos_wording() -> None:
    """Every event whose English description quotes a WCO theme quotes that same wording (or the
    WCO's own translation) in every other language, and quotes no site translation of it."""
    data = load_dataset(ROOT / "data")
    themed = [
        (event, event.description, theme)
        for event in data.events
        if event.description
        for theme in _THEME.findall(event.description["en"])
    ]
    assert themed, "no event quotes a theme: the pattern no longer matches the English descriptions"
    problems: list[str] = []
    for event, description, theme in themed:
        for language, text in description.items():
            if language == "en":
                continue
            wordings = {theme, OFFICIAL_TRANSLATIONS.get((language, theme), theme)}
            if not any(wording in quoted_in(text) for wording in wordings):
                problems.append(f"{event.id} ({language}): the theme is not quoted as “{theme}”")
            problems += [
                f"{event.id} ({language}): «{passage}» is quoted but is not the WCO's wording"
                for passage in quote_problems(description["en"], language, text)
            ]
    assert not problems, "\n".join(problems)


def test_no_text_quotes_a_site_translation_as_an_organizations_wording() -> None:
    """In every public text: what another language quotes is what the English quotes (or an
    official translation of it), so a site translation is never presented as the original."""
    by_text: dict[str, dict[str, str]] = {}
    for where, language, text in all_public_texts(load_dataset(ROOT / "data")):
        by_text.setdefault(where, {})[language] = text
    problems = [
        f"{where} ({language}): «{passage}»"
        for where, languages in by_text.items()
        for language, text in languages.items()
        if language != "en"
        for passage in quote_problems(languages.get("en", ""), language, text)
    ]
    assert not problems, "quote the original wording, then the site's translation unquoted:\n" + "\n".join(problems)
