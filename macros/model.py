"""The typed model of data/: what each record may hold, checked field by field.

Cross-references between files are checked in `dataset`, once every file has parsed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .data_markdown import markdown_problems, text_problems
from .errors import brief
from .icons import icon_problem
from .urls import check_url

LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
"""Languages a text may carry; English is the authoritative one and always present."""

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ACTION_ID = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
_AREA_ID = re.compile(r"^[1-9][0-9]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SEED = re.compile(r"^[a-z0-9][a-z0-9-]*\.txt$")
_HOST = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")


# --- Scalars ---------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, or only to the month or the year, as the source gives it."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    text = str(value).strip()
    match = _DATE.match(text)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            date(year, month or 1, day or 1)  # type: ignore[arg-type]
            return PartialDate(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            pass
    raise ValueError(f"{text} is not a date (use YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)")


class LocatedError(ValueError):
    """A problem inside a field's value (one language of a text): `key` is where, below the field."""

    def __init__(self, message: str, key: str, moved: bool = False) -> None:
        super().__init__(message)
        self.key = key
        self.moved = moved
        """Whether `key` is a field that was indented into this one by mistake."""


def parse_text(value: Any, info: ValidationInfo) -> dict[str, str]:
    """A plain string is English; a mapping holds one text per language code."""
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise ValueError(
            f"expected text, or a mapping of language code to text (en: …), got {brief(value)}{_quote_hint(value)}"
        )
    for language, text in value.items():
        if language not in LANGUAGES:
            raise _not_a_language(str(language), info.field_name or "")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(
                f"the {language} text is empty or not text; write the text, or remove the line{_quote_hint(text)}"
            )
    if "en" not in value:
        raise ValueError("the English text (en: …) is missing; English is the reference for every translation")
    return {language: text.strip() for language, text in value.items()}


def _quote_hint(value: Any) -> str:
    """Numbers and lists where text is expected are nearly always text that YAML read as a value."""
    if isinstance(value, (int, float, list)):
        return "; if this is text, put it in quotes"
    return ""


def _not_a_language(key: str, field_name: str) -> ValueError:
    if key in _field_names() and field_name:
        return LocatedError(
            f"'{key}' is indented deeper than '{field_name}' above it, so it became a part of '{field_name}' "
            f"(which holds only texts by language: en, fr, …); move it left, in line with '{field_name}'",
            key,
            moved=True,
        )
    return ValueError(f"'{key}' is not a language of this site (use one of: {', '.join(LANGUAGES)})")


def _field_names() -> set[str]:
    """Every field name of the model, to recognize a key that was indented into a text by mistake."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [Record]
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        pending.extend(model.__subclasses__())
    return names


_KINDS = {
    "description": "a description",
    "summary": "a summary",
    "intro": "an introduction",
    "body": "the text of an update",
    "status": "a status",
    "about": "an 'about' text",
    "look_for": "a 'look for' text",
    "title": "a title",
    "short_title": "a short title",
    "name": "a name",
    "acronym": "an acronym",
    "label": "a label",
    "value": "a value",
    "details": "details",
    "text": "a text",
    "term": "a term",
    "expansion": "an expansion",
    "areas_of_cooperation": "an area of cooperation",
    "commitments": "a commitment",
}


def _kind(field_name: str | None) -> str:
    """How a message names the field: "images are not allowed in a description"."""
    name = field_name or "text"
    return _KINDS.get(name, f"the field '{name}'")


def _markdown_checked(block: bool) -> Any:
    def check(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        for language, text in value.items():
            for problem in markdown_problems(text, block, _kind(info.field_name)):
                raise LocatedError(problem, language)
        return value

    return check


def parse_plain(value: Any) -> str:
    """A plain string (a name, a phone number): any text, without direction or control characters."""
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {brief(value)}{_quote_hint(value)}")
    for problem in text_problems(value):
        raise ValueError(problem)
    return value


def parse_url(value: Any) -> str:
    """An address, parsed and checked by the rules of macros/urls.py (UrlError says why not)."""
    return check_url(str(value).strip())


def parse_sources(value: Any) -> tuple[str, ...]:
    """One source or a list; each an http(s) URL or the file name of a seed document."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError("give at least one source: a seed file name or an http(s):// URL")
    for item in items:
        text = str(item).strip()
        if text.lower().startswith(("http://", "https://")):
            check_url(text, ("https", "http"))
        elif not _SEED.fullmatch(text):
            raise ValueError(
                f"'{text}' is not a source: use an http(s):// URL or the file name of a seed document "
                "listed in data/sources.yml"
            )
    return tuple(str(item).strip() for item in items)


