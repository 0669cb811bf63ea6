"""Abbreviations: explained on hover on every page, from policy_source/glossary.yml."""

import re

from bs4 import BeautifulSoup

#: Capitals that are not abbreviations: rule codes such as CA-01 and words in capitals.
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z](?![-\w])")
_NOT_ABBREVIATIONS = {"AA", "YYYY", "MM", "DD"}  # WCAG level AA; date patterns in examples


def articles(site):
    for path in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is not None:
            yield path.parent.relative_to(site).as_posix(), article


def test_every_abbreviation_on_every_page_is_explained_on_hover(built):
    meanings = built.library.glossary.meanings()
    for page, article in articles(built.site):
        for code in article.select("code, pre, .rule-ref"):
            code.decompose()
        explained = {abbr.get_text(): abbr.get("title") for abbr in article.select("abbr")}
        for abbr in article.select("abbr"):
            abbr.decompose()
        unexplained = set(_ABBREVIATION.findall(article.get_text(" "))) - _NOT_ABBREVIATIONS
        assert not unexplained, (f"{page} uses {sorted(unexplained)}: add them to "
                                 "policy_source/glossary.yml")
        for short, title in explained.items():
            assert title == meanings[short], page


def test_every_glossary_entry_is_used_somewhere(site, library):
    used = {abbr.get_text() for page, article in articles(site) if page != "glossary"
            for abbr in article.select("abbr")}
    unused = set(library.glossary.meanings()) - used
    assert not unused, f"{sorted(unused)} are in glossary.yml but no page uses them"


def test_the_glossary_page_lists_every_abbreviation(site, library):
    text = BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one("article")
    terms = [dt.get_text(strip=True) for dt in text.select("dt")]
    assert terms == sorted(library.glossary.meanings())
