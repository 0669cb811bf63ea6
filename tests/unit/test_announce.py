"""The staff bulletin item for a new version (`make announce`, and `make publish` for each
version it publishes): who decided what and why, the three most important changes with
links, when it applies and who to ask; as an email-safe HTML fragment and as plain text, and
a residents' item when the house rules changed. tests/browser/test_announcements.py follows
every link on the published site and runs axe on the HTML."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import command, copy_project
from policy_guide.domain.announce import announce
from policy_guide.domain.loader import load_library
from policy_guide.publishing.announcement import (plain_english, residents_text, staff_html,
                                                  staff_text, write_announcement)
from policy_guide.site.mkdocs import site_wording

BASE = "https://intranet.example.gov.uk/policies/"
SMALL_CHANGE = ("simple guidance on using social media well", "simple guidance on using "
                "social media well and safely")
BIG_CHANGE = ("You may say that you work for the Council. If you do, make clear that your views\n"
              "are your own and not the Council's.",
              "You may say that you work for the Council. If you do, your profile must say\n"
              "that your views are your own, and you must not use the Council's logo or\n"
              "speak as if for the Council, even when a post is only about your own team.")
NEW_RULE = """  - id: PU-20
    context: personal-use
    kind: don't
    text: Don't use the Council's logo on a personal account.
    clause: saying-where-you-work
"""


@pytest.fixture(scope="module")
def versions(tmp_path_factory, policy):
    """Version 1.0 as it is, and a version 1.1 with a clause reworded a little and one a
    lot, a new rule for staff and a house rule for residents changed."""
    project = copy_project(tmp_path_factory.mktemp("announce") / "project")
    folder = "policy_source/social-media"
    project.replace(f"{folder}/policy.md", *SMALL_CHANGE)
    project.replace(f"{folder}/policy.md", *BIG_CHANGE)
    project.replace(f"{folder}/rules.yml", "\n  # House rules for residents",
                    "\n" + NEW_RULE + "\n  # House rules for residents")
    project.replace(f"{folder}/rules.yml", "Don't post anything obscene, defamatory or spam.",
                    "Don't post anything obscene, defamatory, misleading or spam.")
    released = command(project.root, "release", "--version", "1.1", "--date", "2026-11-30",
                       "--decided-by", "Personnel Committee", "--summary",
                       "Staff who say where they work must now say their views are their own. "
                       "This keeps personal posts apart from the Council's.",
                       "--effective-from", "2027-01-04")
    assert released.returncode == 0, released.stderr
    new = load_library(project.path("policy_source")).policies["social-media"]
    return policy, new, site_wording(project.root)


def test_the_three_most_important_changes_lead_to_what_changed(versions):
    old, new, wording = versions
    found = announce(new, old, wording)
    assert found.title == "Social Media Policy: version 1.1"
    assert found.lead == ("The Personnel Committee approved version 1.1 of the Social Media "
                          "Policy on 30 November 2026. Staff who say where they work must now "
                          "say their views are their own. This keeps personal posts apart from "
                          "the Council's.")
    # a new rule outranks reworded clauses; the clause reworded most outranks the other;
    # the changed house rule is for residents, in their own item; shown in reading order
    assert [(item.words, item.page, item.anchor) for item in found.highlights] == [
        ("Clause 1.1 Why we have this policy has new wording", "policy", "why-this-policy"),
        ("Clause 6.2 Saying where you work has new wording", "policy", "saying-where-you-work"),
        ("New don't rule: Don't use the Council's logo on a personal account.",
         "quick-guide", "rule-pu-20")]
    assert found.takes_effect == "It takes effect on 4 January 2027."
    assert found.contact == "Human Resources"
    assert [item.words for item in found.residents.changes] == [
        "Changed: Don't post anything obscene, defamatory, misleading or spam."]


def test_no_house_rule_changed_means_no_residents_item(versions, policy):
    old, new, wording = versions
    assert announce(policy, policy, wording).residents is None
    assert announce(new, old, wording).residents is not None


def test_the_html_is_safe_for_email_and_the_text_says_the_same(versions):
    old, new, wording = versions
    found = announce(new, old, wording)
    fragment = staff_html(found, BASE)
    tree = LexborHTMLParser(fragment)
    assert not tree.css("script, img, style, link, iframe, form, [class], [id]")
    assert all(node.attributes.get("style") for node in tree.css("div, h2, p, ul, li, a"))
    links = [node.attributes["href"] for node in tree.css("a")]
    assert links == [f"{BASE}social-media/1.1/policy/#why-this-policy",
                     f"{BASE}social-media/1.1/policy/#saying-where-you-work",
                     f"{BASE}social-media/1.1/quick-guide/#rule-pu-20",
                     f"{BASE}social-media/1.1/", f"{BASE}social-media/1.1/changes/"]
    text = staff_text(found, BASE)
    for link in links:
        assert link in text
    assert " ".join(found.lead.split()) in " ".join(text.split())
    assert "Questions: ask Human Resources." in text
    assert all(len(line) <= 72 or "https://" in line for line in text.splitlines())
    assert "misleading" in residents_text(found)


def test_the_words_pass_the_plain_english_gate_and_a_hard_summary_does_not(versions, library):
    old, new, wording = versions
    settings = library.settings.plain_english
    assert plain_english(announce(new, old, wording), settings) is None
    wordy = " ".join(["Notwithstanding the aforementioned organisational considerations, "
                      "employees disseminating communications referencing institutional "
                      "affiliations must unambiguously differentiate individual perspectives "
                      "from corporate positions irrespective of contextual circumstances."] * 4)
    last = new.history.entries[-1].model_copy(update={"changes": wordy})
    hard = replace(new, history=new.history.model_copy(
        update={"entries": [*new.history.entries[:-1], last]}))
    said = plain_english(announce(hard, old, wording), settings)
    assert said is not None and "reading ease" in said


def test_make_announce_writes_the_items_and_says_where(tmp_path):
    project = copy_project(tmp_path / "project")
    result = command(project.root, "announce", "--base", BASE, "--out", "bulletin")
    assert result.returncode == 0, result.stderr
    assert "Social Media Policy: version 1.0" in result.stdout
    assert "Where to start:" in result.stdout  # a first version: nothing to compare with
    assert sorted(p.name for p in project.path("bulletin/social-media-1.0").iterdir()) == [
        "staff.html", "staff.txt"]
    refused = command(project.root, "announce", "--version", "0.2")
    assert refused.returncode == 1
    assert "Version 0.2 of the Social Media Policy is neither published nor" in refused.stderr
    assert re.search(r"No announcement was written", refused.stderr)


def test_a_residents_item_is_written_beside_the_staff_one(versions, tmp_path):
    old, new, wording = versions
    written = write_announcement(announce(new, old, wording), tmp_path / "out", BASE)
    assert [path.name for path in written.files] == ["staff.html", "staff.txt",
                                                     "residents.html", "residents.txt"]
