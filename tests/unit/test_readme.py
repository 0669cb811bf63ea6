"""The README names files as they are: every path it gives inside the project (a file or
folder under one of the project's own top-level folders) exists, so a reader who follows
one is never sent to a file that moved."""

from __future__ import annotations

import re

from conftest import ROOT

#: The project's own top-level folders; a path the README gives under one must exist.
OWN = ("policy_guide/", "docs/", "tests/", "policy_source/", "scripts/", ".github/", ".ci/")


def test_every_project_path_the_readme_gives_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([A-Za-z0-9_./-]+)`", text))
    paths = [path for path in named if path.startswith(OWN)]
    assert len(paths) > 20  # the README still names its files
    assert [path for path in sorted(paths) if not (ROOT / path).exists()] == []
