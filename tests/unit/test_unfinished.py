"""What counts as still to be written (domain/unfinished.py): the template's instructions,
placeholder words and empty headings; not ordinary words that look like them."""

from pathlib import Path

import pytest

from policy_guide.domain.unfinished import empty_headings, unfinished_text

SOURCE = Path("policy.md")


@pytest.mark.parametrize("line", [
    "[To write: who must follow this policy.]",
    "Staff must [to write: the rule] before they start.",
    "The date is TBC.",
    "TODO: finish this clause.",
    "Lorem ipsum dolor sit amet.",
    "Contact [insert name of team] for help.",
    "Call XXXX for advice.",
])
def test_an_instruction_or_placeholder_is_found_at_its_line(line):
    found = unfinished_text(f"First line.\n\n{line}\n", SOURCE, first_line=10)
    assert [item.line for item in found] == [12]


@pytest.mark.parametrize("line", [
    "Keep a to-do list of the posts you plan.",
    "Write down what you still have to do.",
    "Insert the photo only with the person's consent.",
    "The TBCA is not a placeholder, nor is TODOS.",
])
def test_ordinary_words_are_not_placeholders(line):
    assert unfinished_text(line, SOURCE) == []


def test_a_heading_with_nothing_under_it_is_found_and_one_with_clauses_is_not():
    body = ("## 1. Purpose {#purpose}\n\n### 1.1 Why {#why}\n\nBecause.\n\n"
            "### 1.2 What {#what}\n\n## 2. Scope {#scope}\n\n### 2.1 Who {#who}\n\n"
            "```\n# not a heading, in a code block\n```\n\n### 2.2 Last {#last}\n")
    found = empty_headings(body, SOURCE, first_line=5)
    assert [(item.line, item.what) for item in found] == [
        (11, "the heading '1.2 What' has nothing written under it"),
        (21, "the heading '2.2 Last' has nothing written under it")]
