"""Privacy: opening any page, or searching, asks nothing of any host but the site's own, and
everything it asks for is there (no missing styles, scripts, icons or version list)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser.pages import docs_pages

#: Addresses that never leave the browser.
LOCAL_SCHEMES = ("data", "blob", "about")


def elsewhere(requests: list[str], site: str) -> list[str]:
    own = urlsplit(site).netloc
    return [url for url in requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own]


@pytest.mark.parametrize("path", [f"latest/{path}" for path in docs_pages()]
                         + ["1.0/social-media/policy/", ""])
def test_a_page_asks_only_the_site_itself(visit, published_url, path):
    opened = visit(path, wait="networkidle")
    assert opened.requests, "the browser recorded no requests at all"
    assert not elsewhere(opened.requests, published_url)
    assert not opened.failures


def test_searching_asks_only_the_site_itself(visit, published_url):
    opened = visit("latest/social-media/policy/", wait="networkidle")
    box = opened.page.locator(".md-search__input")
    box.click()
    box.press_sequentially("photos")
    opened.page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/matched/)")
    assert any(url.endswith("search_index.json") for url in opened.requests)
    assert not elsewhere(opened.requests, published_url)
    assert not opened.failures


def test_a_missing_page_asks_only_the_site_itself(visit, published_url):
    opened = visit("no-such-page/", wait="networkidle")
    assert not elsewhere(opened.requests, published_url)
    assert opened.failures == [f"404 {published_url}no-such-page/"]


def test_the_checks_cover_every_page_that_was_published(published):
    """The page list every browser check walks (read from docs/) is every page in the export."""
    latest = published.exported / "latest"
    built = {"" if folder == "." else f"{folder}/"
             for folder in (path.parent.relative_to(latest).as_posix()
                            for path in latest.rglob("index.html"))}
    assert set(docs_pages()) == built
