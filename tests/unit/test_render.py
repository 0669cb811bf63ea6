"""Renderers turn models into the Markdown the pages show."""

import datetime as dt
from dataclasses import replace

import markdown
import pytest
from bs4 import BeautifulSoup

from policy_guide.site.render import checklists, eia, faqs, history, summary
from policy_guide.domain.published import Publication
from policy_guide.domain.dates import long_date
from policy_guide.site.render.common import PageLinks, VersionLinks
from policy_guide.domain.review import Review, review_state


def html(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(
        source, extensions=["admonition", "attr_list", "md_in_html", "tables"]), "html.parser")


def test_every_rule_is_listed_once_under_its_context_and_kind(policy):
    links = PageLinks(policy, "social-media/quick-guide.md", "social-media/")
    page = html(checklists.render_checklists(policy, links, checklists.contexts_for(policy)))
    for rule in policy.rules.rules:
        items = page.select(f"#rule-{rule.key.lower()}")
        assert len(items) == 1, rule.key
        group = items[0].find_parent(class_="checklist__group")
        expected = "checklist__group--do" if rule.kind == "do" else "checklist__group--dont"
        assert expected in group["class"], rule.key
        assert group.find_previous("h2").get("id") == rule.context
        assert items[0].a["href"] == f"policy.md#{rule.clause}"


def test_rules_link_to_the_policy_from_pages_outside_its_folder(policy):
    links = PageLinks(policy, "index.md", "social-media/")
    page = html(checklists.render_checklists(policy, links, checklists.contexts_for(policy)))
    assert page.select_one("#rule-ca-01 a")["href"] == "social-media/policy.md#approved-channels"


def test_house_rules_are_only_the_residents_rules(policy):
    contexts = checklists.contexts_for(policy, audience="residents")
    page = html(checklists.render_checklists(
        policy, PageLinks(policy, "x/y.md", "social-media/"), contexts))
    shown = {item["id"] for item in page.select("li[id^=rule-]")}
    residents = {f"rule-{r.key.lower()}" for r in policy.rules.rules
                 if policy.rules.context(r.context).audience == "residents"}
    assert shown == residents and residents


NOTHING_PUBLISHED = Publication()


def render_history(policy, publication=NOTHING_PUBLISHED):
    page = "history.md"  # as in the build of one version of the policy
    return html(history.render_history(policy, publication, PageLinks(policy, page, ""),
                                       VersionLinks(page)))


def test_history_is_newest_first_with_only_the_current_version_marked(policy):
    rows = render_history(policy).select("tbody tr")
    versions = [row.td.get_text() for row in rows]
    assert versions[0] == f"{policy.history.current.version} (this version)"
    assert sum("(this version)" in v for v in versions) == 1
    dates = [entry.date for entry in policy.history.newest_first()]
    assert [row.select("td")[1].get_text() for row in rows] == [long_date(d) for d in dates]
    assert dates == sorted(dates, reverse=True)


def test_history_links_to_published_versions_and_says_which_were_not(policy):
    oldest = policy.history.entries[0].version
    rows = render_history(policy, Publication(versions=(oldest,))).select("tbody tr")
    links = {row.td.get_text(): [a["href"] for a in row.select("a")] for row in rows}
    current = f"{policy.meta.version} (this version)"
    assert links[current] == ["policy.md", "changes.md"]
    # from <policy>/<version>/history/, out to <policy>/ and into the other version
    assert links[oldest] == [f"../../{oldest}/policy/", f"../../{oldest}/changes/"]
    unpublished = [row for row in rows if not row.select("a")]
    assert unpublished and all("Not published" in row.get_text() for row in unpublished)


@pytest.mark.parametrize("days_after_review, notice", [
    (1, "Review overdue"), (-30, "Review due soon"), (-200, None)])
def test_summary_warns_when_a_review_is_due_or_overdue(policy, days_after_review, notice):
    today = policy.meta.next_review + dt.timedelta(days=days_after_review)
    state = review_state(policy.meta, today, warning_days=90)
    review = Review(policy, "@council/team", state, today, allowed_because=None)
    page = html(summary.render_summary(
        review, PageLinks(policy, "social-media/policy.md", "social-media/")))
    title = page.select_one(".admonition-title")
    assert (title.get_text() if title else None) == notice
    facts = {div.dt.get_text(): div.dd.get_text() for div in page.select("dl > div")}
    assert facts["Version"] == f"{policy.meta.version} ({policy.meta.status})"
    assert facts["Owner"] == policy.meta.owner
    assert facts["Next review"] == long_date(policy.meta.next_review)


def test_eia_table_has_a_row_for_each_characteristic(policy):
    rows = html(eia.render_table(policy.eia.meta)).select("tbody tr")
    assert [row.td.get_text() for row in rows] == [
        item.characteristic for item in policy.eia.meta.characteristics]


def test_faq_index_links_to_every_answer(policy):
    page = html(faqs.render_faqs(policy.faqs))
    index = [a["href"] for a in page.select(".faq-index a")]
    headings = [f"#{h['id']}" for h in page.select("h2")]
    assert index == headings == [f"#{faq.anchor}" for faq in policy.faqs.items]


def test_dates_are_written_the_gov_uk_way():
    assert long_date(dt.date(2018, 12, 9)) == "9 December 2018"


def test_a_draft_says_it_is_not_approved_yet(policy):
    draft = policy.meta.model_copy(update={
        "status": "draft", "approved_by": None, "approved_on": None, "effective_from": None,
        "ratified_by": None, "ratified_on": None})
    today = draft.next_review - dt.timedelta(days=400)
    review = Review(replace(policy, meta=draft), "@council/team",
                    review_state(draft, today, 90), today, None)
    facts = {div.dt.get_text(): div.dd.get_text() for div in html(summary.render_summary(
        review, PageLinks(policy, "social-media/policy.md", "social-media/"))).select("dl > div")}
    assert facts["Approved"] == "Not yet: this version is a draft"
    assert "In force from" not in facts and "Ratified" not in facts