def parse_id(value: Any) -> str:
    text = str(value)
    if not _ID.fullmatch(text):
        foreign = next((character for character in text if not character.isascii()), None)
        if foreign is not None:
            raise ValueError(
                f"'{text}' is not an id: '{foreign}' (U+{ord(foreign):04X}) is not allowed; use lower-case ASCII "
                "letters, digits and hyphens"
            )
        raise ValueError(f"'{text}' is not an id: use lower-case letters, digits and hyphens, e.g. sea-containers")
    return text


def parse_icon(value: Any) -> str:
    """An icon of Material's set, named as Material does (material/ferry)."""
    problem = icon_problem(str(value))
    if problem:
        raise ValueError(problem)
    return str(value)


Text = Annotated[dict[str, str], BeforeValidator(parse_text), AfterValidator(_markdown_checked(block=False))]
"""A text that stands in a sentence, a heading or a table cell: emphasis, strong, code and links only."""
BlockText = Annotated[dict[str, str], BeforeValidator(parse_text), AfterValidator(_markdown_checked(block=True))]
"""A text that may hold paragraphs and lists too (descriptions, summaries, introductions, bodies)."""
LabelText = Annotated[dict[str, str], BeforeValidator(parse_text)]
"""An interface string: its Markdown and placeholders are checked in `dataset`, against the code."""
PlainText = Annotated[str, BeforeValidator(parse_plain)]
Date = Annotated[PartialDate, BeforeValidator(parse_partial_date)]
Url = Annotated[str, BeforeValidator(parse_url)]
Sources = Annotated[tuple[str, ...], BeforeValidator(parse_sources)]
Id = Annotated[str, BeforeValidator(parse_id)]
Icon = Annotated[str, BeforeValidator(parse_icon)]


Status = Literal["published", "to-confirm"]


class Confirmation(BaseModel):
    """What an editor asks a Secretariat before a record can be published."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ask: list[Literal["wco", "ippc"]] = Field(min_length=1)
    question: PlainText = Field(min_length=1)


class Record(BaseModel):
    """Every record: unknown keys are errors, and nothing changes after validation.

    Any record may carry an editor-only `note` (research, reasoning, doubts: validated, never shown
    on the site) and a `status`: a record `to-confirm` stays out of the public build and shows, with
    a badge, in the preview; its `confirm` says whom to ask what (`make review` lists them).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    note: PlainText | None = None
    status: Status = "published"
    confirm: Confirmation | None = None

    @model_validator(mode="after")
    def _confirmation_when_to_confirm(self) -> Record:
        if self.status == "to-confirm" and self.confirm is None:
            raise ValueError(
                "a record to confirm needs `confirm:` with `ask:` (wco, ippc or both) and the `question:` to send"
            )
        return self


# --- Sources ----------------------------------------------------------------------------


def parse_host(value: Any) -> str:
    """A host name as the register writes it: lower case, no `www.`, no trailing dot, no path."""
    text = str(value).strip()
    if text.endswith("."):
        raise ValueError(f"the host '{text}' ends in a dot; write {text.rstrip('.')}")
    if text != text.lower():
        raise ValueError(f"write the host in lower case: {text.lower()}")
    if text.startswith("www."):
        raise ValueError(f"write the host without 'www.': {text.removeprefix('www.')} (its www. form counts too)")
    if not _HOST.match(text):
        raise ValueError(f"'{text}' is not a host name: write the name only, e.g. ippc.int (no https://, no path)")
    return text


