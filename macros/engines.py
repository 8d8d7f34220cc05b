"""The site engines that build an edition: MkDocs 1.6 and ProperDocs (its maintained fork), both
with Material and the same plugins, from the same configuration files.

ProperDocs runs MkDocs plugins unchanged: it finds them under the `mkdocs.plugins` entry-point group
(as well as its own `properdocs.plugins`) and answers their `import mkdocs…` with its own modules.
So the generator's plugin (pyproject.toml) and Material's load as they are. Its output differs from
MkDocs' only in the generator meta tag (tests/test_engines.py).
"""

from __future__ import annotations

import sys

ENGINES: dict[str, str] = {"mkdocs": "mkdocs", "properdocs": "properdocs"}
"""Engine name → the Python module whose command line builds a site (`python -m <module> build`)."""

DEFAULT_ENGINE = "mkdocs"


def engine_command(engine: str) -> list[str]:
    """The command that runs `engine`'s command line with this Python (its subcommand follows)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    return [sys.executable, "-m", ENGINES[engine]]
