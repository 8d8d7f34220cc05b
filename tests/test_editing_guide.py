"""EDITING.md, the editors' guide: linked from the README, and every command and file it names exists."""

from __future__ import annotations

import re
from pathlib import Path

from macros.new_record import KINDS
from tests.test_pipelines import make_targets

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")


def test_the_readme_links_the_guide() -> None:
    assert "(EDITING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_relative_link_and_image_exists() -> None:
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", GUIDE)
    local = [target for target in targets if not target.startswith(("http://", "https://", "mailto:"))]
    assert "editing/preview-badge.png" in local
    assert [target for target in local if not (ROOT / target).exists()] == []


def test_every_make_target_and_kind_it_names_exists() -> None:
    named = set(re.findall(r"`make ([a-z][a-z-]*)", GUIDE)) | set(re.findall(r"\nmake ([a-z][a-z-]*)", GUIDE))
    assert {"check", "serve", "new", "review", "diff", "preview", "schemas", "translations"} <= named
    assert named <= make_targets()
    kinds = set(re.findall(r"make new KIND=([a-z]+)", GUIDE)) | set(re.findall(r"macros new ([a-z]+) ", GUIDE))
    assert kinds <= set(KINDS) and kinds


def test_every_anchor_of_the_contents_exists() -> None:
    headings = {
        re.sub(r"[^a-z0-9 -]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        for line in GUIDE.splitlines()
        if line.startswith("#")
    }
    anchors = set(re.findall(r"\]\(#([a-z0-9-]+)\)", GUIDE))
    assert anchors and anchors <= headings, anchors - headings
