"""Load data/ once: parse every file, validate it against the model, check cross-references.

`load_dataset` returns a `Dataset` or raises `DataErrors` listing every problem found.
"""

from __future__ import annotations

import ast
import re
import string
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .data_markdown import markdown_problems
from .errors import DataError, DataErrors, brief
from .model import (
    FILE_MODELS,
    Action,
    Agreement,
    AgreementFile,
    Area,
    Contact,
    ContactsFile,
    Event,
    EventsFile,
    GlossaryFile,
    GlossaryTerm,
    Guide,
    GuidesFile,
    Labels,
    Link,
    LinksFile,
    LocatedError,
    Organization,
    OrganizationsFile,
    ProgressFile,
    Publisher,
    Record,
    SeedDocument,
    SourcesFile,
    Update,
    WorkPlan,
    WorkPlanFile,
)
from .urls import host_of
from .yaml_loader import LoadedFile, Path_, load_yaml_file

PlanRecord = TypeVar("PlanRecord", Update, Event, Link)


@dataclass(frozen=True)
class Dataset:
    """Everything in data/, validated, with the indexes the render functions need."""

    seeds: dict[str, SeedDocument]
    organizations: dict[str, Organization]
    agreement: Agreement
    workplan: WorkPlan
    updates: list[Update]
    events: list[Event]
    glossary: list[GlossaryTerm]
    links: list[Link]
    contacts: list[Contact]
    labels: dict[str, dict[str, str]]
    guides: list[Guide]
    publishers: dict[str, Publisher]
    earlier_plans: list[WorkPlan] = field(default_factory=list)
    """The plans the current one (`workplan`) succeeded, newest first; each has an `id`."""
    publisher_by_host: dict[str, Publisher] = field(init=False)
    areas: dict[str, Area] = field(init=False)
    actions: dict[str, Action] = field(init=False)
    area_of_action: dict[str, Area] = field(init=False)
    updates_by_action: dict[str, list[Update]] = field(init=False)
    updates_by_area: dict[str, list[Update]] = field(init=False)
    events_by_area: dict[str, list[Event]] = field(init=False)
    links_by_area: dict[str, list[Link]] = field(init=False)

    def __post_init__(self) -> None:
        """Indexes built once, so that no page scans every record for every other page."""
        plan_areas = self.workplan.areas
        by_host: dict[str, Publisher] = {}
        for publisher in self.publishers.values():
            for host in publisher.hosts:
                by_host.setdefault(host, publisher)
        self._set("publisher_by_host", by_host)
        self._set("areas", {area.id: area for area in plan_areas})
        self._set("actions", {action.id: action for area in plan_areas for action in area.actions})
        self._set("area_of_action", {action.id: area for area in plan_areas for action in area.actions})
        # The current plan's pages count the current plan's records only: an earlier plan's "5.1" is not this one's.
        updates, events = self.of_plan(self.updates), self.of_plan(self.events)
        self._set("updates_by_action", _group(updates, lambda u: u.actions))
        self._set("updates_by_area", _group(updates, lambda u: areas_of(u.areas, u.actions)))
        self._set("events_by_area", _group(events, lambda e: areas_of(e.areas, e.actions)))
        self._set("links_by_area", _group(self.of_plan(self.links), lambda link: link.areas))

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)

    def publisher_of(self, url: str) -> Publisher | None:
        """The registered publisher of an http(s) address: its host or a parent domain is registered."""
        labels = host_of(url).split(".")
        for start in range(len(labels) - 1):
            found = self.publisher_by_host.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None

    def is_official(self, source: str) -> bool:
        """A seed document of official publishers, or an address whose publisher is official."""
        if not source.startswith(("http://", "https://")):
            seed = self.seeds.get(source)
            # A publisher missing from the register is reported by the checks, not counted here.
            known = [self.publishers[p] for p in seed.publisher if p in self.publishers] if seed else []
            return seed is not None and all(publisher.official for publisher in known)
        publisher = self.publisher_of(source)
        return publisher is not None and publisher.official

    @property
    def partners(self) -> list[Organization]:
        return [org for org in self.organizations.values() if org.partner]

    def abbreviations(self, lang: str) -> dict[str, str]:
        """Each glossary acronym and its expansion in `lang` (English where untranslated)."""
        return {
            term.term.get(lang, term.term["en"]): term.expansion.get(lang, term.expansion["en"])
            for term in self.glossary
        }

    def is_current(self, record: Update | Event | Link) -> bool:
        """Whether a record's areas and actions are the current plan's (it names no earlier plan)."""
        return record.plan is None or record.plan == self.workplan.id

    def plan_of(self, record: Update | Event | Link) -> WorkPlan:
        """The plan whose areas and actions a record names."""
        return self.plan(None if self.is_current(record) else record.plan)

    def of_plan(self, records: list[PlanRecord], plan_id: str | None = None) -> list[PlanRecord]:
        """The records that name a plan's areas and actions: the current plan's (None), or an earlier one's."""
        if plan_id is None:
            return [record for record in records if self.is_current(record)]
        return [record for record in records if record.plan == plan_id]

    def plan(self, plan_id: str | None) -> WorkPlan:
        """The current plan (None), or the earlier plan with this id."""
        return self.workplan if plan_id is None else self.earlier_plan(plan_id)

    def earlier_plan(self, plan_id: str) -> WorkPlan:
        for plan in self.earlier_plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)

    def area_by_slug(self, slug: str) -> Area:
        for area in self.workplan.areas:
            if area.slug == slug:
                return area
        raise KeyError(slug)


