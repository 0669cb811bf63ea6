"""A pull request's reviewers see the policy change, not the file diff: `policy-guide
pr-summary` writes, for each policy the branch touches, the comparison a reader would see
between the version in force and the branch, and what merging would publish and when.

The project copy has version 1.0 of the Social Media Policy published (tagged) on main; a
branch changes a clause, a question's answer, a rule and an entry of the assessment.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import ProjectCopy, copy_project
from policy_guide.domain.dates import long_date
from policy_guide.publishing.summary import escaped

POLICY = "policy_source/social-media"
PERSON = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
          for part, value in (("NAME", "Policy Bot"), ("EMAIL", "bot@example.invalid"))}
TODAY = dt.date(2026, 6, 1)
LATER = TODAY + dt.timedelta(days=45)

#: What the branch changes: (file, old text, new text). The answer's new words carry markup
#: and Markdown an owner might paste, which the summary must show as words.
CHANGES = [
    (f"{POLICY}/policy.md", "If you do, make clear that your views",
     "If you do, say clearly in your profile that your views"),
    (f"{POLICY}/faqs.md", "Misuse of social media in a private capacity",
     "Misuse of social media in your own time <img src=x onerror=alert(1)> "
     "[see here](https://example.invalid/) ![tracker](https://example.invalid/t.gif)"),
    (f"{POLICY}/rules.yml", "the communications team's agreement before opening",
     "the communications team's written agreement before opening"),
    (f"{POLICY}/eia.md", "Trans people can face hostile and abusive comments online.",
     "Trans people can face hostile, abusive and threatening comments online."),
]


def git(project: ProjectCopy, *args: str) -> None:
    ran = subprocess.run(["git", *args], cwd=project.root, capture_output=True, text=True,
                         env={**os.environ, **PERSON})
    assert ran.returncode == 0, ran.stderr


def summary(project: ProjectCopy, *args: str, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key != "GITHUB_STEP_SUMMARY"}
    return subprocess.run([sys.executable, "-m", "policy_guide", "pr-summary", "--base", "main",
                           "--today", TODAY.isoformat(), *args], cwd=project.root,
                          capture_output=True, text=True, env={**environment, **(env or {})})


@pytest.fixture
def branch(tmp_path) -> ProjectCopy:
    """Main with 1.0 published; the branch 'change' with the four changes committed."""
    project = copy_project(tmp_path / "project")
    git(project, "init", "--quiet", "--initial-branch", "main")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message", "1.0 as published")
    git(project, "tag", "social-media/1.0")
    git(project, "checkout", "--quiet", "-b", "change")
    for file, old, new in CHANGES:
        project.replace(file, old, new)
    git(project, "commit", "--quiet", "--all", "--message", "Reword four things")
    return project


#: CommonMark, as GitHub reads Markdown, with GitHub's tables and struck-through text.
READER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered(text: str) -> BeautifulSoup:
    """The summary as GitHub shows it."""
    return BeautifulSoup(READER.render(text), "html.parser")


def part(page: BeautifulSoup, heading: str) -> str:
    """The words under one heading of the summary, up to the next heading."""
    found = page.find("h4", string=heading)
    words = []
    for sibling in found.find_next_siblings():
        if sibling.name in ("h3", "h4"):
            break
        words.append(sibling.get_text(" "))
    return " ".join(" ".join(words).split())


def marked(page: BeautifulSoup, tag: str) -> list[str]:
    return [" ".join(found.get_text(" ").split()) for found in page.find_all(tag)]


def test_each_part_of_the_change_is_shown_as_readers_will_see_it(branch):
    ran = summary(branch)
    assert ran.returncode == 0, ran.stderr
    page = rendered(ran.stdout)
    text = " ".join(page.get_text(" ").split())
    assert "Compared with version 1.0, the version in force today" in text
    clauses = part(page, "Clauses")
    assert "Saying where you work: reworded" in clauses
    assert "make clear" in marked(page, "del") and "say clearly in your profile" in marked(
        page, "ins")
    assert "written" in part(page, "Do and don't rules") and "written" in marked(page, "ins")
    assert "Does it cover what I post in my own time?: changed" in part(
        page, "Questions and answers")
    eia = part(page, "Equality impact assessment")
    assert "Gender reassignment: changed" in eia and "threatening" in eia
    assert part(page, "Key facts") == "No changes to the key facts."
    counts = {row.find_all("td")[0].get_text(): row.find_all("td")[1].get_text()
              for row in page.select("table tr") if row.find_all("td")}
    assert counts == {"Key facts": "0", "Clauses": "1", "Do and don't rules": "1",
                      "Questions and answers": "1", "Equality impact assessment": "1"}


def test_owners_words_never_become_links_images_or_markup(branch):
    """The comparison is of the words readers see (a link's words, not its address; no
    element the safety checks would refuse), and every word is escaped on the way out."""
    page = rendered(summary(branch).stdout)
    assert page.find_all(["a", "img", "script"]) == []
    assert "your own time see here" in marked(page, "ins")


@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>", "[see here](https://example.invalid/)",
    "![tracker](https://example.invalid/t.gif)", "**bold** _it_ `code` ~~gone~~",
    "&lt;script&gt; &amp; &#60;b&#62;", "| a | b |", "# Heading", "1. not a list",
    "www.example.invalid and https://example.invalid", "@someone :smile: $x^2$"])
def test_escaped_text_reads_exactly_as_written(text):
    page = rendered(f"- {escaped(text)}")
    assert [tag.name for tag in page.find_all(True)] == ["ul", "li"]  # nothing else formed
    assert page.li.get_text() == text


def test_without_a_new_version_merging_publishes_nothing(branch):
    text = " ".join(rendered(summary(branch).stdout).get_text(" ").split())
    assert ("What merging does: Merging publishes nothing for this policy: version 1.0 is "
            "already published") in text
    assert "record one with make release" in text


def test_a_new_version_says_when_it_takes_effect(branch):
    released = subprocess.run(
        [sys.executable, "-m", "policy_guide", "release", "--version", "1.1", "--policy",
         "social-media", "--date", TODAY.isoformat(), "--effective-from", LATER.isoformat(),
         "--decided-by", "Personnel Committee", "--summary", "Four things reworded."],
        cwd=branch.root, capture_output=True, text=True)
    assert released.returncode == 0, released.stderr
    git(branch, "commit", "--quiet", "--all", "--message", "Version 1.1")
    page = rendered(summary(branch).stdout)
    text = " ".join(page.get_text(" ").split())
    assert (f"Merging publishes version 1.1, which takes effect on {long_date(LATER)}. Until "
            "then version 1.0 applies.") in text
    # The release took the old permission for an overdue review out of the library's settings.
    assert "Library-wide files changed (they apply to every policy): policy_source/library.yml" \
        in text
    facts = part(page, "Key facts")
    assert "Status: in force" not in facts  # 1.0 was in force too: not a change
    assert f"Takes effect: {long_date(dt.date(2018, 12, 19))} {long_date(LATER)}" in facts


def test_a_draft_out_for_consultation_says_it_is_published_for_comment_not_in_force(branch):
    branch.append(f"{POLICY}/history.yml",
                  '\n- version: "1.1"\n  date: 2026-05-20\n  status: consultation\n'
                  "  closes: 2026-06-19\n  decided_by: Trade Union Policy Working Group\n"
                  "  changes: >-\n    A draft of four changes.\n")
    git(branch, "commit", "--quiet", "--all", "--message", "Draft 1.1 for consultation")
    text = " ".join(rendered(summary(branch).stdout).get_text(" ").split())
    assert ("Merging publishes draft version 1.1 for consultation, at "
            "social-media/consultation/1.1/, for the Trade Union Policy Working Group to "
            "comment on until 19 June 2026. It is not in force: staff keep reading the "
            "version in force.") in text


def test_it_goes_to_the_job_summary_on_github(branch, tmp_path):
    target = tmp_path / "step-summary.md"
    target.write_text("Earlier step's summary.\n", encoding="utf-8")
    ran = summary(branch, env={"GITHUB_STEP_SUMMARY": str(target)})
    assert ran.returncode == 0, ran.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith("Earlier step's summary.\n")  # added to, not replaced
    assert "### Social Media Policy" in written


def test_a_change_to_no_policy_says_so(branch):
    git(branch, "checkout", "--quiet", "main")
    git(branch, "checkout", "--quiet", "-b", "docs-only")
    branch.append("docs/glossary.md", "\n")  # a page of the guide, not a policy
    git(branch, "commit", "--quiet", "--all", "--message", "Not a policy")
    ran = summary(branch)
    assert ran.returncode == 0 and "It changes no policy." in ran.stdout


def test_an_unknown_base_is_a_clear_error(branch):
    ran = subprocess.run([sys.executable, "-m", "policy_guide", "pr-summary", "--base",
                          "origin/nowhere"], cwd=branch.root, capture_output=True, text=True)
    assert ran.returncode == 1
    assert "There is no branch or commit called 'origin/nowhere'" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_a_summary_too_long_for_github_keeps_what_merging_does_and_the_counts(branch,
                                                                              monkeypatch):
    """GitHub shows at most 1 MiB of a step's summary: past the limit, each policy's word by
    word changes give way to a pointer to make compare."""
    from policy_guide.publishing import summary as pr_summary

    monkeypatch.setattr(pr_summary, "LIMIT", 500)
    text = pr_summary.pull_request_summary(branch.root, "main", TODAY)
    assert "**What merging does:**" in text and "| Clauses | 1 |" in text
    assert "#### Clauses" not in text and "say clearly in your profile" not in text
    assert "The changes are too long to show here: run make compare." in text
