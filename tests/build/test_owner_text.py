"""Owner text is data: whatever a policy's sources hold, a whole build either shows it as the
words it is, or stops with a message naming the file and line, and no source can hold the
build up. Each case is a kind of source a pull request could carry, built as `make build`
builds it, in a copy of the project.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from broken import assert_failed_cleanly, previous_site
from policy_guide.domain.loader import load_library
from policy_guide.site.layout import pages_of, page_url

POLICY = "policy_source/social-media"


def built_pages(site: Path, slug: str = "social-media") -> dict[str, LexborHTMLParser]:
    library = load_library(site.parent / "project" / "policy_source")
    return {page.name: LexborHTMLParser((site / slug / page_url(page.name) / "index.html")
                                        .read_text(encoding="utf-8"))
            for page in pages_of(library.policies[slug])}


def build(project, tmp_path) -> Path:
    site = tmp_path / "site"
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


# -- 1 and 2: plain text stays plain text, in every part of every page ----------------------

def test_a_title_holding_markup_shows_as_written_in_the_menu_title_and_review_box(
        project, tmp_path):
    title = "Social `<b>loud</b>` Media Policy"
    project.replace(f"{POLICY}/policy.md", "title: Social Media Policy", f"title: {title}")
    pages = built_pages(build(project, tmp_path))
    for name, page in pages.items():
        assert page.css("b") == [], f"the title became markup on {name}"
        assert title in page.css_first(".policy-page-facts__review").text(), name
        assert title in page.css_first(".md-nav--primary").text(), name
    assert pages["index.md"].css_first("title").text().startswith(title)
    assert pages["policy.md"].css_first("h1").text().startswith(title)


def test_a_title_of_escaped_markup_stays_text_inside_the_page_title(project, tmp_path):
    """The theme's `striptags` turned '&lt;' back into '<' inside <title>, where it could
    close the title and open a script."""
    title = "Social Media Policy &lt;/title&gt;&lt;img src=x onerror=steal()&gt;"
    project.replace(f"{POLICY}/policy.md", "title: Social Media Policy", f'title: "{title}"')
    pages = built_pages(build(project, tmp_path))
    for name, page in pages.items():
        assert len(page.css("title")) == 1, name
        assert page.css("img[onerror]") == [], name
    assert pages["index.md"].css_first("title").text().startswith(title)


@pytest.mark.parametrize("folder, suggested", [
    ('flexible"onmouseover="steal()', "flexible-onmouseover-steal"),
    ("Flexible Working", "flexible-working"),
])
def test_a_policy_folder_whose_name_is_not_a_plain_name_stops_the_build(project, tmp_path,
                                                                         folder, suggested):
    shutil.copytree(project.path(POLICY), project.path(f"policy_source/{folder}"))
    site = previous_site(tmp_path)
    assert_failed_cleanly(project.build(site), site, "cannot be a policy's folder name",
                          f"'{suggested}'")


def test_markup_in_the_version_history_is_shown_as_the_words_written(project, tmp_path):
    """history.yml is plain text: a comment holding the theme's own markup stays words on
    the page, and the theme's mends, which run after the page is rendered, cannot reach it."""
    written = '<!-- <label class="md-nav__title" for="__toc"><img src=x></label> -->'
    project.replace(f"{POLICY}/history.yml", "Ratified and in force",
                    f"{written} Ratified and in force")
    history = built_pages(build(project, tmp_path))["history.md"]
    table = history.css_first("article table")
    assert written in table.text()
    assert table.css("label, img") == []


def test_a_question_ending_with_an_open_brace_is_shown_as_written(project, tmp_path):
    """An unclosed '{' once joined the attribute list the guide adds to each question, and
    the build stopped naming another file."""
    project.replace(f"{POLICY}/faqs.md", "## Does this policy apply to me? {#does-it-apply",
                    "## Does this policy apply to me {  {#does-it-apply")
    faqs = built_pages(build(project, tmp_path))["faqs.md"]
    assert faqs.css_first("h2#does-it-apply-to-me").text().startswith(
        "Does this policy apply to me {")


# -- 3, 4 and 6: what a policy page never holds, refused at the line it was written ----------

