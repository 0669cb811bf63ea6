"""Each published version tells its readers, on the day they read it, whether it applies.

A published version's pages are never rewritten, so everything they say about today (in
force, replaced and by which version, review overdue) comes from the policy's versions.json
when the page is read. These tests read version 1.0 of the Social Media Policy after two later
versions (1.1 took effect on TAKES_EFFECT, 1.2 takes effect on LATER_EFFECT), with the
browser's clock set to the days around each effective date. And the library home's filters
and the date box work in a real browser."""

from __future__ import annotations

import datetime as dt

import pytest

from browser.pages import PHONE, policy_pages, published_pages
from policy_guide.domain.dates import long_date
from publishing.library import LATER_EFFECT, MERGE_1, MERGE_3, MERGE_5, TAKES_EFFECT, TODAY

DAY = dt.timedelta(days=1)
#: The day the real Social Media Policy's version 1.0 took effect, as its history.yml says.
FIRST_IN_FORCE = dt.date(2018, 12, 19)


def banner(page):
    """The banner, once the reader's browser has said where the version stands (or, without
    scripts, as it was published)."""
    found = page.locator("[data-version-banner]")
    found.wait_for(state="visible", timeout=5000)
    return found


def standing(page) -> tuple[str, str]:
    """What the banner says the version's standing is, and its words."""
    found = banner(page)
    page.locator("[data-version-banner][data-standing]").wait_for(timeout=5000)
    return found.get_attribute("data-standing"), " ".join(found.inner_text().split())


def test_a_replaced_version_names_the_one_that_replaced_it(visit, published_url):
    page = visit("social-media/1.0/policy/").page
    said, text = standing(page)
    assert said == "replaced"
    assert "You are reading version 1.0" in text
    assert f"replaced by version 1.1 on {long_date(TAKES_EFFECT)}" in text
    link = page.locator("[data-version-banner] a")
    assert link.get_attribute("href") == f"{published_url}social-media/1.1/policy/"


def test_after_two_later_versions_it_names_the_one_that_applies_then(visit, published_url):
    page = visit("social-media/1.0/faqs/", on=LATER_EFFECT).page
    said, text = standing(page)
    assert said == "replaced"
    assert "replaced by version 1.1" in text and "Version 1.2 applies now" in text
    link = page.locator("[data-version-banner] a")
    assert link.get_attribute("href") == f"{published_url}social-media/1.2/faqs/"


def test_the_version_that_applies_says_so_and_when_the_next_takes_over(visit):
    for path in ("social-media/current/policy/", "social-media/1.1/faqs/"):
        said, text = standing(visit(path).page)
        assert said == "applies", path
        assert f"Version 1.1 applies today. It has been in force since {long_date(TAKES_EFFECT)}" \
            in text, path
        assert f"Version 1.2 replaces it on {long_date(LATER_EFFECT)}" in text, path
    said, text = standing(visit("flexible-working/1.0/").page)
    assert said == "applies" and "replaces it" not in text


def test_a_version_not_yet_in_force_says_when_it_takes_effect(visit, published_url):
    for version, decided, starts, before in (("1.1", MERGE_3, TAKES_EFFECT, "1.0"),
                                             ("1.2", MERGE_5, LATER_EFFECT, "1.1")):
        page = visit(f"social-media/{version}/policy/", on=decided).page
        said, text = standing(page)
        assert said == "current"
        assert f"Version {version} takes effect on {long_date(starts)}" in text
        assert f"Until then, version {before} applies" in text
        link = page.locator("[data-version-banner] a")
        assert link.get_attribute("href") == f"{published_url}social-media/{before}/policy/"


@pytest.mark.parametrize("day, applies", [
    (TAKES_EFFECT - DAY, "1.0"), (TAKES_EFFECT, "1.1"),
    (LATER_EFFECT - DAY, "1.1"), (LATER_EFFECT, "1.2")], ids=str)
