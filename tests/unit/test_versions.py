"""Versions: which one applied on a day, what changed between two, and links between them."""

import dataclasses
import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from policy_guide.domain.compare import Wording, compare
from policy_guide.domain.errors import SourceError
from policy_guide.domain.inforce import in_force_periods, standing, version_on
from policy_guide.domain.models import History
from policy_guide.domain.published import load_publication
from policy_guide.site.render.changes import diff_html
from policy_guide.site.render.common import VersionLinks
from policy_guide.domain.structure import parse_policy_body

D = dt.date.fromisoformat
GIT_PERSON = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
              for part, value in (("NAME", "Test"), ("EMAIL", "test@example.invalid"))}


def history(*entries: dict) -> History:
    base = {"decided_by": "Personnel Committee", "changes": "Changes."}
    return History.model_validate({"entries": [{**base, **entry} for entry in entries]})


HISTORY = history(
    {"version": "0.9", "date": "2018-11-23", "status": "approved"},
    {"version": "1.0", "date": "2018-12-19", "status": "in force"},
    {"version": "1.1", "date": "2021-03-01", "status": "in force",
     "effective_from": "2021-04-01"},
)


@pytest.mark.parametrize("day, version", [
    ("2018-12-18", None),   # the day before the first version took effect
    ("2018-12-19", "1.0"),  # its first day
    ("2021-03-01", "1.0"),  # 1.1 was decided that day but had not yet taken effect
    ("2021-03-31", "1.0"),  # 1.0's last day
    ("2021-04-01", "1.1"),  # 1.1's first day
    ("2040-01-01", "1.1"),  # still in force
])
def test_the_version_in_force_on_a_day_follows_the_effective_dates(day, version):
    found = version_on(HISTORY, D(day))
    assert (found.version if found else None) == version


@pytest.mark.parametrize("day, version, state, since, waiting", [
    ("2018-12-01", "0.9", "approved", "2018-11-23", None),  # approved; 1.0 not yet decided
    ("2021-03-15", "1.0", "in force", "2018-12-19", "1.1"),  # 1.1 decided, waiting
    ("2021-04-01", "1.1", "in force", "2021-04-01", None),
])
def test_where_a_policy_stands_on_a_day(day, version, state, since, waiting):
    now = standing(HISTORY, D(day))
    assert (now.version, now.state, now.since) == (version, state, D(since))
    assert (now.next_version.version if now.next_version else None) == waiting


def test_a_first_version_decided_before_it_takes_effect_stands_waiting():
    later = history({"version": "1.0", "date": "2027-01-10", "status": "in force",
                     "effective_from": "2027-02-01"})
    now = standing(later, D("2027-01-20"))
    assert (now.version, now.key, now.since) == ("1.0", "takes-effect", D("2027-02-01"))


def test_a_withdrawn_policy_stands_withdrawn_from_the_day_of_the_decision():
    withdrawn = history(
        {"version": "1.0", "date": "2019-01-01", "status": "in force"},
        {"version": "1.1", "date": "2022-06-30", "status": "withdrawn"})
    assert standing(withdrawn, D("2022-06-29")).state == "in force"
    assert (standing(withdrawn, D("2022-06-30")).state,
            standing(withdrawn, D("2022-06-30")).version) == ("withdrawn", "1.1")


def test_the_newest_version_takes_its_decisions_from_the_history():
    facts = HISTORY.version_facts()
    assert facts == {"version": "1.1", "status": "in force",
                     "approved_by": "Personnel Committee", "approved_on": D("2021-03-01"),
                     "effective_from": D("2021-04-01")}
    ratified = history(
        {"version": "0.9", "date": "2018-11-23", "status": "approved",
         "decided_by": "Personnel Committee"},
        {"version": "1.0", "date": "2018-12-19", "status": "in force",
         "decided_by": "Corporate Joint Committee"}).version_facts()
    assert (ratified["approved_by"], ratified["ratified_by"], ratified["ratified_on"]) == (
        "Personnel Committee", "Corporate Joint Committee", D("2018-12-19"))
    assert history({"version": "0.1", "date": "2026-01-05", "status": "draft"}
                   ).version_facts() == {"version": "0.1", "status": "draft",
                                         "effective_from": None}


