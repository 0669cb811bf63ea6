"""References between policies in a built library: shown with the other policy's words,
leading to its clause, and listed on the page of the policy referred to; the build's own
link check follows each (tests/unit/test_references.py tests the rules)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from two_policies import with_second_policy


def test_references_are_links_both_ways_in_the_built_library(tmp_path):
    project, line = with_second_policy(tmp_path, "[](policy:flexible-working#who-it-covers)")
    project.replace("policy_source/flexible-working/faqs.md", "See [clause 2.1]",
                    "The [](policy:social-media) covers posts about work. See [clause 2.1]")
    built = project.build(tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    page = LexborHTMLParser((site / "social-media" / "policy" / "index.html").read_text())
    link = page.css_first('a[href="../../flexible-working/policy/#who-it-covers"]')
    assert link is not None and link.text() == "Flexible Working Policy, clause 2.1"
    answer = LexborHTMLParser((site / "flexible-working" / "faqs" / "index.html").read_text())
    whole = answer.css_first('a[href="../../social-media/"]')
    assert whole is not None and whole.text() == "Social Media Policy"
    listed = LexborHTMLParser((site / "flexible-working" / "policy" / "index.html").read_text())
    section = listed.css_first("section.referred-by")
    assert section.css_first("h2").text() == "Other policies that refer to this one"
    assert "These policies refer to this one:" in section.text()
    [item] = section.css("li")
    assert item.css_first("a").attributes["href"].startswith("../../social-media/policy/#")
    assert item.text().startswith("Social Media Policy, clause 6.1")
    assert item.text().endswith("(about clause 2.1)")
