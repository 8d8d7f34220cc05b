"""The CI pipelines and the pre-commit hooks: valid, and running only make targets that exist.

A pipeline step that calls a target the Makefile lost would fail only on the server; here it fails
first. The workflow files are also validated against the schemas that check-jsonschema ships
(GitHub workflows, GitLab CI), without the network.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def make_targets() -> set[str]:
    """The targets the Makefile (and the files it includes) defines."""
    targets: set[str] = set()
    for path in (ROOT / "Makefile", *(ROOT / "mk").glob("*.mk")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+(?:\s+[A-Za-z0-9_.-]+)*)\s*:(?!=)", line)
            if match and not line.startswith((".PHONY", "\t")):
                targets.update(match.group(1).split())
    return targets


def called_targets(command: str) -> list[str]:
    """The make targets a shell command runs, directly (`make x`) or through `bash .ci/run x`."""
    found: list[str] = []
    command = re.sub(r"\$\{\{.*?\}\}", "EXPR", command)  # GitHub expressions
    for line in command.replace("\\\n", " ").splitlines():
        for part in re.split(r"&&|\|\||;|\|", line):
            try:
                words = shlex.split(part, comments=True)
            except ValueError:
                words = part.split()
            if words[:1] == ["make"]:
                arguments = words[1:]
            elif words[:2] == ["bash", ".ci/run"] or words[:1] == [".ci/run"]:
                arguments = words[2:] if words[0] == "bash" else words[1:]
                arguments = arguments or ["test"]
            else:
                continue
            found += _targets(arguments)
    return found


def _targets(arguments: list[str]) -> list[str]:
    """Make's arguments without options, variable assignments and redirections."""
    targets: list[str] = []
    skip = False
    for word in arguments:
        if skip:
            skip = False
        elif word in (">", ">>", "<", "2>"):
            skip = True
        elif not word.startswith(("-", ">", "<")) and "=" not in word:
            targets.append(word)
    return targets


def _on(workflow: dict[Any, Any]) -> dict[str, Any]:
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True
    return triggers if isinstance(triggers, dict) else dict.fromkeys(triggers or [])


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _run_steps(workflow: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (job_name, step["run"])
        for job_name, job in workflow["jobs"].items()
        for step in job.get("steps", [])
        if "run" in step
    ]


def test_the_workflows_exist_and_parse() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "preview.yml", "publish.yml"}
    for path in WORKFLOWS:
        workflow = _load(path)
        assert workflow["name"] and workflow["jobs"], path.name
        for job in workflow["jobs"].values():
            assert job["runs-on"] and job["timeout-minutes"] and job["steps"]
            assert all(("run" in step) != ("uses" in step) for step in job["steps"])


@pytest.mark.parametrize("path", [*WORKFLOWS, ROOT / ".gitlab-ci.yml"], ids=lambda path: path.name)
def test_every_make_target_a_pipeline_runs_exists(path: Path) -> None:
    content = _load(path)
    if path.name == ".gitlab-ci.yml":
        commands = [line for job in content.values() if isinstance(job, dict) for line in job.get("script", [])]
    else:
        commands = [command for _, command in _run_steps(content)]
    called = [target for command in commands for target in called_targets(command)]
    assert called, f"{path.name} runs no make target"
    assert set(called) <= make_targets(), (
        f"{path.name} calls targets the Makefile lacks: {set(called) - make_targets()}"
    )


def test_the_github_pipelines_do_what_the_issue_asks() -> None:
    ci, preview, publish = (
        _load(ROOT / ".github" / "workflows" / name) for name in ("ci.yml", "preview.yml", "publish.yml")
    )
    assert {"pull_request", "push"} <= set(_on(ci)) and _on(ci)["push"]["branches"] == ["main"]
    assert [called_targets(command) for _, command in _run_steps(ci)] == [["check"], ["test"]]
    assert "pull_request" in _on(preview)
    preview_calls = [target for _, command in _run_steps(preview) for target in called_targets(command)]
    assert preview_calls == ["preview", "diff"]
    assert "gh pr comment" in "\n".join(command for _, command in _run_steps(preview))
    assert {"push", "schedule", "workflow_dispatch"} <= set(_on(publish))
    assert _on(publish)["schedule"][0]["cron"]
    assert [target for _, command in _run_steps(publish) for target in called_targets(command)] == ["build"]
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    assert any(action.startswith("JamesIves/github-pages-deploy-action") for action in uses)


def test_the_gitlab_pipeline_has_the_same_stages() -> None:
    pipeline = _load(ROOT / ".gitlab-ci.yml")
    assert pipeline["stages"] == ["check", "test", "preview", "deploy"]
    assert called_targets(" && ".join(pipeline["check"]["script"])) == ["check"]
    assert called_targets(" && ".join(pipeline["test"]["script"])) == ["test"]
    assert called_targets("\n".join(pipeline["preview"]["script"][:3])) == ["preview", "diff"]
    assert called_targets(pipeline["pages"]["script"][0]) == ["build"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]


@pytest.mark.parametrize(
    ("schema", "files"),
    [("vendor.github-workflows", [str(path) for path in WORKFLOWS]), ("vendor.gitlab-ci", [".gitlab-ci.yml"])],
)
def test_the_pipelines_are_valid_for_their_platform(schema: str, files: list[str]) -> None:
    from check_jsonschema import main as check_main  # type: ignore[import-untyped]

    with pytest.raises(SystemExit) as done:
        check_main(["--builtin-schema", schema, *[str(ROOT / name) for name in files]])
    assert done.value.code == 0


def test_ci_run_passes_its_targets_to_make() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'make "${@:-test}"' in script


def test_the_pre_commit_hooks_run_what_exists() -> None:
    config = _load(ROOT / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    entries = [hook["entry"] for hook in hooks]
    assert "make check" in entries
    assert set(target for entry in entries for target in called_targets(entry)) <= make_targets()
    for entry in entries:
        for word in entry.split():
            if word.endswith(".py"):
                assert (ROOT / word).is_file(), word


def test_called_targets_reads_commands() -> None:
    assert called_targets("bash .ci/run -s diff BASE=origin/main > diff.txt") == ["diff"]
    assert called_targets("bash .ci/run") == ["test"]
    assert called_targets("make check && make test") == ["check", "test"]
    assert "schemas" in make_targets() and "new" in make_targets()
