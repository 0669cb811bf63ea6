"""`make check`: the quick source check policy owners run before proposing a change."""

import datetime as dt

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
    settings = project.path("policy_source/library.yml")
    text = settings.read_text(encoding="utf-8")
    start = text.index("  allow_overdue:")
    end = text.index("\n\n", start)
    settings.write_text(text[:start] + "  allow_overdue: {}" + text[end:], encoding="utf-8")
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


def test_a_review_inside_the_window_is_a_warning(project, policy, library):
    soon = policy.meta.next_review - dt.timedelta(days=library.settings.review.warning_days)
    result = run_check(project.root, "--today", soon.isoformat())
    assert result.returncode == 0, result.stderr
    assert f"Warning: review due soon: {policy.meta.title}" in result.stdout
