"""Data errors that an editor can act on: file, line, column, field path, what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one place of one data file."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataErrors(Exception):
    """All the problems found in one pass over data/, so that an editor fixes them in one go."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = [str(error) for error in self.errors]
        lines.append(f"{count} {noun} in the data; nothing was built. Fix the lines above and build again.")
        return "\n".join(lines)
