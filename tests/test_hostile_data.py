"""Hostile data: every route from data/ to script that was found, and every input that once crashed
or hung the check, is refused by the check with an editor's message at the right line.

Each case in tests/fixtures/hostile/ is one change to a copy of tests/fixtures/minimal: a line
replaced (`replace` → `with`), a whole file (`text`, or `nest` brackets deep), a folder or a dangling
link instead of a file (`make`), or a file saved in another encoding (`encoding`). Cases marked `cli`
also run `python -m macros check` as an editor would: exit status 1, the messages, no traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from macros.dataset import load_dataset
from macros.errors import DataErrors
from macros.model import Instrument

from .conftest import FIXTURES, ROOT
from .html_text import HOSTILE_TEXTS, HOSTILE_URL
from .markup_checks import HOSTILE as MARKUP_HOSTILE

HOSTILE = FIXTURES / "hostile"

EXPECTED: dict[str, list[str]] = {
    "abbreviation-definition": [
        "events.yml:12:11: events[0].description.en: abbreviation definitions (*[…]: …) are not allowed "
        "in a description; add the acronym to data/glossary.yml",
    ],
    "attr-list-inline": [
        "events.yml:12:11: events[0].description.en: attribute lists such as {: …} are not allowed in a "
        "description; remove the braces and what is inside",
    ],
    "attr-list-next-line": [
        "events.yml:12:11: events[0].description.en: attribute lists such as {: …} are not allowed in a "
        "description; remove the braces and what is inside",
    ],
    "attr-list-on-link": [
        "events.yml:12:11: events[0].description.en: attribute lists such as {: …} are not allowed in a "
        "description; remove the braces and what is inside",
    ],
    "bidi-isolate-plain": [
        "agreement.yml:10:13: agreement.signatories[0].name: character 7 is U+2066 (LEFT-TO-RIGHT "
        "ISOLATE), which changes the direction in which text is shown; remove it (right-to-left text "
        "needs no such character)",
    ],
    "bidi-override-title": [
        "events.yml:4:11: events[0].title.en: character 11 is U+202E (RIGHT-TO-LEFT OVERRIDE), which "
        "changes the direction in which text is shown; remove it (right-to-left text needs no such "
        "character)",
    ],
    "control-character": [
        "contacts.yml:8:12: contacts[0].phone: character 5 is the control character U+001B; remove it",
    ],
    "email-not-an-address": [
        "contacts.yml:9:12: contacts[0].email: 'mailto:x@y.org?body=<script>' holds '<', which an "
        "address may not hold; remove it",
    ],
    "file-dangling-link": [
        "events.yml:1:1: this is a link to 'nowhere.yml', which does not exist; put the file itself here",
    ],
    "file-directory": [
        "events.yml:1:1: this is a folder, not a file; a data file must be a YAML file: put the file here instead",
    ],
    "file-empty": [
        "events.yml:1:1: this file is empty (or holds only comments); write its data, or restore it",
    ],
    "file-not-utf8": [
        "events.yml:8:23: this file is not UTF-8 (byte 0xE9 at line 8, column 23); save it as UTF-8",
    ],
    "file-only-comments": [
        "events.yml:1:1: this file is empty (or holds only comments); write its data, or restore it",
    ],
    "footnote": [
        "events.yml:12:11: events[0].description.en: footnotes ([^…]) are not allowed in a description; "
        "write the note in the text, or cite it as the source",
    ],
    "glossary-term-brackets": [
        "glossary.yml:4:11: terms[0].term.en: a term may not hold ']' (it becomes the definition of an "
        "abbreviation); write the term alone, e.g. SAFE",
    ],
    "heading-in-text": [
        "events.yml:12:11: events[0].description.en: headings and horizontal rules are not allowed "
        "inside a description; the page gives the headings",
    ],
    "html-base": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-comment": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-img-onerror": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-in-title": [
        "events.yml:4:11: events[0].title.en: HTML is not allowed in a title; write plain text, with "
        "*emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-meta-refresh": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-script": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-style-url": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "html-svg-onload": [
        "events.yml:12:11: events[0].description.en: HTML is not allowed in a description; write plain "
        "text, with *emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "icon-attribute-injection": [
        "workplan.yml:21:13: workplan.areas[0].icon: 'x\" onmouseover=\"alert(1)' is not an icon name; "
        "write it as Material does, e.g. material/ferry",
    ],
    "icon-unknown": [
        "guides.yml:4:11: guides[0].icon: there is no icon 'material/no-such-icon-here' in Material's "
        "icon set; pick one from https://pictogrammers.com/library/mdi/",
    ],
    "id-terminal-escape": [
        "events.yml:2:9: events[0].id: 'sig\\x1b[2K\\x0dnature' is not an id: use lower-case letters, digits "
        "and hyphens, e.g. sea-containers",
    ],
    "id-lookalike": [
        "events.yml:2:9: events[0].id: 'sіgnature' is not an id: 'і' (U+0456) is not allowed; use "
        "lower-case ASCII letters, digits and hyphens",
    ],
    "id-not-ascii": [
        "events.yml:2:9: events[0].id: 'café' is not an id: 'é' (U+00E9) is not allowed; use lower-case "
        "ASCII letters, digits and hyphens",
    ],
    "image": [
        "events.yml:12:11: events[0].description.en: images are not allowed in a description; link to "
        "the image instead: [its title](https://…)",
    ],
    "label-attribute-placeholder": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: '{date.__class__}' is not a placeholder: write a name in "
        "braces, such as {date}, with lower-case letters, digits and underscores only",
    ],
    "label-format-spec": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: '{date:>99999999}' is not a placeholder: write a name in "
        "braces, such as {date}, with lower-case letters, digits and underscores only",
    ],
    "label-html": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: HTML is not allowed in a label; write plain text, with "
        "*emphasis*, **strong** or [a link](https://…) where needed",
    ],
    "label-link-javascript": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: the link target 'javascript:alert(1' uses 'javascript:', "
        "which is not allowed; links in data text must start with https://, http:// or mailto:",
    ],
    "label-missing": [
        "labels.yml:{first_label}:3: labels: there is no label 'as_of', which the code uses (first at "
        "macros/render/guides.py:N); add it, with its English text",
    ],
    "label-translation-placeholder": [
        "labels.yml:{as_of_es}:9: labels.as_of.es: the es text has the placeholder {dates}, but the code fills in "
        "the placeholder {date} (first at macros/render/guides.py:N); use those, no more and no fewer",
    ],
    "label-unknown-placeholder": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: the en text has the placeholders {date}, {secret}, but the "
        "code fills in the placeholder {date} (first at macros/render/guides.py:N); use those, no more and "
        "no fewer",
    ],
    "label-unpaired-brace": [
        "labels.yml:{as_of_en}:9: labels.as_of.en: a { or } without its pair; placeholders are written {name}, "
        "and a brace that is shown is written twice ({{ or }})",
    ],
    "link-autolink-javascript": [
        "events.yml:4:11: events[0].title.en: the link target 'javascript:alert(1)' uses 'javascript:', "
        "which is not allowed; links in data text must start with https://, http:// or mailto:",
    ],
    "link-data": [
        "events.yml:12:11: events[0].description.en: the link target "
        "'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' uses 'data:', which is not "
        "allowed; links in data text must start with https://, http:// or mailto:",
    ],
    "link-definition": [
        "events.yml:12:11: events[0].description.en: link definitions ([name]: address) are not allowed "
        "in a description; write the link in place: [text](https://…)",
    ],
    "link-entity-decimal": [
        "events.yml:12:11: events[0].description.en: the link target '&#106;avascript:alert(1' uses "
        "'javascript:', which is not allowed; links in data text must start with https://, http:// or "
        "mailto:",
    ],
    "link-entity-hex": [
        "events.yml:12:11: events[0].description.en: the link target 'jav&#x61;script:alert(1' uses "
        "'javascript:', which is not allowed; links in data text must start with https://, http:// or "
        "mailto:",
    ],
    "link-in-title": [
        "events.yml:4:11: events[0].title.en: the link target 'javascript:alert(1' uses 'javascript:', "
        "which is not allowed; links in data text must start with https://, http:// or mailto:",
    ],
    "link-javascript": [
        "events.yml:12:11: events[0].description.en: the link target 'javascript:alert(1' uses "
        "'javascript:', which is not allowed; links in data text must start with https://, http:// or "
        "mailto:",
    ],
    "link-javascript-mixed-case": [
        "events.yml:12:11: events[0].description.en: the link target 'JaVaScRiPt:alert(1' uses "
        "'javascript:', which is not allowed; links in data text must start with https://, http:// or "
        "mailto:",
    ],
    "link-nested": [
        "events.yml:12:11: events[0].description.en: the link target 'javascript:a' uses 'javascript:', "
        "which is not allowed; links in data text must start with https://, http:// or mailto:",
    ],
    "link-vbscript": [
        "events.yml:12:11: events[0].description.en: the link target 'vbscript:msgbox(1' uses "
        "'vbscript:', which is not allowed; links in data text must start with https://, http:// or "
        "mailto:",
    ],
    "list-in-title": [
        "events.yml:4:11: events[0].title.en: lists are not allowed in a title (only in descriptions); "
        "write one sentence, or escape the mark: \\-",
    ],
    "source-paren-svg": [
        "events.yml:11:13: events[0].source: 'https://a.example/)<svg/onload=alert(1)>' holds '<', which "
        "an address may not hold; remove it",
    ],
    "url-data": [
        "links.yml:7:10: links[0].url: 'data:text/html,<script>alert(1)</script>' holds '<', which an "
        "address may not hold; remove it",
    ],
    "url-javascript-mixed-case": [
        "links.yml:7:10: links[0].url: 'JaVaScRiPt:alert(1)' is not an accepted link: use an address "
        "that starts with https://, http://, mailto:",
    ],
    "url-paren-svg": [
        "links.yml:7:10: links[0].url: 'https://a.example/)<svg/onload=alert(1)>' holds '<', which an "
        "address may not hold; remove it",
    ],
    "url-quote-script": [
        "organizations.yml:12:14: organizations[0].website: "
        "'https://www.wcoomd.org/\"><script>alert(1)</script>' holds a double quote, which an address may "
        "not hold; remove it",
    ],
    "url-space": [
        "links.yml:7:10: links[0].url: 'https://www.ippc.int/en/sea containers/' holds a space or line "
        "break (character 28); remove it, or write %20",
    ],
    "url-trailing-dot-host": [
        "links.yml:7:10: links[0].url: the host 'www.ippc.int.' of 'https://www.ippc.int./en/' ends in a "
        "dot; remove the dot (www.ippc.int)",
    ],
    "url-user-in-host": [
        "links.yml:7:10: links[0].url: 'https://www.ippc.int@evil.example/' holds a user name or "
        "password before the host ('@'); link the page itself",
    ],
    "yaml-alias-bomb": [
        "events.yml:1:4: anchors and aliases (&name, *name) are not allowed in data; write the value out",
    ],
    "yaml-control-character": [
        "events.yml:4:20: this line holds the control character U+0000, which YAML does not accept; remove it",
    ],
    "yaml-deep-nesting": [
        "events.yml:1:48: the data is nested more than 40 levels deep here; no data file needs that: simplify it",
    ],
    "yaml-merge-key": [
        "events.yml:1:7: anchors and aliases (&name, *name) are not allowed in data; write the value out",
    ],
    "yaml-python-tag": [
        "events.yml:5:11: events[0].kind: this is not valid YAML here: the tag "
        "tag:yaml.org,2002:python/object/apply:os.system is not allowed in data; remove it",
    ],
}


def _label_lines() -> dict[str, int]:
    """Where the labels these cases change stand in data/labels.yml (the minimal fixture links to it),
    so that an editor's edit of the labels never breaks these tests."""
    lines = (Path(__file__).resolve().parent.parent / "data" / "labels.yml").read_text(encoding="utf-8").splitlines()
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("  ") and line.strip().endswith(":"))
    as_of = lines.index("  as_of:") + 1
    language: dict[str, int] = {}
    for offset, line in enumerate(lines[as_of : as_of + 7], 1):
        language.setdefault(line.strip().split(":")[0], as_of + offset)
    return {"first_label": first, "as_of_en": language["en"], "as_of_es": language["es"]}


