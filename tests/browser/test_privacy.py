"""Privacy: opening any page, or searching, asks nothing of any host but the site's own, and
everything it asks for is there (no missing styles, scripts, icons or version list), with no
error in the browser's console."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from browser.pages import published_pages
from conftest import ROOT, preview_pages
from policy_guide.domain.loader import load_library

#: Addresses that never leave the browser.
LOCAL_SCHEMES = ("data", "blob", "about")


def elsewhere(requests: list[str], site: str) -> list[str]:
    own = urlsplit(site).netloc
    return [url for url in requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own]


@pytest.mark.parametrize("path", published_pages() + ["social-media/1.0/policy/",
                                                     "social-media/"])
def test_a_page_asks_only_the_site_itself_and_reports_no_error(visit, published_url, path):
    opened = visit(path, wait="networkidle")
    assert opened.requests, "the browser recorded no requests at all"
    assert not elsewhere(opened.requests, published_url)
    assert not opened.failures
    assert not opened.errors


@pytest.mark.parametrize("path", preview_pages(load_library(ROOT / "policy_source")))
def test_a_page_of_a_preview_build_asks_only_the_site_itself_and_reports_no_error(
        visit, preview_url, path):
    """What `make build` and `make serve` show an owner before anything is published: no
    version list to read, and no error for the lack of one."""
    opened = visit(path, wait="networkidle", site=preview_url)
    assert opened.requests, "the browser recorded no requests at all"
    assert not elsewhere(opened.requests, preview_url)
    assert not opened.failures
    assert not opened.errors


def test_searching_asks_only_the_site_itself(visit, published_url):
    opened = visit("social-media/current/policy/", wait="networkidle")
    box = opened.page.locator(".md-search__input")
    box.click()
    box.press_sequentially("photos")
    expect(opened.page.locator(".md-search-result__meta")).to_have_text(
        re.compile("matched"), timeout=30_000)
    assert any("/pagefind/" in url for url in opened.requests)
    assert not elsewhere(opened.requests, published_url)
    assert not opened.failures


def test_a_missing_page_asks_only_the_site_itself(visit, published_url):
    opened = visit("no-such-page/", wait="networkidle")
    assert not elsewhere(opened.requests, published_url)
    assert opened.failures == [f"404 {published_url}no-such-page/"]


def test_the_themes_404_page_runs_without_error(visit, preview_url):
    """Material's 404 page (a preview's; a published library has its own plain one) is
    served at any address, so its search box and footer lead from the top of the site."""
    opened = visit("404.html", wait="networkidle", site=preview_url)
    assert not opened.errors and not opened.failures
    assert opened.page.locator(".library-search").get_attribute("data-library-root") == "/"
    footer = opened.page.locator(".library-footer-links a").first
    assert footer.get_attribute("href") == "/accessibility/"


def test_the_checks_cover_every_page_that_was_published(published):
    """The page list every browser check walks is every page a reader reaches today: the
    library's and each policy's current version (its earlier versions are the same pages)."""
    exported = published.exported
    policies = {folder.split("/")[0] for folder in published.trees[-1]}
    built = set()
    for path in exported.rglob("index.html"):
        address = path.parent.relative_to(exported).as_posix()
        address = "" if address == "." else f"{address}/"
        parts = address.split("/")
        if parts[0] in policies and (len(parts) == 2 or parts[1] != "current"):
            continue  # the address that forwards to current/, or another version
        built.add(address)
    assert set(published_pages()) == built


@pytest.mark.parametrize("path", ["", "social-media/"])
def test_the_residents_house_rules_ask_nothing_of_anyone(visit, public_url, path):
    """`make export-public`: a page on the Council's public website tells no one else who
    is reading it, and runs no script at all."""
    opened = visit(path, wait="networkidle", site=public_url)
    assert opened.requests == [public_url + path]
    assert not opened.failures and not opened.errors


@pytest.mark.parametrize("site", ["published_url", "public_url"])
def test_the_browser_itself_refuses_what_the_checks_would_have_missed(visit, site, request):
    """Every page carries the guide's Content-Security-Policy: were an address to another
    website or a script in a page to get past every check, the reader's browser would still
    load nothing from elsewhere and run nothing. A script added to the page here stands for
    it (the browser's own tools are not bound by the page's policy; the page's are)."""
    url = request.getfixturevalue(site)
    opened = visit("social-media/" if site == "public_url" else "social-media/current/",
                   wait="networkidle", site=url)
    refused = opened.page.evaluate("""() => new Promise(resolve => {
      const seen = [];
      document.addEventListener("securitypolicyviolation",
                                event => seen.push(event.violatedDirective));
      const picture = document.createElement("img");
      picture.src = "http://tracker.example/p.png";
      document.body.append(picture);
      const script = document.createElement("script");
      script.textContent = "window.__ran = true";
      document.body.append(script);
      setTimeout(() => resolve({seen, ran: Boolean(window.__ran)}), 500);
    })""")
    assert not refused["ran"]
    assert {"img-src", "script-src-elem"} <= set(refused["seen"]), refused
