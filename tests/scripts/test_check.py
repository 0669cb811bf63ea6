"""`make check`: the quick source check policy owners run before proposing a change."""

import subprocess
import sys


def run_check(project_root):
    return subprocess.run([sys.executable, str(project_root / "scripts" / "check.py")],
                          capture_output=True, text=True)


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
