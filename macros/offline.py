"""The offline copy of an edition: a folder that works opened from disk (file://), search included,
zipped into the edition's `downloads/<edition>-offline.zip`.

How: the edition's configuration is built once more with OFFLINE=true, which turns on Material's
`offline` plugin (no directory URLs, search index inlined as a script) and its `privacy` plugin
(external assets copied into the site). The offline plugin asks for the `iframe-worker` shim from
unpkg.com, which lets search run its worker from file://; the build has no network, so the shim
is put into the privacy plugin's cache beforehand, from the npm package `iframe-worker`
(package.json), and the privacy plugin copies it from there into the site.

The zip is byte-reproducible: entries sorted, every timestamp the build date (SOURCE_DATE_EPOCH),
fixed permissions and compression.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .engines import DEFAULT_ENGINE, engine_command
from .pdf import copy_guide_pdfs
from .render.guides import offline_zip_name

ROOT = Path(__file__).resolve().parent.parent

SHIM = Path("node_modules/iframe-worker/shim/index.js")
"""The shim in the npm package, relative to the project folder."""

SHIM_URL_PATH = Path("unpkg.com/iframe-worker")
"""Where the privacy plugin looks for https://unpkg.com/iframe-worker/shim in its cache."""

PRIVACY_CACHE = Path(".cache/plugin/privacy/assets/external")
"""The privacy plugin's cache of external assets (its default `cache_dir` + `assets_fetch_dir`)."""

ZIP_EPOCH_MIN = 315532800
"""1 January 1980: zip timestamps cannot be earlier."""


class OfflineError(RuntimeError):
    """The offline copy could not be made; the message says what to do."""


def offline_build(config: Any) -> bool:
    """Whether this MkDocs configuration is the offline build (its `offline` plugin is on)."""
    plugins = config.get("plugins") or {}
    for name in ("material/offline", "offline"):
        plugin = plugins.get(name) if hasattr(plugins, "get") else None
        if plugin is not None:
            return bool(plugin.config.enabled)
    return False


def install_shim(project_dir: Path = ROOT) -> Path:
    """Put the npm package's shim where the privacy plugin finds `unpkg.com/iframe-worker/shim`.

    The plugin caches a download without a file extension as `shim.js` plus a link `shim` to it;
    the same two entries are made here, so that it never tries the network.
    """
    source = project_dir / SHIM
    if not source.is_file():
        raise OfflineError(
            f"{SHIM} is missing: install the Node packages of package.json first (`make node_modules`, "
            "or `npm ci --ignore-scripts`); the offline copy's search needs the iframe-worker shim."
        )
    folder = project_dir / PRIVACY_CACHE / SHIM_URL_PATH
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "shim.js"
    if not target.is_file() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)
    link = folder / "shim"
    if not (link.is_symlink() and link.readlink() == Path("shim.js")):
        link.unlink(missing_ok=True)
        link.symlink_to("shim.js")
    return target


def build_epoch(env: dict[str, str] | None = None) -> int:
    """The build date: SOURCE_DATE_EPOCH (of `env`, else of this process), or now."""
    epoch = (env or {}).get("SOURCE_DATE_EPOCH") or os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch else int(time.time())


def zip_folder(folder: Path, archive: Path, top: str, epoch: int) -> Path:
    """Zip `folder` as `top/…`, reproducibly: sorted entries, one timestamp, fixed modes."""
    stamp = datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), tz=UTC).timetuple()[:6]
    # Sorted by the names they have in the zip (a Path sorts `events/2005.html` before `events.html`).
    files = sorted(
        (path for path in folder.rglob("*") if path.is_file()), key=lambda p: p.relative_to(folder).as_posix()
    )
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(partial, "w") as zipped:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            zipped.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(archive)
    return archive


def build_offline_copy(config_file: Path, target: Path, env: dict[str, str], engine: str = DEFAULT_ENGINE) -> None:
    """Build one edition's configuration with the offline and privacy plugins on, into `target`."""
    install_shim(ROOT)
    command = [*engine_command(engine), "build", "--strict", "-q", "-f", str(config_file), "-d", str(target)]
    offline_env = {**env, "OFFLINE": "true"}
    result = subprocess.run(command, cwd=ROOT, env=offline_env, check=False, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise OfflineError(f"{output}\nthe offline build of {config_file.name} failed (see the messages above)")
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    if warnings:
        print("\n".join(warnings), file=sys.stderr)


def write_offline_zip(
    config_file: Path,
    edition: str,
    edition_dir: Path,
    env: dict[str, str],
    pdfs_ready: Callable[[], object] | None = None,
    engine: str = DEFAULT_ENGINE,
) -> Path:
    """Build the offline copy of the edition built in `edition_dir`, with its guides' PDFs, and zip it
    into `edition_dir/downloads/<edition>-offline.zip`.

    The copy does not need the edition's build: it can be built while that build runs; only its
    PDFs come from there, so `pdfs_ready` (if given) is waited for before they are copied, and a
    failure it raises stops the copy."""
    with tempfile.TemporaryDirectory(prefix=f"offline-{edition}-") as temp:
        copy = Path(temp) / edition
        build_offline_copy(config_file, copy, env, engine)
        if pdfs_ready is not None:
            pdfs_ready()
        copy_guide_pdfs(edition_dir, copy)
        archive = edition_dir / "downloads" / offline_zip_name(edition)
        return zip_folder(copy, archive, f"{edition}-offline", build_epoch(env))
