"""The data products written beside each edition's pages, per language: the events calendar and one
calendar file per upcoming event, the Atom feed, and the open-data downloads. Called by the plugin
once the edition is built (so `mkdocs serve` has them too); every file comes from a pure function."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from .atom_feed import atom_feed, feed_file
from .calendar_feed import event_calendar, events_calendar
from .context import RenderContext
from .dataset import Dataset
from .open_data import open_data_files
from .publication import Edition, build_moment
from .render.calendar_links import CALENDAR_FILE, event_file
from .render.events import is_past


def site_names(config_dir: Path, edition: str, languages: list[str]) -> dict[str, str]:
    """The site's name in each language, as the edition's configuration gives it."""
    config = yaml.safe_load((config_dir / f"mkdocs.{edition}.yml").read_text(encoding="utf-8"))
    default = str(config.get("site_name", ""))
    names = {item["locale"]: str(item.get("site_name") or default) for item in config["plugins"]["i18n"]["languages"]}
    return {language: names.get(language, default) for language in languages}


def product_files(data: Dataset, edition: Edition, names: dict[str, str], today: date) -> dict[str, bytes]:
    """Every product file of an edition, by its path under the edition's folder."""
    stamp = build_moment(today)
    files: dict[str, bytes] = {}
    for lang in edition.languages:
        prefix = edition.prefix(lang)
        files[f"{prefix}{CALENDAR_FILE}"] = events_calendar(data, edition, lang, stamp)
        ctx = RenderContext(data, lang, "events.md", edition.id, today)
        for event in data.events:
            if not is_past(event, ctx):
                files[f"{prefix}{event_file(event)}"] = event_calendar(data, edition, lang, event, stamp)
        files[feed_file(lang, edition.languages[0])] = atom_feed(data, edition, lang, names[lang], stamp)
        for path, content in open_data_files(data, edition.languages, today, edition.id).items():
            files[f"{prefix}{path}"] = content
    return files


def write_products(site_dir: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
