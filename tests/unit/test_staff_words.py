"""Staff words (policy_source/staff-words.yml): what search is given, and what counts as a
word of a policy when an entry is checked."""

from __future__ import annotations

import pytest

from policy_guide.domain.errors import SourceError
from policy_guide.domain.loader import load_library
from policy_guide.domain.models import StaffWords
from policy_guide.domain.staffwords import words


def test_search_gets_each_staff_word_in_lower_case_with_every_meaning():
    found = StaffWords.model_validate({"entries": [
        {"staff": ["DM", "Direct  Messages"], "means": "direct message"},
        {"staff": ["inbox"], "means": "Direct message"},
    ]})
    assert found.expansions() == {"dm": ["direct message"],
                                  "direct messages": ["direct message"],
                                  "inbox": ["direct message"]}


def test_the_words_of_a_policy_are_what_readers_see():
    """A link's address and a heading's anchor are not words a reader can search for."""
    assert words("See [clause 6.2](policy.md#saying-where-you-work) {#own-time} <b>Bold</b>") \
        == "see clause 6 2 bold"
    assert words("The Council\u2019s channels") == "the council's channels"


def test_an_entry_for_every_policy_is_checked_against_every_policy(project):
    project.append("policy_source/staff-words.yml",
                   "\n- staff: [tea break]\n  means: Flexible working pattern\n")
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    assert "does not occur in any policy" in caught.value.problem
    assert caught.value.line == project.path("policy_source/staff-words.yml").read_text(
        encoding="utf-8").count("\n")


def test_the_list_may_be_left_out(project):
    project.path("policy_source/staff-words.yml").unlink()
    assert load_library(project.path("policy_source")).staff_words.expansions() == {}
