"""A small static server that compresses, as a real host does: for the Lighthouse benchmark.

Python's http.server sends files uncompressed and without cache headers, which Lighthouse counts
against performance although no real host serves a site that way. This one answers like GitHub Pages
or a default nginx with gzip on: text files gzip-compressed when the browser accepts it (level 6),
`Cache-Control: max-age=600`, `Vary: Accept-Encoding`, HTTP/1.1 keep-alive.

    .venv/bin/python -m site_quality.compressed_server [--site site] [--port 8000]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import sys
import threading
from contextlib import AbstractContextManager, suppress
from pathlib import Path
from typing import Any

from . import gates

ROOT = Path(__file__).resolve().parent.parent


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest", ".map"}


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class CompressingHandler(gates.QuietHandler):
    protocol_version = "HTTP/1.1"

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_compressed(folder: Path, port: int = 0) -> AbstractContextManager[str]:
    """Serve a folder compressed on 127.0.0.1 from a thread; yields the base URL, ending in /."""
    return gates.serve(folder, CompressingHandler, port)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built folder (default: site/)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args()
    with serve_compressed(args.site.resolve(), args.port) as url:
        print(f"Serving {args.site} compressed at {url} (Ctrl-C stops)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
