"""Where data/ is, and whether it changed since it was loaded.

The MkDocs plugin loads data/ once per build; `mkdocs serve` rebuilds after every change, and the
plugin reloads only when a data file changed (its fingerprint), so that editing a page is quick.
"""

from __future__ import annotations

import os
from pathlib import Path

Fingerprint = tuple[tuple[str, int, int], ...]


def data_dir_of(project_dir: Path) -> Path:
    """data/ beside mkdocs.yml, unless SITE_DATA_DIR names another folder (tests, previews)."""
    override = os.environ.get("SITE_DATA_DIR")
    return Path(override) if override else project_dir / "data"


def fingerprint(data_dir: Path) -> Fingerprint:
    """Name, modification time and size of every data file: any edit changes it. A file that cannot
    be looked at (a dangling link) counts as changed; loading it says what is wrong."""
    found = []
    for path in sorted(data_dir.glob("*.yml")):
        try:
            stat = path.stat()
        except OSError:
            found.append((path.name, -1, -1))
            continue
        found.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)