def test_periods_run_end_to_end_without_gaps_or_overlaps():
    periods = in_force_periods(HISTORY)
    assert [(p.version, p.start, p.end) for p in periods] == [
        ("1.0", D("2018-12-19"), D("2021-03-31")), ("1.1", D("2021-04-01"), None)]


def test_a_withdrawn_policy_applies_to_no_day_after_its_withdrawal():
    withdrawn = history(
        {"version": "1.0", "date": "2019-01-01", "status": "in force"},
        {"version": "1.1", "date": "2020-06-30", "status": "withdrawn"},
    )
    assert version_on(withdrawn, D("2020-06-29")).version == "1.0"
    assert version_on(withdrawn, D("2020-06-30")) is None


POLICY_V1 = """\
## 1. Purpose {#purpose}

### 1.1 Why {#why}

We use social media to talk to residents.

### 1.2 Old rule {#old-rule}

This rule goes away.

### 1.3 Kept {#kept}

- First point.
- Second point.
"""

POLICY_V2 = """\
## 1. Purpose {#purpose}

### 1.1 Why {#why}

We use social media to talk to residents and partners.

### 1.2 Kept {#kept}

- First point.
- Second point.

### 1.3 New rule {#new-rule}

A brand new rule.
"""


def sections(text: str):
    return parse_policy_body(text, 1, Path("policy.md"))


def test_clauses_are_matched_by_anchor_and_each_change_is_named():
    comparison = compare(sections(POLICY_V1), sections(POLICY_V2), Wording())
    found = [(change.kind, change.clause.anchor) for change in comparison.changes]
    assert found == [("reworded", "why"), ("removed", "old-rule"), ("renumbered", "kept"),
                     ("added", "new-rule")]
    assert comparison.unchanged == 0
    assert compare(sections(POLICY_V1), sections(POLICY_V1), Wording()).changes == ()


def test_wording_is_compared_as_text_not_markup():
    words = Wording().words
    assert words("See [clause 2.1](policy.md#a).") == words("See [clause 2.1](#a).")
    assert words("- One.\n- Two.") == ("•", "One.", "\n", "•", "Two.")


def test_the_wording_differences_are_marked_in_place():
    page = BeautifulSoup(diff_html("If you do, make clear your views are your own.",
                                   "If you do, say clearly your views are your own.", Wording()),
                         "html.parser")
    assert page.p.get_text(" ", strip=True).startswith("If you do,")
    assert page.select_one("del").get_text() == "Removed: make clear"
    assert page.select_one("ins").get_text() == "Added: say clearly"
    assert page.select_one("del").find_next_sibling("ins") is not None
    assert page.get_text().endswith("your views are your own.")


def test_text_from_the_policy_is_escaped_in_the_comparison():
    page = diff_html("Use <b>care</b> & sense.", "Use care & sense.", Wording())
    assert "<b>" not in page and "&amp;" in page


@pytest.mark.parametrize("page, expected", [
    ("index.md", "../1.0/social-media/policy/#why"),
    ("social-media/history.md", "../../../1.0/social-media/policy/#why"),
    ("social-media/index.md", "../../1.0/social-media/policy/#why"),
])
def test_links_to_another_version_climb_out_of_this_versions_folder(page, expected):
    assert VersionLinks(page).url("1.0", "social-media/policy.md", "why") == expected


def test_a_published_version_that_cannot_be_read_back_is_a_developers_job(project, policy):
    """An old policy.md the current parser rejects must not send the owner to fix it."""
    def git(*args):
        subprocess.run(["git", "-C", str(project.root), *args], check=True,
                       capture_output=True, env={**os.environ, **GIT_PERSON})
    project.replace("policy_source/social-media/policy.md", "### 1.2 ", "### 1.9 ")
    git("init", "--quiet")
    git("add", "--all")
    git("commit", "--quiet", "--message", "1.0 as published")
    git("tag", "social-media/1.0")
    newer = dataclasses.replace(policy, meta=policy.meta.model_copy(update={"version": "1.1"}))
    with pytest.raises(SourceError) as caught:
        load_publication(project.root, newer, ("1.0",))
    assert "Version 1.0 as published (git tag social-media/1.0) cannot be read" in str(caught.value)
    assert "Nothing in your change needs fixing" in caught.value.fix
