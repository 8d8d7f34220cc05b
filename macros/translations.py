"""What is translated and what is not: per edition and language, data texts and pages.

A translator runs `make translations` to see the gaps (file and line of each English text
that has no translation), and CI fails when a language declared complete has one.
Export and merge help a translator work on one language in a separate file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .editions import edition_languages
from .model import FILE_MODELS, LANGUAGES
from .yaml_loader import LoadedFile, Path_, format_path, load_yaml_file


@dataclass(frozen=True)
class TextField:
    """One translatable text in data/: where it is, and its languages."""

    file: str
    path: Path_
    line: int
    texts: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.file}:{format_path(self.path)}"


@dataclass
class LanguageReport:
    language: str
    translated: int = 0
    missing: list[TextField] = field(default_factory=list)
    missing_pages: list[str] = field(default_factory=list)
    pages: int = 0

    @property
    def complete(self) -> bool:
        return not self.missing and not self.missing_pages


def text_fields(data_dir: Path) -> Iterator[TextField]:
    """Every text with an English version in every data file, in file order."""
    for name in FILE_MODELS:
        path = data_dir / name
        if path.is_file():
            yield from _texts(load_yaml_file(path, name))


def _texts(loaded: LoadedFile) -> Iterator[TextField]:
    def walk(value: Any, path: Path_) -> Iterator[TextField]:
        if isinstance(value, dict):
            if isinstance(value.get("en"), str) and set(value) <= set(LANGUAGES):
                yield TextField(loaded.name, path, loaded.position((*path, "en"))[0], value)
                return
            if value.get("official") is False:  # a publisher that is never cited on a page
                return
            for key, child in value.items():
                yield from walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from walk(child, (*path, index))

    yield from walk(loaded.data, ())


def pages(docs_dir: Path) -> list[str]:
    """The English pages, written by hand (the generated pages of areas, years of events and earlier
    plans are language-neutral shells, written in every language by the build)."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        stem_suffixes = path.name.split(".")
        if len(stem_suffixes) > 2 and stem_suffixes[-2] in LANGUAGES:
            continue
        if relative.startswith(("areas/", "events/", "plans/")):  # generated shells, one per language
            continue
        found.append(relative)
    return found


def report(data_dir: Path, docs_dir: Path, languages: list[str]) -> dict[str, LanguageReport]:
    fields = list(text_fields(data_dir))
    english_pages = pages(docs_dir)
    reports = {}
    for language in languages:
        result = LanguageReport(language)
        for text in fields:
            if language in text.texts:
                result.translated += 1
            else:
                result.missing.append(text)
        if language != "en":
            for page in english_pages:
                translated = docs_dir / (page[: -len(".md")] + f".{language}.md")
                if not translated.is_file():
                    result.missing_pages.append(page)
        result.pages = len(english_pages)
        reports[language] = result
    return reports


def print_report(root: Path, data_dir: Path, editions: list[str], show: int = 10) -> int:
    """Print the state of every edition and language; 1 if a language declared complete has a gap."""
    status = 0
    for edition in editions:
        config = yaml.load((root / f"mkdocs.{edition}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        complete = config["plugins"]["collaboration"].get("complete_languages") or []
        languages = edition_languages(root, edition)
        print(f"Edition {edition}:")
        for language, result in report(data_dir, root / "docs", languages).items():
            total = result.translated + len(result.missing)
            pages_done = result.pages - len(result.missing_pages)
            declared = " (declared complete)" if language in complete else ""
            mark = "complete" if result.complete else "GAPS"
            print(
                f"  {language}: {mark}{declared}: data texts {result.translated}/{total}, "
                f"pages {pages_done}/{result.pages}"
            )
            for text in result.missing[:show]:
                print(f"      missing: {data_dir.name}/{text.file}:{text.line}: {format_path(text.path)}")
            if len(result.missing) > show:
                print(f"      … and {len(result.missing) - show} more data texts")
            for page in result.missing_pages:
                print(f"      missing page: docs/{page[: -len('.md')]}.{language}.md")
            if language in complete and not result.complete:
                status = 1
    if status:
        print(
            "A language declared complete (complete_languages in mkdocs.<edition>.yml) has gaps: "
            "translate them, or undeclare it."
        )
    return status


def export_missing(data_dir: Path, language: str) -> list[dict[str, str]]:
    """The texts a translator still has to translate into `language`, with their keys."""
    return [{"key": text.key, "en": text.texts["en"]} for text in text_fields(data_dir) if language not in text.texts]


def merge(data_dir: Path, language: str, translations: dict[str, str]) -> list[str]:
    """Write translations into the data files, each beside its English text; return keys not merged."""
    by_file: dict[str, list[TextField]] = {}
    for text in text_fields(data_dir):
        if text.key in translations and language not in text.texts:
            by_file.setdefault(text.file, []).append(text)
    done = set()
    for name, fields in by_file.items():
        path = data_dir / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for text in sorted(fields, key=lambda f: f.line, reverse=True):
            index = text.line - 1
            while index > 0 and not lines[index].lstrip(" ").startswith(("en:", "- en:")):
                index -= 1  # a block scalar's value starts below its key
            line = lines[index]
            stripped = line.lstrip(" ")
            if not stripped.startswith(("en:", "- en:")):
                continue
            indent = len(line) - len(stripped) + (2 if stripped.startswith("- ") else 0)
            end = index + 1
            while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip(" ")) > indent:
                end += 1
            value = json.dumps(translations[text.key], ensure_ascii=False)
            lines.insert(end, f"{' ' * indent}{language}: {value}\n")
            done.add(text.key)
        path.write_text("".join(lines), encoding="utf-8")
    return [key for key in translations if key not in done]
