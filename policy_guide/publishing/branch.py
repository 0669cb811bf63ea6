"""What the published branch (gh-pages) holds: each policy's versions.json and the library's
own files at its top, read with git's own plumbing (tools/git.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mike.versions import Versions

from ..site.layout import LIBRARY_FILE, VERSIONS_FILE
from ..tools import git


@dataclass
class BranchState:
    """What the branch holds: each policy's versions.json, and the library's own files."""

    head: str | None
    versions: dict[str, Versions] = field(default_factory=dict)
    top_level: list[str] = field(default_factory=list)  # every name at the top of the branch
    library: dict = field(default_factory=dict)  # library.json, as the last publish wrote it

    def published(self, slug: str) -> list[str]:
        found = self.versions.get(slug)
        return [str(info.version) for info in found] if found else []


def read_branch(repo: Path, branch: str) -> BranchState:
    head = git.resolve(repo, f"refs/heads/{branch}")
    state = BranchState(head)
    if head is None:
        return state
    state.top_level = git.top_level(repo, head)
    wanted = [LIBRARY_FILE, *(f"{name}/{VERSIONS_FILE}" for name in state.top_level)]
    found = git.read_files(repo, head, wanted)
    state.versions = {path.split("/")[0]: Versions.loads(text)
                      for path, text in found.items() if path != LIBRARY_FILE}
    if LIBRARY_FILE in found:
        state.library = json.loads(found[LIBRARY_FILE])
    return state
