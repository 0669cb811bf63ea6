"""The CI workflows: valid, pinned, and doing what the README promises.

Linted with the same tools a reviewer would use: check-jsonschema with its copy of the
GitHub workflow schema (offline), and zizmor's audits (unpinned actions, permissions,
template injection) in offline mode.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def lint(folder: Path) -> list[subprocess.CompletedProcess]:
    files = sorted(str(path) for path in folder.glob("*.yml"))
    return [
        subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema",
                        "vendor.github-workflows", *files], capture_output=True, text=True),
        subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", str(folder)],
                       capture_output=True, text=True),
    ]


def load(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_workflows_pass_both_linters():
    for result in lint(WORKFLOWS):
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("old, new, linter", [
    ("runs-on:", "runs-onn:", 0),  # a misspelt key
    ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
     "actions/checkout@v4", 1),  # an action pinned only to a movable tag
])
def test_the_linters_catch_a_broken_workflow(tmp_path, old, new, linter):
    broken = tmp_path / "workflows"
    shutil.copytree(WORKFLOWS, broken)
    text = (broken / "checks.yml").read_text(encoding="utf-8")
    assert old in text
    (broken / "checks.yml").write_text(text.replace(old, new), encoding="utf-8")
    assert lint(broken)[linter].returncode != 0


@pytest.mark.parametrize("name", ["checks.yml", "publish.yml"])
def test_every_checkout_has_the_full_history_for_dates_and_versions(name):
    checkouts = [step for step in steps(load(name))
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["fetch-depth"] == 0 for step in checkouts)


def test_pull_requests_build_strictly_and_run_every_test():
    workflow = load("checks.yml")
    assert "pull_request" in workflow["on"]
    commands = [step.get("run") for step in steps(workflow)]
    assert "make build" in commands and "bash .ci/run" in commands


def test_a_merge_to_main_tests_then_publishes_and_pushes():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    # daily, so a version approved with a later effective date becomes current on that day
    cron, = [entry["cron"] for entry in workflow["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "*"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    commands = [step.get("run") for step in steps(workflow)]
    assert "make publish PUSH=1" in commands
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\npublish: test " in makefile  # publishing runs every test first


def test_review_reminders_run_weekly_and_may_only_open_issues():
    workflow = load("review-reminders.yml")
    assert workflow["on"]["schedule"] and "workflow_dispatch" in workflow["on"]
    job, = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert "make review-reminders" in [step.get("run") for step in job["steps"]]


def test_the_issue_form_is_valid_and_asks_which_page():
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    for schema, name in [("vendor.github-issue-forms", "report-a-problem.yml"),
                         ("vendor.github-issue-config", "config.yml")]:
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema,
                                 str(forms / name)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    form = yaml.safe_load((forms / "report-a-problem.yml").read_text(encoding="utf-8"))
    required = [item["attributes"]["label"] for item in form["body"]
                if item.get("validations", {}).get("required")]
    assert "Which page?" in required and "What is the problem?" in required


def test_the_pull_request_template_has_the_approval_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = [line for line in template.splitlines() if line.startswith("- [ ]")]
    assert len(boxes) >= 5
    assert any("owner" in box for box in boxes) and any("green tick" in box for box in boxes)
