"""`python -m macros diff BASE`: what a change adds, changes or removes, compared with commit BASE.

Records: the data files at BASE (`git show`) and now are read as YAML and compared record by record,
by file and id (a workplan's actions by their own id, not as part of their area). Pages: both
states are built (`--no-extras`, the same SOURCE_DATE_EPOCH, BASE from a temporary `git worktree`)
and their HTML files compared byte for byte: a page that shows a changed record, or a date, changes.
The pull-request preview comment prints this report (see .github/workflows/preview.yml).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataErrors
from .model import FILE_MODELS
from .yaml_loader import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent

RecordKey = tuple[str, str]
"""(data file, record id): ("events.yml", "cpm-19"), ("workplan.yml", "action 5.1")."""


@dataclass
class Changes:
    """What was added, changed and removed, each sorted."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


# --- Records ------------------------------------------------------------------------------------------


def records_of(name: str, content: Any) -> dict[str, Any]:
    """The records of one data file by id (a file without a list of records is one record)."""
    if not isinstance(content, dict):
        return {}
    if name == "workplan.yml":
        plan = dict(content.get("workplan") or {})
        areas = plan.pop("areas", None) or []
        found: dict[str, Any] = {"workplan": plan}
        for area in areas:
            area = dict(area)
            for action in area.pop("actions", None) or []:
                found[f"action {action.get('id')}"] = action
            found[f"area {area.get('id')}"] = area
        return found
    if name == "labels.yml":
        return {f"label {key}": value for key, value in (content.get("labels") or {}).items()}
    found = {}
    for key, value in content.items():
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            for index, item in enumerate(value):
                found[str(item.get("id") or item.get("file") or f"{key}[{index}]")] = item
        else:
            found[key] = value
    return found


def _read(path: Path, name: str) -> Any:
    try:
        return load_yaml_file(path, name).data
    except DataErrors:
        return None  # a file that does not parse has no records to compare; `make check` says why


def compare_records(base: dict[str, Any], now: dict[str, Any]) -> Changes:
    """`base` and `now`: data file name → its content."""
    changes = Changes()
    for name in sorted(set(base) | set(now)):
        before, after = records_of(name, base.get(name)), records_of(name, now.get(name))
        changes.added += [f"{name}: {key}" for key in after if key not in before]
        changes.removed += [f"{name}: {key}" for key in before if key not in after]
        changes.changed += [f"{name}: {key}" for key in after if key in before and after[key] != before[key]]
    return changes


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def data_at(repo: Path, base: str, data_dir: Path, target: Path) -> dict[str, Any]:
    """The data files at commit `base`, written into `target` and read."""
    top = Path(_git(repo, "rev-parse", "--show-toplevel").stdout.strip())
    relative = data_dir.resolve().relative_to(top.resolve())
    target.mkdir(parents=True, exist_ok=True)
    content: dict[str, Any] = {}
    for name in FILE_MODELS:
        shown = _git(top, "show", f"{base}:{(relative / name).as_posix()}")
        if shown.returncode != 0:
            continue  # the file did not exist at BASE
        (target / name).write_text(shown.stdout, encoding="utf-8")
        content[name] = _read(target / name, name)
    return content


def data_now(data_dir: Path) -> dict[str, Any]:
    return {name: _read(data_dir / name, name) for name in FILE_MODELS if (data_dir / name).is_file()}


# --- Pages --------------------------------------------------------------------------------------------


def html_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


def compare_sites(base: Path, now: Path) -> Changes:
    """The HTML pages of two builds: which were added, changed (any byte) or removed."""
    before, after = html_files(base), html_files(now)
    return Changes(
        added=sorted(set(after) - set(before)),
        changed=sorted(page for page in after if page in before and after[page] != before[page]),
        removed=sorted(set(before) - set(after)),
    )


def build(checkout: Path, site: Path, epoch: str) -> None:
    """Build the site of `checkout` (its own code and data) into `site`, quickly."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_DATA_DIR", None)
    command = [sys.executable, "-m", "macros", "build", "--no-extras", "--site", str(site)]
    result = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the build of {checkout} failed:\n{result.stdout}{result.stderr}")


def pages_changed(repo: Path, base: str, work: Path) -> Changes:
    """Build BASE (in a temporary worktree) and the working tree, and compare their pages."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))
    checkout = work / "base"
    added = _git(repo, "worktree", "add", "--detach", str(checkout), base)
    if added.returncode != 0:
        raise RuntimeError(added.stderr.strip())
    try:
        build(checkout, work / "site-base", epoch)
    finally:
        _git(repo, "worktree", "remove", "--force", str(checkout))
    build(repo, work / "site-now", epoch)
    return compare_sites(work / "site-base", work / "site-now")


# --- Report --------------------------------------------------------------------------------------------


def report(title: str, changes: Changes, limit: int = 200) -> Iterator[str]:
    yield f"{title}: {len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed"
    for sign, items in (("+", changes.added), ("~", changes.changed), ("-", changes.removed)):
        for item in items[:limit]:
            yield f"  {sign} {item}"
        if len(items) > limit:
            yield f"  {sign} … and {len(items) - limit} more"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros diff",
        description="Which records and pages the current working tree adds (+), changes (~) or removes (-) "
        "compared with commit BASE.",
    )
    parser.add_argument("base", metavar="BASE", help="a git commit, branch or tag, e.g. origin/main")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    parser.add_argument("--no-pages", action="store_true", help="compare records only (no builds: about 1 s)")
    args = parser.parse_args(argv)
    data_dir: Path = args.data
    repo = data_dir.resolve().parent
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{args.base}^{{commit}}").returncode != 0:
        print(f"'{args.base}' is not a commit of this repository", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="site-diff-") as folder:
        work = Path(folder)
        records = compare_records(data_at(repo, args.base, data_dir, work / "data-base"), data_now(data_dir))
        print("\n".join(report(f"Records compared with {args.base}", records)))
        if not args.no_pages:
            try:
                pages = pages_changed(repo, args.base, work)
            except RuntimeError as error:
                print(f"Pages: not compared ({error})", file=sys.stderr)
                return 1
            print("\n".join(report(f"Pages compared with {args.base}", pages)))
        shutil.rmtree(work, ignore_errors=True)
    return 0
