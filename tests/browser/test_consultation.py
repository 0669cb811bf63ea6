"""A draft published for consultation, read as its readers read it, on the day: before its
closing date, after it, and once a version is approved after it; with and without scripts;
accessible; and found by search only when a reader asks for drafts
(tests/publishing/test_consultation.py tests what is published)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from browser.test_accessibility import violations
from browser.test_search import SearchBox, META
from policy_guide.domain.dates import long_date
from policy_guide.tools.browser import serve_folder
from publishing.consultation import CLOSES, TODAY

DRAFT = "social-media/consultation/1.1/policy/"


@pytest.fixture(scope="module")
def open_url(consulted):
    with serve_folder(consulted.open_site) as url:
        yield url


@pytest.fixture(scope="module")
def final_url(consulted):
    with serve_folder(consulted.final_site) as url:
        yield url


def banner(visited):
    return visited.page.locator("[data-consultation-banner]")


def test_before_it_closes_the_draft_says_how_to_comment_and_by_when(visit, open_url):
    visited = visit(DRAFT, site=open_url, on=TODAY)
    expect(banner(visited)).to_contain_text("Draft for consultation: not in force.")
    expect(banner(visited)).to_contain_text(f"contact Human Resources by {long_date(CLOSES)}")
    expect(banner(visited)).to_contain_text("Until a new version is approved, the version "
                                            "in force still applies")
    assert not visited.failures and not visited.errors
    assert not violations(visited.page)


def test_after_it_closes_the_draft_says_so(visit, open_url):
    visited = visit(DRAFT, site=open_url, on=CLOSES + dt.timedelta(days=1))
    expect(banner(visited)).to_have_attribute("data-standing", "closed")
    expect(banner(visited)).to_contain_text(f"The consultation closed on {long_date(CLOSES)}.")
    visited.page.get_by_role("link", name="Open the version in force.").click()
    expect(visited.page.locator("[data-version-banner]")).to_contain_text("Version 1.0")


def test_once_approved_it_leads_to_the_version_and_what_the_consultation_changed(
        visit, final_url):
    visited = visit(DRAFT, site=final_url, on=TODAY)
    expect(banner(visited)).to_have_attribute("data-standing", "approved")
    expect(banner(visited)).to_contain_text(f"Version 1.2 was approved on {long_date(TODAY)}.")
    assert not violations(visited.page)
    visited.page.get_by_role("link", name="See what changed after the consultation.").click()
    expect(visited.page.locator("article")).to_contain_text(
        "the draft published for consultation")
    assert not visited.failures


def test_without_scripts_the_draft_still_says_what_it_is(visit, final_url):
    visited = visit(DRAFT, site=final_url, scripts=False)
    expect(banner(visited)).to_contain_text("Draft for consultation: not in force.")
    expect(banner(visited)).not_to_have_attribute("data-standing", re.compile("."))


def test_search_finds_the_draft_only_when_asked(browser, open_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{open_url}social-media/current/")
        page.locator(".md-search__input").click()
        expect(page.locator(META)).to_have_text(re.compile("^Type"), timeout=30_000)
        box = SearchBox(page)
        found = box.search("add a line to your profile")
        assert found and not [url for url in found if "/consultation/" in url]
        page.get_by_label("Include drafts out for consultation").check()
        expect(page.locator(".md-search-result__link[href*='/consultation/']").first
               ).to_be_visible(timeout=30_000)
    finally:
        context.close()
