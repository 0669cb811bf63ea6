"""Any two published versions of a policy can be compared, in every part a reader relies on:
on the site (each version's "What changed" page and its comparison with every earlier
version) and with `make compare`, which prints the same. The versions are those of
tests/publishing/three_versions.py.
"""

from __future__ import annotations

import re
import sys

from bs4 import BeautifulSoup

from publishing.three_versions import run


def article(site, page: str) -> BeautifulSoup:
    html = (site / "social-media" / page / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def changed(part: BeautifulSoup, mark: str) -> str:
    """The words marked removed (del) or added (ins), without the words screen readers hear."""
    return " ".join(" ".join(tag.get_text(" ").replace("Removed:", "").replace("Added:", "")
                             .split()) for tag in part.select(mark))


def test_comparing_versions_that_are_not_neighbours_shows_every_change(three_versions):
    project, site = three_versions
    page = article(site, "compare/1.0")
    assert "Version 1.2 compared with version 1.0" in page.h1.get_text()
    assert page.select_one("[data-pagefind-body]") is None  # search finds the policy instead
    removed, added = changed(page, "del"), changed(page, "ins")
    # From 1.1: the clause, the owner, a rule, an answer and the assessment's evidence.
    assert "make clear" in removed and "say clearly in your profile" in added
    assert "Strategic Director of Corporate Resources" in removed
    assert "Director of People and Resources" in added
    assert "and spelling" in added
    assert "everyone," in removed and "every employee," in added  # an answer
    assert "and with experience." in added
    # From 1.2: a question.
    assert "outside working hours?" in added
    # Each part of the policy has its own heading, and the summary counts its changes.
    for permalink in page.select(".headerlink"):
        permalink.decompose()
    headings = [h2.get_text(" ", strip=True) for h2 in page.select("h2")]
    for part in ("Key facts", "Clauses", "Do and don't rules", "Questions and answers",
                 "Equality impact assessment"):
        assert part in headings
    summary = {row.select("td")[0].get_text(strip=True): row.select("td")[1].get_text(strip=True)
               for row in page.select("table tbody tr")}
    assert summary["Do and don't rules"] == "1"
    assert summary["Questions and answers"] == "2"  # one answer, then one question


def test_what_changed_compares_with_the_version_before_and_links_to_the_others(three_versions):
    project, site = three_versions
    page = article(site, "changes")
    assert "compares version 1.2 with version 1.1" in page.get_text(" ")
    assert "outside working hours?" in changed(page, "ins")
    assert "make clear" not in page.get_text()  # a change of 1.1, not of 1.2
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("a")}
    assert links["version 1.0"] == "../compare/1.0/"


def test_changes_are_marked_without_colour_and_named_for_screen_readers(three_versions):
    project, site = three_versions
    page = article(site, "compare/1.0")
    for mark, spoken in (("del", "Removed:"), ("ins", "Added:")):
        marks = page.select(f".policy-diff-field {mark}, .policy-diff {mark}")
        assert marks and all(tag.select_one(".visually-hidden").get_text().strip() == spoken
                             for tag in marks)
    css = (site / "assets" / "stylesheets" / "policy.css").read_text(encoding="utf-8")
    assert re.search(r"\bdel \{[^}]*line-through", css)  # struck through, not only red
    assert re.search(r"\bins \{[^}]*underline", css)  # underlined, not only green


def test_make_compare_prints_the_same_changes(three_versions):
    project, site = three_versions
    result = run(project, sys.executable, "-m", "policy_guide", "compare", "social-media", "1.0", "1.1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("Social Media Policy: version 1.1 compared with version 1.0")
    assert "Owner: [-Strategic Director of Corporate Resources-] {+Director of People and " \
           "Resources+}" in text
    assert "[-make clear-] {+say clearly in your profile+}" in text
    assert "{+and spelling+}" in text
    assert "[-age.-] {+age and with experience.+}" in text
    assert "outside working hours" not in text  # that is 1.2's change
    # Without TO, the sources as they are now; FROM later than TO is put in order.
    now = run(project, sys.executable, "-m", "policy_guide", "compare", "social-media", "1.1")
    assert "version 1.2 compared with version 1.1" in now.stdout
    assert "{+Does it cover what I post outside working hours?+}" in now.stdout
    swapped = run(project, sys.executable, "-m", "policy_guide", "compare", "social-media", "1.1", "1.0")
    assert swapped.stdout == text


def test_make_compare_names_the_versions_it_can_compare(three_versions):
    project, site = three_versions
    result = run(project, sys.executable, "-m", "policy_guide", "compare", "social-media", "0.9")
    assert result.returncode == 1
    assert "Version 0.9 of the Social Media Policy has not been published" in result.stderr
    assert "'1.0'" in result.stderr and "'1.1'" in result.stderr
    assert "Traceback" not in result.stderr
