"""Data errors that an editor can act on: file, line, column, field path, what to do."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control and direction characters (which could recolour
    the terminal, or make the message read otherwise) shown as escapes, e.g. \\x1b or \\u202e."""
    return "".join(
        (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        if unicodedata.category(ch) == "Cc" or ch in _BIDI
        else ch
        for ch in text
    )


def brief(value: Any, limit: int = 80) -> str:
    """A value as a message quotes it: its repr, cut short when long."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def excerpt(lines: Sequence[str], line: int, column: int, around: int = 1) -> tuple[str, ...]:
    """The file's lines around `line`, numbered, with `>` on the line and `^` under the column, as an
    editor sees them (control characters, tabs included, shown as escapes)."""
    if not 1 <= line <= len(lines):
        return ()
    last = min(len(lines), line + around)
    width = len(str(last))
    shown = []
    for number in range(max(1, line - around), last + 1):
        text = printable(lines[number - 1])
        shown.append(f"{'>' if number == line else ' '} {number:>{width}} | {text}".rstrip())
        if number == line and column > 1:
            before = printable(lines[number - 1][: column - 1])
            shown.append(f"  {' ' * width} | {' ' * len(before)}^")
    return tuple(shown)


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one place of one data file."""

    file: str
    line: int
    column: int
    path: str
    message: str
    excerpt: tuple[str, ...] = field(default=(), compare=False)
    """The lines around the place, numbered, the place marked: shown under the message."""

    def with_excerpt(self, lines: Sequence[str]) -> DataError:
        """The same error with the lines around its place taken from the file's `lines`."""
        return replace(self, excerpt=excerpt(lines, self.line, self.column)) if not self.excerpt else self

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return printable(text)


class DataErrors(Exception):
    """All the problems found in one pass over data/, so that an editor fixes them in one go."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = []
        for error in self.errors:
            lines.append(str(error))
            lines.extend(f"    {line}" for line in error.excerpt)
        lines.append(f"{count} {noun} in the data; nothing was built. Fix the lines above and build again.")
        return "\n".join(lines)
