"""Load data/ once per build: later calls with unchanged files reuse the validated data set.

MkDocs with several languages runs the plugins once per language in one process, and
`mkdocs serve` rebuilds after every change; both call this, and only a change reloads.
"""

from __future__ import annotations

import os
from pathlib import Path

from .dataset import Dataset, load_dataset
from .editorial import public_view

_cache: dict[tuple[Path, bool], tuple[tuple[tuple[str, int, int], ...], Dataset]] = {}


def preview_requested() -> bool:
    """A preview build (`make preview`, `make serve`) shows records to confirm, badged."""
    return os.environ.get("PREVIEW", "").lower() in ("1", "true", "yes")


def data_dir_of(project_dir: Path) -> Path:
    """data/ beside mkdocs.yml, unless SITE_DATA_DIR names another folder (tests, previews)."""
    override = os.environ.get("SITE_DATA_DIR")
    return Path(override) if override else project_dir / "data"


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (path.name, stat.st_mtime_ns, stat.st_size) for path in sorted(data_dir.glob("*.yml")) for stat in [path.stat()]
    )


def cached_dataset(data_dir: Path, preview: bool = True) -> Dataset:
    """Every record (`preview`), or what the public build shows."""
    data_dir = data_dir.resolve()
    fingerprint = _fingerprint(data_dir)
    cached = _cache.get((data_dir, preview))
    if cached and cached[0] == fingerprint:
        return cached[1]
    dataset = load_dataset(data_dir) if preview else public_view(cached_dataset(data_dir, preview=True))
    _cache[(data_dir, preview)] = (fingerprint, dataset)
    return dataset
