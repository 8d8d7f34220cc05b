"""`python -m macros new KIND`: start a new record in the right data file, in one command.

Asks for the fields on a terminal (allowed values listed, each answer checked as it is typed by the
model's own validation and by the cross-references of `make check`), or takes them as options for
scripts. The record is added as text at its place in the file (the file's comments, order and style
stay as they are; YAML is never re-dumped), with the optional fields it does not fill written as
comments, and the whole data folder is checked afterwards: if the check fails, the file is restored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import BaseModel, ValidationError

from .dataset import Dataset, load_dataset
from .dataset import _describe as describe_errors
from .errors import DataErrors
from .field_docs import TEXT_HINT, describe
from .model import Action, Area, Event, GlossaryTerm, Link, Update
from .yaml_loader import LoadedFile

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Field:
    """One field of a new record: how it is asked, read and written."""

    name: str
    form: str = "plain"
    """plain (one value), text (English text, written as `en:`), list (comma-separated), refs (quoted ids,
    comma-separated), sources (one or more, comma-separated), date, flag (yes/no)."""
    ask: bool = True
    """Whether the terminal asks for it (required fields are always asked)."""


@dataclass(frozen=True)
class Kind:
    name: str
    file: str
    model: type[BaseModel]
    fields: tuple[Field, ...]
    what: str
    order_key: str | None = None
    """A field the file is sorted by (the record goes in that order), or None (at the end)."""
    extra: tuple[Field, ...] = field(default=())
    """Options that say where the record goes and are not record fields (the action's area)."""


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "event",
            "events.yml",
            Event,
            (
                Field("id"),
                Field("title", "text"),
                Field("kind"),
                Field("starts_on", "date"),
                Field("ends_on", "date"),
                Field("place", "text"),
                Field("virtual", "flag"),
                Field("organizers", "list"),
                Field("areas", "refs"),
                Field("actions", "refs"),
                Field("description", "text"),
                Field("milestone", "flag", ask=False),
                Field("url"),
                Field("source", "sources"),
            ),
            "an event (events.yml)",
            order_key="starts_on",
        ),
        Kind(
            "update",
            "progress.yml",
            Update,
            (
                Field("id"),
                Field("dated", "date"),
                Field("title", "text"),
                Field("body", "text"),
                Field("areas", "refs"),
                Field("actions", "refs"),
                Field("organizations", "list"),
                Field("source", "sources"),
            ),
            "a progress update (progress.yml)",
            order_key="dated",
        ),
        Kind(
            "glossary",
            "glossary.yml",
            GlossaryTerm,
            (
                Field("id"),
                Field("term", "text"),
                Field("expansion", "text"),
                Field("details", "text"),
                Field("source", "sources"),
            ),
            "a glossary term (glossary.yml)",
            order_key="term",
        ),
        Kind(
            "link",
            "links.yml",
            Link,
            (
                Field("id"),
                Field("organization"),
                Field("areas", "refs"),
                Field("title", "text"),
                Field("url"),
                Field("source", "sources"),
            ),
            "an official web page (links.yml)",
        ),
        Kind(
            "action",
            "workplan.yml",
            Action,
            (
                Field("id", "ref"),
                Field("text", "text"),
                Field("time_frame", "text"),
                Field("details", "text"),
                Field("source", "sources"),
            ),
            "an action of the Joint Work Plan, under its area (workplan.yml)",
            extra=(Field("area", "ref"),),
        ),
        Kind(
            "area",
            "workplan.yml",
            Area,
            (
                Field("id", "ref"),
                Field("slug"),
                Field("title", "text"),
                Field("short_title", "text"),
                Field("intro", "text"),
                Field("icon", ask=False),
                Field("source", "sources"),
            ),
            "an area of the Joint Work Plan, at the end of the areas (workplan.yml)",
        ),
    )
}
"""The kinds of record `new` can start, in the order `make new` lists them."""


class Refused(ValueError):
    """An answer that cannot be taken: the message says why, in words."""


# --- Reading answers --------------------------------------------------------------------------------