def parse_ids(value: Any) -> tuple[str, ...]:
    """One id or a list of ids."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError("give at least one id")
    return tuple(parse_id(item) for item in items)


Host = Annotated[str, BeforeValidator(parse_host)]
Ids = Annotated[tuple[str, ...], BeforeValidator(parse_ids)]


class Publisher(Record):
    """Who publishes the pages of some hosts, and whether public pages may cite them.

    Official: the two organizations, the FAO, and other intergovernmental and government bodies.
    A host counts with its sub-domains and its `www.` form (`ippc.int` covers `www.ippc.int` and
    `assets.ippc.int`).
    """

    id: Id
    name: Text
    short_name: Text | None = None
    official: bool
    hosts: list[Host] = Field(min_length=1)


class SeedDocument(Record):
    file: str = Field(pattern=_SEED.pattern)
    title: Text
    issued: Text
    publisher: Ids
    description: Text


class SourcesFile(Record):
    seeds: list[SeedDocument]
    publishers: list[Publisher]


# --- Organizations -----------------------------------------------------------------------


class PastFigure(Record):
    value: Text
    as_of: Date
    source: Sources
    details: Text | None = None


class Figure(Record):
    id: Id
    label: Text
    value: Text
    as_of: Date | None = None
    as_of_note: Text | None = None
    source: Sources
    history: list[PastFigure] = []

    @model_validator(mode="after")
    def _dated(self) -> Figure:
        if self.as_of is None and self.as_of_note is None:
            raise ValueError("a figure needs as_of (the date it holds for) or, if the source gives none, as_of_note")
        return self


class Organization(Record):
    id: Id
    name: Text
    acronym: Text
    partner: bool = False
    profile: BlockText | None = None
    """The organization's own account of itself (block text, from a seed), for its About page;
    `description` stays the short text shown on the home-page card."""
    description: BlockText | None = None
    website: Url | None = None
    figures: list[Figure] = []
    source: Sources


class OrganizationsFile(Record):
    organizations: list[Organization]


# --- The Agreement and history ----------------------------------------------------------------


class Signatory(Record):
    name: PlainText
    role: Text
    organization: Id


class Publication(Record):
    """Where the text of the Agreement or the plan can be read: a file an organization published."""

    published_by: Id
    published_on: Date
    """When the file was published (posted), which may be later than its signature."""
    languages: list[Literal["en", "fr", "es", "ar", "zh", "ru"]] = []
    """The languages the file is in, where a source says so; empty when it is not known."""
    url: Url
    source: Sources


class Agreement(Record):
    title: Text
    parties: list[Id]
    on_behalf_of: Id | None = None
    on_behalf_of_text: Text | None = None
    """Whom a party acts for, in the Agreement's words ("the IPPC Secretariat"); shown instead of
    the name of the `on_behalf_of` organization when given."""
    signed_on: Date
    place: Text
    signatories: list[Signatory]
    summary: BlockText
    areas_of_cooperation: list[Text]
    commitments: list[Text] = []
    publication: Publication | None = None
    source: Sources


class AgreementFile(Record):
    agreement: Agreement


# --- Joint Work Plan ---------------------------------------------------------------------------


class Action(Record):
    id: str = Field(pattern=_ACTION_ID.pattern)
    text: Text
    time_frame: Text
    details: Text | None = None
    source: Sources


class Area(Record):
    id: str = Field(pattern=_AREA_ID.pattern)
    slug: Id
    title: Text
    short_title: Text
    intro: BlockText | None = None
    icon: Icon = "material/handshake-outline"
    actions: list[Action]
    source: Sources


class WorkPlan(Record):
    id: Id | None = None
    """Names an earlier plan's page (`plans/<id>/`); required under `earlier_plans:`."""
    title: Text
    agreed_on: Date
    agreed_by: list[Id]
    agreed_by_text: Text | None = None
    """Who agreed the plan, in its words ("the two Secretariats"); shown instead of the names of
    the `agreed_by` organizations when given."""
    place: Text | None = None
    term_starts_on: Date
    term_ends_on: Date
    intro: BlockText | None = None
    """What the plan covers, in the words of the plan and of the WCO overview (block text)."""
    basis: Text
    review: Text
    non_binding: Text
    publication: Publication | None = None
    term_status: BlockText
    """Where the plan stands now that its term is over (not the record's editorial `status`)."""
    term_status_source: Sources
    source: Sources
    areas: list[Area]


class WorkPlanFile(Record):
    workplan: WorkPlan
    """The current plan: the one every page shows and that progress and events refer to."""
    earlier_plans: list[WorkPlan] = []
    """Plans whose place the current one took, each on its own page; the newest first."""


# --- Progress, events, glossary, links, contacts ---------------------------------------------------


class Update(Record):
    id: Id
    dated: Date
    title: Text
    body: BlockText
    plan: Id | None = None
    """An earlier plan's id, when `areas` and `actions` name that plan's; none for the current plan."""
    areas: list[str] = []
    actions: list[str] = []
    organizations: list[Id] = []
    source: Sources


class ProgressFile(Record):
    updates: list[Update]


EventKind = Literal["meeting", "conference", "signature", "observance", "governing-body", "workshop", "publication"]


class Event(Record):
    id: Id
    title: Text
    kind: EventKind
    starts_on: Date
    ends_on: Date | None = None
    place: Text | None = None
    virtual: bool = False
    organizers: list[Id] = []
    plan: Id | None = None
    """An earlier plan's id, when `areas` and `actions` name that plan's; none for the current plan."""
    areas: list[str] = []
    actions: list[str] = []
    description: BlockText | None = None
    milestone: bool = False
    url: Url | None = None
    source: Sources


