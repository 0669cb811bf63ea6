"""The staff question set (tests/search/questions.yml) that search is measured against: every
right answer is an address that exists, so a renamed anchor cannot quietly turn a right
answer into a miss; and a broken set gets a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from policy_guide.domain.loader import load_library
from policy_guide.site.search_quality import QuestionsError, load_questions

QUESTIONS = ROOT / "tests" / "search" / "questions.yml"
ADDRESS = re.compile(r"^(?P<slug>[a-z0-9-]+)/(?:(?P<page>[a-z-]+)/)?#(?P<anchor>[a-z0-9-]+)$")


def test_the_set_is_big_enough_to_keep_search_honest():
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 40
    assert len({question.ask.lower() for question in questions}) == len(questions)


def test_every_right_answer_is_an_address_that_exists():
    library = load_library(ROOT / "policy_source")
    for question in load_questions(QUESTIONS):
        for address in question.right:
            found = ADDRESS.match(address)
            assert found, f"{question.ask!r}: {address!r} is not <policy>/<page>/#<anchor>"
            policy = library.policies[found["slug"]]
            anchors = {
                "policy": set(policy.anchors),
                "faqs": {faq.anchor for faq in policy.faqs.items},
                "quick-guide": {f"{context.key}{end}" for context in policy.rules.contexts
                                for end in ("-do", "-dont")},
                None: {re.sub(r"[^a-z0-9]+", "-", policy.meta.title.lower()).strip("-")},
            }[found["page"]]
            assert found["anchor"] in anchors, f"{question.ask!r}: {address} does not exist"


@pytest.mark.parametrize("text, says", [
    ("- ask: what is abuse\n", "a list of right answers under 'right:'"),
    ("ask: what is abuse\n", "should be a list of questions"),
    ("- ask: [unclosed\n", "cannot be read as YAML"),
])
def test_a_broken_question_set_says_what_is_wrong(tmp_path: Path, text: str, says: str):
    broken = tmp_path / "questions.yml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(QuestionsError) as caught:
        load_questions(broken)
    assert says in str(caught.value)
