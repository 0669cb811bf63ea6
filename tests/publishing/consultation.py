"""A consultation on a new version of the Social Media Policy, published as CI publishes
each merge, for the tests of consultation drafts:

    run 1  (30 days ago)  version 1.0 is published
    run 2  (5 days ago)   draft 1.1 goes out to the trade unions, closing in 10 days: it is
                          published at social-media/consultation/1.1/ (exported as it then
                          stands: `open_site`)
    run 3  (today)        version 1.2 is approved, with the draft's clause 6.2 changed again
                          after the consultation (exported: `final_site`)

Dates count from today, so the browser's clock can be set before and after the closing date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from conftest import copy_project
from publishing.library import Repo

SOCIAL = "social-media"
TODAY = dt.date.today()
PUBLISHED, OPENED = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=5)
CLOSES = TODAY + dt.timedelta(days=10)
WORDS = "If you do, make clear that your views"
DRAFT_WORDS = "If you do, add a line to your profile saying that your views"
APPROVED_WORDS = "If you do, say in your profile, in your own words, that your views"
CONSULTED = "Trade Union Policy Working Group"
DRAFT_ENTRY = f"""
- version: "1.1"
  date: {OPENED.isoformat()}
  status: consultation
  closes: {CLOSES.isoformat()}
  decided_by: {CONSULTED}
  changes: >-
    A draft asking staff who say where they work to add a line to their profile.
"""


@dataclass
class Consulted:
    repo: Repo
    project: object
    open_site: Path  # exported after the draft was published
    final_site: Path  # exported after version 1.2 was approved
    runs: list[subprocess.CompletedProcess] = field(default_factory=list)
    trees: list[dict[str, str]] = field(default_factory=list)  # every folder's tree, by run

    def output(self, run: int) -> str:
        return self.runs[run].stdout


def publish_consultation(base: Path) -> Consulted:
    project = copy_project(base / "repo")
    repo = Repo(project.root)
    repo.git("init", "--quiet", "--initial-branch", "main")
    repo.commit("The policy library")
    found = Consulted(repo, project, base / "open", base / "final")

    def run(day: dt.date) -> None:
        result = repo.publish(day)
        assert result.returncode == 0, result.stdout + result.stderr
        found.runs.append(result)
        trees = {}
        for line in repo.git("ls-tree", "-r", "-d", "gh-pages").splitlines():
            info, name = line.split("\t")
            trees[name] = info.split()[2]
        found.trees.append(trees)

    run(PUBLISHED)
    project.replace(f"policy_source/{SOCIAL}/policy.md", WORDS, DRAFT_WORDS)
    project.append(f"policy_source/{SOCIAL}/history.yml", DRAFT_ENTRY)
    repo.commit("Draft 1.1 of the Social Media Policy, for consultation")
    run(OPENED)
    exported = repo.command("export", str(found.open_site))
    assert exported.returncode == 0, exported.stderr

    project.replace(f"policy_source/{SOCIAL}/policy.md", DRAFT_WORDS, APPROVED_WORDS)
    released = repo.command("release", "--version", "1.2", "--date", TODAY.isoformat(),
                            "--decided-by", "Personnel Committee", "--summary",
                            "Staff who say where they work must now say in their profile that "
                            "their views are their own.")
    assert released.returncode == 0, released.stderr
    repo.commit("Social Media Policy 1.2, after the consultation")
    run(TODAY)
    exported = repo.command("export", str(found.final_site))
    assert exported.returncode == 0, exported.stderr
    return found
