"""The built site: what staff see on each page, checked in the HTML MkDocs wrote."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TEST_REPO_URL, docs_page_sources
from policy_guide.domain.versions import version_key
from policy_guide.domain.published import tagged_versions
from policy_guide.domain.dates import long_date
from policy_guide.site.render.eia import OUTCOME_TITLES
from policy_guide.site.layout import POLICY_PAGES, Layout


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


def test_the_policy_page_has_every_section_and_clause(built):
    text = article(built.site, built.url("policy"))
    for anchor in built.library.settings.required_for(built.policy.slug):
        assert text.select_one(f"h2#{anchor}"), anchor
    for clause in built.policy.clauses:
        heading = text.select_one(f"h3#{clause.anchor}")
        assert heading and heading.get_text().startswith(f"{clause.number} {clause.title}")


@pytest.mark.parametrize("page_name", ["quick-guide", "quick-card"])
def test_every_rule_appears_exactly_once_in_the_checklists(built, page_name):
    text = article(built.site, built.url(page_name))
    rules = built.policy.rules.rules
    items = text.select("li[id^=rule-]")
    assert sorted(item["id"] for item in items) == sorted(
        f"rule-{rule.key.lower()}" for rule in rules)
    shown = [item.get_text(" ", strip=True) for item in items]
    for rule in rules:
        assert sum(line.startswith(rule.text) for line in shown) == 1, rule.key


def test_each_rule_links_to_its_clause_on_the_policy_page(built):
    text = article(built.site, built.url("quick-guide"))
    for rule in built.policy.rules.rules:
        link = text.select_one(f"#rule-{rule.key.lower()} .rule-ref a")
        assert link["href"] == f"../policy/#{rule.clause}", rule.key


def test_house_rules_show_the_residents_rules_only(site, policy):
    items = article(site, "social-media/house-rules").select("li[id^=rule-]")
    shown = {item["id"] for item in items}
    residents = {f"rule-{rule.key.lower()}" for rule in policy.rules.rules
                 if policy.rules.context(rule.context).audience == "residents"}
    assert shown == residents


def test_each_faq_answers_under_its_question_and_links_its_clause(built):
    text = article(built.site, built.url("faqs"))
    for faq in built.policy.faqs.items:
        heading = text.select_one(f"h2#{faq.anchor}")
        assert heading.get_text().startswith(faq.question)
        answer_links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            answer_links += [a["href"] for a in sibling.select("a")]
        assert f"../policy/#{faq.clause_anchors[0]}" in answer_links, faq.question


def test_the_history_page_lists_versions_newest_first(built):
    rows = article(built.site, built.url("history")).select("tbody tr")
    assert [row.td.get_text() for row in rows][0] == f"{built.policy.meta.version} (this version)"
    assert len(rows) == len(built.policy.history.entries)


def test_the_in_force_page_shows_the_current_version_or_that_none_applies_yet(built):
    meta = built.policy.meta
    text = article(built.site, built.url("in-force"))
    rows = text.select("tbody tr")
    if meta.effective_from is None:
        assert not rows
        assert f"No version of the {meta.title} has come into force yet" in text.get_text()
        return
    first = [cell.get_text(" ", strip=True) for cell in rows[0].select("td")]
    assert first[:3] == [meta.version, long_date(meta.effective_from), "Still in force"]
    assert rows[0].a["href"] == "../policy/"


def test_the_changes_page_compares_with_the_last_published_version(built):
    policy = built.policy
    published = tagged_versions(built.root).get(policy.slug, ())
    earlier = [v for v in published if version_key(v) < version_key(policy.meta.version)]
    text = article(built.site, built.url("changes")).get_text(" ", strip=True)
    if earlier:
        assert f"compares version {policy.meta.version} with version {earlier[-1]}" in text
    else:
        assert f"Version {policy.meta.version} is the first version" in text


def test_the_eia_page_has_the_outcome_and_nine_findings(built):
    text = article(built.site, built.url("eia"))
    assert len(text.select("tbody tr")) == 9
    assert OUTCOME_TITLES[built.policy.eia.meta.outcome] in text.get_text()


def test_each_policy_home_page_says_who_it_covers(built):
    text = article(built.site, built.url())
    headings = [h.get_text(strip=True).rstrip("¶") for h in text.select("h2")]
    assert "Who it covers" in headings
    for group in built.policy.meta.audience:
        assert group in text.get_text()
    assert text.select_one(".policy-summary")


def test_each_policy_home_page_says_what_to_do_first(built):
    text = article(built.site, built.url())
    assert "What to do first" in [h.get_text(strip=True).rstrip("¶") for h in text.select("h2")]


def test_the_library_home_lists_every_policy_with_status_owner_and_review(site, library):
    text = article(site, "")
    headings = [h.get_text(strip=True).rstrip("¶") for h in text.select("h2")]
    assert {"Policies", "Find an answer fast"} <= set(headings)
    rows = {row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row("td")]
            for row in text.select(".library-table tbody tr")}
    assert len(rows) == len(library.policies)
    for slug, policy in library.policies.items():
        category, version, status, owner, review = rows[policy.meta.title]
        assert (category, version, status.lower(), owner) == (
            policy.meta.category, policy.meta.version, policy.meta.status, policy.meta.owner)
        assert review.startswith(long_date(policy.meta.next_review))
        assert ("overdue" in review) == (dt.date.today() > policy.meta.next_review)
        link = text.find("a", string=policy.meta.title)
        assert link["href"] == f"{slug}/"


def test_the_summary_warns_when_the_review_is_overdue(built):
    meta = built.policy.meta
    overdue = dt.date.today() > meta.next_review
    text = article(built.site, built.url("policy"))
    notice = text.select_one(".admonition.warning")
    assert bool(notice and "Review overdue" in notice.get_text()) == overdue
    assert long_date(meta.next_review) in text.select_one(".policy-summary").get_text()


@pytest.mark.parametrize("page_name, source", [
    ("policy", "policy.md"), ("quick-guide", "rules.yml"), ("faqs", "faqs.md"),
    ("eia", "eia.md"), ("history", "history.yml")])
def test_edit_links_open_the_policy_file_to_change(built, page_name, source):
    edit = page(built.site, built.url(page_name)).select_one("a[rel=edit]")
    assert edit["href"] == (
        f"{TEST_REPO_URL}/edit/main/policy_source/{built.policy.slug}/{source}")


def test_edit_links_of_other_pages_open_the_page_itself(site):
    edit = page(site, "owners/how-to-change").select_one("a[rel=edit]")
    assert edit["href"] == f"{TEST_REPO_URL}/edit/main/docs/owners/how-to-change.md"


def _last_commit(path: str) -> dt.date | None:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", path],
                         capture_output=True, text=True).stdout.strip()
    return dt.date.fromisoformat(out) if out else None


def test_pages_show_when_their_content_last_changed(site):
    """A policy's page is generated, so its date is its source file's."""
    changed = _last_commit("policy_source/social-media/rules.yml")
    if changed is None:
        pytest.skip("the policy files are not committed to git yet")
    footer = page(site, "social-media/quick-guide").select_one(".md-source-file")
    assert f"This page last updated: {long_date(changed)}" in footer.get_text(" ", strip=True)


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


def test_every_page_of_a_policy_shows_its_next_review_date(built):
    meta = built.policy.meta
    pages = [folder.parent for folder in (built.site / built.policy.slug).rglob("index.html")]
    assert len(pages) >= len([spec for spec in POLICY_PAGES if not spec.residents_only])
    for folder in pages:
        facts = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"),
                              "html.parser").select_one(".policy-page-facts__review")
        assert facts, f"{folder.relative_to(built.site)} does not show the next review date"
        text = facts.get_text(" ", strip=True)
        assert f"{meta.title} next review due: {long_date(meta.next_review)}" in text
        assert ("review overdue" in text) == (dt.date.today() > meta.next_review)


def test_pages_outside_a_policy_show_no_review_date(site):
    for url in ("", "glossary", "owners/how-to-change"):
        assert not page(site, url).select_one(".policy-page-facts__review"), url


def test_every_policy_has_each_standard_page_in_the_menu(built):
    has_residents = any(c.audience == "residents" for c in built.policy.rules.contexts)
    menu = page(built.site, built.url()).select_one("nav.md-nav--primary")
    titles = {link.get_text(" ", strip=True) for link in menu.select(".md-nav__link")}
    assert built.policy.meta.title in titles  # the section, which opens the landing page
    for spec in POLICY_PAGES:
        if spec.residents_only and not has_residents:
            continue
        name = "" if spec.name == "index.md" else spec.name.removesuffix(".md")
        assert len(article(built.site, built.url(name)).select("h1")) == 1, spec.name
        assert spec.menu_title is None or spec.menu_title in titles, spec.name


@pytest.mark.parametrize("slug", ["social-media", "flexible-working"])
def test_a_policys_menu_lists_only_its_own_pages(scaffolded, slug):
    """A page carries its own policy's menu, never every policy's: its size does not grow
    with the library."""
    site, policies = scaffolded.site, scaffolded.library.policies
    others = [policy.meta.title for other, policy in policies.items() if other != slug]
    for name in ("", "policy/", "faqs/"):
        menu = page(site, f"{slug}/{name}").select_one("nav.md-nav--primary")
        text = menu.get_text(" ", strip=True)
        assert policies[slug].meta.title in text
        assert not [title for title in others if title in text], name
    library = page(site, "glossary").select_one("nav.md-nav--primary").get_text()
    assert policies[slug].meta.title not in library and "Glossary" in library


@pytest.mark.parametrize("size, of", [(1, 2), (3, 2), (40, 2), (200, 2), (200, 4)])
def test_a_shared_build_builds_every_policy_once_and_the_library_pages_once(size, of):
    """`make build` shares the library out between processes: no policy may be missed or
    built twice, and the share that also builds the library's own pages takes fewer
    policies, so that it does not hold up the rest."""
    slugs = [f"policy-{number:03d}" for number in range(size)]
    shares = [Layout.shared(slugs, number, of) for number in range(1, of + 1)]
    built = [slug for share in shares for slug in slugs if share.builds_policy(slug)]
    assert sorted(built) == slugs
    assert [share.builds_library_pages for share in shares] == [True] + [False] * (of - 1)
    sizes = [len(share.share) for share in shares]
    assert max(sizes) - min(sizes) <= max(1, size // 20)
    assert sizes[0] == min(sizes)
    if size >= 200:
        assert sizes[0] < max(sizes)
