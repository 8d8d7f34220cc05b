"""Read YAML as plain data while remembering where every value stands in its file.

Dates are left as strings (the model parses them, with a clear message), duplicate keys
inside one mapping are errors, and syntax errors become DataErrors, never tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors

Path_ = tuple[str | int, ...]


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

    def position(self, path: Path_) -> tuple[int, int]:
        """The position of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)

    def error(self, path: Path_, message: str) -> DataError:
        line, column = self.position(path)
        return DataError(self.name, line, column, format_path(path), message)


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
    """Parse one file; raise DataErrors for syntax errors and duplicate keys."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        if exc.context and exc.problem_mark:
            problem = f"{exc.context}, {problem} (line {exc.problem_mark.line + 1})"
        raise DataErrors(
            [DataError(name, line, column, "", f"this is not valid YAML: {problem} (check indentation and quotes)")]
        ) from None
    loaded = LoadedFile(name=name, data=None)
    errors: list[DataError] = []
    loaded.data = _construct(node, (), loaded, errors) if node is not None else None
    if errors:
        raise DataErrors(errors)
    return loaded


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
