"""`make review`: what awaits each Secretariat's confirmation, as a list an editor can send.

Each record `to-confirm` is listed under the Secretariat(s) its `confirm.ask` names, with the
question to ask, what the record says, and the sources seen (the editor's `note` too, which says
why the record is in doubt).
"""

from __future__ import annotations

from collections.abc import Iterable

from .dataset import Dataset
from .editorial import awaiting_confirmation
from .model import Record

SECRETARIATS = {"wco": "WCO Secretariat", "ippc": "IPPC Secretariat"}


def _summary(record: Record) -> str:
    for name in ("title", "term", "name", "label", "text", "value"):
        value = getattr(record, name, None)
        if isinstance(value, dict) and "en" in value:
            return str(value["en"])
        if isinstance(value, str):
            return value
    return ""


def _sources(record: Record) -> list[str]:
    found: list[str] = []
    for name in ("source", "url", "website"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, Iterable) and not isinstance(value, dict):
            found.extend(str(item) for item in value)
    return found


def review_lines(data: Dataset) -> list[str]:
    """The review list as text lines: per Secretariat, one numbered entry per record."""
    waiting = list(awaiting_confirmation(data))
    lines: list[str] = []
    for secretariat, title in SECRETARIATS.items():
        mine = [(where, record) for where, record in waiting if record.confirm and secretariat in record.confirm.ask]
        lines.append(f"== To confirm with the {title}: {len(mine)} ==")
        for number, (where, record) in enumerate(mine, start=1):
            assert record.confirm is not None
            lines.append(f"{number}. {record.confirm.question}")
            lines.append(f"   Record: {where}" + (f" ({_summary(record)})" if _summary(record) else ""))
            for source in _sources(record):
                lines.append(f"   Source seen: {source}")
            if record.note:
                lines.append(f"   Editor's note: {' '.join(record.note.split())}")
        lines.append("")
    lines.append(f"{len(waiting)} record(s) await confirmation; the public build leaves them out.")
    return lines
