"""The domain rules that keep any source from holding the build up or showing readers other
words than reviewers saw, at the loader (whole builds of the same kinds are in
tests/build/test_owner_text.py): each is refused with the file, the line and a short quote.
"""

from __future__ import annotations

import shutil

import pytest

from policy_guide.domain.errors import SourceError
from policy_guide.domain.loader import load_library
from policy_guide.domain.structure import links, quoted_number

POLICY = "policy_source/social-media"


def refused(project) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    return caught.value


def test_a_file_over_the_limit_is_refused_with_the_limit_named(project):
    project.replace("policy_source/library.yml", "source_file_kb: 1024", "source_file_kb: 16")
    project.append(f"{POLICY}/faqs.md", "\n" + "x" * 20_000 + "\n")
    error = refused(project)
    assert error.path == f"{POLICY}/faqs.md"
    assert "more than the 16 KB a source file may be" in error.problem


def test_yaml_aliases_are_refused_at_the_first_anchor(project):
    line = project.replace(f"{POLICY}/rules.yml", "rules:\n",
                           "rules:\n  - &copy {id: AB-90}\n  - *copy\n")
    error = refused(project)
    assert (error.path, error.line) == (f"{POLICY}/rules.yml", line + 1)
    assert "anchor or alias" in error.problem


def test_yaml_nested_without_end_is_refused_before_it_is_built(project):
    project.append(f"{POLICY}/history.yml", "\n- version: " + "[" * 10_000 + "]" * 10_000 + "\n")
    error = refused(project)
    assert "nested more than 16 deep" in error.problem


@pytest.mark.parametrize("nested", [
    "<div markdown>" * 30 + "x" + "</div>" * 30,
    "".join("    " * level + "- item\n" for level in range(30)),
    "> " * 30 + "quoted",
])
def test_markdown_nested_deeper_than_the_limit_is_refused(project, nested):
    line = project.replace(f"{POLICY}/eia.md", "## What was assessed",
                           "## What was assessed\n\n" + nested)
    error = refused(project)
    assert error.path == f"{POLICY}/eia.md" and error.line >= line + 2
    assert "nested more than 20 deep" in error.problem


def test_an_abbreviation_defined_in_a_page_is_sent_to_the_glossary(project):
    line = project.append(f"{POLICY}/faqs.md", "\n*[HR]: Human Resources\n")
    error = refused(project)
    assert (error.path, error.line) == (f"{POLICY}/faqs.md", line)
    assert "glossary.yml" in error.fix


@pytest.mark.parametrize("file, old, new", [
    (f"{POLICY}/rules.yml", "Keep a record of abuse", "Keep a \u202erecord of abuse"),
    ("policy_source/glossary.yml", "Equality Impact Assessment",
     "Equality \u2067Impact Assessment"),
])
def test_a_character_that_reorders_text_is_refused_in_any_source(project, file, old, new):
    line = project.replace(file, old, new)
    error = refused(project)
    assert (error.path, error.line) == (file, line)
    assert "different order" in error.problem


def test_an_invisible_character_in_an_anchor_is_named(project):
    line = project.replace(f"{POLICY}/policy.md", "{#who-it-covers}", "{#who-it\u200b-covers}")
    error = refused(project)
    assert (error.path, error.line) == (f"{POLICY}/policy.md", line)
    assert "U+200B ZERO WIDTH SPACE" in error.problem


@pytest.mark.parametrize("folder, suggested", [
    ('hr"onload="x', "hr-onload-x"), ("Flexible Working", "flexible-working"),
    ("2024-pay", "pay"),
])
def test_a_folder_name_that_is_not_a_plain_name_is_refused_with_one_to_use(project, folder,
                                                                         suggested):
    shutil.copytree(project.path(POLICY), project.path(f"policy_source/{folder}"))
    error = refused(project)
    assert "cannot be a policy's folder name" in error.problem
    assert f"'{suggested}'" in error.fix


def test_a_long_bad_value_is_quoted_short(project):
    project.replace(f"{POLICY}/rules.yml", "kind: do\n", "kind: " + "do " * 5_000 + "\n")
    error = refused(project)
    assert "not one of the allowed values" in error.problem
    assert len(str(error)) < 600


def test_links_are_read_whatever_brackets_surround_them():
    """The link pattern reads a line of many '[' once, and still finds every link."""
    found = list(links("[" * 5_000 + " [clause 2.1](policy.md#a) and [6.2](#b) ]]", 1))
    assert [(text, target) for _, text, target in found] == [("clause 2.1", "policy.md#a"),
                                                             ("6.2", "#b")]


@pytest.mark.parametrize("words, number", [
    ("clause 6.2", "6.2"), ("Section 6", "6"), ("paragraph 4.2", "4.2"),
    ("6.2 Saying where you work", "6.2"), ("1. Purpose", "1"),
    ("clauses 6.1 and 6.3", None), ("Read it in version 1.0", None), ("the policy", None),
])
def test_the_clause_number_a_links_words_give(words, number):
    assert quoted_number(words) == number
