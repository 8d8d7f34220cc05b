"""What each field of the data model means, with an example: the help an editor sees on hover.

Kept beside the model (macros/model.py) rather than in it, as a mapping (model class, field) →
description. The JSON Schemas (macros/schemas.py) carry these texts; a test fails when a field
of the model has none, so that a new field cannot go undocumented. A field inherited from a base
class (note, status, confirm of every Record) is described once, under the base class.
"""

from __future__ import annotations

from pydantic import BaseModel

TEXT_HINT = "A text: one line per language (en: first), or a plain string for English alone."
_SOURCE = (
    "Where the facts come from: an http(s):// URL, or the file name of a seed document listed in "
    "sources.yml; one, or a list. Example: https://www.ippc.int/en/ephyto/"
)
_DATE = "YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day"
_ORG = "an id from organizations.yml"
_AREAS = (
    'Areas of the Joint Work Plan this concerns: area ids from workplan.yml, quoted ("1".."7"). Example: ["4", "5"]'
)
_PLAN = (
    "Optional: the id of the earlier plan (under earlier_plans: in workplan.yml) whose areas and actions this "
    "record names; leave it out for the current plan. When a successor plan is added, give each record of the "
    "plan it replaces this id, so that it stays with that plan. Example: 2019-2022"
)
_ACTIONS = 'Actions of the Joint Work Plan this concerns: action ids from workplan.yml, quoted. Example: ["5.1"]'

