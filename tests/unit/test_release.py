"""`make release`: one command records a new version in policy.md and history.yml."""

import pytest

from conftest import Ran, command
from policy_guide.domain.loader import load_library

POLICY = "policy_source/social-media"
FILES = (f"{POLICY}/policy.md", f"{POLICY}/history.yml", "policy_source/library.yml")


def release(project, *args: str) -> Ran:
    return command(project.root, "release", *args)


def snapshot(project) -> dict[str, bytes]:
    return {name: project.path(name).read_bytes() for name in FILES}


def test_a_release_updates_the_front_matter_and_history_together(project, policy):
    result = release(project, "--version", "1.1", "--date", "2027-01-15", "--decided-by",
                     "Personnel Committee", "--summary", "Clause 6.2 asks for a profile note.",
                     "--effective-from", "2027-02-01")
    assert result.returncode == 0, result.stderr
    released = load_library(project.path("policy_source")).policies["social-media"]
    meta, entry = released.meta, released.history.current
    assert (meta.version, meta.status, str(meta.effective_from)) == ("1.1", "in force",
                                                                     "2027-02-01")
    assert (meta.approved_by, str(meta.approved_on)) == ("Personnel Committee", "2027-01-15")
    assert meta.ratified_by is None and str(meta.next_review) == "2029-01-15"
    assert (entry.version, str(entry.date), str(entry.in_force_from)) == (
        "1.1", "2027-01-15", "2027-02-01")
    assert entry.changes == "Clause 6.2 asks for a profile note."
    assert released.history.entries[:-1] == policy.history.entries
    assert meta.owner == policy.meta.owner and meta.audience == policy.meta.audience
    history = project.path(f"{POLICY}/history.yml").read_text(encoding="utf-8")
    assert history.startswith("# Version history of the Social Media Policy")


@pytest.mark.parametrize("args, says", [
    (("--version", "1.0", "--date", "2027-01-15"), "already in the version history"),
    (("--version", "0.9", "--date", "2027-01-15"), "would come before the current version"),
    (("--version", "1.1", "--date", "2018-12-01"), "before 2018-12-19"),
    (("--version", "1.1", "--date", "2027-01-15", "--effective-from", "2027-01-01"),
     "cannot take effect on 2027-01-01"),
    (("--version", "1.1", "--date", "2027-01-15", "--policy", "social"),
     "no policy folder 'social'"),
])
def test_an_out_of_order_or_duplicate_release_is_refused_and_changes_nothing(
        project, args, says):
    before = snapshot(project)
    result = release(project, *args, "--decided-by", "Personnel Committee", "--summary", "X.")
    assert result.returncode == 1
    assert says in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before


def test_a_release_that_would_break_the_sources_is_undone(project):
    before = snapshot(project)
    result = release(project, "--version", "1.1", "--date", "2027-01-15", "--decided-by",
                     "Personnel Committee", "--summary", "Uses {{ template code }} by mistake.")
    assert result.returncode == 1
    assert f"{POLICY}/history.yml, line" in result.stderr and "'{{'" in result.stderr
    assert snapshot(project) == before


def test_a_release_that_ends_an_overdue_review_removes_its_permission(project):
    """library.yml allows the 2018 version's review to be overdue; once a reviewed version
    sets a later review date the permission is not needed, and make check would fail on it."""
    settings = project.path("policy_source/library.yml")
    before = settings.read_text(encoding="utf-8").splitlines()
    result = release(project, "--version", "1.1", "--date", "2099-01-15", "--decided-by",
                     "Personnel Committee", "--summary", "Reviewed.")
    assert result.returncode == 0, result.stderr
    assert "Removed the permission for an overdue review of social-media" in result.stdout
    after = settings.read_text(encoding="utf-8").splitlines()
    assert load_library(project.path("policy_source")).settings.review.allow_overdue == {}
    removed = [line for line in before if line not in after]
    assert removed[0].strip() == "allow_overdue:" and removed[1].strip() == "social-media: >-"
    assert "  allow_overdue: {}" in after
    assert [line for line in after if line not in before] == ["  allow_overdue: {}"]
    checked = command(project.root, "check", "--today", "2099-01-15")
    assert checked.returncode == 0, checked.stderr


def test_a_malformed_version_or_date_is_explained(project):
    result = release(project, "--version", "v1.1", "--date", "15/01/2027",
                     "--decided-by", "Personnel Committee", "--summary", "X.")
    assert result.returncode == 2
    assert "'v1.1' is not a version number" in result.stderr
