"""Translation gaps are visible: the report lists them, and a build shows English, marked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from macros import translations
from macros.editions import edition_languages

from .conftest import FIXTURES, ROOT


def test_report_lists_the_fixture_gap_with_file_and_line() -> None:
    result = translations.report(FIXTURES / "minimal", ROOT / "docs", ["en", "fr"])
    assert result["en"].complete
    missing = {text.key: text.line for text in result["fr"].missing}
    assert missing["organizations.yml:organizations[0].description"] == 11
    assert "organizations.yml:organizations[0].name" not in missing


def test_make_translations_fails_for_a_language_declared_complete() -> None:
    command = [sys.executable, "-m", "macros", "translations", "--data", str(FIXTURES / "minimal")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "fr: GAPS (declared complete)" in result.stdout
    assert "missing: minimal/organizations.yml:11: organizations[0].description" in result.stdout
    assert "declared complete (complete_languages in mkdocs.<edition>.yml) has gaps" in result.stdout


def test_export_and_merge_put_each_translation_beside_its_english(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)
    missing = translations.export_missing(data_dir, "es")
    assert {"key": "organizations.yml:organizations[1].acronym", "en": "IPPC"} in missing
    left = translations.merge(
        data_dir,
        "es",
        {
            "organizations.yml:organizations[1].acronym": "CIPF",
            "agreement.yml:agreement.areas_of_cooperation[0]": "ePhyto",
        },
    )
    assert left == []
    text = (data_dir / "organizations.yml").read_text(encoding="utf-8")
    assert '      en: IPPC\n      es: "CIPF"\n' in text
    assert '    - en: ePhyto\n      es: "ePhyto"\n' in (data_dir / "agreement.yml").read_text(encoding="utf-8")
    after = {entry["key"] for entry in translations.export_missing(data_dir, "es")}
    assert "organizations.yml:organizations[1].acronym" not in after
    assert json.loads(json.dumps(missing, ensure_ascii=False)) == missing  # exported entries are plain JSON


def test_untranslated_field_is_english_marked_and_announced(minimal_site: Path) -> None:
    page = (minimal_site / "wco" / "fr" / "about-wco" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en" dir="ltr" class="fallback"' in page
    assert "An intergovernmental body for Customs (1 &lt; 2 &amp; 3 &gt; 2)." in page
    assert 'class="admonition note"' in page
    assert '<html lang="fr"' in page


class _TextByLanguage(HTMLParser):
    """The text of a page's article outside elements marked as another language (`lang="en"`)."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.inside_article = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        foreign = bool(lang) and not (lang or "").startswith(self.language)
        self.stack.append((tag, foreign or (bool(self.stack) and self.stack[-1][1])))
        if tag == "article":
            self.inside_article = True

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "article":
            self.inside_article = False

    def handle_data(self, data: str) -> None:
        if self.inside_article and not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def test_translated_pages_show_no_unmarked_english(built_site: Path) -> None:
    """Measured on the built pages, generated ones included: a data text that has a translation in a
    page's language is never shown there in English, unless marked as English (a fallback)."""
    fields = list(translations.text_fields(ROOT / "data"))
    problems: list[str] = []
    checked = 0
    for edition in ("wco", "ippc"):
        for language in edition_languages(ROOT, edition)[1:]:
            translated_texts = " ".join(field.texts[language] for field in fields if language in field.texts)
            english = {
                " ".join(field.texts["en"].split()): " ".join(field.texts[language].split())
                for field in fields
                if language in field.texts
                and field.texts[language] != field.texts["en"]
                and len(field.texts["en"]) >= 25
                and not set("*_`[]<>&") & set(field.texts["en"] + field.texts[language])
                and field.texts["en"] not in translated_texts  # quoted in a translation (an address, a name)
            }
            for page in sorted((built_site / edition / language).rglob("index.html")):
                checked += 1
                parser = _TextByLanguage(language)
                parser.feed(page.read_text(encoding="utf-8"))
                text = " ".join(" ".join(parser.parts).split())
                problems += [
                    f"{page.relative_to(built_site)}: {found!r}"
                    for found, translated in english.items()
                    if found in text and translated not in text  # shown in English instead of its translation
                ]
    assert checked > 50, f"only {checked} translated pages found"
    assert not problems, "\n".join(problems[:20])
