"""A broken change stops the whole build with a plain message and publishes nothing.

Each case breaks a copy of the project, runs the same build `make build` runs, and checks:
the build fails, the message names the file (and line) and how to fix it, no Python
traceback is shown, and the previous site/ is exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

POLICY = "policy_source/social-media"


def previous_site(parent: Path) -> Path:
    site = parent / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    return site


def assert_failed_cleanly(result, site: Path, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for words in expected:
        assert words in output, output
    assert [p.name for p in site.iterdir()] == ["index.html"], "site/ was changed"
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert [p.name for p in site.parent.iterdir() if p.name != "project"] == ["site"], \
        "a half-built folder was left behind"
    return output


def test_a_source_mistake_stops_the_build_at_its_line(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/rules.yml", "clause: account-security",
                           "clause: acount-security")
    result = project.build(site)
    assert_failed_cleanly(result, site, f"{POLICY}/rules.yml, line {line}",
                          "Did you mean 'account-security'", "How to fix")


def test_an_undefined_variable_in_a_page_stops_the_build(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.append("docs/glossary.md",
                          "\nOwned by the {{ polcy('social-media').meta.owner }}.\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, f"docs/glossary.md, line {line}",
                          "'polcy' is not a macro or variable", "Did you mean 'policy'")


def test_broken_template_code_in_a_page_stops_the_build(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.append("docs/glossary.md", "\n{{ glossary( }}\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, f"docs/glossary.md, line {line}",
                          "template code here is broken")


def test_a_wrong_macro_argument_in_a_page_stops_the_build(project, tmp_path):
    site = previous_site(tmp_path)
    project.replace("docs/includes/policy/quick-guide.md", "{{ checklist() }}",
                    "{{ checklist('personal') }}")
    result = project.build(site)
    assert_failed_cleanly(result, site, "docs/includes/policy/quick-guide.md (on the Social "
                          "Media Policy's pages)",
                          "no rule context 'personal'", "Did you mean 'personal-use'")


@pytest.mark.parametrize("link, reported", [
    ("[the rules](social-media/quick-guide.md#no-such-part)",
     "does not contain an anchor '#no-such-part'"),
    ("[the rules](no-such-page.md)", "no-such-page.md"),
    ('<a href="../social-media/quick-guide/#no-such-part">raw HTML link</a>',
     "glossary/index.html: social-media/quick-guide#no-such-part"),
    ('<a href="../no-such-page/">raw HTML link</a>', "glossary/index.html: no-such-page"),
])
def test_a_link_to_a_missing_page_or_anchor_stops_the_build(project, tmp_path, link, reported):
    site = previous_site(tmp_path)
    project.append("docs/glossary.md", f"\nSee {link}.\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, reported)


def test_a_broken_link_in_macro_output_stops_the_build(project, tmp_path):
    """Links a macro writes as raw HTML are checked in the built page too."""
    site = previous_site(tmp_path)
    project.append("docs/glossary.md", "\nSee the {{ library_link('no-such-page/', 'x') }}.\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, "glossary/index.html: no-such-page")


def test_a_policy_without_rules_for_residents_has_no_house_rules_page(project, tmp_path):
    """A policy's pages come from its sources: no residents' rules, no residents' page."""
    site = tmp_path / "site"
    rules = project.path(f"{POLICY}/rules.yml")
    text = rules.read_text(encoding="utf-8").replace("audience: residents", "audience: staff")
    rules.write_text(text, encoding="utf-8")
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "social-media" / "quick-guide" / "index.html").is_file()
    assert not (site / "social-media" / "house-rules").exists()


def test_unsafe_html_in_the_faqs_stops_the_build(project, tmp_path):
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/faqs.md", "Yes, if you are a Council employee.",
                           "Yes. <iframe src=\"https://example.org\"></iframe>")
    result = project.build(site)
    assert_failed_cleanly(result, site, f"{POLICY}/faqs.md, line {line}", "<iframe>")


def test_a_good_build_replaces_the_previous_site(project, tmp_path):
    site = previous_site(tmp_path)
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "social-media" / "policy" / "index.html").is_file()
    assert "previous good build" not in (site / "index.html").read_text(encoding="utf-8")