def _display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def areas_of(areas: list[str], actions: list[str]) -> list[str]:
    """A record's areas: those it names, and those of the actions it names."""
    found = dict.fromkeys(areas)
    found.update(dict.fromkeys(action.split(".")[0] for action in actions))
    return list(found)


def _group(records: list[Any], keys: Any) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for record in records:
        for key in keys(record):
            grouped.setdefault(key, []).append(record)
    return grouped


def _first_of_each(publishers: list[Publisher]) -> dict[str, Publisher]:
    """Publishers by id; a repeated id is reported by the checks, and the first one is kept."""
    found: dict[str, Publisher] = {}
    for publisher in publishers:
        found.setdefault(publisher.id, publisher)
    return found


def load_dataset(data_dir: Path) -> Dataset:
    """Read and check every file of data/; raise DataErrors with all problems at once."""
    errors: list[DataError] = []
    loaded: dict[str, LoadedFile] = {}
    parsed: dict[str, Any] = {}
    for file_name, model in FILE_MODELS.items():
        path = data_dir / file_name
        display = _display_path(path)
        if not path.exists() and not path.is_symlink():
            errors.append(DataError(display, 1, 1, "", f"the file is missing; the data folder needs {file_name}"))
            continue
        try:
            loaded[file_name] = load_yaml_file(path, display)
        except DataErrors as exc:
            errors.extend(exc.errors)
            continue
        content = loaded[file_name].data
        if not isinstance(content, dict):
            errors.append(loaded[file_name].error((), "the file must hold a mapping (key: value) at the top"))
            continue
        try:
            parsed[file_name] = model.model_validate(content)
        except ValidationError as exc:
            errors.extend(_describe(exc, model, loaded[file_name]))
    if errors:
        raise DataErrors(errors)

    register = typing.cast(SourcesFile, parsed["sources.yml"])
    dataset = Dataset(
        seeds={seed.file: seed for seed in register.seeds},
        publishers=_first_of_each(register.publishers),
        organizations={
            org.id: org for org in typing.cast(OrganizationsFile, parsed["organizations.yml"]).organizations
        },
        agreement=typing.cast(AgreementFile, parsed["agreement.yml"]).agreement,
        workplan=typing.cast(WorkPlanFile, parsed["workplan.yml"]).workplan,
        earlier_plans=typing.cast(WorkPlanFile, parsed["workplan.yml"]).earlier_plans,
        updates=typing.cast(ProgressFile, parsed["progress.yml"]).updates,
        events=typing.cast(EventsFile, parsed["events.yml"]).events,
        glossary=typing.cast(GlossaryFile, parsed["glossary.yml"]).terms,
        links=typing.cast(LinksFile, parsed["links.yml"]).links,
        contacts=typing.cast(ContactsFile, parsed["contacts.yml"]).contacts,
        labels=typing.cast(Labels, parsed["labels.yml"]).labels,
        guides=typing.cast(GuidesFile, parsed["guides.yml"]).guides,
    )
    errors.extend(_check_references(dataset, loaded))
    if errors:
        raise DataErrors(errors)
    return dataset


