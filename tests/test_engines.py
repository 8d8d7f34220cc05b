"""The second engine (macros/engines.py): ProperDocs builds the same site as MkDocs.

The small fixture data set is built with ProperDocs (no extras) and compared, file by file, with the
session's MkDocs build of the same data (`minimal_site`). The only difference allowed is the
generator meta tag each engine writes into every page (`mkdocs-1.6.1, …` / `mkdocs-ProperDocs
1.6.7, …`): every other byte of every file, the search indexes and sitemaps included, is the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.engines import ENGINES, engine_command

from .conftest import BUILD_EPOCH, FIXTURES, ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("properdocs") / "site"
    command = [sys.executable, "-m", "macros", "build", "--engine", "properdocs", "--no-extras"]
    command += ["--site", str(target), "--data", str(FIXTURES / "minimal")]
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"the ProperDocs build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return target


@pytest.mark.build
def test_properdocs_built_it(properdocs_site: Path) -> None:
    home = (properdocs_site / "wco" / "index.html").read_bytes()
    assert b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7' in home
    assert b"mkdocs-material-9.8.1" in home


@pytest.mark.build
def test_properdocs_builds_the_same_files_as_mkdocs(properdocs_site: Path, minimal_site: Path) -> None:
    mkdocs_files, properdocs_files = files(minimal_site), files(properdocs_site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    assert any(name.startswith("ippc/zh/") for name in mkdocs_files), "an edition or language is missing"


@pytest.mark.build
def test_every_file_is_the_same_but_the_generator_tag(properdocs_site: Path, minimal_site: Path) -> None:
    mkdocs_files, properdocs_files = files(minimal_site), files(properdocs_site)
    different = []
    for name, path in mkdocs_files.items():
        ours, theirs = path.read_bytes(), properdocs_files[name].read_bytes()
        if name.endswith(".html"):
            ours, theirs = GENERATOR.sub(b"", ours), GENERATOR.sub(b"", theirs)
        if ours != theirs:
            different.append(name)
    assert not different, f"ProperDocs built these differently: {different}"


def test_engine_command_runs_the_engine_with_this_python() -> None:
    assert engine_command("properdocs") == [sys.executable, "-m", "properdocs"]
    assert set(ENGINES) == {"mkdocs", "properdocs"}
    with pytest.raises(ValueError, match="unknown engine"):
        engine_command("zensical")
