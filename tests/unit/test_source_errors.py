"""Each kind of broken source stops loading with one clear message: file, line, problem, fix.

Every case breaks a copy of the real sources in one way. The expected line is where the
test made its edit, so the message points the policy owner at the right place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from policy_guide.domain.errors import SourceError
from policy_guide.domain.loader import load_library

POLICY = "policy_source/social-media"


@dataclass(frozen=True)
class Break:
    file: str          # relative to policy_source/social-media/ (or policy_source/)
    old: str
    new: str
    says: tuple[str, ...]  # words the message must contain
    offset: int | None = 0  # the message's line, counted from the edit; None: no line known


CASES = {
    "YAML that does not parse": Break(
        "rules.yml", "    text: Keep posts friendly", "   text: Keep posts friendly",
        ("not valid YAML",)),
    "a repeated key": Break(
        "rules.yml", "    clause: account-security\n",
        "    clause: account-security\n    clause: approved-channels\n",
        ("'clause' appears twice",), offset=1),
    "a rule pointing to a clause that does not exist": Break(
        "rules.yml", "clause: account-security", "clause: acount-security",
        ("acount-security", "Did you mean 'account-security'")),
    "a rule in an unknown context": Break(
        "rules.yml", "context: personal-use\n    kind: do\n    text: Keep personal",
        "context: personal-us\n    kind: do\n    text: Keep personal",
        ("personal-us", "Did you mean 'personal-use'")),
    "a duplicate rule id": Break(
        "rules.yml", "- id: CA-02", "- id: CA-01", ("CA-01", "used twice")),
    "a duplicate context id": Break(
        "rules.yml", "  - id: abuse\n", "  - id: personal-use\n",
        ("'personal-use'", "used twice")),
    "a characteristic assessed twice": Break(
        "eia.md", "characteristic: Race", "characteristic: Age", ("'Age'", "assessed twice")),
    "an invalid do or don't": Break(
        "rules.yml", "    kind: don't\n    text: Don't set up",
        "    kind: dont\n    text: Don't set up", ("'dont'", "Did you mean 'don't'")),
    "an impossible date": Break(
        "policy.md", "next_review: 2020-12-19", "next_review: 2020-02-30",
        ("next_review", "2020-02-30", "YYYY-MM-DD")),
    "a date in the wrong form": Break(
        "history.yml", "date: 2018-10-05", "date: 5 October 2018",
        ("'date'", "5 October 2018", "YYYY-MM-DD")),
    "a missing field": Break(
        "policy.md", "owner: Strategic Director of Corporate Resources\n", "",
        ("'owner' is missing", "role that owns the policy"), offset=None),
    "a misspelt field": Break(
        "policy.md", "contact: Human Resources", "contcat: Human Resources",
        ("contcat", "Did you mean 'contact'")),
    "an email address instead of a role": Break(
        "policy.md", "owner: Strategic Director of Corporate Resources",
        "owner: someone@example.org", ("role or team", "not a person")),
    "a missing required section": Break(
        "policy.md", "## 11. Review {#review}", "## 11. Review {#reviewing}",
        ("#review", "library.yml"), offset=None),
    "a version written in policy.md as well as history.yml": Break(
        "policy.md", "owner: Strategic", 'version: "1.1"\nowner: Strategic',
        ("'version'", "history.yml", "Remove")),
    "a category the library does not list": Break(
        "policy.md", "category: Communication and conduct", "category: Comms",
        ("'Comms'", "categories", "library.yml")),
    "history out of order": Break(
        "history.yml", 'version: "0.2"', 'version: "0.0"',
        ("0.0", "comes after version 0.1")),
    "a duplicate version in the history": Break(
        "history.yml", 'version: "0.2"', 'version: "0.1"', ("0.1", "appears twice")),
    "an effective date on a version that was not in force": Break(
        "history.yml", "  status: approved\n",
        "  status: approved\n  effective_from: 2018-12-01\n",
        ("0.2", "'effective_from'", "'approved'"), offset=1),
    "a version that takes effect before it was decided": Break(
        "history.yml", "  status: in force\n",
        "  status: in force\n  effective_from: 2018-12-01\n",
        ("1.0", "takes effect on 2018-12-01", "before"), offset=1),
    "a draft out for consultation with words still to write": Break(
        "history.yml", "    Promoted to employees and residents through a communications plan.\n",
        "    Promoted to employees and residents through a communications plan.\n\n"
        '- version: "1.1"\n  date: 2026-11-02\n  status: consultation\n'
        "  closes: 2026-11-30\n  decided_by: Trade Union Policy Working Group\n"
        "  changes: >-\n    A draft. [To write: what the draft changes.]\n",
        ("'consultation', so it would be published as it is", "to write: what the draft"),
        offset=8),
    "a closing date on a version not out for consultation": Break(
        "history.yml", "  status: approved\n", "  status: approved\n  closes: 2018-12-01\n",
        ("0.2", "'closes'", "'approved'", "consultation"), offset=1),
    "a consultation that closes before it opens": Break(
        "history.yml", "  status: consultation\n",
        "  status: consultation\n  closes: 2018-10-01\n",
        ("closes on 2018-10-01", "not after the day it went out"), offset=1),
    "a newest version out for consultation with no closing date": Break(
        "history.yml", "    Promoted to employees and residents through a communications plan.\n",
        "    Promoted to employees and residents through a communications plan.\n\n"
        '- version: "1.1"\n  date: 2026-11-02\n  status: consultation\n'
        "  decided_by: Trade Union Policy Working Group\n  changes: A draft.\n",
        ("1.1", "does not say when the consultation closes", "closes: YYYY-MM-DD"), offset=2),
    "a missing protected characteristic": Break(
        "eia.md", "  - characteristic: Sexual orientation\n    impact: positive\n"
        "    evidence: Lesbian, gay and bisexual people can face abusive comments online.\n"
        "    mitigation: House rules allow abusive and discriminatory posts to be removed and "
        "repeat offenders blocked.\n", "", ("Sexual orientation", "nine protected"),
        offset=None),
    "an unknown protected characteristic": Break(
        "eia.md", "characteristic: Race", "characteristic: Ethnicity", ("Ethnicity", "'Race'")),
    "template code in source": Break(
        "policy.md", "This policy applies to all Council employees.",
        "This policy applies to {{ audience }}.", ("{{", "template code")),
    "a question without a link to its clause": Break(
        "faqs.md", "your work. See [clause 6.1](policy.md#personal-use-at-work).", "your work.",
        ("Can I use social media at work?", "does not link"), offset=-3),
    "a link to a missing anchor": Break(
        "faqs.md", "[clause 6.2](policy.md#saying-where-you-work)",
        "[clause 6.2](policy.md#say-where-you-work)", ("#say-where-you-work", "not an anchor")),
    "a link whose clause number is wrong": Break(
        "faqs.md", "[clause 5.3](policy.md#account-security)",
        "[clause 5.4](policy.md#account-security)", ("5.4", "5.3")),
    "clauses numbered out of order": Break(
        "policy.md", "### 6.3 Behaving", "### 6.4 Behaving", ("6.4", "6.3 should be")),
    "a section heading without an anchor": Break(
        "policy.md", "## 9. Monitoring and breaches {#monitoring}", "## 9. Monitoring and breaches",
        ("## 9. Title {#anchor}",)),
    "next review before the last": Break(
        "policy.md", "next_review: 2020-12-19", "next_review: 2017-12-19",
        ("'next_review'", "before 'last_reviewed'")),
    "an approved policy whose assessment is not done": Break(
        "eia.md", "outcome: positive", "outcome: not assessed", ("'not assessed'",)),
    "an abbreviation explained twice": Break(
        "../glossary.yml", "- abbreviation: HR", "- abbreviation: EIA",
        ("'EIA'", "explained twice")),
    "a staff word whose meaning the policy does not use": Break(
        "../staff-words.yml", "  means: direct message\n", "  means: direct messaging app\n",
        ("'direct messaging app' does not occur in the Social Media Policy", "'DM'")),
    "a staff word the policy already uses": Break(
        "../staff-words.yml", "- staff: [DM, DMs, inbox, private message]",
        "- staff: [DM, DMs, inbox, private message, Facebook]",
        ("'Facebook' is already a word of the Social Media Policy", "Take 'Facebook' out")),
    "a staff word listed twice": Break(
        "../staff-words.yml", "- staff: [lunch, lunch break, lunchtime, tea break]",
        "- staff: [lunch, lunch break, lunchtime, tea break, inbox]",
        ("'inbox' is listed twice",)),
    "staff words for a missing policy": Break(
        "../staff-words.yml", "  means: direct message\n  policy: social-media",
        "  means: direct message\n  policy: social-medai",
        ("'social-medai'", "Did you mean 'social-media'"), offset=1),
    "an overdue allowance for a missing policy": Break(
        "../library.yml", "  allow_overdue:\n    social-media:",
        "  allow_overdue:\n    social-medai:",
        ("'social-medai'", "Did you mean 'social-media'"), offset=None),
    "library settings naming a missing policy": Break(
        "../library.yml", "  social-media:\n", "  social-media:\n    - purpose\n  leave:\n",
        ("'leave'", "no policy folder"), offset=None),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_broken_source_gives_one_clear_message(project, case: Break):
    relative = f"{POLICY}/{case.file}" if not case.file.startswith("../") \
        else f"policy_source/{case.file[3:]}"
    edit_line = project.replace(relative, case.old, case.new)

    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))

    error = caught.value
    message = str(error)
    for words in case.says:
        assert words in message, message
    assert "How to fix:" in message
    if case.offset is not None:
        assert error.line == edit_line + case.offset, message


def test_a_repeated_anchor_names_both_places(project):
    first = project.replace(f"{POLICY}/policy.md", "{#service-users}", "{#breaches}")
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    second = project.path(f"{POLICY}/policy.md").read_text().splitlines().index(
        "## 9. Monitoring and breaches {#monitoring}") + 1
    assert caught.value.line > second
    assert f"already used on line {first}" in str(caught.value)


def test_the_version_and_its_decisions_come_from_the_history(project):
    """history.yml is the one place a version's number, status and dates are written."""
    project.append(f"{POLICY}/history.yml", """
- version: "1.1"
  date: 2027-01-15
  status: approved
  decided_by: Personnel Committee
  changes: Reworded clause 6.2.
""")
    meta = load_library(project.path("policy_source")).policies["social-media"].meta
    assert (meta.version, meta.status) == ("1.1", "approved")
    assert (meta.approved_by, str(meta.approved_on)) == ("Personnel Committee", "2027-01-15")
    assert meta.ratified_by is None and meta.effective_from is None


def test_text_that_is_not_utf8_is_reported_at_its_line(project):
    path = project.path(f"{POLICY}/faqs.md")
    lines = path.read_bytes().split(b"\n")
    lines[9] = b"Caf\xe9 culture \x93quoted\x94"  # Windows-1252 text, line 10
    path.write_bytes(b"\n".join(lines))

    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))

    assert caught.value.line == 10
    assert "UTF-8" in str(caught.value)
    assert caught.value.path.endswith(f"{POLICY}/faqs.md")


def test_a_missing_file_is_named(project):
    project.path(f"{POLICY}/history.yml").unlink()
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    assert caught.value.path.endswith(f"{POLICY}/history.yml")
    assert "missing" in caught.value.problem


def test_the_message_names_the_file_the_owner_edits(project):
    project.replace(f"{POLICY}/rules.yml", "clause: account-security", "clause: nowhere")
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    assert caught.value.path.endswith(f"{POLICY}/rules.yml")
