"""The Social Media Policy's own content meets what the guide promises its readers."""

import re

from conftest import ROOT
from policy_guide.domain.models import PROTECTED_CHARACTERISTICS


def test_every_required_section_from_the_configuration_is_present(library, policy):
    required = library.settings.required_for(policy.slug)
    expected = {"purpose", "scope", "business-use", "personal-use", "residents", "abuse"}
    assert expected <= set(required)
    assert set(required) <= {section.anchor for section in policy.sections}


def test_sections_and_clauses_are_numbered_in_order(policy):
    assert [s.number for s in policy.sections] == list(range(1, len(policy.sections) + 1))
    for section in policy.sections:
        assert [c.number for c in section.clauses] == [
            f"{section.number}.{n}" for n in range(1, len(section.clauses) + 1)]
        assert all(clause.text for clause in section.clauses), section.title


def test_there_are_at_least_30_rules_each_from_an_existing_clause(policy):
    assert len(policy.rules.rules) >= 30
    assert all(rule.clause in policy.anchors for rule in policy.rules.rules)
    kinds = {(rule.context, rule.kind) for rule in policy.rules.rules}
    assert ("council-accounts", "do") in kinds and ("personal-use", "don't") in kinds
    assert any(c.audience == "residents" for c in policy.rules.contexts)


def test_there_are_at_least_15_faqs_each_linking_to_a_clause(policy):
    assert len(policy.faqs.items) >= 15
    for faq in policy.faqs.items:
        assert faq.clause_anchors, faq.question
        assert all(anchor in policy.anchors for anchor in faq.clause_anchors)


def test_the_eia_covers_the_nine_protected_characteristics(policy):
    assessed = [item.characteristic for item in policy.eia.meta.characteristics]
    assert sorted(assessed) == sorted(PROTECTED_CHARACTERISTICS)
    assert len(PROTECTED_CHARACTERISTICS) == 9
    assert all(item.evidence and item.mitigation for item in policy.eia.meta.characteristics)


def test_the_history_is_in_order_and_its_current_version_is_the_policys(policy):
    entries = policy.history.entries
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    versions = [tuple(map(int, e.version.split("."))) for e in entries]
    assert versions == sorted(set(versions))
    assert policy.history.current.version == policy.meta.version
    assert policy.history.current.status == policy.meta.status


def test_the_report_timeline_is_recorded(policy):
    """The facts from the committee report of 23 November 2018 are all in the sources."""
    decisions = {(e.decided_by, e.date.isoformat()) for e in policy.history.entries}
    assert ("Trade Union Policy Working Group", "2018-10-05") in decisions
    assert ("Personnel Committee", "2018-11-23") in decisions
    assert ("Corporate Joint Committee", "2018-12-19") in decisions
    meta = policy.meta
    assert (meta.approved_by, meta.approved_on.isoformat()) == ("Personnel Committee", "2018-11-23")
    assert (meta.ratified_by, meta.ratified_on.isoformat()) == ("Corporate Joint Committee",
                                                                "2018-12-19")
    assert "2015" in (meta.supersedes or "")


def test_no_source_or_page_contains_personal_contact_details():
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"\b0\d{3,4}[ ]?\d{3}[ ]?\d{3,4}\b")
    for folder in ("policy_source", "docs"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".md", ".yml", ".html"}:
                text = path.read_text(encoding="utf-8")
                assert not email.search(text), f"email address in {path}"
                assert not phone.search(text), f"phone number in {path}"