#: (file, text replaced, replacement, what the message names, the line's distance from it)
REFUSED = {
    "a control character before javascript:": (
        "faqs.md", "Yes, if you are a Council employee.",
        'Yes, if you are a <a href="&#1;javascript:steal()">Council</a> employee.',
        "'javascript:'", 0),
    "an image on another host, written as a share": (
        "eia.md", "## What was assessed",
        '## What was assessed\n\n<img src="\\\\files.example\\share\\logo.png" alt="Logo">',
        "another website", 2),
    "a form asking for a password": (
        "faqs.md", "Yes, if you are a Council employee.",
        '<form><label for="pw">Password</label> <input type="password" id="pw"></form>',
        "a form field", 0),
    "a right-to-left override in a rule": (
        "rules.yml", "text: Keep a record of abuse, such as dated screenshots.",
        "text: Keep a record of abuse, such as \u202edated screenshots.",
        "U+202E RIGHT-TO-LEFT OVERRIDE", 0),
    "a right-to-left isolate written as an entity in an answer": (
        "faqs.md", "Yes, if you are a Council employee.",
        "Yes, if you are a &#x2067;Council employee.", "different order", 0),
    "an invisible character in an anchor": (
        "policy.md", "{#who-it-covers}", "{#who-it\u200b-covers}", "U+200B ZERO WIDTH SPACE", 0),
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_a_policy_page_never_needs_stops_the_build_at_its_line(project, tmp_path, name):
    file, old, new, named, offset = REFUSED[name]
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/{file}", old, new)
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/{file}, line {line + offset}",
                          named, "How to fix")


def test_a_character_that_reorders_text_in_the_glossary_is_named_in_the_glossary(
        project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace("policy_source/glossary.yml", "meaning: Equality Impact Assessment",
                           "meaning: Equality Impact \u2066Assessment")
    assert_failed_cleanly(project.build(site), site,
                          f"policy_source/glossary.yml, line {line}", "U+2066")


# -- 7: words and links agree, however the address is written ----------------------------------

@pytest.mark.parametrize("link, defined", [
    ("[clause 6.3](./policy.md#who-it-covers)", ""),
    ("[clause 6.3][scope]", "\n[scope]: policy.md#who-it-covers\n"),
    ('<a href="../policy/#who-it-covers">clause 6.3</a>', ""),
])
def test_a_link_whose_words_give_another_clause_stops_the_build(project, tmp_path, link,
                                                                  defined):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/faqs.md", "[clause 6.3](policy.md#behaving-responsibly)",
                           link)
    project.append(f"{POLICY}/faqs.md", defined)
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/faqs.md, line {line}",
                          "says 6.3, but it leads to clause 2.1")


# -- 5: bounded work for any source -------------------------------------------------------------

#: Eight lines that stand for 9 to the power 7 values once YAML's aliases are followed.
ALIASES = "".join(f"  - &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n"
                  for level in range(1, 8))


def test_yaml_aliases_are_refused_at_their_line(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/rules.yml", "rules:\n", "rules:\n" + "  - &l0 lol\n"
                           + ALIASES.replace("  - &l", "  - &l"))
    output = assert_failed_cleanly(project.build(site), site,
                                   f"{POLICY}/rules.yml, line {line + 1}", "YAML anchor or alias")
    assert len(output) < 5000


def test_yaml_nested_without_end_is_refused_not_crashed_on(project, tmp_path):
    site = previous_site(tmp_path)
    project.append(f"{POLICY}/history.yml", "\n- version: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/history.yml", "nested more")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project, tmp_path):
    site = previous_site(tmp_path)
    answer = "\n\n## Question {n}? {{#question-{n}}}\n\nAn answer. See [clause 2.1](policy.md#who-it-covers).\n"
    project.append(f"{POLICY}/faqs.md", "".join(answer.format(n=n) for n in range(12_000)))
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/faqs.md",
                          "more than the 1,024 KB a source file may be", "source_file_kb")


def test_a_long_bad_value_is_quoted_short(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/rules.yml", "kind: do\n", "kind: " + "do " * 20_000 + "\n")
    output = assert_failed_cleanly(project.build(site), site,
                                   f"{POLICY}/rules.yml, line {line}", "not one of the allowed")
    assert len(output) < 5000


def test_markdown_nested_hundreds_deep_is_refused_at_its_line(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/eia.md", "## What was assessed",
                           "## What was assessed\n\n" + "<div markdown>" * 600 + "x"
                           + "</div>" * 600)
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/eia.md, line {line + 2}",
                          "nested more than 20 deep")


def test_a_page_that_takes_too_long_stops_the_build_naming_its_source(project, tmp_path):
    """Some text makes the Markdown reader take minutes however short it is (here, 60 KB of
    '[' take it well over an hour). The page's time limit stops the build."""
    site = previous_site(tmp_path)
    project.replace("policy_source/library.yml", "page_seconds: 60", "page_seconds: 5")
    project.replace(f"{POLICY}/faqs.md", "Yes, if you are a Council employee.",
                    "Yes, if you are a Council employee. " + "[" * 60_000)
    assert_failed_cleanly(project.build(site), site, f"{POLICY}/faqs.md",
                          "took more than 5 seconds", "page_seconds")
