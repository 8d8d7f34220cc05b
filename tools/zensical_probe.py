"""What Zensical builds of the site today: the gap list of README.md ("Moving off Material"), measured.

Zensical is not a dependency (not in requirements.txt): install it into a throwaway venv first,

    python3 -m venv /tmp/zensical
    /tmp/zensical/bin/pip install zensical mkdocs-material==9.8.1 mkdocs-macros-plugin==1.5.0 \\
        mkdocs-static-i18n==1.3.1 PyYAML pydantic babel jieba nh3 phonenumbers
    /tmp/zensical/bin/pip install --no-deps -e .
    .venv/bin/python tools/zensical_probe.py --zensical /tmp/zensical/bin/zensical

Two builds of the WCO edition's pages: (1) the configuration as it is (mkdocs.wco.yml, its output
sent elsewhere than site/), which stops at the first gap; (2) a copy without what stops it (the
`collaboration` and `macros` plugins, and the sitemap override that reads the i18n plugin's data),
to see what Zensical does with the rest. The copies and their output are written into the project
folder (Zensical requires its site inside the project) as `zensical-probe*` and removed afterwards,
as is what Zensical adds to its cache, `.cache/`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE_AS_IS = ROOT / "zensical-probe-as-is.yml"
PROBE_CONFIG = ROOT / "zensical-probe.yml"
PROBE_OVERRIDES = ROOT / "zensical-probe-overrides"
PROBE_SITE = ROOT / "zensical-probe-site"
LEFT_OUT_PLUGINS = ("collaboration:", "macros:")


def run(zensical: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_DATA_DIR": str(ROOT / "data"), "SOURCE_DATE_EPOCH": "1795392000"}
    command = [zensical, "build", "-f", config.name]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def last_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    errors = [line for line in lines if re.match(r"^\w*(Error|Exception)\b", line)]
    return (errors or lines or ["(no output)"])[-1].strip()


def probe_config() -> str:
    """mkdocs.yml without the plugins Zensical stops on, its overrides without sitemap.xml."""
    kept, skipping = [], False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^  \S", line):
            skipping = line.strip() in LEFT_OUT_PLUGINS
        elif re.match(r"^\S", line):
            skipping = False
        if not skipping:
            kept.append(line)
    text = "\n".join(kept) + "\n"
    text = text.replace("custom_dir: overrides", f"custom_dir: {PROBE_OVERRIDES.name}")
    return text.replace("site_dir: site\n", f"site_dir: {PROBE_SITE.name}\n")


def gaps(site: Path) -> list[tuple[str, str]]:
    """What the probe build shows, as (what, observed)."""
    html = sorted(site.rglob("*.html"))
    found: list[tuple[str, str]] = []
    translated_as_pages = sorted({p.parent.name for p in html if re.search(r"\.(fr|es|ar|zh|ru)$", p.parent.name)})
    found.append(
        (
            "i18n plugin (languages)",
            f"ignored: no fr/, es/ folders; {len(translated_as_pages)} translations built as pages of their own "
            f"({', '.join(translated_as_pages[:3])}, …); no language selector "
            f"({(site / 'index.html').read_text(encoding='utf-8').count('hreflang=')} hreflang links on the home page)",
        )
    )
    literal = [p for p in html if "{{" in p.read_text(encoding="utf-8")]
    found.append(("macros (pages unrendered)", f"{len(literal)} of {len(html)} pages show their macro calls as text"))
    index = site / "search.json"
    if index.is_file():
        config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
        found.append(("search languages", f"search.json config {config}: `lang` and `pipeline` ignored"))
    home = (site / "index.html").read_text(encoding="utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]*)"', home)
    found.append(("generator meta", generator.group(1) if generator else "none"))
    modern = (site / "assets" / "stylesheets" / "modern").is_dir()
    found.append(("theme", "Zensical's `modern` variant of the theme" if modern else "classic Material"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zensical", default=shutil.which("zensical") or "zensical", help="the zensical command")
    args = parser.parse_args()
    version = subprocess.run([args.zensical, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"zensical {version} on mkdocs.wco.yml")
    cache = ROOT / ".cache"
    cached_before = set(cache.iterdir()) if cache.is_dir() else set()
    python = Path(args.zensical).with_name("python")
    if python.is_file():  # the plugins Zensical knows; any other is dropped from the configuration unread
        known = subprocess.run(
            [str(python), "-c", "from zensical.config import _PLUGIN_UNSUPPORTED_OPTIONS as k; print(' '.join(k))"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        for plugin in ("collaboration", "i18n", "macros", "search", "offline", "privacy"):
            print(f"   plugin {plugin}: {'known' if plugin in known else 'not known: dropped without a message'}")
    try:
        PROBE_AS_IS.write_text(f"INHERIT: mkdocs.wco.yml\nsite_dir: {PROBE_SITE.name}\n", encoding="utf-8")
        as_is = run(args.zensical, PROBE_AS_IS)  # mkdocs.wco.yml, with the output away from site/
        print(f"1. the configuration as it is: exit {as_is.returncode}: {last_error(as_is)}")
        PROBE_OVERRIDES.mkdir(exist_ok=True)
        for template in (ROOT / "overrides").iterdir():
            if template.name != "sitemap.xml":
                shutil.copy(template, PROBE_OVERRIDES / template.name)
        shutil.rmtree(PROBE_SITE, ignore_errors=True)
        PROBE_CONFIG.write_text(probe_config(), encoding="utf-8")
        probe = run(args.zensical, PROBE_CONFIG)
        print(f"2. without {', '.join(LEFT_OUT_PLUGINS)} and overrides/sitemap.xml: exit {probe.returncode}")
        if probe.returncode != 0:
            print(f"   {last_error(probe)}")
            return 1
        for what, observed in gaps(PROBE_SITE):
            print(f"   - {what}: {observed}")
    finally:
        PROBE_AS_IS.unlink(missing_ok=True)
        PROBE_CONFIG.unlink(missing_ok=True)
        shutil.rmtree(PROBE_OVERRIDES, ignore_errors=True)
        shutil.rmtree(PROBE_SITE, ignore_errors=True)
        for entry in set(cache.iterdir()) - cached_before if cache.is_dir() else ():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
