"""Search answers staff in their own words, in a real browser on the built site: the
question set in tests/search/questions.yml scores at least 90% with a right answer among the
first three results and never comes back empty; and the ways it gets there each work."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from policy_guide.site.search_quality import TARGET, ask_all, load_questions, report, score

QUESTIONS = ROOT / "tests" / "search" / "questions.yml"
META = ".library-search .md-search-result__meta"


def test_staff_questions_find_a_right_answer_near_the_top(browser, preview_url):
    answers = ask_all(browser, preview_url, load_questions(QUESTIONS))
    assert not [answer for answer in answers if answer.empty], report(answers)
    assert score(answers) >= TARGET, report(answers)


@pytest.fixture
def searching(browser, preview_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(preview_url)
    page.locator(".library-search .md-search__input").click()
    yield page
    context.close()


def search(page, words: str) -> str:
    box = page.locator(".library-search .md-search__input")
    box.fill("")
    expect(page.locator(META)).not_to_have_text(re.compile("matched"), timeout=30_000)
    box.fill(words)
    expect(page.locator(META)).to_have_text(re.compile("matched"), timeout=30_000)
    return page.locator(META).inner_text()


def test_a_word_the_library_lacks_still_gets_the_pages_with_the_rest(searching):
    """'zebra' is nowhere in the library: the pages with the other words answer, and the
    reader is told they do not have every word."""
    said = search(searching, "zebra crossing near the office break room")
    assert said.startswith("No page has all of your words. These have some of them.")
    assert searching.locator(".library-search .md-search-result__link").count() > 0


def test_common_words_are_not_required_or_highlighted(searching):
    search(searching, "can I use my phone at work")
    marked = {mark.lower() for mark in
              searching.locator(".library-search .md-search-result__teaser mark").all_inner_texts()}
    assert marked and not marked & {"can", "i", "my", "at"}


def test_a_staff_word_finds_the_policys_word(searching, preview_url):
    """'DM' is not in the policy; staff-words.yml says it means a direct message."""
    search(searching, "DM")
    first = searching.locator(".library-search .md-search-result__link").first
    assert "direct message" in first.inner_text().lower()


def test_a_result_is_the_answer_named_with_its_policy_and_clause(searching, preview_url):
    search(searching, "friend request from someone I support")
    first = searching.locator(".library-search .md-search-result__link").first
    assert first.get_attribute("href").endswith("faqs/#friend-requests")
    assert "Social Media Policy" in first.locator(".library-search__where").inner_text()
    search(searching, "strong passwords sign-in checks")
    clause = searching.locator(".library-search .md-search-result__link",
                               has=searching.locator("h1", has_text="5.3 Keeping accounts secure"))
    expect(clause).to_have_count(1)
    assert "Social Media Policy" in clause.inner_text()


def test_the_owners_pages_answer_after_the_policies_under_their_own_heading(searching):
    search(searching, "release a new version history")
    heading = searching.locator(".library-search__owners")
    expect(heading).to_be_visible()
    expect(heading).to_have_text("For people who edit the guide")
    staff = searching.locator(".library-search .md-search-result__list").first
    owners_links = searching.locator(".library-search .md-search-result__list").nth(1)
    assert all("/owners/" not in href for href in staff.locator("a").evaluate_all(
        "links => links.map(a => a.href)"))
    assert owners_links.locator("a").count() > 0


def test_the_published_library_has_its_staff_words_too(browser, published_url):
    """Beside the published search index: a staff word finds the policy's word there."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{published_url}social-media/current/")
    page.locator(".library-search .md-search__input").click()
    search(page, "DM")
    first = page.locator(".library-search .md-search-result__link").first.inner_text()
    context.close()
    assert "direct message" in first.lower()


def test_make_search_quality_prints_the_score_and_each_miss(site):
    """The owners' command, on the built site: the score line, then each miss with what came
    first and what would have been right."""
    ran = subprocess.run([sys.executable, "-m", "policy_guide", "search-quality", "--site-dir",
                          str(site)], cwd=ROOT, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    first, *rest = ran.stdout.splitlines()
    assert re.match(r"Search found a right answer in the first 3 results for \d+ of \d+ "
                    r"questions \(\d+%; the target is 90%\), and nothing at all for 0\.$", first)
    misses = [line for line in rest if line.startswith("  '")]
    assert len([line for line in rest if line.startswith("    came first: ")]) == len(misses)
    assert len([line for line in rest if line.startswith("    right: ")]) == len(misses)
