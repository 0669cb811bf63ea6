"""Paper: the print view shows the page alone, and `make pdf` prints the policy and the quick
card with every required section and every rule, the card on a single side of A4."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from browser.pages import LIGHT
from conftest import ROOT
from policy_guide.site.layout import PRINTED_PAGES, pdf_name

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".headerlink"]


@pytest.fixture(scope="module")
def pdfs(site, tmp_path_factory, chromium):
    """`policy-guide pdf` (what `make pdf` runs) printing the session's built site."""
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run([sys.executable, "-m", "policy_guide", "pdf", "--out", str(out),
                             "--site-dir", str(site)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "CHROMIUM": chromium})
    assert result.returncode == 0, result.stderr
    return out


def pdf_text(path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_policy_pdf_has_every_required_section(pdfs, policy, library):
    path = pdfs / f"social-media-policy-{policy.meta.version}.pdf"
    text = pdf_text(path)
    sections = {section.anchor: section for section in policy.sections}
    missing = [anchor for anchor in library.settings.required_for("social-media")
               if f"{sections[anchor].number}. {sections[anchor].title}" not in text]
    assert not missing, f"These required sections are not in the printed policy: {missing}"
    assert PdfReader(path).metadata.title == f"{policy.meta.title} (version {policy.meta.version})"


def test_the_quick_card_pdf_has_every_rule_on_one_side_of_a4(pdfs, policy):
    path = pdfs / f"social-media-quick-card-{policy.meta.version}.pdf"
    text = pdf_text(path)
    missing = [rule.key for rule in policy.rules.rules if rule.text not in text]
    assert not missing, f"These rules are not on the printed quick card: {missing}"
    pages = len(PdfReader(path).pages)
    assert pages == 1, (f"The quick card now prints on {pages} pages of A4 and must fit on one: "
                        "shorten the rules, or ask a developer to adjust the print layout.")
    assert f"version {policy.meta.version}" in text  # in the footer of every printed page


@pytest.mark.parametrize("path", ["social-media/current/policy/", "social-media/current/quick-card/"])
def test_the_print_view_is_the_page_alone(visit, path):
    page = visit(path, LIGHT).page
    page.emulate_media(media="print")
    shown = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
    assert not shown
    assert page.locator("article h1").is_visible()


def test_a_printed_earlier_version_still_says_it_is_not_current(visit):
    page = visit("social-media/1.0/policy/", LIGHT).page
    banner = page.locator("[data-version-banner]")
    banner.wait_for(state="visible", timeout=5000)
    page.emulate_media(media="print")
    assert banner.is_visible()


def test_printed_links_to_other_sites_show_their_address(visit):
    page = visit("owners/how-to-change/", LIGHT).page
    page.emulate_media(media="print")
    link = page.locator("article a[href^='http']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    inside = page.locator("article a[href^='../']").first
    assert inside.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")


def test_every_published_version_keeps_its_pdfs_linked_from_its_pages(published):
    """`make publish` prints each version's policy and quick card into the version's folder,
    where they stay as the version does (test_publish.py: never a byte changed)."""
    for folder in published.trees[-1]:  # every version ever published: social-media/1.0, ...
        slug, version = folder.split("/")
        title = published.repo.git("show", f"{slug}/{version}:policy_source/{slug}/policy.md")
        title = next(line for line in title.splitlines() if line.startswith("title: "))[7:]
        for page, printed in PRINTED_PAGES:
            name = pdf_name(slug, printed, version)
            path = published.exported / folder / name
            assert path.is_file(), f"{folder} was published without {name}"
            assert f"{title}, version {version}." in pdf_text(path)  # the running footer
            html = (published.exported / folder / page / "index.html").read_text(encoding="utf-8")
            links = [a["href"] for a in BeautifulSoup(html, "html.parser").select("article a")]
            assert f"../{name}" in links, f"{folder}/{page} does not link to {name}"
