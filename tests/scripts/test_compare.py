"""Any two published versions of a policy can be compared, in every part a reader relies on:
on the site (each version's "What changed" page and its comparison with every earlier
version) and with `make compare`, which prints the same.

A copy of the project is given three versions: 1.0 and 1.1 are published (git tags, as
`make publish` leaves them) and 1.2 is in the sources. 1.1 changes a clause, a rule, a
question's answer, the owner and the assessment; 1.2 changes a question, and nothing else,
so only a comparison of 1.2 with 1.0 (not neighbours) shows both sets of changes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

POLICY = "policy_source/social-media"
PERSON = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
          for part, value in (("NAME", "Policy Bot"), ("EMAIL", "bot@example.invalid"))}

#: What 1.1 changes: (file, old text, new text).
IN_1_1 = [
    (f"{POLICY}/policy.md", "If you do, make clear that your views",
     "If you do, say clearly in your profile that your views"),
    (f"{POLICY}/policy.md", "owner: Strategic Director of Corporate Resources",
     "owner: Director of People and Resources"),
    (f"{POLICY}/rules.yml", "check your facts before you post.",
     "check your facts and spelling before you post."),
    (f"{POLICY}/faqs.md", "It applies to everyone, whatever your job,",
     "It applies to every employee, whatever their role,"),
    (f"{POLICY}/eia.md", "confidence with social media varies with age.",
     "confidence with social media varies with age and with experience."),
]
IN_1_2 = [(f"{POLICY}/faqs.md", "## Does it cover what I post in my own time? {#own-time}",
           "## Does it cover what I post outside working hours? {#own-time}")]


def run(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=project.root, capture_output=True, text=True,
                          env={**os.environ, **PERSON, "NO_MKDOCS_2_WARNING": "1"})


def release(project, version: str, day: str, summary: str, tag: bool) -> None:
    released = run(project, sys.executable, "scripts/release.py", "--policy", "social-media",
                   "--version", version, "--date", day, "--decided-by",
                   "Personnel Committee", "--summary", summary)
    assert released.returncode == 0, released.stderr
    run(project, "git", "add", "--all")
    run(project, "git", "commit", "--quiet", "--message", f"Version {version}")
    if tag:
        run(project, "git", "tag", f"social-media/{version}")


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The project copy with 1.0 and 1.1 published and 1.2 in the sources, built."""
    from conftest import copy_project, run_build

    project = copy_project(tmp_path_factory.mktemp("compare") / "repo")
    run(project, "git", "init", "--quiet", "--initial-branch", "main")
    run(project, "git", "add", "--all")
    run(project, "git", "commit", "--quiet", "--message", "1.0 as published")
    run(project, "git", "tag", "social-media/1.0")
    for file, old, new in IN_1_1:
        project.replace(file, old, new)
    release(project, "1.1", "2025-03-01", "Clause 6.2 reworded; a new owner.", tag=True)
    for file, old, new in IN_1_2:
        project.replace(file, old, new)
    release(project, "1.2", "2025-09-01", "One question reworded.", tag=False)
    site = project.root.parent / "site"
    built = run_build(project.root, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return project, site


def article(site, page: str) -> BeautifulSoup:
    html = (site / "social-media" / page / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def changed(part: BeautifulSoup, mark: str) -> str:
    """The words marked removed (del) or added (ins), without the words screen readers hear."""
    return " ".join(" ".join(tag.get_text(" ").replace("Removed:", "").replace("Added:", "")
                             .split()) for tag in part.select(mark))


def test_comparing_versions_that_are_not_neighbours_shows_every_change(versions):
    project, site = versions
    page = article(site, "compare/1.0")
    assert "Version 1.2 compared with version 1.0" in page.h1.get_text()
    assert page.select_one("[data-pagefind-body]") is None  # search finds the policy instead
    removed, added = changed(page, "del"), changed(page, "ins")
    # From 1.1: the clause, the owner, a rule, an answer and the assessment's evidence.
    assert "make clear" in removed and "say clearly in your profile" in added
    assert "Strategic Director of Corporate Resources" in removed
    assert "Director of People and Resources" in added
    assert "and spelling" in added
    assert "everyone," in removed and "every employee," in added  # an answer
    assert "and with experience." in added
    # From 1.2: a question.
    assert "outside working hours?" in added
    # Each part of the policy has its own heading, and the summary counts its changes.
    for permalink in page.select(".headerlink"):
        permalink.decompose()
    headings = [h2.get_text(" ", strip=True) for h2 in page.select("h2")]
    for part in ("Key facts", "Clauses", "Do and don't rules", "Questions and answers",
                 "Equality impact assessment"):
        assert part in headings
    summary = {row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
               for row in page.select("table tbody tr")}
    assert summary["Do and don't rules"] == "1"
    assert summary["Questions and answers"] == "2"  # one answer, then one question


def test_what_changed_compares_with_the_version_before_and_links_to_the_others(versions):
    project, site = versions
    page = article(site, "changes")
    assert "compares version 1.2 with version 1.1" in page.get_text(" ")
    assert "outside working hours?" in changed(page, "ins")
    assert "make clear" not in page.get_text()  # a change of 1.1, not of 1.2
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("a")}
    assert links["version 1.0"] == "../compare/1.0/"


def test_changes_are_marked_without_colour_and_named_for_screen_readers(versions):
    project, site = versions
    page = article(site, "compare/1.0")
    for mark, spoken in (("del", "Removed:"), ("ins", "Added:")):
        marks = page.select(f".policy-diff-field {mark}, .policy-diff {mark}")
        assert marks and all(tag.select_one(".visually-hidden").get_text().strip() == spoken
                             for tag in marks)
    css = (site / "assets" / "stylesheets" / "policy.css").read_text(encoding="utf-8")
    assert re.search(r"\bdel \{[^}]*line-through", css)  # struck through, not only red
    assert re.search(r"\bins \{[^}]*underline", css)  # underlined, not only green


def test_make_compare_prints_the_same_changes(versions):
    project, site = versions
    result = run(project, sys.executable, "scripts/compare.py", "social-media", "1.0", "1.1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("Social Media Policy: version 1.1 compared with version 1.0")
    assert "Owner: [-Strategic Director of Corporate Resources-] {+Director of People and " \
           "Resources+}" in text
    assert "[-make clear-] {+say clearly in your profile+}" in text
    assert "{+and spelling+}" in text
    assert "[-age.-] {+age and with experience.+}" in text
    assert "outside working hours" not in text  # that is 1.2's change
    # Without TO, the sources as they are now; FROM later than TO is put in order.
    now = run(project, sys.executable, "scripts/compare.py", "social-media", "1.1")
    assert "version 1.2 compared with version 1.1" in now.stdout
    assert "{+Does it cover what I post outside working hours?+}" in now.stdout
    swapped = run(project, sys.executable, "scripts/compare.py", "social-media", "1.1", "1.0")
    assert swapped.stdout == text


def test_make_compare_names_the_versions_it_can_compare(versions):
    project, site = versions
    result = run(project, sys.executable, "scripts/compare.py", "social-media", "0.9")
    assert result.returncode == 1
    assert "Version 0.9 of the Social Media Policy has not been published" in result.stderr
    assert "'1.0'" in result.stderr and "'1.1'" in result.stderr
    assert "Traceback" not in result.stderr