FIELD_DOCS: dict[tuple[str, str], str] = {
    # --- Every record ---------------------------------------------------------------------
    ("Record", "note"): (
        "For editors only, never shown on the site: research, reasoning, doubts. "
        "Example: The date is from the WCO overview only; not confirmed."
    ),
    ("Record", "status"): (
        "published (the default) or to-confirm: a record to confirm stays out of the public site and shows "
        "with a badge in the preview; give `confirm:` too. Example: to-confirm"
    ),
    ("Record", "confirm"): (
        "With status: to-confirm: whom to ask (ask: wco, ippc or both) and the question to send; "
        "`make review` lists them."
    ),
    ("Confirmation", "ask"): "The Secretariat(s) to ask: wco, ippc, or both. Example: [ippc]",
    ("Confirmation", "question"): "The question to send, in one sentence. Example: Did CPM-19 adopt this on 12 April?",
    # --- sources.yml ------------------------------------------------------------------------
    ("SourcesFile", "seeds"): "The seed documents that records may cite by file name.",
    ("SourcesFile", "publishers"): "Who publishes the pages of each host that sources point to.",
    ("SeedDocument", "file"): (
        "The document's file name: lower-case letters, digits and hyphens, ending in .txt. "
        "Example: joint-work-plan-2019-2022.txt"
    ),
    ("SeedDocument", "title"): f"The title as printed on the document. {TEXT_HINT}",
    (
        "SeedDocument",
        "issued",
    ): f"When it was issued or agreed, in words. Example: Agreed on 18 March 2019. {TEXT_HINT}",
    ("SeedDocument", "publisher"): "Who published it: one or more publisher ids (from `publishers`). Example: wco",
    ("SeedDocument", "description"): f"One or two sentences: who wrote it, what it covers, how current. {TEXT_HINT}",
    ("Publisher", "id"): "A unique slug: lower-case letters, digits and hyphens. Example: ippc",
    ("Publisher", "name"): f"The publisher's name. Example: IPPC Secretariat. {TEXT_HINT}",
    ("Publisher", "short_name"): f"Optional short name or acronym. Example: IPPC. {TEXT_HINT}",
    ("Publisher", "official"): "true for intergovernmental and government bodies whose pages public pages may cite.",
    ("Publisher", "hosts"): "Host names it publishes on, without www. or path (sub-domains count). Example: [ippc.int]",
    # --- organizations.yml --------------------------------------------------------------------
    ("OrganizationsFile", "organizations"): "The organizations named on the site; other files refer to their ids.",
    ("Organization", "id"): "A unique lower-case slug that other files use to refer to it. Example: wco",
    ("Organization", "name"): f"The full name. Example: World Customs Organization. {TEXT_HINT}",
    ("Organization", "acronym"): f"Its short form, or short name. Example: WCO (fr: OMD). {TEXT_HINT}",
    ("Organization", "partner"): "true only for the two partners, the WCO and the IPPC. Example: true",
    ("Organization", "profile"): (
        f"Optional: the organization's own account of itself, for its page (may hold paragraphs). {TEXT_HINT}"
    ),
    ("Organization", "description"): f"Optional, short, sourced description for its home-page card. {TEXT_HINT}",
    ("Organization", "website"): "Optional home-page URL found in the sources. Example: https://www.wcoomd.org/",
    ("Organization", "figures"): "Optional key figures (members, parties…), each dated and sourced.",
    ("Organization", "source"): _SOURCE,
    ("Figure", "id"): "A unique slug within the organization. Example: members",
    ("Figure", "label"): f"What the figure counts. Example: Members. {TEXT_HINT}",
    ("Figure", "value"): f"The value as the source gives it. Example: 186. {TEXT_HINT}",
    ("Figure", "as_of"): f"The date the figure holds for: {_DATE}. Example: 2024-06",
    ("Figure", "as_of_note"): f"When the source gives no date: a note saying so (instead of as_of). {TEXT_HINT}",
    ("Figure", "source"): _SOURCE,
    ("Figure", "history"): "Older or superseded values of this figure, newest first.",
    ("PastFigure", "value"): f"The value as it stood then. Example: 183. {TEXT_HINT}",
    ("PastFigure", "as_of"): f"The date that value held for: {_DATE}. Example: 2021-01",
    ("PastFigure", "source"): _SOURCE,
    ("PastFigure", "details"): f"Optional details about this value. {TEXT_HINT}",
    # --- agreement.yml -------------------------------------------------------------------------
    ("AgreementFile", "agreement"): "The 2018 Agreement (one record).",
    ("Agreement", "title"): f"The Agreement's title. {TEXT_HINT}",
    ("Agreement", "parties"): f"The parties, each {_ORG}. Example: [fao, wco]",
    ("Agreement", "on_behalf_of"): f"Whom a party acts for, {_ORG}. Example: ippc",
    ("Agreement", "on_behalf_of_text"): f"Whom a party acts for, in the Agreement's words. {TEXT_HINT}",
    ("Agreement", "signed_on"): f"The date of signature: {_DATE}. Example: 2018-06-19",
    ("Agreement", "place"): f"Where it was signed. Example: WCO Headquarters, Brussels. {TEXT_HINT}",
    ("Agreement", "signatories"): "Who signed: name, role at signature, organization.",
    ("Agreement", "summary"): f"A short summary of the Agreement. {TEXT_HINT}",
    ("Agreement", "areas_of_cooperation"): "The areas of cooperation as listed when it was signed, one text each.",
    ("Agreement", "commitments"): "What the parties commit to, one text each.",
    (
        "Agreement",
        "publication",
    ): "Optional: where the text of the Agreement can be read (a file an organization published).",
    ("Agreement", "source"): _SOURCE,
    ("Signatory", "name"): "The signatory's name, as printed. Example: Kunio Mikuriya",
    ("Signatory", "role"): f"Their role at the time of signature. Example: Secretary General of the WCO. {TEXT_HINT}",
    ("Signatory", "organization"): f"The organization they signed for, {_ORG}. Example: wco",
    # --- workplan.yml ---------------------------------------------------------------------------
    ("WorkPlanFile", "workplan"): (
        "The current Joint Work Plan (one record) with its areas and actions: the plan the pages show and that "
        "progress.yml, events.yml, links.yml and guides.yml refer to."
    ),
    ("WorkPlanFile", "earlier_plans"): (
        "Optional: the plans the current one succeeded, newest first, each with an id and the same fields as "
        "workplan:. To add a successor plan, move the whole workplan: record here (give it an id) and write the "
        "new plan under workplan:. Each is shown on its own page, plans/<id>/."
    ),
    ("WorkPlan", "id"): (
        "Required for an earlier plan (under earlier_plans:), unused for the current one: a short unique id, "
        "lower-case letters, digits and hyphens, naming its page plans/<id>/. Example: 2019-2022"
    ),
    ("WorkPlan", "title"): f"The plan's title. {TEXT_HINT}",
    ("WorkPlan", "agreed_on"): f"The date it was agreed: {_DATE}. Example: 2019-03-18",
    ("WorkPlan", "agreed_by"): f"Who agreed it, each {_ORG}. Example: [wco, ippc]",
    ("WorkPlan", "agreed_by_text"): f"Who agreed it, in the plan's words. Example: the two Secretariats. {TEXT_HINT}",
    ("WorkPlan", "place"): f"Optional: where it was agreed. {TEXT_HINT}",
    ("WorkPlan", "term_starts_on"): f"First day of the plan's term: {_DATE}. Example: 2019",
    ("WorkPlan", "term_ends_on"): f"Last day of the plan's term: {_DATE}. Example: 2022",
    ("WorkPlan", "intro"): f"What the plan covers (may hold paragraphs). {TEXT_HINT}",
    ("WorkPlan", "basis"): f"What the plan rests on (the Agreement's Article 6). {TEXT_HINT}",
    ("WorkPlan", "review"): f"How and when the plan is reviewed. {TEXT_HINT}",
    ("WorkPlan", "non_binding"): f"The plan's statement that it is not legally binding. {TEXT_HINT}",
    ("WorkPlan", "term_status"): (
        "Where the plan stands now that its term is over (not the record's editorial status); may hold "
        f"paragraphs. Example: No successor plan was found. {TEXT_HINT}"
    ),
    ("WorkPlan", "term_status_source"): f"The source of `term_status`. {_SOURCE}",
    ("WorkPlan", "publication"): "Optional: where the text of the plan can be read (a file an organization published).",
    ("WorkPlan", "source"): _SOURCE,
    ("Publication", "published_by"): f"Who published the file, {_ORG}. Example: ippc",
    ("Publication", "published_on"): (
        f"When the file was published (posted), which may be later than its signature: {_DATE}. Example: 2019-01-07"
    ),
    ("Publication", "languages"): "The languages the file is in, where a source says so (en, fr, es, ar, zh, ru). "
    "Example: [en]",
    ("Publication", "url"): "The address of the file. Example: https://www.ippc.int/en/publications/…",
    ("Publication", "source"): _SOURCE,
    ("WorkPlan", "areas"): "The areas of collaboration, in order; each holds its actions.",
    ("Area", "id"): 'The area number, quoted. Example: "8"',
    ("Area", "slug"): "A unique slug for the area's page address. Example: e-commerce",
    ("Area", "title"): f"The area's title, as in the plan. {TEXT_HINT}",
    ("Area", "short_title"): f"A short title for menus and cards. Example: E-commerce. {TEXT_HINT}",
    ("Area", "intro"): f"Optional introduction (may hold paragraphs). {TEXT_HINT}",
    ("Area", "icon"): "A Material icon, as material/NAME. Example: material/handshake-outline",
    ("Area", "actions"): "The actions of this area, in order.",
    ("Area", "source"): _SOURCE,
    ("Action", "id"): 'AREA.NUMBER, quoted. Example: "8.1"',
    ("Action", "text"): f"The action's wording, as in the plan. {TEXT_HINT}",
    ("Action", "time_frame"): f"The time frame, as in the plan. Example: Ongoing. {TEXT_HINT}",
    ("Action", "details"): f"Optional details. {TEXT_HINT}",
    ("Action", "source"): _SOURCE,
    # --- progress.yml -------------------------------------------------------------------------
    ("ProgressFile", "updates"): "Dated progress updates, oldest first.",
    ("Update", "id"): "A unique slug. Example: ephyto-hub-goes-live",
    ("Update", "dated"): f"The date the fact is about: {_DATE}. Example: 2017-11-06",
    ("Update", "title"): f"A one-line title. {TEXT_HINT}",
    ("Update", "body"): f"1–3 plain sentences; inline Markdown allowed. {TEXT_HINT}",
    ("Update", "plan"): _PLAN,
    ("Update", "areas"): _AREAS,
    ("Update", "actions"): _ACTIONS,
    ("Update", "organizations"): f"The organizations concerned, each {_ORG}. Example: [wco, ippc]",
    ("Update", "source"): _SOURCE,
    # --- events.yml ------------------------------------------------------------------------------
    ("EventsFile", "events"): "Dated events, oldest first.",
    ("Event", "id"): "A unique slug. Example: cpm-19",
    ("Event", "title"): f"The event's name. Example: CPM-19. {TEXT_HINT}",
    ("Event", "kind"): "What sort of event: meeting, conference, signature, observance, governing-body, workshop or "
    "publication. Example: governing-body",
    ("Event", "starts_on"): f"First day: {_DATE}. Example: 2025-03-17",
    ("Event", "ends_on"): f"Last day (omit for a one-day event): {_DATE}. Example: 2025-03-21",
    ("Event", "place"): f"Where it takes place. Example: Rome, Italy. {TEXT_HINT}",
    ("Event", "virtual"): "true when it is held online. Example: true",
    ("Event", "organizers"): f"Who organizes it, each {_ORG}. Example: [ippc]",
    ("Event", "plan"): _PLAN,
    ("Event", "areas"): _AREAS,
    ("Event", "actions"): _ACTIONS,
    ("Event", "description"): f"One line on what happens there. {TEXT_HINT}",
    ("Event", "milestone"): "true only for steps of the cooperation itself (they also show on the Agreement page).",
    ("Event", "url"): "Optional official page about the event. Example: https://www.ippc.int/en/cpm/",
    ("Event", "source"): _SOURCE,
    # --- glossary.yml -------------------------------------------------------------------------------
    ("GlossaryFile", "terms"): "Every acronym used on the site, in alphabetical order of the term.",
    ("GlossaryTerm", "id"): "A unique slug, usually the acronym in lower case. Example: aeo",
    ("GlossaryTerm", "term"): f"The acronym as written (other languages may add theirs). Example: AEO. {TEXT_HINT}",
    ("GlossaryTerm", "expansion"): f"What it stands for. Example: Authorized Economic Operator. {TEXT_HINT}",
    ("GlossaryTerm", "details"): f"Optional one-line note. {TEXT_HINT}",
    ("GlossaryTerm", "source"): _SOURCE,
    # --- links.yml --------------------------------------------------------------------------------------
    ("LinksFile", "links"): "Official web pages about the cooperation and its areas.",
    ("Link", "id"): "A unique slug. Example: wco-home",
    ("Link", "organization"): f"Whose page it is, {_ORG}. Example: wco",
    ("Link", "plan"): _PLAN,
    ("Link", "areas"): _AREAS,
    ("Link", "title"): f"The page's title, one line. Example: World Customs Organization – home page. {TEXT_HINT}",
    ("Link", "url"): "The page's address. Example: https://www.wcoomd.org/",
    ("Link", "source"): f"The page itself, or where the URL was found. {_SOURCE}",
    # --- contacts.yml ----------------------------------------------------------------------------------
    ("ContactsFile", "contacts"): "Contact points of the cooperation, as the organizations publish them.",
    ("Contact", "id"): "A unique slug. Example: wco-contact-point",
    ("Contact", "organization"): f"Whose contact it is, {_ORG}. Example: wco",
    ("Contact", "name"): f"The contact's name or unit. Example: International Organizations Group. {TEXT_HINT}",
    ("Contact", "description"): f"Optional description. {TEXT_HINT}",
    ("Contact", "address"): f"Optional postal address. {TEXT_HINT}",
    ("Contact", "phone"): 'Optional phone number, as published, quoted. Example: "003222099345"',
    ("Contact", "fax"): 'Optional fax number, as published, quoted. Example: "003222099493"',
    ("Contact", "email"): "Optional e-mail, as a mailto: address. Example: mailto:ippc@fao.org",
    ("Contact", "website"): "Optional web page. Example: https://www.ippc.int/en/",
    ("Contact", "registered_on"): f"Optional: when the contact was registered: {_DATE}. Example: 2018-10-17",
    ("Contact", "source"): _SOURCE,
    # --- guides.yml ---------------------------------------------------------------------------------------
    ("GuidesFile", "guides"): "The guides for Customs officers (one page and one leaflet each).",
    ("Guide", "id"): "A unique slug: the guide's page address. Example: sea-containers",
    ("Guide", "title"): f"The guide's title. Example: Sea containers: where pests hide. {TEXT_HINT}",
    ("Guide", "short_title"): f"A short title for menus. Example: Sea containers. {TEXT_HINT}",
    ("Guide", "summary"): f"One or two sentences on what the guide is for. {TEXT_HINT}",
    ("Guide", "icon"): "A Material icon, as material/NAME. Example: material/ferry",
    ("Guide", "area"): 'The area it belongs to: an area id from workplan.yml, quoted. Example: "3"',
    ("Guide", "actions"): f"The actions it serves (at least one). {_ACTIONS}",
    ("Guide", "key_figures"): "Optional key figures shown at the top, each dated and sourced.",
    ("Guide", "inspection"): "Optional (sea containers): the places to check, drawn on a container.",
    ("Guide", "sections"): "The guide's sections, in order (at least one).",
    ("Guide", "pathway"): "How the pest or certificate travels, step by step, drawn as a picture.",
    ("Guide", "instruments"): "Optional standards and tools that apply, each with a link.",
    ("Guide", "source"): _SOURCE,
    ("KeyFigure", "value"): f"The figure. Example: 1 in 8. {TEXT_HINT}",
    ("KeyFigure", "label"): f"What it counts. {TEXT_HINT}",
    ("KeyFigure", "as_of"): f"The date the figure holds for: {_DATE}. Example: 2023",
    ("KeyFigure", "source"): _SOURCE,
    ("KeyFigure", "history"): "Older values of this figure, newest first.",
    ("Inspection", "title"): f"The title of the inspection list. {TEXT_HINT}",
    ("Inspection", "description"): f"What the list is for. {TEXT_HINT}",
    ("Inspection", "places"): "The places to check, in order; each place once.",
    ("InspectionPlace", "place"): "Where the number goes on the drawing: walls-roof, understructure, floor, inside or "
    "reefer-vents. Example: floor",
    ("InspectionPlace", "label"): f"A short label drawn in the picture (about 30 characters). {TEXT_HINT}",
    ("InspectionPlace", "look_for"): f"What to look for there. {TEXT_HINT}",
    ("InspectionPlace", "source"): _SOURCE,
    ("GuideSection", "id"): "A unique slug within the guide: the section's anchor. Example: what-to-do",
    ("GuideSection", "title"): f"The section's heading. {TEXT_HINT}",
    ("GuideSection", "intro"): f"Optional introduction. {TEXT_HINT}",
    ("GuideSection", "numbered"): "true to number the points (steps to follow in order).",
    ("GuideSection", "source"): f"A source for every point of the section (or give each point its own). {_SOURCE}",
    ("GuideSection", "points"): "The points, in order (at least one).",
    ("GuidePoint", "text"): f"One point; an instruction starts with a verb. {TEXT_HINT}",
    ("GuidePoint", "as_of"): f"For a point with a figure: the date it holds for: {_DATE}.",
    ("GuidePoint", "source"): f"The point's source (unless the section gives one). {_SOURCE}",
    ("Pathway", "title"): f"The picture's title. {TEXT_HINT}",
    ("Pathway", "description"): f"What the picture shows, in words (also its text alternative). {TEXT_HINT}",
    ("Pathway", "steps"): "The steps, in order (at least two).",
    ("PathwayStep", "label"): f"A short label drawn in the picture (about 30 characters). {TEXT_HINT}",
    ("PathwayStep", "customs"): "true for the step where Customs sees it.",
    ("PathwayStep", "source"): _SOURCE,
    ("Instrument", "name"): f"The standard's or tool's name. Example: ISPM 15. {TEXT_HINT}",
    ("Instrument", "about"): f"What it does, in one sentence. {TEXT_HINT}",
    ("Instrument", "url"): "Optional official page. Example: https://www.ippc.int/en/core-activities/",
    ("Instrument", "source"): _SOURCE,
    # --- labels.yml --------------------------------------------------------------------------------------
    ("Labels", "labels"): (
        "Interface words, one text per key; keep placeholders in braces as typed. Example: as_of: {en: as of {date}}"
    ),
}

