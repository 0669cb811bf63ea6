"""A broken change stops the whole build with a plain message and publishes nothing.

Each case breaks a copy of the project, runs the same build `make build` runs, and checks:
the build fails, the message names the file (and line) and how to fix it, no Python
traceback is shown, and the previous site/ is exactly as it was.
"""

from __future__ import annotations

import shutil

import pytest

from broken import assert_failed_cleanly, previous_site

POLICY = "policy_source/social-media"


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
    # MkDocs reports this one if the policy is built in the same share as the glossary, and
    # the link check (as for raw HTML) if another share builds it; both name the anchor.
    ("[the rules](social-media/quick-guide.md#no-such-part)", ("quick-guide", "#no-such-part")),
    ("[the rules](no-such-page.md)", "no-such-page.md"),
    ('<a href="../social-media/quick-guide/#no-such-part">raw HTML link</a>',
     "glossary/index.html: social-media/quick-guide#no-such-part"),
    ('<a href="../no-such-page/">raw HTML link</a>', "glossary/index.html: no-such-page"),
])
def test_a_link_to_a_missing_page_or_anchor_stops_the_build(project, tmp_path, link, reported):
    site = previous_site(tmp_path)
    project.append("docs/glossary.md", f"\nSee {link}.\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, *([reported] if isinstance(reported, str) else reported))


def test_a_broken_link_in_macro_output_stops_the_build(project, tmp_path):
    """Links a macro writes as raw HTML are checked in the built page too."""
    site = previous_site(tmp_path)
    project.append("docs/glossary.md", "\nSee the {{ library_link('no-such-page/', 'x') }}.\n")
    result = project.build(site)
    assert_failed_cleanly(result, site, "glossary/index.html: no-such-page")


@pytest.mark.parametrize("name", ["glossary", "accessibility", "pagefind"])
def test_a_policy_folder_named_like_the_guides_own_pages_stops_the_build(project, tmp_path,
                                                                         name):
    shutil.copytree(project.path("policy_source/social-media"),
                    project.path(f"policy_source/{name}"))
    site = previous_site(tmp_path)
    assert_failed_cleanly(project.build(site), site, f"policy_source/{name}",
                          "uses for its own pages", f"'{name}-policy'")


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


#: Unsafe things written in a policy's sources: (file, text replaced, replacement, what the
#: message names, the line's distance from the edit). The last three get past a check that
#: reads the source without the site's Markdown extensions; the check reads the HTML.
UNSAFE = {
    "a script tag": (
        "faqs.md", "Yes, if you are a Council employee.",
        "Yes, if you are a Council employee. <script>alert(1)</script>", "<script>", 0),
    "an iframe": (
        "policy.md", "This policy applies to all Council employees.",
        '<iframe src="https://example.org"></iframe>\n\nThis policy applies.', "<iframe>", 0),
    "an event handler": (
        "faqs.md", "Yes, if you are a Council employee.",
        '<span onclick="steal()">Yes</span>, if you are a Council employee.', "'onclick'", 0),
    "a javascript: link": (
        "faqs.md", "Yes, if you are a Council employee.",
        "Yes, if you are a [Council](javascript:alert(1)) employee.", "'javascript:'", 0),
    "unsafe HTML in a rule": (
        "rules.yml", "text: Keep a record of abuse, such as dated screenshots.",
        'text: Keep a record <img src=x onerror="alert(1)">', "'onerror'", 0),
    "an image from another website": (
        "eia.md", "## What was assessed",
        "## What was assessed\n\n![logo](https://cdn.example.org/x.png)", "another website", 2),
    "an event handler from an attribute list": (
        "policy.md", "same for everyone.\n",
        'same for everyone.\n{: onmouseover="steal()" }\n', "'onmouseover'", 1),
    "a javascript: link inside an HTML block": (
        "faqs.md", "Yes, if you are a Council employee.",
        '<div markdown>Yes, see [this](javascript:steal()).</div>', "'javascript:'", 0),
    "a link whose attribute list adds a handler": (
        "faqs.md", "Yes, if you are a Council employee.",
        "Yes, if you are a [Council](policy.md){ onclick=\"steal()\" } employee.",
        "'onclick'", 0),
}


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_content_stops_the_build_at_its_source_line(project, tmp_path, name):
    file, old, new, named, offset = UNSAFE[name]
    site = previous_site(tmp_path)
    line = project.replace(f"{POLICY}/{file}", old, new)
    result = project.build(site)
    assert_failed_cleanly(result, site, f"{POLICY}/{file}, line {line + offset}", named,
                          "How to fix")


def test_a_good_build_replaces_the_previous_site(project, tmp_path):
    site = previous_site(tmp_path)
    result = project.build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "social-media" / "policy" / "index.html").is_file()
    assert "previous good build" not in (site / "index.html").read_text(encoding="utf-8")
