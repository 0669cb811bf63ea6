"""The built-in search index holds every question and every rule, so staff can find them."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def entries(built) -> list[dict]:
    index = built.site / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_every_faq_question_is_a_search_result_of_its_own(entries, built):
    titles = {entry["location"]: entry["title"] for entry in entries}
    for faq in built.policy.faqs.items:
        assert titles.get(f"{built.url('faqs')}/#{faq.anchor}") == faq.question


def test_every_rule_can_be_found_in_the_quick_guide(entries, built):
    guide = " ".join(plain(e["text"]) for e in entries
                     if e["location"].startswith(f"{built.url('quick-guide')}/"))
    for rule in built.policy.rules.rules:
        assert rule.text in guide, rule.key


def test_checklist_results_say_which_context_they_belong_to(entries, built):
    titles = {entry["title"] for entry in entries
              if entry["location"].startswith(f"{built.url('quick-guide')}/#")}
    for context in built.policy.rules.contexts:
        assert f"Do: {context.title}" in titles or f"Don't: {context.title}" in titles
