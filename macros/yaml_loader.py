"""Read YAML as plain data while remembering where every value stands in its file.

Dates are left as strings (the model parses them, with a clear message), duplicate keys
inside one mapping are errors, and syntax errors become DataErrors, never tracebacks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors

Path_ = tuple[str | int, ...]


_MAX_DEPTH = 40
"""No data file nests deeper than a few levels; deeper is a mistake (or an attack on the stack)."""

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: several times faster


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader without the timestamp resolver: `2019-13-45` must reach the model as text."""


_CONSTRUCTOR = _Loader("")


def _scalar(node: yaml.Node) -> Any:
    return _CONSTRUCTOR.construct_object(node, deep=True)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LoadedFile:
    """The data of one YAML file and the position (line, column; 1-based) of each value."""

    name: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Where each key of a mapping stands (`positions` holds its value's place when that is a scalar)."""
    lines: list[str] = field(default_factory=list)
    """The file's text, line by line: error messages show the lines around a problem."""

    def position(self, path: Path_) -> tuple[int, int]:
        """The position of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)

    def error(self, path: Path_, message: str, at_key: bool = False) -> DataError:
        """An error about the value at `path` (or about its key, `at_key`: a key in the wrong place)."""
        line, column = (self.key_positions.get(path) if at_key else None) or self.position(path)
        return DataError(self.name, line, column, format_path(path), message).with_excerpt(self.lines)


def format_path(path: Path_) -> str:
    """`('events', 7, 'ends_on')` → `events[7].ends_on`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def load_yaml_file(path: Path, name: str) -> LoadedFile:
    """Parse one file; raise DataErrors for what is not a readable file, syntax errors, anchors,
    aliases and duplicate keys, each with the line to fix and what to do."""
    text = _read_text(path, name)
    lines = text.splitlines()
    try:
        _check_events(text, name)
        node = yaml.compose(text, Loader=_Loader)
    except DataErrors as refused:
        raise DataErrors([error.with_excerpt(lines) for error in refused.errors]) from None
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([syntax_error(text, name, exc).with_excerpt(lines)]) from None
    except yaml.YAMLError:
        raise DataErrors([_character_error(text, name).with_excerpt(lines)]) from None
    if node is None:
        raise DataErrors(
            [DataError(name, 1, 1, "", "this file is empty (or holds only comments); write its data, or restore it")]
        )
    loaded = LoadedFile(name=name, data=None, lines=lines)
    errors: list[DataError] = []
    loaded.data = _construct(node, (), loaded, errors)
    if errors:
        raise DataErrors([error.with_excerpt(lines) for error in errors])
    return loaded


# --- The file itself ------------------------------------------------------------------------------------


def _read_text(path: Path, name: str) -> str:
    """The file's text; a folder, a dangling link, an unreadable file or bytes that are not UTF-8
    each get their own message."""
    if path.is_symlink() and not path.exists():
        target = path.readlink()
        message = f"this is a link to '{target}', which does not exist; put the file itself here"
        raise DataErrors([DataError(name, 1, 1, "", message)])
    if path.is_dir():
        message = "this is a folder, not a file; a data file must be a YAML file: put the file here instead"
        raise DataErrors([DataError(name, 1, 1, "", message)])
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"this file cannot be read ({error.strerror or error}); check that it is a file you may read"
        raise DataErrors([DataError(name, 1, 1, "", message)]) from None
    try:
        return data.decode("utf-8-sig")  # a byte order mark is harmless: dropped
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        message = (
            f"this file is not UTF-8 (byte 0x{data[error.start]:02X} at line {line}, column {column}); save it as UTF-8"
        )
        raise DataErrors([DataError(name, line, column, "", message)]) from None


def _check_events(text: str, name: str) -> None:
    """Anchors, aliases and deep nesting are refused before any node is built: an alias "bomb"
    (aliases of aliases) would grow to gigabytes, and deep nesting would overflow the C stack.
    Reading the parser's events costs no expansion and no recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line, column = (event.start_mark.line + 1, event.start_mark.column + 1) if event.start_mark else (1, 1)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            message = "anchors and aliases (&name, *name) are not allowed in data; write the value out"
            raise DataErrors([DataError(name, line, column, "", message)])
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                message = (
                    f"the data is nested more than {_MAX_DEPTH} levels deep here; no data file needs that: simplify it"
                )
                raise DataErrors([DataError(name, line, column, "", message)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _character_error(text: str, name: str) -> DataError:
    """A character that YAML does not accept (a control character), found by its line and column."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = yaml.reader.Reader.NON_PRINTABLE.search(line)
        if found:
            character = found.group()
            kind = "control character" if unicodedata.category(character) == "Cc" else "character"
            message = f"this line holds the {kind} U+{ord(character):04X}, which YAML does not accept; remove it"
            return DataError(name, number, found.start() + 1, "", message)
    return DataError(name, 1, 1, "", "this file holds a character that YAML does not accept; remove it")


# --- Syntax errors in words -------------------------------------------------------------------------------

_KEY = re.compile(r"^(\s*)((?:-\s+)*)([^\s#'\"\[\]{}:-][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(\s|$)")
_HINT = "this is not valid YAML: "


def syntax_error(text: str, name: str, exc: yaml.MarkedYAMLError) -> DataError:
    """A parser's error told as an editor would say it: which line, what is wrong there, what to do."""
    lines = text.splitlines()
    problem = exc.problem_mark or exc.context_mark
    line = problem.line + 1 if problem else 1
    column = problem.column + 1 if problem else 1
    context = exc.context or ""
    try:
        described = (
            _tab(lines, line)
            or _unclosed_quote(text, lines, exc)
            or _unclosed_bracket(lines, exc)
            or _misplaced_key(lines, line, column, exc)
        )
    except (IndexError, ValueError):  # a guess that does not fit this file: the parser's words, then
        described = None
    if described:
        line, column, message = described
    else:
        words = exc.problem or str(exc)
        if context and exc.problem_mark:
            words = f"{context}, {words} (line {exc.problem_mark.line + 1})"
            mark = exc.context_mark or exc.problem_mark
            line, column = mark.line + 1, mark.column + 1
        message = f"{words} (check indentation and quotes)"
    return DataError(name, line, column, "", _HINT + message + _shown(lines, line))


def _shown(lines: list[str], line: int) -> str:
    return f"; line {line} reads: {lines[line - 1].rstrip()!r}" if 0 < line <= len(lines) else ""


def _tab(lines: list[str], up_to: int) -> tuple[int, int, str] | None:
    """A tab in the indentation of a line, at or above the line where the parser stopped."""
    for number, text in enumerate(lines[:up_to], start=1):
        indentation = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in indentation and text.strip() and not text.lstrip().startswith("#"):
            return number, indentation.index("\t") + 1, f"line {number} is indented with a tab; use spaces"
    return None


def _unclosed_quote(text: str, lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A quote that is never closed: the parser reads on to the next quote, lines further, and
    stops there. The place to fix is where the quoted text opens."""
    mark = exc.context_mark
    if exc.context == "while scanning a quoted scalar" and mark:
        quote = lines[mark.line][mark.column] if mark.column < len(lines[mark.line]) else '"'
        return mark.line + 1, mark.column + 1, _quote_message(quote)
    problem = exc.problem_mark
    if not problem:
        return None
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > problem.line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last and last.start_mark.line < last.end_mark.line and last.end_mark.line == problem.line:
        return last.start_mark.line + 1, last.start_mark.column + 1, _quote_message(str(last.style))
    return None


def _quote_message(quote: str) -> str:
    return (
        f"the quoted text that starts here has no closing {quote}: add {quote} at its end (or remove the opening one)"
    )


def _unclosed_bracket(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    mark = exc.context_mark
    if not mark or exc.context not in ("while parsing a flow sequence", "while parsing a flow mapping"):
        return None
    opening, closing, what = ("[", "]", "list") if "sequence" in exc.context else ("{", "}", "mapping")
    message = f"the {opening} that opens here is not closed: add {closing} at the end of the {what}"
    return mark.line + 1, mark.column + 1, message


def _key_at(lines: list[str], number: int) -> tuple[str, int] | None:
    """The key on line `number` (1-based) and its column, if the line holds one."""
    match = _KEY.match(lines[number - 1]) if 0 < number <= len(lines) else None
    if not match:
        return None
    return match.group(3).strip(), len(match.group(1)) + len(match.group(2)) + 1


def _misplaced_key(lines: list[str], line: int, column: int, exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A key moved left or right of the keys it belongs with."""
    found = _key_at(lines, line)
    if not found:
        return None
    key, key_column = found
    problem = exc.problem or ""
    if problem.startswith("mapping values are not allowed"):
        colon = lines[line - 1].find(":", key_column - 1)
        if colon + 1 != column:
            return (
                line,
                column,
                (f"the text of '{key}' holds ': ', which YAML reads as a new key; put the text in quotes"),
            )
        above = _key_before(lines, line, key_column)
        if above:
            other, other_line, other_column = above
            return (
                line,
                key_column,
                (
                    f"'{key}' is indented deeper than '{other}' above it (line {other_line}); "
                    f"move it left to column {other_column}, in line with '{other}'"
                ),
            )
        return None
    if "expected" not in problem:
        return None
    above = _key_left_behind(lines, line, key_column)
    if not above:
        return None
    other, other_line, other_column = above
    return (
        line,
        key_column,
        (
            f"'{key}' is indented less than '{other}' above it (line {other_line}); "
            f"move it right to column {other_column}, in line with '{other}'"
        ),
    )


def _key_lines_above(lines: list[str], line: int) -> Iterator[tuple[str, int, int]]:
    """The keys above `line`, nearest first: (key, line, column)."""
    for number in range(line - 1, 0, -1):
        found = _key_at(lines, number)
        if found:
            yield found[0], number, found[1]


def _key_before(lines: list[str], line: int, column: int) -> tuple[str, int, int] | None:
    """For a key moved right: the key just above it, if that one stands further left."""
    for key, number, key_column in _key_lines_above(lines, line):
        return (key, number, key_column) if key_column < column else None
    return None


def _key_left_behind(lines: list[str], line: int, column: int) -> tuple[str, int, int] | None:
    """For a key moved left: the leftmost key of the block it left (the keys above that stand
    further right, up to the first one that does not)."""
    best: tuple[str, int, int] | None = None
    for key, number, key_column in _key_lines_above(lines, line):
        if key_column <= column:
            break
        if best is None or key_column < best[2]:
            best = (key, number, key_column)
    return best


_PLAIN_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _tag_error(node: yaml.Node, path: Path_, loaded: LoadedFile) -> DataError:
    """A tag such as !!python/object builds code, not data: refused wherever it stands."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    message = f"this is not valid YAML here: the tag {node.tag} is not allowed in data; remove it"
    return DataError(loaded.name, line, column, format_path(path), message)


def _construct(node: yaml.Node, path: Path_, loaded: LoadedFile, errors: list[DataError]) -> Any:
    loaded.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        errors.append(_tag_error(node, path, loaded))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)):
                errors.append(
                    DataError(
                        loaded.name,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_path(path),
                        "a key must be a plain word",
                    )
                )
                continue
            key = str(key)
            if key in seen:
                errors.append(
                    DataError(
                        loaded.name,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_path((*path, key)),
                        f"duplicate key '{key}' (already set on line {seen[key]}); keep only one",
                    )
                )
                continue
            seen[key] = key_node.start_mark.line + 1
            child = (*path, key)
            loaded.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            loaded.key_positions[child] = loaded.positions[child]
            result[key] = _construct(value_node, child, loaded, errors)
            # The key's position is the most useful place to point at for a bad value too,
            # but a scalar value's own position is more precise.
            if isinstance(value_node, yaml.ScalarNode):
                loaded.positions[child] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, index), loaded, errors) for index, item in enumerate(node.value)]
    try:
        return _scalar(node)
    except yaml.constructor.ConstructorError:
        errors.append(_tag_error(node, path, loaded))
        return None