# --- Cross-references ------------------------------------------------------------------------


def _check_references(data: Dataset, files: dict[str, LoadedFile]) -> Iterator[DataError]:
    yield from _unique(files["organizations.yml"], "organizations", [o.id for o in data.organizations.values()])
    yield from _unique(files["progress.yml"], "updates", [u.id for u in data.updates])
    yield from _unique(files["events.yml"], "events", [e.id for e in data.events])
    yield from _unique(files["glossary.yml"], "terms", [t.id for t in data.glossary])
    yield from _unique(files["links.yml"], "links", [link.id for link in data.links])
    yield from _unique(files["contacts.yml"], "contacts", [c.id for c in data.contacts])
    yield from _unique(files["sources.yml"], "seeds", [s.file for s in data.seeds.values()], key="file")

    workplan = files["workplan.yml"]
    yield from _check_plan(workplan, ("workplan",), data.workplan)
    plan_ids = [plan.id or f"({index})" for index, plan in enumerate(data.earlier_plans)]
    yield from _unique(workplan, "earlier_plans", plan_ids)
    for index, plan in enumerate(data.earlier_plans):
        if plan.id is None:
            yield workplan.error(
                ("earlier_plans", index),
                "an earlier plan needs an id, which names its page (plans/<id>/); add one, such as id: 2019-2022",
            )
        yield from _check_plan(workplan, ("earlier_plans", index), plan)
        yield from _refs(
            workplan, ("earlier_plans", index, "agreed_by"), plan.agreed_by, data.organizations, "organization"
        )

    orgs = data.organizations
    yield from _refs(files["agreement.yml"], ("agreement", "parties"), data.agreement.parties, orgs, "organization")
    if data.agreement.on_behalf_of:
        yield from _refs(
            files["agreement.yml"], ("agreement",), {"on_behalf_of": data.agreement.on_behalf_of}, orgs, "organization"
        )
    for index, signatory in enumerate(data.agreement.signatories):
        yield from _refs(
            files["agreement.yml"],
            ("agreement", "signatories", index),
            {"organization": signatory.organization},
            orgs,
            "organization",
        )
    yield from _refs(workplan, ("workplan", "agreed_by"), data.workplan.agreed_by, orgs, "organization")
    for index, update in enumerate(data.updates):
        base = ("updates", index)
        yield from _plan_refs(data, files["progress.yml"], base, update)
        yield from _refs(files["progress.yml"], (*base, "organizations"), update.organizations, orgs, "organization")
    for index, event in enumerate(data.events):
        base = ("events", index)
        if event.ends_on is not None and event.ends_on.last_day < event.starts_on.first_day:
            yield files["events.yml"].error(
                (*base, "ends_on"),
                f"ends_on {event.ends_on} is before starts_on {event.starts_on}; correct one of them",
            )
        yield from _plan_refs(data, files["events.yml"], base, event)
        yield from _refs(files["events.yml"], (*base, "organizers"), event.organizers, orgs, "organization")
    for index, link in enumerate(data.links):
        yield from _refs(
            files["links.yml"], ("links", index), {"organization": link.organization}, orgs, "organization"
        )
        yield from _plan_refs(data, files["links.yml"], ("links", index), link)
    for index, contact in enumerate(data.contacts):
        yield from _refs(
            files["contacts.yml"], ("contacts", index), {"organization": contact.organization}, orgs, "organization"
        )

    yield from _check_guides(data, files["guides.yml"])
    yield from _check_labels(data.labels, files["labels.yml"], label_uses())
    yield from _check_sources(data, files)


