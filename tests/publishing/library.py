"""A library of three policies published through several merges into a temporary repository,
for any test to look at.

A copy of the project gets two more policies from `make new-policy` (drafts), and is
published the way CI publishes each merge to main (`policy-guide publish --push`, into a bare
"remote"):

    merge 1  (60 days ago)  the Social Media Policy 1.0; two drafts, which are not published
    merge 2  (59 days ago)  the Flexible Working Policy is approved: 1.0
    merge 3  (50 days ago)  one merge changes two policies: Social Media 1.1 (clause 6.2
                            reworded, taking effect 20 days ago) and Lone Working 1.0
    run 4    (20 days ago)  the scheduled run on the day 1.1 takes effect: current/ moves
    merge 5  (10 days ago)  Social Media 1.2 (clause 1.1 reworded), taking effect in 30 days
    run 6    (today)        the scheduled run: nothing changes

Dates count back from today so that the published library is as it stands today, for the
browser too. After each run the tests keep what the branch held, and the end result is
written out with `policy-guide export` as the folder a web server would serve, and the
residents' house rules with `policy-guide export-public`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import copy_project
from policy_guide.domain.scaffold import NewPolicy, scaffold

SOCIAL = "social-media"
FLEXIBLE = "flexible-working"
LONE = "lone-working"
OLD_WORDS = "If you do, make clear that your views"
NEW_WORDS = "If you do, say clearly in your profile that your views"
CLAUSE = "saying-where-you-work"
TODAY = dt.date.today()


def days_ago(count: int) -> dt.date:
    return TODAY - dt.timedelta(days=count)


MERGE_1, MERGE_2, MERGE_3, TAKES_EFFECT = days_ago(60), days_ago(59), days_ago(50), days_ago(20)
MERGE_5, LATER_EFFECT = days_ago(10), days_ago(-30)
WORDS_1_1, WORDS_1_2 = "gives\nsimple guidance", "gives\nplain guidance"


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

    def command(self, name: str, *args: str) -> subprocess.CompletedProcess:
        """`policy-guide name args...`, with the repository's own package."""
        return subprocess.run([sys.executable, "-m", "policy_guide", name, *args],
                              capture_output=True, text=True, env=git_env(), cwd=self.root)

    def publish(self, day: dt.date, *args: str) -> subprocess.CompletedProcess:
        return self.command("publish", "--today", day.isoformat(), *args)

    def commit(self, message: str) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--message", message)

    def head(self, ref: str = "gh-pages") -> str:
        return self.git("rev-parse", ref).strip()

    def versions(self, slug: str, ref: str = "gh-pages") -> dict[str, list[str]]:
        """A policy's published versions and their aliases, from its versions.json."""
        listed = json.loads(self.git("show", f"{ref}:{slug}/versions.json"))
        return {entry["version"]: entry["aliases"] for entry in listed}

    def version_trees(self, ref: str = "gh-pages") -> dict[str, str]:
        """Every published version folder ('slug/1.0') and the git tree it holds."""
        trees = {}
        for slug in self.git("ls-tree", "--name-only", "-d", ref).split():
            if not self.git("ls-tree", ref, f"{slug}/versions.json").strip():
                continue
            for line in self.git("ls-tree", "-d", f"{ref}:{slug}").splitlines():
                info, name = line.split("\t")
                if name != "current":
                    trees[f"{slug}/{name}"] = info.split()[2]
        return trees


@dataclass
class PublishedLibrary:
    repo: Repo
    project: object
    remote: Path
    exported: Path
    public: Path  # the residents' house rules, as `make export-public` writes them
    runs: list[subprocess.CompletedProcess] = field(default_factory=list)
    #: after each run: every version folder's tree, and the branch's commit
    trees: list[dict[str, str]] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)

    def output(self, run: int) -> str:
        return self.runs[run].stdout


#: The template's instructions to the owner, each "[To write: ...]", over one line or more.
INSTRUCTION = re.compile(r"\[To write:[^\]]*\]")


def approve_draft(project, slug: str) -> None:
    """Write the words a scaffolded draft asks for, fill in its assessment and date it before
    the first merge, as an owner would before asking for approval."""
    for name in ("policy.md", "faqs.md", "eia.md", "rules.yml"):
        path = project.path(f"policy_source/{slug}/{name}")
        text = INSTRUCTION.sub("The owner wrote this part before asking for approval.",
                               path.read_text(encoding="utf-8"))
        path.write_text(text.replace("not assessed", "neutral"), encoding="utf-8")
    for name in ("history.yml", "policy.md"):
        path = project.path(f"policy_source/{slug}/{name}")
        path.write_text(path.read_text(encoding="utf-8").replace(
            TODAY.isoformat(), days_ago(90).isoformat()), encoding="utf-8")


def release(repo: Repo, slug: str, version: str, day: dt.date, summary: str,
            effective: dt.date | None = None) -> None:
    args = ["--policy", slug, "--version", version, "--date", day.isoformat(),
            "--decided-by", "Personnel Committee", "--summary", summary]
    if effective:
        args += ["--effective-from", effective.isoformat()]
    released = repo.command("release", *args)
    assert released.returncode == 0, released.stderr


def publish_library(base: Path) -> PublishedLibrary:
    project = copy_project(base / "repo")
    for slug, category in ((FLEXIBLE, "Pay, leave and working time"),
                           (LONE, "Health, safety and wellbeing")):
        scaffold(project.root, NewPolicy(slug, category=category), TODAY)
        approve_draft(project, slug)
    repo = Repo(project.root)
    repo.git("init", "--quiet", "--initial-branch", "main")
    repo.commit("The policy library")
    remote = base / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch", "main", str(remote)],
                   check=True)
    repo.git("remote", "add", "origin", str(remote))
    repo.git("push", "--quiet", "origin", "main")
    published = PublishedLibrary(repo, project, remote, base / "exported", base / "public")

    def run(day: dt.date) -> None:
        result = repo.publish(day, "--push")
        assert result.returncode == 0, result.stdout + result.stderr
        published.runs.append(result)
        published.trees.append(repo.version_trees())
        published.heads.append(repo.head())

    run(MERGE_1)

    release(repo, FLEXIBLE, "1.0", MERGE_2, "Approved for all Council employees.")
    repo.commit("Approve the Flexible Working Policy")
    run(MERGE_2)

    project.replace(f"policy_source/{SOCIAL}/policy.md", OLD_WORDS, NEW_WORDS)
    release(repo, SOCIAL, "1.1", MERGE_3, "Clause 6.2 now asks staff to say in their profile "
            "that their views are their own.", effective=TAKES_EFFECT)
    release(repo, LONE, "1.0", MERGE_3, "Approved for all Council employees.")
    repo.commit("Social Media Policy 1.1 and Lone Working Policy 1.0")
    repo.git("push", "--quiet", "origin", "main")
    run(MERGE_3)

    run(TAKES_EFFECT)

    project.replace(f"policy_source/{SOCIAL}/policy.md", WORDS_1_1, WORDS_1_2)
    release(repo, SOCIAL, "1.2", MERGE_5, "Clause 1.1 now speaks of plain guidance.",
            effective=LATER_EFFECT)
    repo.commit("Social Media Policy 1.2")
    repo.git("push", "--quiet", "origin", "main")
    run(MERGE_5)

    run(TODAY)

    result = repo.command("export", str(published.exported))
    assert result.returncode == 0, result.stderr
    result = repo.command("export-public", str(published.public))
    assert result.returncode == 0, result.stderr
    return published
