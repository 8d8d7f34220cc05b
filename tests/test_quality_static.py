"""Quality gates on the built files: valid HTML (vnu.jar), internal links and anchors, the form of
external links, and a reproducible build. Each gate also runs on tests/fixtures/quality/ to prove that
it fails where it should, naming the page and the problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_quality import gates

from .conftest import BUILD_EPOCH, build_site

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quality"


# --- The real site ------------------------------------------------------------------------------


def test_the_tools_are_installed():
    """The browser, Java and the npm tools are there: a missing tool fails the suite, in CI or not;
    nothing is skipped (.ci/run installs chromium and Java, `make test-deps` the npm packages)."""
    missing = [
        f"{what}: {where}"
        for what, where, present in [
            ("Debian's chromium", gates.CHROMIUM, Path(gates.CHROMIUM).is_file()),
            ("Java", gates.JAVA, shutil.which(gates.JAVA) is not None),
            ("vnu.jar (npm vnu-jar)", gates.VNU_JAR, gates.VNU_JAR.is_file()),
            ("axe-core (npm)", gates.AXE_JS, gates.AXE_JS.is_file()),
        ]
        if not present
    ]
    assert not missing, "missing (run .ci/run, or `make test-deps`):\n" + "\n".join(missing)


def test_every_file_is_valid_html(built_site):
    """vnu.jar over the whole built folder, in one run: no error (warnings are not errors)."""
    problems = gates.html_problems(built_site)
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems[:80])


def test_no_broken_link_or_anchor(built_site):
    """Every internal link and resource resolves in the built folder, with its #anchor; every
    external link is well formed. Edition 404 pages are left out: see test_quality_browser.py."""
    problems = gates.link_problems(built_site, include_404=False)
    assert not problems, f"{len(problems)} link problems:\n" + "\n".join(problems[:80])


def test_the_build_is_reproducible_and_fetches_nothing(built_site, tmp_path):
    """A second build with the same SOURCE_DATE_EPOCH, elsewhere, and with no network at all, gives a
    byte-identical tree: the build downloads nothing (PDFs and offline copies included)."""
    second = tmp_path / "site"
    result = build_site(second, epoch=BUILD_EPOCH, without_network=True)
    assert result.returncode == 0, f"the second build failed:\n{result.stdout}\n{result.stderr}"
    problems = gates.tree_differences(built_site, second)
    assert not problems, "\n".join(problems[:80])


# --- Negative proofs ----------------------------------------------------------------------------


def test_html_gate_fails_on_invalid_fixture_pages():
    problems = gates.html_problems(FIXTURES)
    pages = {problem.split(":")[0] for problem in problems}
    assert pages == {"invalid-html.html", "missing-alt.html"}, problems
    assert any(p.startswith("invalid-html.html:") and "“p” end tag" in p for p in problems), problems
    assert any(p.startswith("missing-alt.html:") and "“alt” attribute" in p for p in problems), problems


def test_link_gate_fails_on_broken_fixture_links():
    problems = gates.link_problems(FIXTURES)
    assert len(problems) == 2, problems
    assert any(p.startswith("broken-link.html:") and "broken link 'no-such-page/'" in p for p in problems), problems
    assert any(
        p.startswith("broken-link.html:") and "broken anchor 'index.html#no-such-anchor'" in p for p in problems
    ), problems


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.wco.org/en/", None),
        ("http://example.org:8080/a?b=c#d", None),
        ("mailto:info@ippc.int?subject=Hello", None),
        ("tel:+39-06-5705-1", None),
        ("tel:+39 06 5705 1", "white space"),
        ("https://www.wco org/", "white space"),
        ("https:///path", "no host"),
        ("https://localhost/", "malformed host"),
        ("https://-bad-.org/", "malformed host"),
        ("http://example.org:99999/", "bad port"),
        ("mailto:nobody", "malformed address"),
        ("mailto:a@b", "malformed address"),
    ],
)
def test_external_link_form(url, problem):
    found = gates.external_form_problem(url)
    if problem is None:
        assert found is None, found
    else:
        assert found is not None and problem in found, found


def test_tree_differences_names_the_differing_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for root in (first, second):
        (root / "sub").mkdir(parents=True)
        (root / "same.txt").write_text("same")
    (first / "sub" / "page.html").write_text("one")
    (second / "sub" / "page.html").write_text("two")
    (first / "only.txt").write_text("x")
    assert gates.tree_differences(first, second) == [
        "only.txt: only in the first build",
        "sub/page.html: differs between two builds with the same SOURCE_DATE_EPOCH",
    ]
