"""Drive `make serve` from a script: start the live preview on data of one's own, edit it, and wait
until the browser would show the edit (the benchmark tools/bench_serve.py and tests/test_preview.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, condition: Callable[[str], bool], timeout: float, interval: float = 0.05) -> float:
    """Poll `url` until `condition(page)` holds; the seconds it took. TimeoutError after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if condition(fetch(url)):
            return time.perf_counter() - started
        time.sleep(interval)
    raise TimeoutError(f"{url} did not change as expected within {timeout:.0f} s")


@contextmanager
def live_preview(data_dir: Path, edition: str = "wco", language: str = "en") -> Iterator[str]:
    """`make serve` on a copy of `data_dir` (yielded URL's data: `<copy>`), as the Makefile runs it."""
    port = free_port()
    env = {
        **os.environ,
        "SITE_DATA_DIR": str(data_dir),
        "PREVIEW": "true",
        "PREVIEW_LANGUAGE": language,
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        f"mkdocs.{edition}.yml",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    log = data_dir.parent / f"serve-{port}.log"  # MkDocs' messages: a pipe nobody reads would fill and stop it
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for(url, lambda page: "<html" in page, timeout=120, interval=0.5)
            yield url
        except TimeoutError as error:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise TimeoutError(f"{error}; the preview said:\n{tail}") from None
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def copy_data(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=False)
    return target
