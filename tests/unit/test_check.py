"""`make check`: the quick source check policy owners run before proposing a change."""

import datetime as dt

import pytest

from conftest import command


def run_check(project_root, *args):
    return command(project_root, "check", *args)


def test_valid_sources_are_reported_per_policy(project, policy):
    result = run_check(project.root)
    assert result.returncode == 0, result.stderr
    assert f"social-media: {policy.meta.title} version {policy.meta.version}" in result.stdout


def test_a_problem_is_reported_without_a_traceback(project):
    line = project.replace("policy_source/social-media/history.yml", "date: 2018-11-23",
                           "date: 2018-23-11")
    result = run_check(project.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"policy_source/social-media/history.yml, line {line}" in result.stderr
    assert "YYYY-MM-DD" in result.stderr


def test_an_overdue_review_fails_unless_library_yml_allows_it(project, policy):
    without_permission(project)
    late = (policy.meta.next_review + dt.timedelta(days=1)).isoformat()
    result = run_check(project.root, "--today", late)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the review is overdue" in result.stderr
    assert f"{policy.meta.title} ({policy.slug}) was due for review" in result.stderr
    assert "allow_overdue" in result.stderr and "NEXT_REVIEW" in result.stderr


def test_an_allowed_overdue_review_passes_with_a_warning(project, policy):
    late = (policy.meta.next_review + dt.timedelta(days=1)).isoformat()
    result = run_check(project.root, "--today", late)
    assert result.returncode == 0, result.stderr
    assert "Warning: review overdue" in result.stdout
    assert "Allowed in library.yml" in result.stdout


def without_permission(project) -> None:
    settings = project.path("policy_source/library.yml")
    text = settings.read_text(encoding="utf-8")
    start = text.index("  allow_overdue:")
    end = text.index("\n\n", start)
    settings.write_text(text[:start] + "  allow_overdue: {}" + text[end:], encoding="utf-8")


def test_a_review_inside_the_window_is_a_warning(project, policy, library):
    without_permission(project)
    soon = policy.meta.next_review - dt.timedelta(days=library.settings.review.warning_days)
    result = run_check(project.root, "--today", soon.isoformat())
    assert result.returncode == 0, result.stderr
    assert f"Warning: review due soon: {policy.meta.title}" in result.stdout


def test_a_permission_for_a_review_that_is_not_overdue_fails_saying_it_can_go(project, policy):
    on_time = policy.meta.next_review.isoformat()  # the last day it is not overdue
    result = run_check(project.root, "--today", on_time)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    settings = project.path("policy_source/library.yml").read_text(encoding="utf-8")
    line = settings.splitlines().index("    social-media: >-") + 1
    assert f"policy_source/library.yml, line {line}:" in result.stderr
    assert "is not overdue for review" in result.stderr and "it can go" in result.stderr
    assert "Delete the line 'social-media:'" in result.stderr


@pytest.mark.parametrize("old, new, says", [
    ("You may say that you work for the Council.", "TBC",
     "'TBC' stands in for words not yet written"),
    ("You may say that you work for the Council.",
     "[To write: what staff may say about where they work.]",
     "to write: what staff may say about where they work."),
])
def test_an_in_force_version_with_unfinished_words_fails_at_their_line(project, old, new, says):
    line = project.replace("policy_source/social-media/policy.md", old, new)
    result = run_check(project.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"policy_source/social-media/policy.md, line {line}:" in result.stderr
    assert "This version is 'in force', so it would be published as it is" in result.stderr
    assert says in result.stderr


def test_a_heading_with_nothing_under_it_is_unfinished(project, policy):
    clause = policy.anchors["raising-concerns"]
    source = project.path("policy_source/social-media/policy.md")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    heading = clause.line - 1
    following = next(index for index in range(heading + 1, len(lines))
                     if lines[index].startswith("#"))
    source.write_text("".join(lines[:heading + 1] + ["\n"] + lines[following:]),
                      encoding="utf-8")
    result = run_check(project.root)
    assert result.returncode == 1
    assert (f"policy.md, line {clause.line}: the heading '6.6 Raising concerns about work' "
            "has nothing written under it") in result.stderr