def _split(answer: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", answer.strip()) if item.strip()]


def convert(spec: Field, answer: str) -> Any:
    """An answer as typed → the value the model reads."""
    answer = answer.strip()
    if spec.form == "flag":
        if answer.lower() in ("y", "yes", "true"):
            return True
        if answer.lower() in ("n", "no", "false", ""):
            return False
        raise Refused("answer yes or no")
    if spec.form in ("list", "refs"):
        return [item.strip("\"'") for item in _split(answer)]
    if spec.form == "sources":
        items = _split(answer)
        return items[0] if len(items) == 1 else items
    if spec.form in ("ref", "date"):
        return answer.strip("\"'")
    return answer


class Record:
    """The answers collected so far for one new record, checked against the model and data/."""

    def __init__(self, kind: Kind, data: Dataset) -> None:
        self.kind = kind
        self.data = data
        self.values: dict[str, Any] = {}
        self.where: dict[str, str] = {}

    def required(self, name: str) -> bool:
        info = self.kind.model.model_fields.get(name)
        return info is not None and info.is_required()

    def allowed(self, name: str) -> list[str]:
        """The values a field may take, to list beside the question (empty: any value of the right form)."""
        if name == "kind":
            return list(typing_args(Event, "kind"))
        if name in ("organizers", "organizations", "organization"):
            return list(self.data.organizations)
        if name == "areas" or (name == "area" and self.kind.name == "action"):
            return [area.id for area in self.data.workplan.areas]
        if name == "actions":
            return [action.id for action in self.data.actions.values()]
        return []

    def default(self, name: str) -> str | None:
        areas = self.data.workplan.areas
        if self.kind.name == "area" and name == "id":
            return str(max((int(area.id) for area in areas), default=0) + 1)
        if self.kind.name == "action" and name == "id" and "area" in self.where:
            area = next(area for area in areas if area.id == self.where["area"])
            return f"{area.id}.{max((int(action.id.split('.')[1]) for action in area.actions), default=0) + 1}"
        if self.kind.name == "area" and name == "icon":
            return "material/handshake-outline"
        return None

    def take(self, spec: Field, answer: str) -> None:
        """Check one answer and keep it, or raise Refused with the reason in words."""
        if spec in self.kind.extra:
            self._take_area(answer.strip().strip("\"'"))
            return
        if not answer.strip() and spec.form != "flag":
            if self.required(spec.name):
                raise Refused(f"{spec.name} is required: {describe(self.kind.model, spec.name)}")
            self.values.pop(spec.name, None)
            return
        value = convert(spec, answer)
        candidate = {**self.values, spec.name: value}
        for problem in self._model_problems(candidate, spec.name):
            raise Refused(problem)
        for problem in self._reference_problems(spec.name, value):
            raise Refused(problem)
        if spec.form == "flag" and value is False:
            self.values.pop(spec.name, None)  # the default: not written
            return
        self.values[spec.name] = value

    def _take_area(self, area_id: str) -> None:
        ids = [area.id for area in self.data.workplan.areas]
        if area_id not in ids:
            raise Refused(f"'{area_id}' is not an area of workplan.yml (use one of: {', '.join(ids)})")
        self.where["area"] = area_id

    def _model_problems(self, candidate: dict[str, Any], name: str) -> Iterator[str]:
        """The model's verdict on this field, in the words of `make check` (dataset's messages)."""
        try:
            self.kind.model.model_validate(candidate)
        except ValidationError as error:
            for problem in describe_errors(error, self.kind.model, LoadedFile(self.kind.file, candidate)):
                if problem.path == name or problem.path.startswith((name + ".", name + "[")):
                    yield f"{problem.path}: {problem.message}"

    def _reference_problems(self, name: str, value: Any) -> Iterator[str]:
        """What `make check` would say about the cross-references of this value."""
        items = value if isinstance(value, list) else [value]
        allowed = self.allowed(name)
        if allowed and name not in ("kind",):
            for item in items:
                if item not in allowed:
                    yield f"'{item}' is not one of the {name} known in data/ (use one of: {', '.join(allowed)})"
        if name == "id" or (name == "slug" and self.kind.name == "area"):
            taken = self._taken(name)
            if value in taken:
                yield f"{name} '{value}' is already used in {self.kind.file}; choose another"
        area = self.where.get("area")
        if self.kind.name == "action" and name == "id" and area and not str(value).startswith(area + "."):
            yield f"the id of an action of area {area} starts with {area}. (e.g. {self.default('id')})"

    def _taken(self, name: str) -> set[str]:
        data = self.data
        if self.kind.name == "area":
            return {getattr(area, name) for area in data.workplan.areas}
        records: dict[str, list[Any]] = {
            "event": data.events,
            "update": data.updates,
            "glossary": data.glossary,
            "link": data.links,
            "action": list(data.actions.values()),
        }
        return {record.id for record in records[self.kind.name]}

    def missing(self) -> list[str]:
        return [spec.name for spec in self.kind.fields if self.required(spec.name) and spec.name not in self.values] + [
            spec.name for spec in self.kind.extra if spec.name not in self.where
        ]


def typing_args(model: type[BaseModel], name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    return tuple(getattr(annotation, "__args__", ()))


# --- Writing the record as text ---------------------------------------------------------------------


def _scalar(value: str) -> str:
    """A string as a YAML scalar: plain when YAML reads it back the same, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(value) == value and "\n" not in value and value == value.strip()
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok and not re.search(r"(: | #|^[-?:,\[\]{}#&*!|>'\"%@`])", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def record_lines(kind: Kind, values: dict[str, Any], dash: int) -> list[str]:
    """The record as lines of YAML, its dash at column `dash`; unfilled optional fields as comments."""
    pad = " " * (dash + 2)
    lines: list[str] = []
    for spec in kind.fields:
        key = spec.name
        value = values.get(key)
        if value is None:
            hint = (describe(kind.model, key) or "").replace(" " + TEXT_HINT, "")
            lines.append(f"{pad}# {key}: …  ({hint})")
        elif spec.form == "text":
            lines += [f"{pad}{key}:", f"{pad}  en: {_scalar(value)}"]
            lines.append(f"{pad}  # fr: …, es: …, ar: …, zh: …, ru: …  (translations, one line each)")
        elif spec.form == "refs":
            lines.append(f"{pad}{key}: [{', '.join(json.dumps(item) for item in value)}]")
        elif spec.form == "list":
            lines.append(f"{pad}{key}: [{', '.join(_scalar(item) for item in value)}]")
        elif spec.form == "sources" and isinstance(value, list):
            lines += [f"{pad}{key}:", *(f"{pad}  - {_scalar(item)}" for item in value)]
        elif spec.form == "flag":
            lines.append(f"{pad}{key}: {'true' if value else 'false'}")
        elif spec.form == "ref":
            lines.append(f"{pad}{key}: {json.dumps(value)}")
        elif spec.form == "date":
            lines.append(f"{pad}{key}: {value}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    if kind.name == "area":
        lines.append(f"{pad}actions: []  # add them with: python -m macros new action --area {values['id']}")
    lines.append(f"{pad}# status: to-confirm  (keeps it out of the public site until confirmed; add confirm:)")
    first = next(index for index, line in enumerate(lines) if not line.lstrip().startswith("#"))
    lines.insert(0, lines.pop(first))
    lines[0] = " " * dash + "- " + lines[0][dash + 2 :]
    return lines


def _sequence(root: yaml.Node, path: list[str | int]) -> yaml.SequenceNode:
    node = root
    for step in path:
        if isinstance(step, int):
            assert isinstance(node, yaml.SequenceNode)
            node = node.value[step]
        else:
            assert isinstance(node, yaml.MappingNode)
            node = next(value for key, value in node.value if key.value == step)
    assert isinstance(node, yaml.SequenceNode), f"{path} is not a list"
    return node


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based) that holds a value of `node`."""
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _comment_at_most(line: str, column: int) -> bool:
    """A comment line at a list's level or left of it (a section heading, not a record's own note)."""
    return line.lstrip().startswith("#") and _indent(line) <= column


def _comment_deeper(line: str, column: int) -> bool:
    return line.lstrip().startswith("#") and _indent(line) > column


def _key_of(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("en", "")
    return str(value).lower()


def insert_record(text: str, kind: Kind, values: dict[str, Any], where: dict[str, str]) -> tuple[str, int, str]:
    """The file's text with the record added at its place; the record's first line (1-based); where it went."""
    lines = text.split("\n")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    content = yaml.safe_load(text)
    path: list[str | int]
    if kind.name == "action":
        areas = content["workplan"]["areas"]
        index = next(i for i, area in enumerate(areas) if str(area["id"]) == where["area"])
        path, items = ["workplan", "areas", index, "actions"], areas[index]["actions"]
    elif kind.name == "area":
        path, items = ["workplan", "areas"], content["workplan"]["areas"]
    else:
        key = {"event": "events", "update": "updates", "glossary": "terms", "link": "links"}[kind.name]
        path, items = [key], content[key]
    sequence = _sequence(root, path)
    if not sequence.value:  # an empty `key: []`
        line = sequence.start_mark.line
        dash = lines[line].index(lines[line].lstrip()) + 2
        lines[line] = lines[line][: sequence.start_mark.column].rstrip() + lines[line][sequence.end_mark.column :]
        new = record_lines(kind, values, dash)
        lines[line + 1 : line + 1] = new
        return "\n".join(lines), line + 2, "as its first record"
    starts = [item.start_mark.line for item in sequence.value]
    dash = lines[starts[0]].index("-")
    spaced = len(starts) > 1 and not lines[starts[1] - 1].strip()
    new = record_lines(kind, values, dash)
    position, placed = _position(kind, values, items)
    if kind.name == "link" and values.get("areas"):
        position, placed = _section_position(lines, starts, dash, values["areas"][0]) or (position, placed)
    keys = sequence.value[0].start_mark.column  # the column of the records' keys
    if position < len(starts):  # before that record and the section comments above it
        at = starts[position]
        while at > 0 and (not lines[at - 1].strip() or _comment_at_most(lines[at - 1], dash)):
            at -= 1
    else:  # after the last record and its own comments
        at = _last_line(sequence.value[-1]) + 1
        while at < len(lines) and lines[at].strip() and _comment_deeper(lines[at], keys - 1):
            at += 1
    block = ([*new, ""] if position == 0 else ["", *new]) if spaced else new
    lines[at:at] = block
    return "\n".join(lines), at + (1 if spaced and position else 0) + 1, placed


def _section_position(lines: list[str], starts: list[int], dash: int, area: str) -> tuple[int, str] | None:
    """At the end of the file's section for `area` (a comment `# --- Area 5: …` between records)."""
    heading = re.compile(rf"^\s{{0,{dash}}}# -+ Area {re.escape(area)}\b")
    section = re.compile(rf"^\s{{0,{dash}}}# -+ ")
    found = next((number for number, line in enumerate(lines) if heading.match(line)), None)
    if found is None:
        return None
    later = [index for index, start in enumerate(starts) if start > found]
    if not later:
        return None
    for index in later[1:]:
        if any(section.match(line) for line in lines[starts[index - 1] : starts[index]]):
            return index, f"at the end of the section for area {area}"
    return len(starts), f"at the end of the section for area {area} (the last)"


def _position(kind: Kind, values: dict[str, Any], items: list[dict[str, Any]]) -> tuple[int, str]:
    """Where the record goes among `items`: in the file's order where the file keeps one, else last."""
    if kind.order_key is None:
        return len(items), "at the end of the list"
    keys = [_key_of(item.get(kind.order_key)) for item in items]
    new = _key_of(values[kind.order_key])
    start = len(keys) - 1  # the longest sorted run at the end of the list (the file's latest section)
    while start > 0 and keys[start - 1] <= keys[start]:
        start -= 1
    if start > 0 and new < keys[start]:
        return len(items), f"at the end of the list (the list is not in {kind.order_key} order before it: move it)"
    for index in range(start, len(keys)):
        if new < keys[index]:
            return index, f"in {kind.order_key} order"
    return len(items), f"in {kind.order_key} order (last)"


# --- Asking ----------------------------------------------------------------------------------------------


def _question(record: Record, spec: Field) -> str:
    model = record.kind.model
    help_text = describe(model, spec.name) or ""
    if spec.name == "area":
        help_text = "The area the action belongs to."
    parts = [f"\n{spec.name} — {help_text}"]
    allowed = record.allowed(spec.name)
    if allowed:
        parts.append(f"  allowed: {', '.join(allowed)}")
    if spec.form in ("list", "refs") or (spec.form == "sources"):
        parts.append("  (several: separate them with commas)")
    required = spec in record.kind.extra or record.required(spec.name)
    default = record.default(spec.name)
    suffix = " [required]" if required and default is None else ""
    if spec.form == "flag":
        suffix = " [y/N]"
    elif default is not None:
        suffix = f" [{default}]"
    elif not required:
        suffix = " [optional: Enter to skip]"
    return "\n".join(parts) + f"\n{spec.name}{suffix}: "


def ask(record: Record, spec: Field, read: Callable[[str], str], out: TextIO) -> None:
    question = _question(record, spec)
    while True:
        answer = read(question)
        question = question.rsplit("\n", 1)[-1]  # asked again: the prompt line only
        default = record.default(spec.name)
        if not answer.strip() and default is not None:
            answer = default
        try:
            record.take(spec, answer)
            return
        except Refused as refused:
            print(f"  ✗ {refused}. Try again.", file=out)


# --- Command line --------------------------------------------------------------------------------------


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="python -m macros new",
        description="Start a new record in data/: asks for its fields, or takes them as options.",
        epilog="Kinds: " + "; ".join(f"{kind.name}: {kind.what}" for kind in KINDS.values()),
    )
    main_parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    kinds = main_parser.add_subparsers(dest="record_kind", metavar="KIND")
    for kind in KINDS.values():
        sub = kinds.add_parser(kind.name, help=kind.what, description=f"Add {kind.what}.")
        sub.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
        for spec in (*kind.extra, *kind.fields):
            required = spec in kind.extra or kind.model.model_fields[spec.name].is_required()
            help_text = "The area the action belongs to (an area id)." if spec.name == "area" else None
            help_text = help_text or describe(kind.model, spec.name) or ""
            help_text = help_text.replace("%", "%%") + (" [required]" if required else "")
            if spec.form == "flag":
                sub.add_argument(_option(spec.name), action="store_const", const="yes", help=help_text)
            else:
                sub.add_argument(_option(spec.name), metavar="VALUE", help=help_text)
    return main_parser


def run(
    argv: list[str],
    read: Callable[[str], str] | None = None,
    interactive: bool | None = None,
    out: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    args = parser().parse_args(argv)
    if not args.record_kind:
        print("python -m macros new KIND (or --help after KIND for its options). Kinds:", file=out)
        for kind in KINDS.values():
            print(f"  {kind.name:9} {kind.what}", file=out)
        return 0
    kind = KINDS[args.record_kind]
    data_dir: Path = args.data
    try:
        data = load_dataset(data_dir)
    except DataErrors as invalid:
        print(invalid.report(), file=sys.stderr)
        print("Fix data/ first: a new record is added to valid data only.", file=sys.stderr)
        return 1
    record = Record(kind, data)
    specs = (*kind.extra, *kind.fields)
    given = {spec: getattr(args, spec.name) for spec in specs if getattr(args, spec.name) is not None}
    errors: list[str] = []
    for spec, answer in given.items():
        try:
            record.take(spec, answer)
        except Refused as refused:
            errors.append(f"{_option(spec.name)}: {refused}")
    if interactive is None:
        interactive = sys.stdin.isatty() and bool(_missing_without_default(record) or errors)
    if not interactive:  # what has a default (the next area or action number, the icon) takes it
        for spec in specs:
            default = record.default(spec.name)
            if spec not in given and default is not None and spec.name not in record.values:
                try:
                    record.take(spec, default)
                except Refused as refused:
                    errors.append(f"{_option(spec.name)}: {refused}")
    if errors and not interactive:
        print("\n".join(errors), file=sys.stderr)
        return 2
    for message in errors:
        print(f"  ✗ {message}", file=out)
    if interactive:
        reader = read or input
        try:
            for spec in specs:
                if spec in given and not any(message.startswith(_option(spec.name) + ":") for message in errors):
                    continue
                if spec in kind.extra or record.required(spec.name) or spec.ask:
                    ask(record, spec, reader, out)
        except (EOFError, KeyboardInterrupt):
            print(f"\nStopped: nothing was written to {kind.file}.", file=out)
            return 130
        if kind.name == "area" and "icon" not in record.values:
            record.take(Field("icon"), record.default("icon") or "")
    missing = record.missing()
    if missing:
        print("Missing: " + ", ".join(_option(name) for name in missing) + " (see --help)", file=sys.stderr)
        return 2
    return write(kind, record, data_dir, out)


def _missing_without_default(record: Record) -> list[str]:
    return [name for name in record.missing() if record.default(name) is None]


def write(kind: Kind, record: Record, data_dir: Path, out: TextIO) -> int:
    path = data_dir / kind.file
    before = path.read_text(encoding="utf-8")
    after, line, placed = insert_record(before, kind, record.values, record.where)
    path.write_text(after, encoding="utf-8")
    try:
        data = load_dataset(data_dir)
    except DataErrors as errors:
        path.write_text(before, encoding="utf-8")
        print(errors.report(), file=sys.stderr)
        print(f"The new {kind.name} was not kept: {path} is as it was.", file=sys.stderr)
        return 1
    shown = path.resolve().relative_to(Path.cwd()) if path.resolve().is_relative_to(Path.cwd()) else path
    print(f"Added {kind.name} '{record.values['id']}' to {shown} at line {line}, {placed}.", file=out)
    print(
        f"{data_dir.name}/ is valid: {len(data.workplan.areas)} areas, {len(data.actions)} actions, "
        f"{len(data.events)} events, {len(data.updates)} updates, {len(data.glossary)} glossary terms, "
        f"{len(data.links)} links. Add the translations and optional fields where the comments say.",
        file=out,
    )
    return 0


def main(argv: list[str]) -> int:
    return run(argv)