_LINES = _label_lines()
EXPECTED = {
    case: [
        message.replace("{as_of_en}", str(_LINES["as_of_en"]))
        .replace("{as_of_es}", str(_LINES["as_of_es"]))
        .replace("{first_label}", str(_LINES["first_label"]))
        for message in messages
    ]
    for case, messages in EXPECTED.items()
}


def case_of(name: str) -> dict[str, Any]:
    return yaml.safe_load((HOSTILE / f"{name}.yml").read_text(encoding="utf-8"))


def hostile_data(tmp_path: Path, name: str) -> Path:
    """A copy of the minimal data set with the one change that the case describes."""
    case = case_of(name)
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)  # links inside (labels.yml) are copied as files
    target = data_dir / case["file"]
    if case.get("make") == "directory":
        target.unlink()
        target.mkdir()
        (target / "events.yml").write_text("events: []\n", encoding="utf-8")
        return data_dir
    if case.get("make") == "dangling-link":
        target.unlink()
        target.symlink_to("nowhere.yml")
        return data_dir
    if "nest" in case:
        text = "events: " + "[" * case["nest"] + "]" * case["nest"] + "\n"
    elif "text" in case:
        text = case["text"] + "\n" if case["text"] else ""
    else:
        original = target.read_text(encoding="utf-8")
        assert original.split("\n").count(case["replace"]) == 1, f"{name}: the line to replace is not in {target}"
        text = original.replace(case["replace"] + "\n", case["with"] + "\n")
    target.write_bytes(text.encode(case.get("encoding", "utf-8")))
    return data_dir