def test_on_the_days_around_each_effective_date(visit, day, applies):
    """Exactly one version says it applies, and it is the one in force that day."""
    for version in ("1.0", "1.1", "1.2"):
        said, _ = standing(visit(f"social-media/{version}/policy/", on=day).page)
        assert (said == "applies") == (version == applies), (version, said)


def test_which_version_applied_when_grows_with_later_versions(visit):
    """1.0's own page of periods, read long after it was published: its end, and the rows of
    the versions after it, come from the record."""
    page = visit("social-media/1.0/in-force/", on=LATER_EFFECT).page
    rows = page.locator("table tbody tr")
    page.locator("table tbody tr", has_text="Version 1.2").wait_for(timeout=5000)
    table = [[" ".join(cell.split()) for cell in row.locator("td").all_inner_texts()]
             for row in rows.all()]
    assert table == [
        ["1.2", long_date(LATER_EFFECT), "Still in force", "Version 1.2"],
        ["1.1", long_date(TAKES_EFFECT), long_date(LATER_EFFECT - DAY), "Version 1.1"],
        ["1.0", long_date(FIRST_IN_FORCE), long_date(TAKES_EFFECT - DAY),
         "Version 1.0 (this version)"],
    ]
    # Each added cell is labelled for phones, as the page's own cells are.
    labels = rows.first.locator("td").evaluate_all("cells => cells.map(c => c.dataset.label)")
    assert all(labels), labels


def test_the_history_lists_the_versions_published_since(visit, published_url):
    page = visit("social-media/1.0/history/").page
    later = page.locator("[data-later-versions]")
    later.locator("a").first.wait_for(timeout=5000)
    text = " ".join(later.inner_text().split())
    assert f"version 1.1 (in force from {long_date(TAKES_EFFECT)})" in text
    assert f"version 1.2 (takes effect on {long_date(LATER_EFFECT)})" in text
    assert later.locator("a").first.get_attribute("href") == \
        f"{published_url}social-media/1.1/history/"


def test_the_review_marker_is_only_on_the_version_that_applies(visit):
    """1.0's review was due on 19 December 2020: overdue while it applied, but once
    replaced the replacing version's review is what matters."""
    while_it_applied = visit("social-media/1.0/policy/", on=TAKES_EFFECT - DAY).page
    standing(while_it_applied)
    assert "(review overdue)" in while_it_applied.locator(".policy-page-facts__review").inner_text()
    replaced = visit("social-media/1.0/policy/").page
    standing(replaced)
    assert "overdue" not in replaced.locator(".policy-page-facts__review").inner_text()


def test_without_scripts_a_page_says_only_what_stays_true(visit, published_url):
    page = visit("social-media/1.0/policy/", scripts=False).page
    text = " ".join(banner(page).inner_text().split())
    assert text.startswith("You are reading version 1.0 of the Social Media Policy, as "
                           f"published in this guide on {long_date(MERGE_1)}")
    page.locator("[data-version-banner] a").click()
    page.wait_for_url(f"{published_url}social-media/current/")


@pytest.mark.parametrize("path", policy_pages("social-media", "1.0"))
def test_an_old_version_states_nothing_that_has_become_false(visit, path):
    """Read without scripts, as it was written: no word about its standing today."""
    words = " ".join(visit(path, scripts=False).page.locator("body").inner_text().split())
    for stale in ("(in force)", "still applies", "Still in force", "review overdue",
                  "Status: In force", "replaced by"):
        assert stale.lower() not in words.lower(), stale


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


def enter_date(page, day: dt.date) -> None:
    page.get_by_label("Day", exact=True).fill(str(day.day))
    page.get_by_label("Month", exact=True).fill(str(day.month))
    page.get_by_label("Year", exact=True).fill(str(day.year))
    page.get_by_role("button", name="Show the versions").click()


def answers(page) -> list[str]:
    found = page.locator(".on-a-date__answer li")
    found.first.wait_for()
    return [" ".join(item.split()) for item in found.all_inner_texts()]


