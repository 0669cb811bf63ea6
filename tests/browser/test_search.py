"""Search in a real browser: staff type a few words and land on the answer or the rule,
from any page, across the whole library (Pagefind's index of every policy's current version).
Each result is an answer: the question or clause itself, opening at its heading.

A reader types the distinctive words of what they remember, not the common ones every page
shares. So each query here is the three words of a question or rule that occur on the fewest
of the pages search covers.
"""

from __future__ import annotations

import collections
import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser.pages import published_pages
from policy_guide.domain.loader import load_library

#: Words a reader leaves out, and search ignores.
COMMON = set("""a an and are as at be but by can do does for from have how i if in is it its may
me my of on or our should so that the their them they this to use using we what when where which
who will with you your""".split())

#: Each result's address: the answer itself, a section of a page, opening at its heading.
RESULTS = """() => [...document.querySelectorAll('.md-search-result__link')]
  .map(a => new URL(a.href).pathname + new URL(a.href).hash)"""
META = ".md-search-result__meta"
#: Where each result is: its page and policy.
WHERE = """() => [...document.querySelectorAll('.md-search-result__item .library-search__where')]
  .map(line => line.textContent)"""


@pytest.fixture(scope="module")
def published_policy(published):
    """The policy as the published copy has it (its 1.1 rewords one clause)."""
    return load_library(published.project.root / "policy_source").policies["social-media"]


@pytest.fixture(scope="module")
def rarity(published):
    """How many of the pages search covers each word appears in."""
    counts = collections.Counter()
    for address in published_pages():
        html = (published.exported / address / "index.html").read_text(encoding="utf-8")
        part = BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body]")
        if part is not None:
            counts.update(set(re.findall(r"[a-z']+", part.get_text(" ").lower())))
    return counts


def distinctive_words(text: str, rarity, how_many: int = 3) -> str:
    words = [word for word in re.findall(r"[A-Za-z']+", text) if word.lower() not in COMMON]
    return " ".join(sorted(words, key=lambda word: rarity[word.lower()])[:how_many])


class SearchBox:
    def __init__(self, page):
        self.page = page
        self.box = page.locator(".md-search__input")

    def search(self, words: str) -> list[str]:
        """Type `words` as a person would; the address of each result, in order."""
        self.box.fill(words[:-1])
        self.box.press(words[-1])  # Material searches on key presses, so the last is typed
        expect(self.page.locator(META)).to_have_text(re.compile("matched"), timeout=30_000)
        return self.page.evaluate(RESULTS)

    def clear(self) -> None:
        self.box.fill("x")
        self.box.press("Backspace")
        expect(self.page.locator(META)).not_to_have_text(re.compile("matched"),
                                                         timeout=30_000)


@pytest.fixture(scope="module")
def search(browser, published_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{published_url}social-media/current/")
    page.locator(".md-search__input").click()
    expect(page.locator(META)).to_have_text(re.compile("^Type"), timeout=30_000)
    box = SearchBox(page)
    yield box
    context.close()


#: "Near the top": the results a phone shows without scrolling. (A question whose only
#: distinctive words are the policy's own name, such as "Can I use social media at work?",
#: ranks fourth, after the policy, its home page and its quick guide.)
NEAR_THE_TOP = 5


def test_words_from_each_question_find_that_answer_near_the_top(search, published_policy, rarity):
    """The questions page is among the first results, opening at that very question."""
    missed = []
    question = "/social-media/current/faqs/#{}"
    for faq in published_policy.faqs.items:
        words = distinctive_words(faq.question, rarity)
        search.clear()
        shown = search.search(words)[:NEAR_THE_TOP]
        if question.format(faq.anchor) not in shown:
            missed.append(f"{words!r} showed {shown}, not {question.format(faq.anchor)}")
    assert not missed, "\n".join(missed)


def test_words_from_each_rule_find_the_quick_guide_near_the_top(search, published_policy, rarity):
    missed = []
    for rule in published_policy.rules.rules:
        words = distinctive_words(rule.text, rarity)
        search.clear()
        pages = [address.split("#")[0] for address in search.search(words)[:3]]
        if "/social-media/current/quick-guide/" not in pages:
            missed.append(f"{rule.key}: {words!r} showed {pages}")
    assert not missed, "\n".join(missed)


def test_results_come_from_every_policy_and_name_it(search):
    """Searching from the Social Media Policy finds another policy's pages too."""
    search.clear()
    results = search.search("flexible working")
    places = search.page.evaluate(WHERE)
    assert any(address.startswith("/flexible-working/current/") for address in results)
    assert any(place.endswith(" - Flexible Working Policy") for place in places)
    assert all(place.endswith("Policy") or " - " not in place for place in places)


def test_a_word_nothing_contains_says_what_to_try_instead(search):
    search.clear()
    search.box.fill("zqxjv")
    search.box.press("w")
    message = search.page.locator(META)
    message.wait_for()
    expect(message).to_contain_text("Nothing matched", timeout=30_000)
    text = message.inner_text()
    assert "Try fewer words" in text and "questions and answers" in text
    assert search.page.evaluate(RESULTS) == []
