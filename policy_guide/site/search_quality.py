"""How well the library's search answers staff, asked the way staff ask: each question of a
set (tests/search/questions.yml) is typed into the search box of the built site in a real
browser, and the first three results are compared with the answers that count as right.

The browser tests require a right answer among the first three for at least 90% of the
questions and some answer for every one; `make search-quality` prints the score and every
miss with what came first instead, so owners can see where a staff word would help
(policy_source/staff-words.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

#: How many results count as "near the top": what a phone shows without scrolling.
TOP = 3
#: The share of questions that must have a right answer in the first TOP results.
TARGET = 0.9

#: A policy page's address without its version: social-media/current/faqs/ and
#: social-media/1.2/faqs/ are both social-media/faqs/.
_VERSION = re.compile(r"^([^/]+)/(?:current|\d+(?:\.\d+)*)/")
#: Each result's address, relative to the site, in the order shown.
_RESULTS = """root => [...document.querySelectorAll('.library-search .md-search-result__link')]
  .map(link => { const url = new URL(link.href);
                 return url.pathname.slice(new URL(root).pathname.length) + url.hash; })"""
_META = ".md-search-result__meta"


class QuestionsError(Exception):
    """The question set cannot be read; the message says why."""


@dataclass(frozen=True)
class Question:
    ask: str
    right: tuple[str, ...]  # addresses without the version, such as social-media/faqs/#own-time


@dataclass(frozen=True)
class Answer:
    question: Question
    shown: tuple[str, ...]  # every result's address, without the version, in order
    partial: bool  # no page had every word: the results have some of them

    @property
    def right(self) -> bool:
        return any(address in self.question.right for address in self.shown[:TOP])

    @property
    def empty(self) -> bool:
        return not self.shown


def load_questions(path: Path) -> list[Question]:
    """The question set: a YAML list of {ask: ..., right: [address, ...]}."""
    if not path.is_file():
        raise QuestionsError(f"There is no question set at {path}. Name the file with "
                             "--questions, or run from the project's folder.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise QuestionsError(f"{path} cannot be read as YAML: {error}") from None
    if not isinstance(data, list) or not data:
        raise QuestionsError(f"{path} should be a list of questions, each with 'ask:' and "
                             "'right:'.")
    questions = []
    for number, item in enumerate(data, start=1):
        if (not isinstance(item, dict) or not isinstance(item.get("ask"), str)
                or not isinstance(item.get("right"), list) or not item["right"]):
            raise QuestionsError(f"{path}, question {number}: give the words under 'ask:' "
                                 "and a list of right answers under 'right:'.")
        questions.append(Question(item["ask"], tuple(str(right) for right in item["right"])))
    return questions


def unversioned(address: str) -> str:
    return _VERSION.sub(r"\1/", address)


def ask(page, root: str, question: Question) -> Answer:
    """Type the question into the open search box of `page` (a Playwright page of the site
    at `root`) as a person would, and read the results."""
    from playwright.sync_api import expect

    box = page.locator(".library-search .md-search__input")
    box.fill("")
    expect(page.locator(_META)).not_to_have_text(re.compile("matched"), timeout=30_000)
    # The whole question at once, as pasted: one search, so the results read are its own,
    # never a search for the words typed so far.
    box.fill(question.ask)
    expect(page.locator(_META)).to_have_text(re.compile("matched"), timeout=30_000)
    meta = page.locator(_META).inner_text()
    shown = tuple(unversioned(address) for address in page.evaluate(_RESULTS, root))
    return Answer(question, shown, meta.startswith("No page has all"))


def ask_all(browser, root: str, questions: list[Question]) -> list[Answer]:
    """Every question, in one tab opened at the library's home, `root`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(root)
        page.locator(".library-search .md-search__input").click()
        return [ask(page, root, question) for question in questions]
    finally:
        context.close()


def score(answers: list[Answer]) -> float:
    return sum(answer.right for answer in answers) / len(answers) if answers else 0.0


def report(answers: list[Answer]) -> str:
    """The score, then each question without a right answer near the top, with what came
    first instead."""
    right = sum(answer.right for answer in answers)
    empty = [answer for answer in answers if answer.empty]
    lines = [f"Search found a right answer in the first {TOP} results for {right} of "
             f"{len(answers)} questions ({score(answers):.0%}; the target is {TARGET:.0%}), "
             f"and nothing at all for {len(empty)}."]
    for answer in answers:
        if answer.right:
            continue
        first = ", ".join(answer.shown[:TOP]) or "nothing"
        lines += ["", f"  '{answer.question.ask}'",
                  f"    came first: {first}" + (" (no page had all its words)"
                                                if answer.partial else ""),
                  f"    right: {', '.join(answer.question.right)}"]
    if right < len(answers):
        lines += ["", "A staff word in policy_source/staff-words.yml can help when staff use a "
                      "word the policy does not."]
    return "\n".join(lines)
