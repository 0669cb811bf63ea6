"""Two versions of the guide published into a temporary repository, for any test to look at.

Version 1.0 of a copy of the project is published with `scripts/publish.py`; then clause 6.2
is reworded, version 1.1 is recorded with the release script and published too, pushed to a
bare "remote", and the result is written out with `scripts/export.py` as the folder a web
server would serve. The publishing tests and the browser tests share this one published site.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from conftest import copy_project

OLD_WORDS = "If you do, make clear that your views"
NEW_WORDS = "If you do, say clearly in your profile that your views"
CLAUSE = "saying-where-you-work"
RELEASE = ("--version", "1.1", "--date", "2026-12-01", "--effective-from", "2027-01-04",
           "--decided-by", "Personnel Committee",
           "--summary", "Clause 6.2 now asks staff to say in their profile that their views "
                        "are their own.")


def git_env() -> dict[str, str]:
    person = {"NAME": "Policy Bot", "EMAIL": "policy-bot@example.invalid"}
    env = {key: value for key, value in os.environ.items()
           if key not in ("REPO_URL", "EDIT_URI", "GIT_DIR", "GIT_WORK_TREE")}
    env.update({f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
                for part, value in person.items()})
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


class Repo:
    def __init__(self, root: Path):
        self.root = root

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True,
                                text=True, env=git_env())
        assert result.returncode == 0, result.stderr
        return result.stdout

    def script(self, name: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(self.root / "scripts" / name), *args],
                              capture_output=True, text=True, env=git_env(), cwd=self.root)

    def commit(self, message: str) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--message", message)

    def head(self, ref: str = "gh-pages") -> str:
        return self.git("rev-parse", ref).strip()

    def versions(self) -> dict[str, list[str]]:
        listed = json.loads(self.git("show", "gh-pages:versions.json"))
        return {entry["version"]: entry["aliases"] for entry in listed}


def publish_two_versions(base: Path) -> SimpleNamespace:
    project = copy_project(base / "repo")
    repo = Repo(project.root)
    repo.git("init", "--quiet", "--initial-branch", "main")
    repo.commit("The policy guide")
    remote = base / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch", "main", str(remote)],
                   check=True)
    repo.git("remote", "add", "origin", str(remote))

    first = repo.script("publish.py")
    assert first.returncode == 0, first.stdout + first.stderr
    tree_1_0 = repo.head("gh-pages:1.0")
    files_1_0 = repo.git("ls-tree", "-r", "gh-pages", "1.0")

    project.replace("policy_source/social-media/policy.md", OLD_WORDS, NEW_WORDS)
    released = repo.script("release.py", *RELEASE)
    assert released.returncode == 0, released.stderr
    repo.commit("Release 1.1")
    repo.git("push", "--quiet", "origin", "main")
    second = repo.script("publish.py", "--push")
    assert second.returncode == 0, second.stdout + second.stderr

    exported = base / "exported"
    result = repo.script("export.py", str(exported))
    assert result.returncode == 0, result.stderr
    return SimpleNamespace(repo=repo, project=project, remote=remote, exported=exported,
                           tree_1_0=tree_1_0, files_1_0=files_1_0, output=second.stdout)
