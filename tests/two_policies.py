"""A copy of the project with a second policy, and a reference from the first to it, for the
tests of references between policies."""

from __future__ import annotations

import datetime as dt

from conftest import copy_project
from policy_guide.domain.scaffold import NewPolicy, scaffold


def with_second_policy(tmp_path, reference: str):
    """A copy of the project with a Flexible Working Policy (from the scaffold) and
    `reference` written into clause 6.1 of the Social Media Policy; the line it is on."""
    project = copy_project(tmp_path / "project")
    scaffold(project.root, NewPolicy("flexible-working"), dt.date.today())
    policy = "policy_source/social-media/policy.md"
    text = project.path(policy).read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("### 6.1 "))
    line = project.replace(policy, heading, f"{heading}\n\nSee also {reference}.\n")
    return project, line + 2