def _check_plan(workplan: LoadedFile, base: Path_, plan: WorkPlan) -> Iterator[DataError]:
    """Within one plan, area ids and slugs are unique, and each action's number is unique and starts
    with its area's; plans may reuse each other's numbers."""
    areas = plan.areas
    yield from _unique(workplan, (*base, "areas"), [a.id for a in areas])
    yield from _unique(workplan, (*base, "areas"), [a.slug for a in areas], key="slug")
    seen: set[str] = set()
    for a_index, area in enumerate(areas):
        for c_index, action in enumerate(area.actions):
            where = (*base, "areas", a_index, "actions", c_index, "id")
            if action.id.split(".")[0] != area.id:
                yield workplan.error(
                    where,
                    f"action {action.id} is listed under area {area.id}; its number must start with {area.id}.",
                )
            if action.id in seen:
                yield workplan.error(where, f"action id {action.id} is used twice; each action needs its own number")
            seen.add(action.id)


def _check_guides(data: Dataset, guides: LoadedFile) -> Iterator[DataError]:
    """A guide names an area of the work plan and actions of that area; ids are unique."""
    yield from _unique(guides, "guides", [guide.id for guide in data.guides])
    for index, guide in enumerate(data.guides):
        base = ("guides", index)
        yield from _unique(guides, (*base, "sections"), [section.id for section in guide.sections])
        yield from _refs(guides, base, {"area": guide.area}, data.areas, "area")
        yield from _refs(guides, (*base, "actions"), guide.actions, data.actions, "action")
        for a_index, action_id in enumerate(guide.actions):
            if action_id in data.actions and action_id.split(".")[0] != guide.area:
                yield guides.error(
                    (*base, "actions", a_index),
                    f"action {action_id} is not in area {guide.area}, the guide's area; list actions of area "
                    f"{guide.area} only, or change the area",
                )


# --- Labels: their placeholders and Markdown, and the keys the code uses ---------------------------------

PACKAGE = Path(__file__).resolve().parent
_LABEL_FUNCTIONS = {"label": 0, "label_plain": 0, "_label": 1}
"""The functions that look up a label, and which of their arguments is the key."""
_PLACEHOLDER_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_PLACEHOLDER_LINK = re.compile(r"\]\(\{[a-z_][a-z0-9_]*\}\)")


@dataclass(frozen=True)
class LabelUse:
    """One place in the code that looks up a label, and the placeholder values it passes
    (None when they cannot be read from the source: `**values`, or a direct `labels[key]`)."""

    key: str
    names: frozenset[str] | None
    where: str


@cache
def label_uses(package: Path = PACKAGE) -> tuple[LabelUse, ...]:
    """Every `label("key", …)`, `label_plain("key", …)` and `labels["key"]` in the package's source,
    read from its syntax tree (not by importing or running it)."""
    uses: list[LabelUse] = []
    for source in sorted(package.rglob("*.py")):
        where = source.relative_to(package.parent).as_posix()
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            use = _label_use(node, f"{where}:{getattr(node, 'lineno', 0)}")
            if use:
                uses.append(use)
    return tuple(uses)


def _label_use(node: ast.AST, where: str) -> LabelUse | None:
    if isinstance(node, ast.Call):
        function = node.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        index = _LABEL_FUNCTIONS.get(name)
        if index is None or len(node.args) <= index:
            return None
        key = node.args[index]
        if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
            return None
        if any(keyword.arg is None for keyword in node.keywords):
            return LabelUse(key.value, None, where)
        return LabelUse(key.value, frozenset(str(keyword.arg) for keyword in node.keywords), where)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        container = node.value
        name = container.id if isinstance(container, ast.Name) else getattr(container, "attr", "")
        if name == "labels":
            return LabelUse(node.slice.value, None, where)
    return None


