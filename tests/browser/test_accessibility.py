"""axe-core finds no WCAG 2.2 A or AA failure on any page, in either palette or on a phone,
nor with search or the phone menu open, nor on the pages around the versions."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browser.conftest import COMPARISONS
from browser.pages import DARK, LIGHT, PHONE, PHONE_DARK, library_pages, policy_pages, published_pages

#: Every WCAG 2.0, 2.1 and 2.2 success criterion at levels A and AA that axe can test.
WCAG_AA = {"runOnly": {"type": "tag",
                       "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
           "resultTypes": ["violations"]}

AXE = Axe()


def violations(page) -> list[str]:
    """One line per failing element: the rule, what it requires, where, and axe's reason."""
    found = []
    for rule in AXE.run(page, options=WCAG_AA).response["violations"]:
        for node in rule["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            reason = checks[0]["message"] if checks else ""
            found.append(f"{rule['id']} ({rule['help']}): {' '.join(node['target'])}: {reason}")
    return found


def assert_accessible(page) -> None:
    found = violations(page)
    assert not found, f"{page.url}\n" + "\n".join(found)


@pytest.mark.parametrize("path", published_pages())
def test_every_page_of_the_library_as_it_stands(visit, path):
    assert_accessible(visit(path).page)


@pytest.mark.parametrize("viewing", [DARK, PHONE], ids=lambda v: v.name)
@pytest.mark.parametrize("path", [*library_pages(), *policy_pages("social-media")])
def test_the_library_and_a_policy_in_the_dark_and_on_a_phone(visit, path, viewing):
    assert_accessible(visit(path, viewing).page)


@pytest.mark.parametrize("viewing", [LIGHT, DARK, PHONE_DARK], ids=lambda v: v.name)
def test_search_with_results_showing(visit, viewing):
    page = visit("social-media/current/", viewing).page
    if viewing.phone:
        page.get_by_role("button", name="Search this guide").click()
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("abuse")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matched"),
                                                                  timeout=30_000)
    assert_accessible(page)


def test_the_phone_menu_open(visit):
    page = visit("social-media/current/policy/", PHONE).page
    page.get_by_role("button", name="Menu").click()
    assert_accessible(page)


@pytest.mark.parametrize("viewing", [LIGHT, DARK], ids=lambda v: v.name)
@pytest.mark.parametrize("path", ["social-media/1.0/policy/", "social-media/1.2/policy/",
                                  "social-media/current/policy/"])
def test_each_standing_of_a_version_with_its_banner(visit, path, viewing):
    """Replaced, taking effect later and applying today: each banner as the reader's browser
    writes it."""
    page = visit(path, viewing).page
    page.locator("[data-version-banner][data-standing]").wait_for(state="visible", timeout=5000)
    assert_accessible(page)


def test_the_page_for_addresses_that_do_not_exist(visit):
    assert_accessible(visit("no-such-page/").page)


def test_the_address_that_forwards_to_a_policys_current_version(visit, published_url):
    """Stopped before it forwards, so the forwarding page itself is what axe reads: the
    address it forwards to answers "204 No Content", which leaves a browser where it is."""
    page = visit("404.html").page  # any page, to get a browser tab on this site
    page.route(f"{published_url}social-media/current/", lambda route: route.fulfill(status=204))
    page.goto(f"{published_url}social-media/", wait_until="commit")
    assert page.locator("main a").get_attribute("href", timeout=5000) == "current/"
    assert_accessible(page)


def test_the_home_with_a_filter_chosen(visit):
    page = visit("").page
    page.get_by_label("Category").select_option("Health, safety and wellbeing")
    page.locator(".library-filters__count").filter(has_text="Showing 1 of 3").wait_for()
    assert_accessible(page)


def test_the_date_page_with_an_answer(visit):
    page = visit("on-a-date/").page
    for label, value in (("Day", "1"), ("Month", "6"), ("Year", "2019")):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Show the versions").click()
    page.locator(".on-a-date__answer li").first.wait_for()
    assert_accessible(page)


@pytest.mark.parametrize("viewing", [LIGHT, DARK, PHONE], ids=lambda v: v.name)
@pytest.mark.parametrize("path", ["", "social-media/"])
def test_the_residents_house_rules_for_the_public_website(visit, public_url, path, viewing):
    assert_accessible(visit(path, viewing, site=public_url).page)


@pytest.mark.parametrize("viewing", [LIGHT, DARK, PHONE], ids=lambda v: v.name)
@pytest.mark.parametrize("path", COMPARISONS)
def test_comparisons_of_versions(visit, compared_url, path, viewing):
    """Every kind of change, in every part of the policy, marked in place."""
    assert_accessible(visit(path, viewing, site=compared_url).page)
