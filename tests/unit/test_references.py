"""References between policies: written `[](policy:<folder>#<anchor>)` in policy.md or an
answer in faqs.md; checked on every load, naming the file and line; shown as the other
policy's title and clause number, linking to its version in force; and listed on the page
of the policy referred to."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import replace

import pytest

from conftest import ROOT, command
from two_policies import with_second_policy
from policy_guide.domain.compare import Wording
from policy_guide.domain.errors import SourceError
from policy_guide.domain.loader import load_library
from policy_guide.domain.published import PublishedLibrary
from policy_guide.domain.release import published_references_changed
from policy_guide.site.layout import ALL, Layout
from policy_guide.site.macros.macros import SiteMacros
from policy_guide.site.state import BuildState

def test_a_reference_reads_as_the_other_policys_title_and_clause(tmp_path):
    project, line = with_second_policy(tmp_path, "[](policy:flexible-working#who-it-covers)")
    library = load_library(project.path("policy_source"))
    [reference] = library.policies["social-media"].references
    assert (reference.target, reference.anchor, reference.line) == (
        "flexible-working", "who-it-covers", line)
    preview = SiteMacros(BuildState(library, Layout(ALL), dt.date(2026, 1, 1),
                                    PublishedLibrary(), ROOT, Wording()),
                         lambda: "social-media/policy.md")
    assert ('See also <a href="../../flexible-working/policy/#who-it-covers">Flexible Working '
            "Policy, clause 2.1</a>.") in preview.policy_text()
    # in a published version, the link is to the other policy's version in force; while the
    # other policy has never been published there is nowhere to lead, so its words stand alone
    one = load_library(project.path("policy_source"), only={"social-media"})
    assert set(one.policies) == {"social-media"} and set(one.neighbours) == {"flexible-working"}

    def published() -> str:
        return SiteMacros(BuildState(one, Layout("social-media"), dt.date(2026, 1, 1),
                                     PublishedLibrary(), project.root, Wording()),
                          lambda: "policy.md").policy_text()
    git(project.root, "init", "-q")
    assert "See also Flexible Working Policy, clause 2.1." in published()
    git(project.root, "commit", "-q", "--allow-empty", "-m", "Published")
    git(project.root, "tag", "flexible-working/1.0")
    assert ('<a href="../../../flexible-working/current/policy/#who-it-covers">Flexible Working '
            "Policy, clause 2.1</a>") in published()


def test_the_policy_referred_to_lists_who_refers_to_it(tmp_path):
    project, line = with_second_policy(tmp_path, "[](policy:flexible-working#who-it-covers)")
    library = load_library(project.path("policy_source"), only={"flexible-working"})
    assert set(library.neighbours) == {"social-media"}  # found by reading, then loaded
    git(project.root, "init", "-q")

    def macros() -> SiteMacros:
        return SiteMacros(BuildState(library, Layout("flexible-working"), dt.date(2026, 1, 1),
                                     PublishedLibrary(), project.root, Wording()),
                          lambda: "policy.md")
    assert macros().referred_by() == ""  # a referring policy never published is not listed
    git(project.root, "commit", "-q", "--allow-empty", "-m", "Published")
    git(project.root, "tag", "social-media/1.0")
    site = SiteMacros(BuildState(library, Layout("flexible-working"), dt.date(2026, 1, 1),
                                 PublishedLibrary(), project.root, Wording()), lambda: "policy.md")
    listed = site.referred_by()
    source = library.neighbours["social-media"]
    clause = next(clause for clause in source.clauses if clause.number == "6.1")
    assert "When this version was published, these policies referred to it:" in listed
    assert (f'<a href="../../../social-media/current/policy/#{clause.anchor}">Social Media '
            f"Policy, clause {clause.number}</a> (about clause 2.1)") in listed
    assert load_library(project.path("policy_source")).policies[
        "social-media"].references  # and a full load agrees


@pytest.mark.parametrize("reference, says, fix", [
    ("[](policy:flexible-workin#who-it-covers)",
     "the policy 'flexible-workin', but the library has no policy folder with that name. "
     "Did you mean 'flexible-working'?", "Use the folder name of a policy"),
    ("[](policy:flexible-working#who-covers)",
     "'#who-covers' in the Flexible Working Policy, which has no clause or section with that "
     "anchor. Did you mean 'who-it-covers'?", "policy_source/flexible-working/policy.md"),
    ("[](policy:social-media#purpose)", "This reference is to the policy it is written in.",
     "Link to the clause as [clause](#purpose) instead"),
])
def test_a_reference_to_nothing_stops_the_load_at_its_line(tmp_path, reference, says, fix):
    project, line = with_second_policy(tmp_path, reference)
    with pytest.raises(SourceError) as raised:
        load_library(project.path("policy_source"))
    message = str(raised.value)
    assert f"policy_source/social-media/policy.md, line {line}" in message
    assert says in message and fix in message


def git(root, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=root, check=True,
                   capture_output=True)


def test_a_release_warns_of_published_references_it_renumbers_or_removes(tmp_path):
    """The Social Media Policy 1.0 is published referring to clause 2.1 of the Flexible
    Working Policy; a release that makes it 2.2 (or removes it) names that reference."""
    project, line = with_second_policy(tmp_path, "[](policy:flexible-working#who-it-covers)")
    git(project.root, "init", "-q")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "Published")
    git(project.root, "tag", "social-media/1.0")
    git(project.root, "tag", "flexible-working/0.1")
    folder = "policy_source/flexible-working"
    project.replace(f"{folder}/policy.md", "### 2.1 Who it covers {#who-it-covers}",
                    "### 2.1 What it is for {#what-it-is-for}\n\nIt says how to ask.\n\n"
                    "### 2.2 Who it covers {#who-it-covers}")
    project.replace(f"{folder}/faqs.md", "[clause 2.1]", "[clause 2.2]")
    for name in ("policy.md", "faqs.md", "eia.md", "rules.yml"):
        path = project.path(f"{folder}/{name}")
        text = re.sub(r"\[To write:[^\]]*\]", "Written by the owner.",
                      path.read_text(encoding="utf-8"))
        path.write_text(text.replace("not assessed", "neutral"), encoding="utf-8")
    released = command(project.root, "release", "--policy", "flexible-working", "--version",
                       "1.0", "--date", dt.date.today().isoformat(), "--decided-by",
                       "Personnel Committee", "--summary", "Approved.")
    assert released.returncode == 0, released.stderr
    assert ("Warning: other policies' published pages refer to clauses this release changes"
            in released.stdout)
    assert (f"  - The Social Media Policy 1.0 (published), policy.md line {line} refers to "
            "clause 2.1 of the Flexible Working Policy, which this release renumbers as "
            "clause 2.2.") in released.stdout
    removed = published_references_changed(project.root, replace(
        load_library(project.path("policy_source")).policies["flexible-working"],
        sections=()))
    assert removed == (f"the Social Media Policy 1.0 (published), policy.md line {line} refers "
                       "to clause 2.1 of the Flexible Working Policy, which this release "
                       "removes.",)


def test_a_comparison_shows_which_policy_a_reference_names():
    """A comparison reads words, and a reference written with empty brackets has none: the
    comparison names the policy and clause instead, so adding one is a change it shows."""
    wording = Wording()
    runs = wording.diff("See the other policy.",
                        "See the other policy [](policy:disciplinary#gross-misconduct).")
    added = [word for kind, words in runs if kind == "added" for word in words]
    assert "'disciplinary'," in added and "'#gross-misconduct')." in added
