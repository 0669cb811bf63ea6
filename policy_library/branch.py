"""The published branch (gh-pages), read and written with git's own plumbing.

A publish run stages every change on a private index, writes one commit, and moves the
branch to it only if nobody else moved it meanwhile (`git update-ref NEW OLD`). So a run
that fails, or is stopped, at any point leaves the branch exactly as it was, and the
folders of versions already published are never touched: only the paths a run names are
replaced.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mike.versions import Versions

from .faults import fault
from .layout import LIBRARY_FILE, VERSIONS_FILE


class BranchError(Exception):
    """Git refused something; the message says what."""


def git(repo: Path, *args: str, env: dict[str, str] | None = None, data: bytes | None = None,
        check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, input=data,
                            env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        raise BranchError(f"git {' '.join(args[:3])} failed: "
                          f"{result.stderr.decode(errors='replace').strip()}")
    return result


def branch_head(repo: Path, branch: str) -> str | None:
    result = git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
    return result.stdout.decode().strip() or None


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
    head = branch_head(repo, branch)
    state = BranchState(head)
    if head is None:
        return state
    listing = git(repo, "ls-tree", "--name-only", head).stdout.decode().split("\n")
    state.top_level = [name for name in listing if name]
    wanted = [LIBRARY_FILE, *(f"{name}/{VERSIONS_FILE}" for name in state.top_level)]
    found = _read_files(repo, head, wanted)
    state.versions = {path.split("/")[0]: Versions.loads(text)
                      for path, text in found.items() if path != LIBRARY_FILE}
    if LIBRARY_FILE in found:
        state.library = json.loads(found[LIBRARY_FILE])
    return state


def _read_files(repo: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """The text of each of `paths` that exists in `commit`, read with one git command."""
    asked = "".join(f"{commit}:{path}\n" for path in paths).encode()
    out = git(repo, "cat-file", "--batch", data=asked).stdout
    found, at = {}, 0
    for path in paths:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        found[path] = out[at:at + size].decode()
        at += size + 1
    return found


class TreeWriter:
    """Changes to the branch's files, staged on a private index and committed at once."""

    def __init__(self, repo: Path, base: str | None):
        self.repo = repo
        self.base = base
        self._folder = tempfile.TemporaryDirectory(prefix="publish-index-")
        self.env = {"GIT_INDEX_FILE": str(Path(self._folder.name) / "index")}
        if base:
            self._git("read-tree", base)
        else:
            self._git("read-tree", "--empty")

    def _git(self, *args: str, data: bytes | None = None) -> str:
        return git(self.repo, *args, env=self.env, data=data).stdout.decode()

    def remove(self, path: str) -> None:
        self._git("rm", "--cached", "-r", "--quiet", "--ignore-unmatch", "--", path)

    def add_folder(self, prefix: str, folder: Path) -> None:
        """Make `prefix/` hold exactly the files of `folder`."""
        self.remove(prefix)
        files = sorted(path for path in folder.rglob("*") if path.is_file())
        listing = "\n".join(str(path) for path in files).encode()
        hashes = self._git("hash-object", "-w", "--stdin-paths", data=listing).split()
        lines = []
        for path, sha in zip(files, hashes):
            mode = "100755" if os.access(path, os.X_OK) else "100644"
            lines.append(f"{mode} {sha}\t{prefix}/{path.relative_to(folder).as_posix()}")
        self._git("update-index", "--add", "--index-info", data="\n".join(lines).encode())

    def add_file(self, path: str, data: bytes) -> None:
        sha = self._git("hash-object", "-w", "--stdin", data=data).strip()
        self._git("update-index", "--add", "--cacheinfo", f"100644,{sha},{path}")

    def copy(self, source: str, target: str) -> None:
        """Make `target/` a copy of `source/` as staged (no files are copied: git shares
        the same contents)."""
        self.remove(target)
        staged = self._git("ls-files", "--stage", "--", f"{source}/")
        lines = []
        for line in staged.splitlines():
            info, path = line.split("\t", 1)
            mode, sha, _ = info.split()
            lines.append(f"{mode} {sha}\t{target}/{path[len(source) + 1:]}")
        self._git("update-index", "--add", "--index-info", data="\n".join(lines).encode())

    def tree(self) -> str:
        """Write what is staged as a git tree; its id."""
        return self._git("write-tree").strip()

    def top_level(self, tree: str) -> list[str]:
        return [name for name in self._git("ls-tree", "--name-only", tree).split("\n") if name]

    def exists(self, tree: str, path: str) -> bool:
        return bool(self._git("ls-tree", tree, path).strip())

    def extract(self, tree: str, folder: Path, pathspecs: list[str]) -> None:
        """Write the files of `tree` that match `pathspecs` into `folder`."""
        archive = git(self.repo, "archive", "--format=tar", tree, "--", *pathspecs).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")

    def commit(self, branch: str, message: str, tags: dict[str, tuple[str, str]]
               ) -> str | None:
        """Commit what is staged; then, in one git transaction, move the branch to it (unless
        it was moved meanwhile) and create the `tags` (name -> (commit, message)). Either all
        of it happens or none of it. Returns the new commit, or None when nothing changed."""
        tree = self.tree()
        if self.base and tree == git(self.repo, "rev-parse", f"{self.base}^{{tree}}"
                                     ).stdout.decode().strip():
            return None
        parents = ["-p", self.base] if self.base else []
        commit = git(self.repo, "commit-tree", tree, *parents, "-m", message
                     ).stdout.decode().strip()
        who = git(self.repo, "var", "GIT_COMMITTER_IDENT").stdout.decode().strip()
        lines = ["start", f"update refs/heads/{branch} {commit} {self.base or '0' * 40}"]
        for name, (target, note) in tags.items():
            tag = git(self.repo, "mktag", data=(
                f"object {target}\ntype commit\ntag {name}\ntagger {who}\n\n{note}\n"
            ).encode()).stdout.decode().strip()
            lines.append(f"create refs/tags/{name} {tag}")
        fault("before-the-branch-moves")
        moved = git(self.repo, "update-ref", "--stdin",
                    data=("\n".join([*lines, "prepare", "commit"]) + "\n").encode(), check=False)
        if moved.returncode != 0:
            raise BranchError(
                f"The {branch} branch, or a version's tag, changed while this publish was "
                "running, so nothing was published. Run the publish again. (git said: "
                f"{moved.stderr.decode(errors='replace').strip()})")
        fault("after-the-branch-moved")
        return commit

    def close(self) -> None:
        self._folder.cleanup()

    def __enter__(self) -> "TreeWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