def _check_labels(
    labels: dict[str, dict[str, str]], loaded: LoadedFile, uses: tuple[LabelUse, ...]
) -> Iterator[DataError]:
    """Every label that the code looks up exists, and each of its texts has the placeholders that the
    code fills in (or, for a label whose values the code does not show, those of the English text);
    each text holds only the Markdown that a label may hold."""
    found: dict[str, dict[str, set[str]]] = {}
    for key, texts in labels.items():
        found[key] = {}
        for language, text in texts.items():
            path = ("labels", key, language)
            try:
                found[key][language] = _placeholders(text)
            except ValueError as error:
                yield loaded.error(path, str(error))
                continue
            # A link whose target is one placeholder points at a page that the generator names.
            checked = _PLACEHOLDER_LINK.sub("](https://example.org/)", text)
            for problem in markdown_problems(checked, False, "a label"):
                yield loaded.error(path, problem)
                break
    filled: dict[str, LabelUse] = {}
    for use in uses:
        if use.key not in labels:
            if use.key not in filled:  # one message per missing label, naming the first place
                filled[use.key] = use
                yield loaded.error(
                    ("labels",),
                    f"there is no label '{use.key}', which the code uses (first at {use.where}); add it, with "
                    "its English text",
                )
        elif use.names is not None:
            filled.setdefault(use.key, use)
            if use.names != filled[use.key].names:
                yield loaded.error(
                    ("labels", use.key),
                    f"the code fills the label '{use.key}' with {_braces(use.names)} at {use.where}, but with "
                    f"{_braces(filled[use.key].names or set())} at {filled[use.key].where}; this is a bug in the code",
                )
    for key, languages in found.items():
        first = filled.get(key)
        expected = first.names if first and first.names is not None else languages.get("en")
        if expected is None:
            continue
        for language, names in languages.items():
            if names == expected:
                continue
            if first and first.names is not None:
                yield loaded.error(
                    ("labels", key, language),
                    f"the {language} text has {_braces(names)}, but the code fills in {_braces(expected)} "
                    f"(first at {first.where}); use those, no more and no fewer",
                )
            else:
                yield loaded.error(
                    ("labels", key, language),
                    f"the {language} text has {_braces(names)}, but the English text has {_braces(expected)}; "
                    "use the same as in English (the generator fills in only those)",
                )


