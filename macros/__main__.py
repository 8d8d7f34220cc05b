"""Command line: `python -m macros check` validates data/; `python -m macros build` builds site/.

A build goes to a staging folder first and replaces site/ only when every edition has built,
so that bad data or a failed page leaves the last good site/ as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

from . import translations
from .dataset import Dataset, load_dataset
from .editions import edition_language_names
from .engines import DEFAULT_ENGINE, ENGINES, engine_command
from .errors import DataErrors
from .offline import OfflineError, write_offline_zip
from .pdf import write_guide_pdfs
from .render.landing import render_landing, render_sitemap_index
from .review import review_lines

ROOT = Path(__file__).resolve().parent.parent

EDITIONS: dict[str, str] = {"wco": "mkdocs.wco.yml", "ippc": "mkdocs.ippc.yml"}
"""Output sub-folder of site/ → the MkDocs configuration that builds that edition."""


_NOISE = (
    "INFO",
    "DEBUG",
    "Building prefix dict",
    "Loading model from cache",
    "Loading model cost",
    "Prefix dict has been built",
    "Dumping model to file cache",
)


def _is_noise(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith(_NOISE)


def check(data_dir: Path) -> int:
    """Validate data/: the problems as editor's messages (file:line:col: field: what to do) and exit
    status 1; never a traceback, whatever the folder holds (MACROS_DEBUG=1 shows one for a bug)."""
    started = time.perf_counter()
    if not data_dir.is_dir():
        print(f"{data_dir}: there is no data folder here; name the folder that holds the .yml files", file=sys.stderr)
        return 1
    try:
        data = _checked_dataset(data_dir)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except Exception as error:
        if os.environ.get("MACROS_DEBUG"):
            raise
        print(
            f"{data_dir}: the check stopped on a problem it does not know ({type(error).__name__}: {error}); "
            "this is a bug of the checker: please report it with the data that caused it. Nothing was built.",
            file=sys.stderr,
        )
        return 1
    elapsed = (time.perf_counter() - started) * 1000
    print(
        f"{data_dir.name}/ is valid: {len(data.workplan.areas)} areas, {len(data.actions)} actions, "
        f"{len(data.events)} events, {len(data.updates)} updates, {len(data.glossary)} glossary terms, "
        f"{len(data.links)} links ({elapsed:.0f} ms)"
    )
    return 0


def _checked_dataset(data_dir: Path) -> Dataset:
    return load_dataset(data_dir)


def _build_edition(config: str, target: Path, env: dict[str, str], engine: str) -> tuple[int, list[str]]:
    command = [*engine_command(engine), "build", "--strict", "-f", str(ROOT / config), "-d", str(target)]
    result = subprocess.run(command, cwd=ROOT, env=env, check=False, capture_output=True, text=True)
    # MkDocs' INFO lines are noise here; its warnings and errors (which --strict turns into a
    # failure) are what an editor needs to read. (`mkdocs -q` would hide the errors too.)
    return result.returncode, [line for line in (result.stdout + result.stderr).splitlines() if not _is_noise(line)]


def build(site_dir: Path, data_dir: Path, extras: bool = True, engine: str = DEFAULT_ENGINE) -> int:
    """Validate, build every edition with `engine` (macros/engines.py; side by side: one per core),
    add PDFs and offline copies, then swap the result in for site/. Any failure leaves site/ as it was.

    The extras overlap the editions' builds: each offline copy (a build of its own, macros/offline.py)
    starts with them and waits only to take the PDFs, which are made (or taken from their cache,
    macros/pdf.py) as soon as the editions are built."""
    if check(data_dir) != 0:
        print(f"{site_dir.name}/ was left as it was.", file=sys.stderr)
        return 1
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_DATA_DIR": str(data_dir.resolve())}
    with ThreadPoolExecutor(max_workers=2 * len(EDITIONS) + 1) as pool:
        builds = {
            config: pool.submit(_build_edition, config, staging / edition, env, engine)
            for edition, config in EDITIONS.items()
        }

        def editions_built() -> bool:
            return all(future.result()[0] == 0 for future in builds.values())

        pdfs: Future[list[Path]] | None = None
        copies: list[Future[Path]] = []
        if extras:

            def guide_pdfs() -> list[Path]:
                if not editions_built():
                    raise OfflineError("an edition failed to build")
                return write_guide_pdfs(staging)  # the guides' PDF leaflets, beside their pages (macros/pdf.py)

            pdfs = pool.submit(guide_pdfs)
            copies = [
                pool.submit(write_offline_zip, ROOT / config, edition, staging / edition, env, pdfs.result, engine)
                for edition, config in EDITIONS.items()
            ]
        results = {config: future.result() for config, future in builds.items()}
        failed = [config for config, (code, _) in results.items() if code != 0]
        for _, messages in results.values():
            if messages:
                print("\n".join(messages), file=sys.stderr)
        if failed:
            wait(copies)
            shutil.rmtree(staging, ignore_errors=True)
            print(f"The build of {', '.join(failed)} failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        try:
            if pdfs is not None:
                pdfs.result()
            for copy in copies:
                copy.result()
        except OfflineError as error:
            wait(copies)
            shutil.rmtree(staging, ignore_errors=True)
            print(f"{error}; {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
    write_top_level(staging, load_dataset(data_dir))
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}/")
    return 0


def edition_urls() -> dict[str, str]:
    """The public base URLs that are set, read as MkDocs reads them (environment variables included)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config_file:
        config = mkdocs_yaml_load(config_file)
    urls = config["plugins"]["collaboration"].get("edition_urls") or {}
    return {edition: url for edition, url in urls.items() if url}


