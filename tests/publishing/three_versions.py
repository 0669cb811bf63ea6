"""Three versions of the Social Media Policy in a copy of the project, for comparing: 1.0 and
1.1 are published (git tags, as `make publish` leaves them) and 1.2 is in the sources. 1.1
changes a clause, a rule, a question's answer, the owner and the assessment; 1.2 changes a
question, and nothing else, so only a comparison of 1.2 with 1.0 (not neighbours) shows
both sets of changes. The copy is built as `make build` builds it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project, run_build

POLICY = "policy_source/social-media"
PERSON = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
          for part, value in (("NAME", "Policy Bot"), ("EMAIL", "bot@example.invalid"))}

#: What 1.1 changes: (file, old text, new text).
IN_1_1 = [
    (f"{POLICY}/policy.md", "If you do, make clear that your views",
     "If you do, say clearly in your profile that your views"),
    (f"{POLICY}/policy.md", "owner: Strategic Director of Corporate Resources",
     "owner: Director of People and Resources"),
    (f"{POLICY}/rules.yml", "check your facts before you post.",
     "check your facts and spelling before you post."),
    (f"{POLICY}/faqs.md", "It applies to everyone, whatever your job,",
     "It applies to every employee, whatever their role,"),
    (f"{POLICY}/eia.md", "confidence with social media varies with age.",
     "confidence with social media varies with age and with experience."),
]
IN_1_2 = [(f"{POLICY}/faqs.md", "## Does it cover what I post in my own time? {#own-time}",
           "## Does it cover what I post outside working hours? {#own-time}")]


def run(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=project.root, capture_output=True, text=True,
                          env={**os.environ, **PERSON, "NO_MKDOCS_2_WARNING": "1"})


def release(project, version: str, day: str, summary: str, tag: bool) -> None:
    released = run(project, sys.executable, "-m", "policy_guide", "release", "--policy",
                   "social-media",
                   "--version", version, "--date", day, "--decided-by",
                   "Personnel Committee", "--summary", summary)
    assert released.returncode == 0, released.stderr
    run(project, "git", "add", "--all")
    run(project, "git", "commit", "--quiet", "--message", f"Version {version}")
    if tag:
        run(project, "git", "tag", f"social-media/{version}")


def three_versions(base: Path):
    """The project copy with 1.0 and 1.1 published and 1.2 in the sources, and its site."""
    project = copy_project(base / "repo")
    run(project, "git", "init", "--quiet", "--initial-branch", "main")
    run(project, "git", "add", "--all")
    run(project, "git", "commit", "--quiet", "--message", "1.0 as published")
    run(project, "git", "tag", "social-media/1.0")
    for file, old, new in IN_1_1:
        project.replace(file, old, new)
    release(project, "1.1", "2025-03-01", "Clause 6.2 reworded; a new owner.", tag=True)
    for file, old, new in IN_1_2:
        project.replace(file, old, new)
    release(project, "1.2", "2025-09-01", "One question reworded.", tag=False)
    site = project.root.parent / "site"
    built = run_build(project.root, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return project, site
