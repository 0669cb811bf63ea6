"""Each published version tells its readers, on the day they read it, whether it applies:
the pages are never rewritten, so the banner comes from the policy's versions.json. And
the library home's filters and the date box work in a real browser."""

from __future__ import annotations

import datetime as dt

from policy_guide.domain.dates import long_date
from publishing.library import MERGE_3, TAKES_EFFECT


def banner_text(page) -> str:
    banner = page.locator("[data-version-banner]")
    banner.wait_for(state="visible", timeout=5000)
    return " ".join(banner.inner_text().split())


def test_a_replaced_version_names_the_one_that_applies(visit, published_url):
    page = visit("social-media/1.0/policy/").page
    text = banner_text(page)
    assert "You are reading version 1.0" in text and "replaced by version 1.1" in text
    link = page.locator("[data-version-banner] a")
    assert link.get_attribute("href") == f"{published_url}social-media/1.1/policy/"


def test_the_current_version_has_no_banner(visit):
    for path in ("social-media/current/policy/", "social-media/1.1/faqs/",
                 "flexible-working/1.0/"):
        page = visit(path, wait="networkidle").page
        assert page.locator("[data-version-banner]").is_hidden(), path


def test_a_version_not_yet_in_force_says_when_it_takes_effect(visit, published_url):
    """Read on the day 1.1 was decided, before it took effect."""
    page = visit("social-media/1.1/policy/", on=MERGE_3).page
    text = banner_text(page)
    assert f"Version 1.1 takes effect on {long_date(TAKES_EFFECT)}" in text
    assert "Until then, version 1.0 applies" in text
    link = page.locator("[data-version-banner] a")
    assert link.get_attribute("href") == f"{published_url}social-media/1.0/policy/"


def test_the_day_it_takes_effect_the_banner_goes(visit):
    page = visit("social-media/1.1/policy/", on=TAKES_EFFECT, wait="networkidle").page
    assert page.locator("[data-version-banner]").is_hidden()
    earlier = visit("social-media/1.0/policy/", on=TAKES_EFFECT - dt.timedelta(days=1),
                    wait="networkidle").page
    assert earlier.locator("[data-version-banner]").is_hidden()


def test_the_home_filters_by_category_and_status(visit):
    page = visit("").page
    rows = page.locator(".library-table tbody tr")
    page.get_by_label("Category").select_option("Pay, leave and working time")
    page.locator(".library-filters__count").filter(has_text="Showing 1 of 3").wait_for()
    assert [row.inner_text().split("\t")[0] for row in rows.all() if row.is_visible()] == [
        "Flexible Working Policy"]
    page.get_by_label("Category").select_option("")
    page.get_by_label("Status").select_option("in-force")
    page.locator(".library-filters__count").filter(has_text="Showing 3 of 3").wait_for()


def test_the_date_box_answers_for_every_policy(visit, published_url):
    page = visit("on-a-date/").page
    day = TAKES_EFFECT - dt.timedelta(days=1)
    page.get_by_label("Date (day, month and year)").fill(day.isoformat())
    page.get_by_role("button", name="Show the versions").click()
    answers = page.locator(".on-a-date__answer li")
    answers.first.wait_for()
    texts = [" ".join(item.split()) for item in answers.all_inner_texts()]
    assert texts[-1].startswith("Social Media Policy: version 1.0")
    link = answers.filter(has_text="Social Media Policy").locator("a")
    assert link.get_attribute("href") == "../social-media/1.0/"
    page.get_by_label("Date (day, month and year)").fill(TAKES_EFFECT.isoformat())
    page.get_by_role("button", name="Show the versions").click()
    page.locator(".on-a-date__answer li", has_text="Social Media Policy: version 1.1").wait_for()
