"""The macros pages call: which policy a page means, and mistakes in page shells."""

import datetime as dt

import pytest

from conftest import ROOT
from policy_guide.domain.compare import Wording
from policy_guide.domain.published import PublishedLibrary
from policy_guide.site.layout import ALL, Layout
from policy_guide.site.macros.macros import PageError, SiteMacros
from policy_guide.site.state import BuildState


def macros_on(library, page: str) -> SiteMacros:
    state = BuildState(library, Layout(ALL), dt.date(2026, 1, 1), PublishedLibrary(), ROOT,
                       Wording())
    return SiteMacros(state, lambda: page)


def test_a_page_in_a_policy_folder_means_that_policy(library):
    site = macros_on(library, "social-media/faqs.md")
    assert site.policy().slug == "social-media"


def test_a_page_outside_a_policy_folder_must_name_the_policy(library):
    site = macros_on(library, "index.md")
    with pytest.raises(PageError, match="Name the policy"):
        site.policy()
    assert site.policy("social-media").slug == "social-media"


def test_an_unknown_policy_is_explained(library):
    with pytest.raises(PageError, match="Did you mean 'social-media'"):
        macros_on(library, "index.md").policy_summary("social-medai")


def test_an_unknown_context_is_explained(library):
    with pytest.raises(PageError, match="Did you mean 'personal-use'"):
        macros_on(library, "social-media/quick-guide.md").checklist("personal")


def test_clause_links_carry_number_and_title_relative_to_the_page(library, policy):
    clause, section = policy.clauses[0], policy.sections[-1]
    assert macros_on(library, "index.md").clause(clause.anchor, "social-media") == (
        f"[clause {clause.number} {clause.title}](social-media/policy.md#{clause.anchor})")
    assert macros_on(library, "social-media/faqs.md").clause(section.anchor) == (
        f"[section {section.number} {section.title}](policy.md#{section.anchor})")


def test_an_unknown_clause_is_explained(library):
    with pytest.raises(PageError, match="no clause '#breach'"):
        macros_on(library, "social-media/faqs.md").clause("breach")
