"""The staff bulletin item of a published version, read as its readers would: every link
leads to a page of the published site, to the part it names; and axe finds no WCAG 2.2 A or
AA failure in the email's HTML (tests/unit/test_announce.py tests the words)."""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from browser.test_accessibility import violations
from publishing.library import SOCIAL


def test_every_link_in_an_announcement_leads_to_its_part_of_the_published_site(
        published, published_url, browser, tmp_path):
    made = published.repo.command("announce", "--policy", SOCIAL, "--version", "1.1",
                                  "--base", published_url, "--out", str(tmp_path))
    assert made.returncode == 0, made.stderr
    fragment = (tmp_path / f"{SOCIAL}-1.1" / "staff.html").read_text(encoding="utf-8")
    links = [node.attributes["href"] for node in LexborHTMLParser(fragment).css("a")]
    assert f"{published_url}{SOCIAL}/1.1/policy/#saying-where-you-work" in links
    context = browser.new_context()
    try:
        page = context.new_page()
        for link in links:
            response = page.goto(link)
            assert response is not None and response.status == 200, link
            anchor = urlsplit(link).fragment
            if anchor:
                assert page.locator(f"[id='{anchor}']").count() == 1, link
        page.set_content('<!doctype html><html lang="en"><head><title>Staff bulletin'
                         f"</title></head><body><main>{fragment}</main></body></html>")
        found = violations(page)
        assert not found, "\n".join(found)
    finally:
        context.close()