def write_top_level(site: Path, data: object) -> None:
    """site/index.html leading to both editions, and the sitemap index."""
    urls = edition_urls()
    editions = {edition: edition_language_names(ROOT, edition) for edition in EDITIONS}
    (site / "index.html").write_text(render_landing(data, editions, urls), encoding="utf-8")  # type: ignore[arg-type]
    (site / "sitemap.xml").write_text(render_sitemap_index(list(EDITIONS), urls), encoding="utf-8")


def write_schemas() -> int:
    from .schemas import write_schemas as write

    changed = write(ROOT / "schemas")
    print(f"schemas/: {len(changed)} file(s) written" + "".join(f"\n  {path.name}" for path in changed))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Commands with options of their own parse them themselves.
    if argv[:1] == ["new"]:
        from .new_record import main as new_main

        return new_main(argv[1:])
    if argv[:1] == ["diff"]:
        from .site_diff import main as diff_main

        return diff_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument(
        "command",
        choices=["check", "review", "build", "translations", "export", "merge", "schemas", "new", "diff"],
        help="new KIND and diff BASE: see `python -m macros new --help`, `python -m macros diff --help`",
    )
    parser.add_argument("language", nargs="?", help="with export and merge: the language code")
    parser.add_argument("file", nargs="?", type=Path, help="with export and merge: the JSON file")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data folder (default: data/)")
    parser.add_argument(
        "--no-extras", action="store_true", help="skip the PDF leaflets and offline copies (a quicker preview build)"
    )
    parser.add_argument(
        "--engine",
        choices=list(ENGINES),
        default=DEFAULT_ENGINE,
        help=f"with build: the site engine (default: {DEFAULT_ENGINE}); see macros/engines.py",
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the output folder (default: site/)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data)
    if args.command == "schemas":
        return write_schemas()
    if args.command == "review":
        try:
            lines = review_lines(load_dataset(args.data))
        except DataErrors as errors:
            print(errors.report(), file=sys.stderr)
            return 1
        print("\n".join(lines))
        return 0
    if args.command == "translations":
        return translations.print_report(ROOT, args.data, list(EDITIONS))
    if args.command in ("export", "merge") and (not args.language or not args.file):
        parser.error(f"{args.command} needs a language code and a JSON file")
    if args.command == "export":
        missing = translations.export_missing(args.data, args.language)
        args.file.write_text(json.dumps(missing, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(missing)} texts to translate into {args.language} written to {args.file}")
        return 0
    if args.command == "merge":
        entries = json.loads(args.file.read_text(encoding="utf-8"))
        given = {entry["key"]: entry[args.language] for entry in entries if entry.get(args.language)}
        left = translations.merge(args.data, args.language, given)
        print(f"{len(given) - len(left)} {args.language} texts merged into {args.data}/; {len(left)} not merged")
        for key in left:
            print(f"  not merged: {key}")
        return 1 if left else check(args.data)
    return build(args.site.resolve(), args.data, extras=not args.no_extras, engine=args.engine)


if __name__ == "__main__":
    sys.exit(main())
