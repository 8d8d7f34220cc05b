"""MkDocs hooks: pages that exist because a record exists (one page per work-plan area).

An editor adds an area in data/workplan.yml; its page and its place in the navigation follow.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros.errors import DataErrors
from macros.loading import cached_dataset, data_dir_of

AREAS_PLACEHOLDER = "areas/"


def _areas(config: Any) -> list[tuple[str, str]]:
    try:
        data = cached_dataset(data_dir_of(Path(config.config_file_path).parent))
    except DataErrors as errors:
        raise PluginError(errors.report()) from None
    return [(area.id, area.slug) for area in data.workplan.areas]


def _expand(nav: Any, pages: list[str]) -> Any:
    if isinstance(nav, list):
        expanded = []
        for item in nav:
            if item == AREAS_PLACEHOLDER:
                expanded.extend(pages)
            else:
                expanded.append(_expand(item, pages))
        return expanded
    if isinstance(nav, dict):
        return {key: _expand(value, pages) for key, value in nav.items()}
    return nav


@event_priority(100)
def on_config(config: Any) -> Any:
    """Put one navigation entry per area where mkdocs.yml says `areas/`."""
    pages = [f"areas/{slug}.md" for _, slug in _areas(config)]
    if config.nav:
        config.nav = _expand(config.nav, pages)
    return config


@event_priority(100)
def on_files(files: Files, config: Any) -> Files:
    """A shell page per area, run before the i18n plugin so that each language gets it."""
    for area_id, slug in _areas(config):
        content = (
            f"<!-- Generated from data/workplan.yml, area {area_id}: edit the data, not this page. -->\n"
            f'{{{{ area_page("{area_id}") }}}}\n'
        )
        files.append(File.generated(config, f"areas/{slug}.md", content=content))
    return files
