"""A publish or export killed at any moment (POLICY_GUIDE_FAULT kills it there, as a power cut
would) leaves the published branch, its tags and the export folder exactly as before or
exactly as after; two publishes at once take turns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from publishing.library import LONE, TODAY, Repo, git_env, release

KILLED = -9


def clone(published, folder: Path) -> Repo:
    subprocess.run(["git", "clone", "--quiet", str(published.remote), str(folder)],
                   check=True, env=git_env())
    repo = Repo(folder)
    assert repo.publish(TODAY).returncode == 0  # brings gh-pages over from the remote
    return repo


def with_a_new_version(repo: Repo) -> Repo:
    release(repo, LONE, "1.1", TODAY, "A small correction.")
    repo.commit("Lone Working Policy 1.1")
    return repo


def state(repo: Repo) -> tuple[str, list[str]]:
    return repo.head("gh-pages"), sorted(repo.git("tag", "--list").split())


def publish_killed_at(repo: Repo, point: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "policy_guide", "publish", "--today",
         TODAY.isoformat()], capture_output=True, text=True, cwd=repo.root,
        env={**git_env(), "POLICY_GUIDE_FAULT": point})


@pytest.mark.parametrize("point, lands", [("after-the-builds", False),
                                          ("before-the-branch-moves", False),
                                          ("after-the-branch-moved", True)])
def test_a_killed_publish_leaves_everything_before_or_after(published, tmp_path, point, lands):
    repo = with_a_new_version(clone(published, tmp_path / "ci"))
    before = state(repo)
    killed = publish_killed_at(repo, point)
    assert killed.returncode == KILLED, killed.stdout + killed.stderr
    head, tags = state(repo)
    if lands:  # the branch and the version's tag moved together
        assert head != before[0] and f"{LONE}/1.1" in tags
        assert repo.versions(LONE) == {"1.1": ["current"], "1.0": []}
    else:
        assert (head, tags) == before
    again = repo.publish(TODAY)
    assert again.returncode == 0, again.stderr
    assert repo.versions(LONE) == {"1.1": ["current"], "1.0": []}
    assert ("Nothing to publish" in again.stdout) == lands


def test_two_publishes_at_once_take_turns(published, tmp_path):
    repo = with_a_new_version(clone(published, tmp_path / "ci"))
    command = [sys.executable, "-m", "policy_guide", "publish", "--today",
               TODAY.isoformat()]
    runs = [subprocess.Popen(command, cwd=repo.root, env=git_env(), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    said = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], said
    outputs = [out for out, _ in said]
    assert sorted("Nothing to publish" in out for out in outputs) == [False, True]
    assert sum("published version 1.1" in out for out in outputs) == 1
    log = repo.git("log", "--format=%s", "gh-pages").splitlines()
    assert [subject for subject in log if "Lone Working Policy 1.1" in subject] == [
        "Publish Lone Working Policy 1.1"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("point, lands", [("before-the-export-swap", False),
                                          ("after-the-export-swap", True)])
def test_a_killed_export_leaves_the_folder_before_or_after(published, tmp_path, point, lands):
    repo = with_a_new_version(clone(published, tmp_path / "ci"))
    target = tmp_path / "served"
    assert repo.command("export", str(target)).returncode == 0
    before = snapshot(target)
    assert repo.publish(TODAY).returncode == 0
    killed = subprocess.run([sys.executable, "-m", "policy_guide", "export",
                             str(target)], capture_output=True, text=True, cwd=repo.root,
                            env={**git_env(), "POLICY_GUIDE_FAULT": point})
    assert killed.returncode == KILLED, killed.stderr
    after = snapshot(target)
    assert (after != before) == lands
    assert (f"{LONE}/1.1/index.html" in after) == lands
    assert repo.command("export", str(target)).returncode == 0
    assert f"{LONE}/1.1/index.html" in snapshot(target)
    assert os.listdir(tmp_path).count("served") == 1
