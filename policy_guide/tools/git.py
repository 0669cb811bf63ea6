"""Every git operation the guide makes, and the only place that runs git.

One way to run git (`run`), one way to read a tree into a folder (`extract`: git archive,
then unpacked with tarfile's "data" filter, which refuses links and paths that lead out of
the folder), one way to read several files of a commit (`read_files`: one `git cat-file
--batch`), and one commit builder (`TreeWriter`), as mike keeps all of its git work in
git_utils.py. Nothing here knows about policies.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .faults import fault


class GitError(Exception):
    """Git refused something; the message says what."""


def run(repo: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None,
        check: bool = True) -> subprocess.CompletedProcess:
    """`git -C repo args...`, its output as bytes. With `check`, a failure is a GitError."""
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True,
                                input=data, env={**os.environ, **(env or {})})
    except OSError as error:
        raise GitError(f"git could not be run: {error}") from None
    if check and result.returncode != 0:
        raise GitError(f"git {' '.join(args[:3])} failed: "
                       f"{result.stderr.decode(errors='replace').strip()}")
    return result


def output(repo: Path, *args: str, **kwargs) -> str:
    """What `git args...` prints, as text without the final line break."""
    return run(repo, *args, **kwargs).stdout.decode().strip()


def succeeds(repo: Path, *args: str) -> bool:
    """Whether `git args...` succeeds (for the commands that answer yes or no)."""
    try:
        return run(repo, *args, check=False).returncode == 0
    except GitError:
        return False


def resolve(repo: Path, ref: str) -> str | None:
    """The commit `ref` names, or None if there is no such ref."""
    result = run(repo, "rev-parse", "--verify", "--quiet", ref, check=False)
    return result.stdout.decode().strip() or None


def is_work_tree(repo: Path) -> bool:
    return succeeds(repo, "rev-parse", "--is-inside-work-tree")


def has_changes(repo: Path, ignoring: tuple[str, ...] = ()) -> bool:
    """Whether the work tree has anything not committed (outside the folders `ignoring`)."""
    return bool(output(repo, "status", "--porcelain", "--", ".",
                       *(f":(exclude){folder}" for folder in ignoring)))


def git_dir(repo: Path) -> Path:
    return Path(output(repo, "rev-parse", "--absolute-git-dir"))


def tags(repo: Path) -> list[str]:
    """Every tag's name; none outside a repository."""
    try:
        result = run(repo, "tag", "--list", check=False)
    except GitError:
        return []
    return result.stdout.decode().split() if result.returncode == 0 else []


def show(repo: Path, revision: str, path: str) -> str | None:
    """The text of `path` in `revision`, or None if it has no such file."""
    result = run(repo, "show", f"{revision}:{path}", check=False)
    return result.stdout.decode() if result.returncode == 0 else None


def read_files(repo: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """The text of each of `paths` that exists in `commit`, read with one git command."""
    asked = "".join(f"{commit}:{path}\n" for path in paths).encode()
    out = run(repo, "cat-file", "--batch", data=asked).stdout
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


def top_level(repo: Path, tree: str) -> list[str]:
    """The names at the top of a commit or tree."""
    return [name for name in output(repo, "ls-tree", "--name-only", tree).split("\n") if name]


def extract(repo: Path, treeish: str, folder: Path, paths: list[str] | tuple[str, ...] = (),
            env: dict[str, str] | None = None) -> None:
    """Write the files of `treeish` (limited to `paths`, git pathspecs) into `folder`."""
    archive = run(repo, "archive", "--format=tar", treeish, "--", *paths, env=env).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def merge_base(repo: Path, first: str, second: str = "HEAD") -> str:
    """The newest commit both `first` and `second` grew from: where a branch left `first`."""
    return output(repo, "merge-base", first, second)


def changed_since(repo: Path, commit: str, folder: str) -> list[str]:
    """The paths under `folder` that the work tree (committed or not, and new files not yet
    added) changes from `commit`, sorted."""
    changed = output(repo, "diff", "--name-only", "--no-renames", "-z", commit, "--",
                     folder).split("\0")
    new = output(repo, "ls-files", "--others", "--exclude-standard", "-z", "--",
                 folder).split("\0")
    return sorted({path for path in (*changed, *new) if path})


def differs(repo: Path, first: str, second: str, path: str) -> bool:
    """Whether `path` differs between two commits."""
    return run(repo, "diff", "--quiet", first, second, "--", path,
               check=False).returncode == 1


def last_changed(root: Path, folders: tuple[str, ...]) -> dict[str, dt.date]:
    """Path (relative to `root`) -> the date of the newest commit that touched it, from one
    `git log`. Empty when `root` is not in a git repository, so a copy of the project outside
    git still builds, without dates."""
    try:
        top = output(root, "rev-parse", "--show-toplevel")
        log = output(root, "log", "--format=%x00%cs", "--name-only", "--", *folders)
    except GitError:
        return {}
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    dates: dict[str, dt.date] = {}
    for commit in log.split("\0")[1:]:
        day, *names = commit.strip().splitlines()
        for name in names:
            if name:
                path = name if prefix == "." else name.removeprefix(prefix + "/")
                dates.setdefault(path, dt.date.fromisoformat(day))
    return dates


class TreeWriter:
    """Changes to a branch's files, staged on a private index and committed at once.

    Every change is staged on an index of its own; `commit` writes one commit and moves the
    branch to it only if nobody else moved it meanwhile (`git update-ref NEW OLD`), together
    with any tags, in one transaction. So a run that fails, or is stopped, at any point leaves
    the branch exactly as it was, and only the paths a run names are replaced.
    """

    def __init__(self, repo: Path, base: str | None):
        self.repo = repo
        self.base = base
        self._folder = tempfile.TemporaryDirectory(prefix="tree-index-")
        self.env = {"GIT_INDEX_FILE": str(Path(self._folder.name) / "index")}
        self._git("read-tree", base) if base else self._git("read-tree", "--empty")

    def _git(self, *args: str, data: bytes | None = None) -> str:
        return run(self.repo, *args, env=self.env, data=data).stdout.decode()

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

    def exists(self, tree: str, path: str) -> bool:
        return bool(self._git("ls-tree", tree, path).strip())

    def commit(self, branch: str, message: str, tags: dict[str, tuple[str, str]]
               ) -> str | None:
        """Commit what is staged; then, in one git transaction, move the branch to it (unless
        it was moved meanwhile) and create the `tags` (name -> (commit, message)). Either all
        of it happens or none of it. Returns the new commit, or None when nothing changed."""
        tree = self.tree()
        if self.base and tree == output(self.repo, "rev-parse", f"{self.base}^{{tree}}"):
            return None
        parents = ["-p", self.base] if self.base else []
        commit = output(self.repo, "commit-tree", tree, *parents, "-m", message)
        who = output(self.repo, "var", "GIT_COMMITTER_IDENT")
        lines = ["start", f"update refs/heads/{branch} {commit} {self.base or '0' * 40}"]
        for name, (target, note) in tags.items():
            tag = output(self.repo, "mktag", data=(
                f"object {target}\ntype commit\ntag {name}\ntagger {who}\n\n{note}\n").encode())
            lines.append(f"create refs/tags/{name} {tag}")
        fault("before-the-branch-moves")
        moved = run(self.repo, "update-ref", "--stdin", check=False,
                    data=("\n".join([*lines, "prepare", "commit"]) + "\n").encode())
        if moved.returncode != 0:
            raise GitError(
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