MODEL_DOCS: dict[str, str] = {
    "SourcesFile": "The seed documents: the texts this site was first built from.",
    "OrganizationsFile": "The organizations named on this site.",
    "AgreementFile": "The 2018 Agreement that founds the WCO–IPPC cooperation.",
    "WorkPlanFile": "The Joint Work Plan, its areas and actions.",
    "ProgressFile": "Progress of the cooperation: dated updates.",
    "EventsFile": "Dated events of the cooperation and of the fields it covers.",
    "GlossaryFile": "Glossary: every acronym used on this site.",
    "LinksFile": "Official web pages about the cooperation and its areas.",
    "ContactsFile": "Contact points of the cooperation.",
    "GuidesFile": "The guides for Customs officers.",
    "SeedDocument": "A seed document that records may cite by file name.",
    "Organization": "An organization; other files refer to it by id.",
    "Figure": "A key figure of an organization, dated and sourced.",
    "PastFigure": "An older value of a figure.",
    "Agreement": "The Agreement.",
    "Signatory": "A signatory of the Agreement.",
    "WorkPlan": "The Joint Work Plan.",
    "Area": "An area of collaboration of the Joint Work Plan.",
    "Action": "An action of the Joint Work Plan.",
    "Update": "A dated progress update.",
    "Event": "An event.",
    "GlossaryTerm": "A glossary entry: an acronym and its expansion.",
    "Link": "An official web page.",
    "Contact": "A contact point.",
    "Guide": "A guide for Customs officers.",
    "KeyFigure": "A key figure of a guide.",
    "GuideSection": "A section of a guide.",
    "GuidePoint": "A point of a guide section.",
    "PathwayStep": "A step of a pathway.",
    "Instrument": "A standard or tool that applies.",
    "Publication": "Where a text can be read.",
    "InspectionPlace": "A place to check on a sea container.",
}
"""Descriptions of the models that have no docstring of their own."""


def describe(model: type[BaseModel], field: str) -> str | None:
    """The description of `field` of `model`, or of the base class that declares it."""
    for cls in model.__mro__:
        text = FIELD_DOCS.get((cls.__name__, field))
        if text:
            return text
    return None


def model_description(model: type[BaseModel]) -> str:
    doc = model.__dict__.get("__doc__")
    if doc:
        return " ".join(doc.split("\n\n")[0].split())
    return MODEL_DOCS.get(model.__name__, "")


def humanize(field: str) -> str:
    """A field's title: `starts_on` → "Starts on"."""
    return field.replace("_", " ").capitalize()
