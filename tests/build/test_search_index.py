"""The library's search index (Pagefind) covers what staff look for: every page of every
policy but the two that repeat others, each named with its policy, and nothing else.
Finding each question and rule in a real browser is in tests/browser/test_search.py."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from conftest import preview_pages

#: Pages whose words repeat another page's: search should find that page instead.
LEFT_OUT = ("quick-card/", "changes/")


def indexed_part(site, address: str):
    html = (site / address / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]")


def test_every_page_but_the_repeats_is_indexed_and_named_with_its_policy(built):
    slug, title = built.policy.slug, built.policy.meta.title
    for address in preview_pages(built.library):
        if not address.startswith(f"{slug}/"):
            continue
        part = indexed_part(built.site, address)
        if address.endswith(LEFT_OUT):
            assert part is None, address
            continue
        assert part is not None, f"{address} is not in the search index"
        name = part["data-pagefind-meta"].removeprefix("title:")
        assert name == title or name.endswith(f" - {title}"), address


def test_the_index_counts_every_indexed_page(site, library):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [address for address in preview_pages(library)
              if indexed_part(site, address) is not None]
    assert entry["languages"]["en"]["page_count"] == len(marked)


def test_the_quick_guide_weighs_more_and_page_furniture_is_left_out(built):
    guide = indexed_part(built.site, f"{built.url('quick-guide')}/")
    assert float(guide["data-pagefind-weight"]) > 1
    policy = indexed_part(built.site, f"{built.url('policy')}/")
    assert policy.select_one(".policy-page-facts")["data-pagefind-ignore"] is not None
    for faq in built.policy.faqs.items:  # each question is a result of its own
        heading = indexed_part(built.site, f"{built.url('faqs')}/").find(id=faq.anchor)
        assert heading is not None and heading.name.startswith("h"), faq.anchor
