"""`make serve`: a data edit shows in the page; a data error shows in the page itself, with its file
and line, and the page recovers by itself once the error is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_quality.preview import copy_data, fetch, live_preview, wait_for

from .conftest import FIXTURES

pytestmark = pytest.mark.build


def test_the_preview_shows_edits_and_data_errors_in_the_page(tmp_path: Path) -> None:
    data = copy_data(FIXTURES / "minimal", tmp_path / "data")
    glossary = data / "glossary.yml"
    good = glossary.read_text(encoding="utf-8")
    anchor = "    expansion:\n      en: "
    assert anchor in good
    with live_preview(data) as url:
        page = url + "glossary/"
        glossary.write_text(good.replace(anchor, f"{anchor}Edited in the preview ", 1), encoding="utf-8")
        wait_for(page, lambda html: "Edited in the preview" in html, timeout=60)

        broken = good.replace(anchor, "    expansion:\n\ten: ", 1)
        glossary.write_text(broken, encoding="utf-8")
        error_shown = wait_for(page, lambda html: "The data has errors" in html, timeout=60)
        html = fetch(page)
        assert "glossary.yml:" in html and "tab" in html, "the page names the file, line and problem"
        assert error_shown < 60

        glossary.write_text(good, encoding="utf-8")
        wait_for(page, lambda html: "The data has errors" not in html and "<h1" in html, timeout=60)
