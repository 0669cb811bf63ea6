"""`make import`: a draft imported from Word builds at once, strictly, with the rest of the
library, and nothing of the import report is published (tests/unit/test_word_import.py tests
the import itself)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import command, copy_project
from word import HOSTILE, long_policy, structured


@pytest.fixture(scope="module")
def built_import(tmp_path_factory):
    parent = tmp_path_factory.mktemp("word")
    project = copy_project(parent / "project")
    for name, make in (("flexible-working", long_policy), ("dignity-at-work", structured)):
        result = command(project.root, "import", str(make(parent / f"{name}.docx")),
                         "--name", name)
        assert result.returncode == 0, result.stderr
    built = project.build(parent / "site")
    return project, built, parent / "site"


def test_the_imported_drafts_build_strictly_with_the_library(built_import):
    project, built, site = built_import
    assert built.returncode == 0, built.stdout + built.stderr
    checked = command(project.root, "check")
    assert checked.returncode == 0, checked.stderr
    assert "flexible-working: Flexible Working Policy version 0.1 (draft) is valid: " \
           "9 sections" in checked.stdout
    assert not [path for path in site.rglob("*") if "import-report" in path.name]


def test_an_imported_page_shows_the_words_tables_links_and_notes_of_the_word_file(built_import):
    project, built, site = built_import
    page = LexborHTMLParser((site / "dignity-at-work" / "policy" / "index.html").read_text())
    headings = [node.text(deep=True).replace("¶", "").strip() for node in page.css("h2, h3")]
    assert headings[:4] == ["1. Purpose", "1.1 Everyone has the right to be treated",
                            "2. Scope", "2.1 It covers these people"]
    cells = [node.text().strip() for node in page.css("table td")]
    assert cells[:3] == ["Bullying", "Shouting at someone", "Your manager Human Resources"]
    link = page.css_first('a[href="https://www.acas.org.uk/bullying"]')
    assert link is not None and link.text() == "ACAS guide"
    note = page.css_first("div.footnote li")
    assert note.text().strip().startswith("Agency workers are covered by their agency's policy too.")
    back = note.css_first("a.footnote-backref")
    assert back.text() == "Back to the text"
    assert page.css_first(back.attributes["href"].replace(":", "\\:")) is not None


def test_word_text_is_shown_as_text_never_as_markup_or_script(built_import):
    project, built, site = built_import
    page = LexborHTMLParser((site / "dignity-at-work" / "policy" / "index.html").read_text())
    content = page.css_first("article")
    assert HOSTILE in " ".join(content.text(deep=True).split())
    assert not [node for node in content.css("script, b, [onclick], #not-an-anchor")]
    assert not content.css('a[href="https://example.invalid"]')
    assert "Roles & responsibilities" in [node.text(deep=True).replace("¶", "").strip()
                                          for node in content.css("h2")][2]
