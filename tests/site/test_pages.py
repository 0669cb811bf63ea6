"""The built site: what staff see on each page, checked in the HTML MkDocs wrote."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TEST_REPO_URL, docs_page_sources
from macros.checks import version_key
from macros.published import tagged_versions
from macros.render.common import long_date


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, url: str) -> BeautifulSoup:
    return page(site, url).select_one("article")


def docs_pages() -> list[str]:
    """Every page in docs/, as its built URL folder ('' for the home page)."""
    urls = [relative.with_suffix("").as_posix() for relative in docs_page_sources()]
    return ["" if url == "index" else url.removesuffix("/index") for url in urls]


@pytest.mark.parametrize("url", docs_pages())
def test_every_page_is_built_with_one_main_heading(site, url):
    assert len(article(site, url).select("h1")) == 1


def test_the_policy_page_has_every_section_and_clause(site, policy, library):
    text = article(site, "social-media/policy")
    for anchor in library.settings.required_for(policy.slug):
        assert text.select_one(f"h2#{anchor}"), anchor
    for clause in policy.clauses:
        heading = text.select_one(f"h3#{clause.anchor}")
        assert heading and heading.get_text().startswith(f"{clause.number} {clause.title}")


@pytest.mark.parametrize("url", ["social-media/quick-guide", "social-media/quick-card"])
def test_every_rule_appears_exactly_once_in_the_checklists(site, policy, url):
    text = article(site, url)
    items = text.select("li[id^=rule-]")
    assert sorted(item["id"] for item in items) == sorted(
        f"rule-{rule.key.lower()}" for rule in policy.rules.rules)
    shown = [item.get_text(" ", strip=True) for item in items]
    for rule in policy.rules.rules:
        assert sum(line.startswith(rule.text) for line in shown) == 1, rule.key


def test_each_rule_links_to_its_clause_on_the_policy_page(site, policy):
    text = article(site, "social-media/quick-guide")
    for rule in policy.rules.rules:
        link = text.select_one(f"#rule-{rule.key.lower()} .rule-ref a")
        assert link["href"] == f"../policy/#{rule.clause}", rule.key


def test_house_rules_show_the_residents_rules_only(site, policy):
    items = article(site, "social-media/house-rules").select("li[id^=rule-]")
    shown = {item["id"] for item in items}
    residents = {f"rule-{rule.key.lower()}" for rule in policy.rules.rules
                 if policy.rules.context(rule.context).audience == "residents"}
    assert shown == residents


def test_each_faq_answers_under_its_question_and_links_its_clause(site, policy):
    text = article(site, "social-media/faqs")
    for faq in policy.faqs.items:
        heading = text.select_one(f"h2#{faq.anchor}")
        assert heading.get_text().startswith(faq.question)
        answer_links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            answer_links += [a["href"] for a in sibling.select("a")]
        assert f"../policy/#{faq.clause_anchors[0]}" in answer_links, faq.question


def test_the_history_page_lists_versions_newest_first(site, policy):
    rows = article(site, "social-media/history").select("tbody tr")
    assert [row.td.get_text() for row in rows][0] == f"{policy.meta.version} (this version)"
    assert len(rows) == len(policy.history.entries)


def test_the_in_force_page_shows_the_current_version_still_in_force(site, policy):
    rows = article(site, "social-media/in-force").select("tbody tr")
    first = [cell.get_text(" ", strip=True) for cell in rows[0].select("td")]
    assert first[:3] == [policy.meta.version, long_date(policy.meta.effective_from),
                         "Still in force"]
    assert rows[0].a["href"] == "../policy/"


def test_the_changes_page_compares_with_the_last_published_version(site, policy):
    published = tagged_versions(ROOT).get(policy.slug, ())
    earlier = [v for v in published if version_key(v) < version_key(policy.meta.version)]
    text = article(site, "social-media/changes").get_text(" ", strip=True)
    if earlier:
        assert f"compares version {policy.meta.version} with version {earlier[-1]}" in text
    else:
        assert f"Version {policy.meta.version} is the first version" in text


def test_the_eia_page_has_the_outcome_and_nine_findings(site, policy):
    text = article(site, "social-media/eia")
    assert len(text.select("tbody tr")) == 9
    assert f"Outcome: {policy.eia.meta.outcome} impact" in text.get_text()


def test_the_policy_home_page_says_who_it_covers_and_what_to_do_first(site, policy):
    text = article(site, "social-media")
    headings = [h.get_text(strip=True).rstrip("¶") for h in text.select("h2")]
    assert {"Who it covers", "What to do first"} <= set(headings)
    for group in policy.meta.audience:
        assert group in text.get_text()
    assert text.select_one(".policy-summary")


def test_the_library_home_lists_every_policy_with_status_owner_and_review(site, library):
    text = article(site, "")
    headings = [h.get_text(strip=True).rstrip("¶") for h in text.select("h2")]
    assert {"Policies", "Find an answer fast"} <= set(headings)
    rows = {row.td.get_text(strip=True): [td.get_text(" ", strip=True) for td in row("td")]
            for row in text.select("tbody tr")}
    assert len(rows) == len(library.policies)
    for slug, policy in library.policies.items():
        title, version, status, owner, review = rows[policy.meta.title]
        assert (version, status.lower(), owner) == (
            policy.meta.version, policy.meta.status, policy.meta.owner)
        assert review.startswith(long_date(policy.meta.next_review))
        assert ("overdue" in review) == (dt.date.today() > policy.meta.next_review)
        link = text.find("a", string=policy.meta.title)
        assert link["href"] == f"{slug}/"


def test_the_summary_warns_when_the_review_is_overdue(site, policy):
    overdue = dt.date.today() > policy.meta.next_review
    notice = article(site, "social-media/policy").select_one(".admonition.warning")
    assert bool(notice and "Review overdue" in notice.get_text()) == overdue
    summary = article(site, "social-media/policy").select_one(".policy-summary").get_text()
    assert long_date(policy.meta.next_review) in summary


@pytest.mark.parametrize("url, source", [
    ("social-media/policy", "policy_source/social-media/policy.md"),
    ("social-media/quick-guide", "policy_source/social-media/rules.yml"),
    ("social-media/faqs", "policy_source/social-media/faqs.md"),
    ("social-media/history", "policy_source/social-media/history.yml"),
    ("owners/how-to-change", "docs/owners/how-to-change.md"),
])
def test_edit_links_open_the_file_to_change(site, url, source):
    edit = page(site, url).select_one("a[rel=edit]")
    assert edit["href"] == f"{TEST_REPO_URL}/edit/main/{source}"


def _last_commit(path: str) -> dt.date | None:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", path],
                         capture_output=True, text=True).stdout.strip()
    return dt.date.fromisoformat(out) if out else None


def test_pages_show_when_their_content_last_changed(site):
    dates = [d for d in (_last_commit("docs/social-media/policy.md"),
                         _last_commit("policy_source/social-media/policy.md")) if d]
    if not dates:
        pytest.skip("the policy files are not committed to git yet")
    footer = page(site, "social-media/policy").select_one(".md-source-file")
    shown = footer.get_text(" ", strip=True)
    assert long_date(max(dates)) in shown


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in {"http", "https"} or parts.netloc)


def test_no_page_loads_anything_from_another_site(site):
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        loaded = [tag.get("src") for tag in soup.select("[src]")]
        loaded += [tag.get("href") for tag in soup.select("link[href]")]
        offenders = [url for url in loaded if url and _external(url)]
        assert not offenders, f"{html.relative_to(site)} loads {offenders}"
        assert not soup.select("[data-md-component=source]"), "the repo widget calls an API"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "url(http" not in text and "@import url(" not in text, css.name


@pytest.mark.parametrize("url", [url for url in docs_pages() if url.startswith("social-media")])
def test_every_page_of_a_policy_shows_its_next_review_date(site, policy, url):
    facts = page(site, url).select_one(".policy-page-facts__review")
    assert facts, f"{url} does not show the next review date"
    text = facts.get_text(" ", strip=True)
    assert f"{policy.meta.title} next review due: {long_date(policy.meta.next_review)}" in text
    assert ("review overdue" in text) == (dt.date.today() > policy.meta.next_review)


def test_pages_outside_a_policy_show_no_review_date(site):
    for url in ("", "glossary", "owners/how-to-change"):
        assert not page(site, url).select_one(".policy-page-facts__review"), url
