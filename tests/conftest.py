"""Shared fixtures: the real data set, and one real build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BUILD_EPOCH = "1795392000"
"""2026-11-23 00:00 UTC: the build date of the test build, so that results do not drift with time."""


def build_site(
    target: Path,
    epoch: str = BUILD_EPOCH,
    data_dir: Path | None = None,
    extras: bool = True,
    env: dict[str, str] | None = None,
    without_network: bool = False,
) -> subprocess.CompletedProcess:
    """Build the site as `make build` does, into `target` (without PDFs and offline copies if not
    `extras`), with `env` added to the environment; `without_network`: in a network namespace of its
    own (`unshare -n`), where no address but its own loopback can be reached."""
    command = [sys.executable, "-m", "macros", "build", "--site", str(target)]
    if without_network:
        command = ["unshare", "--net", *command]
    if not extras:
        command.append("--no-extras")
    if data_dir is not None:
        command += ["--data", str(data_dir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


BUILD_FIXTURES = {"built_site", "minimal_site", "published_site", "hostile_site", "preview_site"}
BROWSER_MODULES = {"test_quality_browser", "test_offline", "test_guides", "test_pdf", "test_trusted_rendering"}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets its lane: `browser` (its module drives chromium), `build` (it reads a build),
    else `unit`; a test may also name its lane itself."""
    for item in items:
        if any(item.get_closest_marker(name) for name in ("unit", "build", "browser")):
            continue
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        uses_build = BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
        if module in BROWSER_MODULES and uses_build:
            item.add_marker(pytest.mark.browser)
        elif uses_build:
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)


@pytest.fixture(scope="session")
def data():
    """The small fixture data set (tests/fixtures/minimal), which the render tests use."""
    from macros.dataset import load_dataset

    return load_dataset(FIXTURES / "minimal")


@pytest.fixture(scope="session")
def dataset():
    """The data as the public build shows it: records to confirm left out."""
    from macros.dataset import load_dataset
    from macros.editorial import public_view

    return public_view(load_dataset(ROOT / "data"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of every edition for the whole session; tests only read it."""
    target = tmp_path_factory.mktemp("build") / "site"
    result = build_site(target)
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return target


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built as `make preview` does: the records to confirm shown, with their badge
    (the container drawing, whose places await confirmation, is only there)."""
    target = tmp_path_factory.mktemp("preview") / "site"
    result = build_site(target, extras=False, env={"PREVIEW": "true"})
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    return target


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the small fixture data set, which carries HTML, Jinja and untranslated texts."""
    target = tmp_path_factory.mktemp("minimal") / "site"
    result = build_site(target, data_dir=FIXTURES / "minimal", extras=False)
    assert result.returncode == 0, result.stderr
    return target


PUBLIC_URLS = {"wco": "https://wco.example.org/collab/", "ippc": "https://ippc.example.org/plants/"}
"""The public base URLs of the published fixture build (example.org is reserved for examples)."""


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture data set built as a publisher does, with each edition's public base URL set
    (mkdocs.yml reads them from WCO_PUBLIC_URL and IPPC_PUBLIC_URL)."""
    target = tmp_path_factory.mktemp("published") / "site"
    env = {f"{edition.upper()}_PUBLIC_URL": url for edition, url in PUBLIC_URLS.items()}
    result = build_site(target, data_dir=FIXTURES / "minimal", extras=False, env=env)
    assert result.returncode == 0, result.stderr
    return target