def normalized(report: str, data_dir: Path) -> list[str]:
    """Messages without the temporary folder, and with the line numbers of the code (which move as
    the code changes) replaced by N."""
    for folder in {data_dir.as_posix(), data_dir.resolve().as_posix()}:
        report = report.replace(f"{folder}/", "")
    return [re.sub(r"(macros/[\w/]+\.py):\d+", r"\1:N", line) for line in report.splitlines()]


def messages(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    return normalized("\n".join(str(error) for error in caught.value.errors), data_dir)


CASES = sorted(path.stem for path in HOSTILE.glob("*.yml"))
CLI_CASES = [name for name in CASES if case_of(name).get("cli")]


def test_every_case_has_an_expected_message() -> None:
    assert sorted(EXPECTED) == CASES


@pytest.mark.parametrize("name", CASES)
def test_hostile_data_is_refused_with_an_exact_message(tmp_path: Path, name: str) -> None:
    data_dir = hostile_data(tmp_path, name)
    started = time.perf_counter()
    found = messages(data_dir)
    elapsed = time.perf_counter() - started
    assert found == EXPECTED[name]
    assert elapsed < 1.0, f"{name}: the check took {elapsed:.1f} s"


@pytest.mark.parametrize("name", CLI_CASES)
def test_check_command_reports_without_traceback(tmp_path: Path, name: str) -> None:
    data_dir = hostile_data(tmp_path, name)
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--data", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    shown = normalized(result.stderr, data_dir)
    lines = [line for line in shown if not line.startswith("    ")]  # the file's lines shown under each
    assert lines[:-1] == EXPECTED[name]
    assert lines[-1].endswith("nothing was built. Fix the lines above and build again.")


def test_check_command_without_a_data_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--data", str(tmp_path / "nowhere")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"{tmp_path / 'nowhere'}: there is no data folder here; name the folder that holds the .yml files\n"
    )


@pytest.mark.parametrize("text", [*HOSTILE_TEXTS, MARKUP_HOSTILE])
@pytest.mark.parametrize("field", ["name", "about"])  # a Text, and a BlockText
def test_the_texts_render_tests_inject_are_refused_by_the_check(field: str, text: str) -> None:
    """The render tests put these texts past the check (model_copy) to test the second layer, the
    escaping; this is the first layer: the check refuses each of them, in the field that holds it."""
    valid = {"name": "n", "about": "a", "source": "https://www.wcoomd.org/"}
    Instrument.model_validate(valid)
    with pytest.raises(ValidationError) as refused:
        Instrument.model_validate({**valid, field: text})
    assert [error["loc"][:1] for error in refused.value.errors()] == [(field,)]


def test_the_url_render_tests_inject_is_refused_by_the_check() -> None:
    with pytest.raises(ValidationError) as refused:
        Instrument.model_validate({"name": "n", "about": "a", "url": HOSTILE_URL, "source": "https://www.wcoomd.org/"})
    assert [error["loc"][:1] for error in refused.value.errors()] == [("url",)]