def test_the_date_box_answers_for_every_policy(visit):
    page = visit("on-a-date/").page
    enter_date(page, TAKES_EFFECT - DAY)
    social = [text for text in answers(page) if text.startswith("Social Media Policy")]
    assert social == [
        f"Social Media Policy: version 1.0 (in force from {long_date(FIRST_IN_FORCE)})."]
    link = page.locator(".on-a-date__answer li", has_text="Social Media Policy").locator("a")
    assert link.get_attribute("href") == "../social-media/1.0/"
    enter_date(page, TAKES_EFFECT)
    page.locator(".on-a-date__answer li", has_text="Social Media Policy: version 1.1").wait_for()


def test_the_date_box_in_the_future_and_before_the_first_version(visit):
    page = visit("on-a-date/").page
    enter_date(page, LATER_EFFECT)
    assert page.locator(".on-a-date__answer h2").inner_text().startswith(
        "Versions that will apply on")
    assert f"Social Media Policy: version 1.2 (taking effect on {long_date(LATER_EFFECT)})." \
        in answers(page)
    enter_date(page, FIRST_IN_FORCE - DAY)
    social = next(text for text in answers(page) if text.startswith("Social Media Policy"))
    assert social.startswith("Social Media Policy: no version applied; its first version took "
                             f"effect on {long_date(FIRST_IN_FORCE)}. The ")
    assert social.endswith("applied instead, which is not published in this guide.")


@pytest.mark.parametrize("entered, problem", [
    (("", "12", "2018"), "Enter the day, the month and the year"),
    (("31", "2", "2019"), "That date does not exist"),
    (("19", "December", "2018"), "Enter the date in numbers")], ids=str)
def test_the_date_box_says_what_is_wrong_with_a_date(visit, entered, problem):
    page = visit("on-a-date/").page
    for label, value in zip(("Day", "Month", "Year"), entered):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Show the versions").click()
    error = page.get_by_role("alert")
    error.wait_for()
    assert error.inner_text().startswith(problem)
    assert page.locator(".on-a-date__answer li").count() == 0


# --------------------------------------------------------------------------------------------
# Phones: every page fits a 390-pixel-wide screen, and so does every cell of every table.
# --------------------------------------------------------------------------------------------

OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const off = [];
  if (document.documentElement.scrollWidth > width) off.push("the page scrolls sideways");
  for (const cell of document.querySelectorAll("article tbody td, article tbody th")) {
    const box = cell.getBoundingClientRect();
    if (box.width && (box.left < 0 || box.right > width + 0.5)) {
      off.push((cell.dataset.label || cell.tagName) + ": " + cell.textContent.trim().slice(0, 40));
    }
  }
  return off;
}"""

PHONE_PAGES = sorted({*published_pages(), *policy_pages("social-media", "1.0"),
                      "social-media/1.2/changes/", "social-media/1.2/compare/1.0/"})


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_nothing_is_off_the_side_of_a_phone(visit, path):
    page = visit(path, PHONE, on=LATER_EFFECT if "/1.0/" in path else None).page
    if path.endswith("in-force/"):
        page.wait_for_timeout(300)  # the rows the record adds
    assert page.evaluate(OFF_SCREEN) == []


def test_the_date_answer_fits_a_phone(visit):
    page = visit("on-a-date/", PHONE).page
    enter_date(page, TODAY)
    answers(page)
    assert page.evaluate(OFF_SCREEN) == []


@pytest.mark.parametrize("path", ["social-media/current/eia/", "flexible-working/current/"])
def test_the_header_shows_the_whole_title_on_a_phone(visit, path):
    """Material cuts a long title short with "…"; on a phone it takes a second line."""
    page = visit(path, PHONE).page
    title = page.locator(".md-header__topic .md-ellipsis").first
    assert title.inner_text().strip()
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), title.inner_text()