def _placeholders(text: str) -> set[str]:
    """The `{names}` of a label; a brace without its pair, or a placeholder that is more than a name
    (`{date.year}`, `{date:%Y}`, `{0}`), is refused: it would fail, or reach into the code, at build time."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError(
            "a { or } without its pair; placeholders are written {name}, and a brace that is shown is written "
            "twice ({{ or }})"
        ) from None
    names: set[str] = set()
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _PLACEHOLDER_NAME.match(name) or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(
                f"'{shown}' is not a placeholder: write a name in braces, such as {{date}}, with lower-case letters, "
                "digits and underscores only"
            )
        names.add(name)
    return names


def _braces(names: set[str] | frozenset[str]) -> str:
    """`the placeholders {a}, {b}`, `the placeholder {a}` or `no placeholder`."""
    if not names:
        return "no placeholder"
    listed = ", ".join(f"{{{name}}}" for name in sorted(names))
    return f"the placeholder {listed}" if len(names) == 1 else f"the placeholders {listed}"


_URL_FIELDS = ("url", "website")
_SOURCE_FIELDS = ("source", "term_status_source")
_REGISTER = "add the host to data/sources.yml under its publisher, or cite an official page"


def _check_sources(data: Dataset, files: dict[str, LoadedFile]) -> Iterator[DataError]:
    """Every source is a listed seed or a registered host; a record with no official support is to confirm."""
    yield from _check_register(data, files["sources.yml"])
    for name, loaded in files.items():
        if name in ("labels.yml", "sources.yml"):
            continue
        for path, record, hidden in _records(loaded.data, (), False):
            yield from _check_record_sources(data, loaded, path, record, hidden)


def _check_register(data: Dataset, register: LoadedFile) -> Iterator[DataError]:
    """Publisher ids and hosts are listed once; a seed names registered publishers."""
    raw = [item for item in register.data.get("publishers") or [] if isinstance(item, dict)]
    yield from _unique(register, "publishers", [str(item.get("id")) for item in raw])
    first: dict[str, str] = {}
    for p_index, item in enumerate(raw):
        for h_index, host in enumerate(item.get("hosts") or []):
            if host in first:
                yield register.error(
                    ("publishers", p_index, "hosts", h_index),
                    f"the host '{host}' is already registered under '{first[host]}'; list each host once",
                )
            first.setdefault(host, str(item.get("id")))
    for s_index, seed in enumerate(data.seeds.values()):
        for i_index, publisher_id in enumerate(seed.publisher):
            if publisher_id not in data.publishers:
                known = ", ".join(sorted(data.publishers))
                yield register.error(
                    ("seeds", s_index, "publisher", i_index)
                    if len(seed.publisher) > 1
                    else ("seeds", s_index, "publisher"),
                    f"there is no publisher '{publisher_id}' (known: {known}); add it under publishers:",
                )


def _records(value: Any, path: Path_, hidden: bool) -> Iterator[tuple[Path_, dict[str, Any], bool]]:
    """Every mapping of a data file, and whether it or a record around it is `to-confirm`."""
    if isinstance(value, dict):
        hidden = hidden or value.get("status") == "to-confirm"
        yield path, value, hidden
        for key, child in value.items():
            yield from _records(child, (*path, key), hidden)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _records(child, (*path, index), hidden)


def _check_record_sources(
    data: Dataset, loaded: LoadedFile, path: Path_, record: dict[str, Any], hidden: bool
) -> Iterator[DataError]:
    sources: list[str] = []
    for key in _SOURCE_FIELDS:
        if key not in record:
            continue
        value = record[key]
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            text = str(item)
            where = (*path, key, index) if isinstance(value, list) else (*path, key)
            if text.startswith(("http://", "https://")):
                problem = _host_problem(data, text)
                if problem:
                    yield loaded.error(where, problem)
                    continue
            elif text not in data.seeds:
                yield loaded.error(
                    where,
                    f"'{text}' is not a seed document listed in data/sources.yml "
                    f"(known: {', '.join(sorted(data.seeds))}); add it there or cite a URL",
                )
                continue
            sources.append(text)
    links: list[tuple[str, str]] = []
    for key in _URL_FIELDS:
        text = str(record.get(key, ""))
        if text.startswith(("http://", "https://")):
            problem = _host_problem(data, text)
            if problem:
                yield loaded.error((*path, key), problem)
            else:
                links.append((key, text))
    if hidden:
        return
    if sources and not any(data.is_official(source) for source in sources):
        hosts = ", ".join(dict.fromkeys(host_of(source) if "://" in source else source for source in sources))
        yield loaded.error(
            (*path, "source" if "source" in record else "term_status_source"),
            f"no source of this record is official ({hosts}): cite an official page, or mark the record "
            "`status: to-confirm` with `confirm:` (ask: wco and/or ippc; question: what to confirm)",
        )
    for key, text in links:
        if not data.is_official(text):
            yield loaded.error(
                (*path, key),
                f"'{text}' is not an official page ({host_of(text)}) and would be linked on a public page: "
                "link an official page, or mark the record `status: to-confirm` with `confirm:`",
            )


def _host_problem(data: Dataset, url: str) -> str | None:
    host = host_of(url)
    if host.endswith("."):
        return f"the host '{host}' of '{url}' ends in a dot; remove the dot ({host.rstrip('.')})"
    if data.publisher_of(url) is None:
        return f"the host '{host}' of '{url}' is not in the register of sources; {_REGISTER}"
    return None


def _unique(loaded: LoadedFile, where: str | Path_, ids: list[str], key: str = "id") -> Iterator[DataError]:
    base = (where,) if isinstance(where, str) else where
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in first:
            line, _ = loaded.position((*base, first[value], key))
            yield loaded.error(
                (*base, index, key), f"{key} '{value}' is already used (line {line}); give each record its own {key}"
            )
        else:
            first[value] = index


def _plan_refs(data: Dataset, loaded: LoadedFile, base: Path_, record: Update | Event | Link) -> Iterator[DataError]:
    """A record's areas and actions exist in the plan it names (the current one unless `plan:` names an
    earlier one)."""
    if not data.is_current(record) and record.plan not in {plan.id for plan in data.earlier_plans}:
        earlier = ", ".join(str(plan.id) for plan in data.earlier_plans) or "none yet"
        yield loaded.error(
            (*base, "plan"),
            f"there is no earlier plan '{record.plan}' (earlier plans in workplan.yml: {earlier}); "
            "leave plan: out for a record of the current plan",
        )
        return
    if data.is_current(record):
        areas, actions, where = data.areas, data.actions, ""
    else:
        plan = data.plan_of(record)
        areas = {area.id: area for area in plan.areas}
        actions = {action.id: action for area in plan.areas for action in area.actions}
        where = f" in the earlier plan {record.plan}"
    yield from _refs(loaded, (*base, "areas"), record.areas, areas, "area", where)
    if not isinstance(record, Link):
        yield from _refs(loaded, (*base, "actions"), record.actions, actions, "action", where)


def _refs(
    loaded: LoadedFile,
    base: Path_,
    refs: list[str] | dict[str, str],
    known: dict[str, Any],
    kind: str,
    where: str = "",
) -> Iterator[DataError]:
    items = refs.items() if isinstance(refs, dict) else enumerate(refs)
    for key, ref in items:
        if ref not in known:
            choices = ", ".join(sorted(known))
            yield loaded.error((*base, key), f"there is no {kind} '{ref}'{where} (known: {choices})")


# --- Pydantic errors as editor messages ------------------------------------------------------------


def _describe(exc: ValidationError, model: type[BaseModel], loaded: LoadedFile) -> Iterator[DataError]:
    errors = exc.errors(include_url=False)
    # A field indented into the text above it is reported there; it is not also "missing".
    moved = {
        (*_loc(error)[:-1], cause.key)
        for error in errors
        for cause in [error.get("ctx", {}).get("error")]
        if isinstance(cause, LocatedError) and cause.moved
    }
    for error in errors:
        loc = _loc(error)
        kind = error["type"]
        if kind == "missing" and loc in moved:
            continue
        if kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            allowed = _allowed_fields(parent) if parent else "see the other records"
            yield loaded.error(loc, f"unknown field '{loc[-1]}' (allowed: {allowed}); check its spelling")
        elif kind == "missing":
            yield loaded.error(loc[:-1], f"required field '{loc[-1]}' is missing; add it")
            continue
        elif kind in ("value_error", "assertion_error"):
            cause = error.get("ctx", {}).get("error", error["msg"])
            if isinstance(cause, LocatedError):
                loc = (*loc, cause.key)
                yield loaded.error(loc, str(cause), at_key=cause.moved)
                continue
            yield loaded.error(loc, str(cause))
        elif kind == "string_type":
            yield loaded.error(loc, f"expected text, got {brief(error['input'])}; if this is text, put it in quotes")
        elif kind == "string_pattern_mismatch":
            yield loaded.error(loc, f"{brief(error['input'])} does not have the expected form ({_pattern_hint(loc)})")
        elif kind == "literal_error":
            yield loaded.error(loc, f"{brief(error['input'])} is not allowed: use {error['ctx']['expected']}")
        elif kind in ("list_type", "dict_type", "model_type", "tuple_type"):
            wanted = {
                "list_type": "a list (lines starting with '- ')",
                "dict_type": "a mapping (key: value)",
                "model_type": "a mapping (key: value)",
                "tuple_type": "a list",
            }[kind]
            yield loaded.error(loc, f"expected {wanted}, got {brief(error['input'])}")
        else:
            yield loaded.error(loc, f"{error['msg']}, got {brief(error['input'])}")


def _loc(error: Any) -> Path_:
    return tuple(part for part in error["loc"] if isinstance(part, int) or not str(part).startswith("function-"))


def _allowed_fields(model: type[BaseModel]) -> str:
    """The record's own fields, then those that every record may carry."""
    common = [name for name in Record.model_fields if name in model.model_fields]
    own = [name for name in model.model_fields if name not in common]
    return ", ".join(own) + (f"; on any record: {', '.join(common)}" if common else "")


def _pattern_hint(loc: Path_) -> str:
    field_name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    return {
        "id": "an area number such as 3, or an action number such as 3.1" if "areas" in loc else "an id",
        "file": "a file name such as joint-work-plan-2019-2022.txt",
    }.get(field_name, "see the other records")


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, to name its allowed fields."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] to reach a model or list type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        else:
            return annotation
