"""`make new-policy`: the command, its choices and its refusals, in a copy of the project
(tests/build/test_new_policy.py builds the policy it starts)."""

import pytest

from conftest import ROOT, Ran, command, copy_project
from policy_guide.domain.codeowners import codeowners_text
from policy_guide.domain.loader import load_library
from policy_guide.domain.scaffold import rule_prefix, title_for


def new_policy(root, *args) -> Ran:
    return command(root, "new-policy", *args)


def snapshot(root):
    return {path.relative_to(root): path.read_bytes()
            for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts}


def test_title_owner_and_rule_codes_come_from_the_command(tmp_path):
    project = copy_project(tmp_path / "project")
    result = new_policy(project.root, "lone-working", "--title", "Lone Working Guidance",
                        "--owner", "Head of Health and Safety")
    assert result.returncode == 0, result.stderr
    policy = load_library(project.path("policy_source")).policies["lone-working"]
    assert policy.meta.title == "Lone Working Guidance"
    assert policy.meta.owner == "Head of Health and Safety"
    assert [rule.key for rule in policy.rules.rules] == ["LW-01", "LW-02"]
    assert policy.meta.category == policy_categories(project)[0]


def test_it_says_what_it_chose_and_what_comes_next(tmp_path):
    """What the owner did not give is chosen for them, and said; the next steps are the
    commands that check and release the policy."""
    project = copy_project(tmp_path / "project")
    result = new_policy(project.root, "lone-working", "--owner", "Head of Health and Safety")
    assert result.returncode == 0, result.stderr
    said = result.stdout
    first = policy_categories(project)[0]
    assert f"Category: {first} (chosen for you" in said
    assert "Owner:    Head of Health and Safety\n" in said
    assert "Contact:  Human Resources (chosen for you" in said
    assert "'make check' lists what is still to write" in said
    assert "make release POLICY=lone-working VERSION=1.0" in said
    codeowners = project.path(".github/CODEOWNERS").read_text(encoding="utf-8")
    for line in codeowners.splitlines():  # every folder CODEOWNERS names exists
        if line.startswith("/"):
            assert project.path(line.split()[0].strip("/")).exists(), line


def test_a_new_draft_lists_what_is_still_to_write_and_cannot_be_released(tmp_path):
    project = copy_project(tmp_path / "project")
    assert new_policy(project.root, "lone-working").returncode == 0
    checked = command(project.root, "check")
    assert checked.returncode == 0, checked.stderr
    assert "Still to write before it can be approved" in checked.stdout
    assert "policy_source/lone-working/policy.md, line 19: to write: why the Council needs" in (
        checked.stdout)
    assert "policy_source/lone-working/rules.yml, line 5: to write: the do and don't rules" in (
        checked.stdout)
    eia = project.path("policy_source/lone-working/eia.md")
    eia.write_text(eia.read_text(encoding="utf-8").replace("not assessed", "neutral"),
                   encoding="utf-8")
    before = snapshot(project.root)
    released = command(project.root, "release", "--policy", "lone-working", "--version", "1.0",
                       "--date", "2099-01-01", "--decided-by", "Personnel Committee",
                       "--summary", "Approved.")
    assert released.returncode == 1 and "Traceback" not in released.stderr
    assert "This version is 'in force', so it would be published as it is" in released.stderr
    assert "policy_source/lone-working/policy.md, line 19: to write: why the Council" in (
        released.stderr)
    assert "... and 20 more" in released.stderr
    assert snapshot(project.root) == before


def policy_categories(project):
    return load_library(project.path("policy_source")).settings.categories


def test_adding_a_policy_writes_only_its_folder_and_codeowners(tmp_path):
    project = copy_project(tmp_path / "project")
    before = snapshot(project.root)
    category = policy_categories(project)[-1]
    result = new_policy(project.root, "lone-working", "--category", category)
    assert result.returncode == 0, result.stderr
    after = snapshot(project.root)
    changed = {path for path in after.keys() | before.keys()
               if after.get(path) != before.get(path)}
    assert {path.parts[:2] for path in changed} == {("policy_source", "lone-working"),
                                                   (".github", "CODEOWNERS")}
    assert load_library(project.path("policy_source")).policies[
        "lone-working"].meta.category == category


def test_a_category_the_library_does_not_list_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    before = snapshot(project.root)
    result = new_policy(project.root, "lone-working", "--category", "Miscellaneous")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'Miscellaneous' is not one of the library's categories" in result.stderr
    assert snapshot(project.root) == before


@pytest.mark.parametrize("name, complaint", [
    ("Flexible Working", "cannot be a policy's folder name"),
    ("schemas", "already used by the guide"),
    ("social-media", "there is already a policy called 'social-media'"),
])
def test_a_bad_name_is_refused_and_nothing_is_written(tmp_path, name, complaint):
    project = copy_project(tmp_path / "project")
    before = snapshot(project.root)
    result = new_policy(project.root, name)
    assert result.returncode == 1
    assert complaint in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project.root) == before


def test_a_mistake_already_in_the_library_is_reported_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    line = project.replace("policy_source/social-media/rules.yml", "kind: do", "kind: maybe")
    before = snapshot(project.root)
    result = new_policy(project.root, "lone-working")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"policy_source/social-media/rules.yml, line {line}" in result.stderr
    assert snapshot(project.root) == before


def test_rule_codes_and_titles_are_made_from_the_folder_name():
    assert (rule_prefix("flexible-working"), title_for("flexible-working")) == (
        "FW", "Flexible Working Policy")
    assert rule_prefix("grievance") == "GR"
    assert rule_prefix("policy-2027") == "PO"  # rule codes need letters


def test_the_real_codeowners_file_is_up_to_date(library):
    codeowners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert codeowners == codeowners_text(library), "run `make codeowners` and commit it"
