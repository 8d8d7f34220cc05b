"""Translation gaps are visible: the report lists them, and a build shows English, marked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from macros import translations

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
    assert "declared complete (extra.complete_languages) has gaps" in result.stdout


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
    assert json.dumps(missing)  # exported entries are plain JSON


def test_untranslated_field_is_english_marked_and_announced(minimal_site: Path) -> None:
    page = (minimal_site / "wco" / "fr" / "about-wco" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en" class="fallback"' in page
    assert "An intergovernmental body for Customs (1 &lt; 2 &amp; 3 &gt; 2)." in page
    assert 'class="admonition note"' in page
    assert '<html lang="fr"' in page


def test_every_language_declared_complete_is_complete() -> None:
    command = [sys.executable, "-m", "macros", "translations"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    assert "GAPS" not in result.stdout