class EventsFile(Record):
    events: list[Event]


class GlossaryTerm(Record):
    id: Id
    term: Text
    expansion: Text
    details: Text | None = None
    source: Sources

    @field_validator("term")
    @classmethod
    def _term_is_a_word(cls, value: dict[str, str]) -> dict[str, str]:
        """A term becomes an abbreviation definition (*[term]: expansion) in every page."""
        for language, text in value.items():
            bad = next((character for character in text if character in "[]*\n\r"), None)
            if bad is not None:
                shown = "a line break" if bad in "\n\r" else f"'{bad}'"
                raise LocatedError(
                    f"a term may not hold {shown} (it becomes the definition of an abbreviation); "
                    "write the term alone, e.g. SAFE",
                    language,
                )
        return value


class GlossaryFile(Record):
    terms: list[GlossaryTerm]


class Link(Record):
    id: Id
    organization: Id
    plan: Id | None = None
    """An earlier plan's id, when `areas` names that plan's; none for the current plan."""
    areas: list[str] = []
    title: Text
    url: Url
    source: Sources


class LinksFile(Record):
    links: list[Link]


class Contact(Record):
    id: Id
    organization: Id
    name: Text
    description: BlockText | None = None
    address: Text | None = None
    phone: PlainText | None = None
    fax: PlainText | None = None
    email: Url | None = None
    website: Url | None = None
    registered_on: Date | None = None
    source: Sources


class ContactsFile(Record):
    contacts: list[Contact]


# --- Guides for Customs -----------------------------------------------------------------------------

ContainerPlace = Literal["walls-roof", "understructure", "floor", "inside", "reefer-vents"]
"""Where a numbered mark can sit on the container drawing (macros/render/diagrams.py)."""


class InspectionPlace(Record):
    place: ContainerPlace
    label: Text
    look_for: BlockText
    source: Sources


class Inspection(Record):
    """The places to check on a sea container, numbered in the order given, drawn on a container."""

    title: Text
    description: BlockText
    places: list[InspectionPlace] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_place_once(self) -> Inspection:
        places = [item.place for item in self.places]
        doubled = sorted({place for place in places if places.count(place) > 1})
        if doubled:
            raise ValueError(f"place {', '.join(doubled)} is listed twice; the drawing has one mark per place")
        return self


class GuidePoint(Record):
    text: Text
    as_of: Date | None = None
    source: Sources | None = None


class GuideSection(Record):
    id: Id
    title: Text
    intro: BlockText | None = None
    numbered: bool = False
    source: Sources | None = None
    points: list[GuidePoint] = Field(min_length=1)

    @model_validator(mode="after")
    def _sourced(self) -> GuideSection:
        if self.source is None and any(point.source is None for point in self.points):
            raise ValueError("a point has no source: give each point a source, or the section one for all")
        return self


class PathwayStep(Record):
    label: Text
    customs: bool = False
    source: Sources


class Pathway(Record):
    """How a pest (or a certificate) travels, step by step, and where Customs sees it."""

    title: Text
    description: BlockText
    steps: list[PathwayStep] = Field(min_length=2)


class Instrument(Record):
    name: Text
    about: BlockText
    url: Url | None = None
    source: Sources


class KeyFigure(Record):
    value: Text
    label: Text
    as_of: Date
    source: Sources
    history: list[PastFigure] = []


class Guide(Record):
    id: Id
    title: Text
    short_title: Text
    summary: BlockText
    icon: Icon = "material/book-open-variant"
    area: str = Field(pattern=_AREA_ID.pattern)
    actions: list[str] = Field(min_length=1)
    key_figures: list[KeyFigure] = []
    inspection: Inspection | None = None
    sections: list[GuideSection] = Field(min_length=1)
    pathway: Pathway
    instruments: list[Instrument] = []
    source: Sources


class GuidesFile(Record):
    guides: list[Guide]


class Labels(Record):
    """Interface strings used by the render functions, one Text per key."""

    labels: dict[str, LabelText]


FILE_MODELS: dict[str, type[Record]] = {
    "sources.yml": SourcesFile,
    "organizations.yml": OrganizationsFile,
    "agreement.yml": AgreementFile,
    "workplan.yml": WorkPlanFile,
    "progress.yml": ProgressFile,
    "events.yml": EventsFile,
    "glossary.yml": GlossaryFile,
    "links.yml": LinksFile,
    "contacts.yml": ContactsFile,
    "guides.yml": GuidesFile,
    "labels.yml": Labels,
}
"""Each data file and the model of its content."""
