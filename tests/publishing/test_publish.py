"""`make publish` and `make export`: a library of three policies published through several
merges (tests/publishing/library.py). These tests look at the gh-pages branch after each run, at the
exported folder served over HTTP, and at what happens when publishing should not go ahead.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from policy_guide.domain.dates import long_date
from policy_guide.tools.linkcheck import broken_links
from publishing.library import (CLAUSE, FLEXIBLE, LATER_EFFECT, LONE, MERGE_2, MERGE_3, MERGE_5,
                                NEW_WORDS, OLD_WORDS, SOCIAL, TAKES_EFFECT, TODAY, Repo, days_ago,
                                git_env, release)

POLICIES = (SOCIAL, FLEXIBLE, LONE)


def fetch(url: str) -> BeautifulSoup:
    with urllib.request.urlopen(url, timeout=10) as response:
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser")


def read(folder: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((folder / address / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


# -- what each run published ---------------------------------------------------------------

def test_each_policy_has_its_own_version_line(published):
    versions = {slug: published.repo.versions(slug) for slug in POLICIES}
    assert versions == {SOCIAL: {"1.2": [], "1.1": ["current"], "1.0": []},
                        FLEXIBLE: {"1.0": ["current"]}, LONE: {"1.0": ["current"]}}


def test_drafts_are_not_published(published):
    first = published.output(0)
    assert "Social Media Policy: published version 1.0" in first
    assert "Flexible Working Policy: version 0.1 is draft, so it is not published" in first
    at_first = published.repo.git("ls-tree", "--name-only", published.heads[0]).split()
    assert SOCIAL in at_first and FLEXIBLE not in at_first and LONE not in at_first
    home = published.repo.git("show", f"{published.heads[0]}:index.html")
    assert "Social Media Policy" in home and "Flexible Working" not in home


def test_a_merge_that_changes_two_policies_publishes_both_in_one_commit(published):
    repo, before, after = published.repo, published.heads[1], published.heads[2]
    assert repo.git("rev-list", "--count", f"{before}..{after}").strip() == "1"
    assert set(published.trees[2]) - set(published.trees[1]) == {f"{SOCIAL}/1.1", f"{LONE}/1.0"}


def test_publishing_never_changes_a_byte_of_another_policy(published):
    changed = published.repo.git("diff", "--name-only", published.heads[1],
                                 published.heads[2]).split()
    assert changed and not [path for path in changed if path.startswith(f"{FLEXIBLE}/")]
    assert not [path for path in changed if path.startswith(f"{SOCIAL}/1.0/")]


def test_every_published_version_stays_byte_for_byte_the_same(published):
    final = published.trees[-1]
    for trees in published.trees:
        assert {folder: final[folder] for folder in trees} == trees


def test_a_version_with_a_later_effective_date_is_published_but_not_current(published):
    repo = published.repo
    assert repo.versions(SOCIAL, published.heads[2]) == {"1.1": [], "1.0": ["current"]}
    listed = json.loads(repo.git("show", f"{published.heads[2]}:{SOCIAL}/versions.json"))
    properties = {entry["version"]: entry["properties"] for entry in listed}
    assert properties["1.1"]["effective_from"] == TAKES_EFFECT.isoformat()
    assert f"takes effect on {long_date(TAKES_EFFECT)}" in published.output(2)
    assert repo.head(f"{published.heads[2]}:{SOCIAL}/current") == repo.head(
        f"{published.heads[2]}:{SOCIAL}/1.0")


def test_current_moves_on_the_day_the_version_takes_effect(published):
    repo, head = published.repo, published.heads[3]
    assert "Social Media Policy: version 1.1 is now current (was 1.0)" in published.output(3)
    assert repo.head(f"{head}:{SOCIAL}/current") == repo.head(f"{head}:{SOCIAL}/1.1")
    assert repo.git("diff", "--name-only", published.heads[2], head, "--",
                    f"{SOCIAL}/1.0", f"{SOCIAL}/1.1", FLEXIBLE, LONE) == ""


def test_a_run_with_nothing_to_do_makes_no_commit(published):
    assert "Nothing to publish" in published.output(5)
    assert published.heads[5] == published.heads[4]


def test_the_record_says_which_version_replaced_which_and_when(published):
    """versions.json, which every version's pages read, and library.json: kept up to date
    by every publish, though the version folders never change."""
    repo = published.repo

    def records(head: str) -> dict[str, dict]:
        listed = json.loads(repo.git("show", f"{head}:{SOCIAL}/versions.json"))
        return {entry["version"]: entry["properties"] for entry in listed}

    # Once 1.1 was decided (merge 3), 1.0's record names it and the day it takes over.
    at_merge_3 = records(published.heads[2])
    assert at_merge_3["1.0"]["replaced_by"] == "1.1"
    assert at_merge_3["1.0"]["replaced_on"] == TAKES_EFFECT.isoformat()
    assert at_merge_3["1.1"]["replaced_by"] is None
    final = records(published.heads[-1])
    assert {version: (record["status"], record["effective_from"], record["replaced_by"],
                      record["replaced_on"], record["withdrawn_on"])
            for version, record in final.items()} == {
        "1.0": ("in force", "2018-12-19", "1.1", TAKES_EFFECT.isoformat(), None),
        "1.1": ("in force", TAKES_EFFECT.isoformat(), "1.2", LATER_EFFECT.isoformat(), None),
        "1.2": ("in force", LATER_EFFECT.isoformat(), None, None, None)}
    library = json.loads(repo.git("show", f"{published.heads[-1]}:library.json"))
    assert library["policies"][SOCIAL]["records"] == final


def test_the_published_sources_are_tagged_and_pushed_with_the_branch(published):
    repo = published.repo
    assert sorted(repo.git("tag", "--list").split()) == sorted(
        [f"{SOCIAL}/1.0", f"{SOCIAL}/1.1", f"{SOCIAL}/1.2", f"{FLEXIBLE}/1.0", f"{LONE}/1.0"])
    remote = Repo(published.remote)
    assert remote.head("gh-pages") == repo.head("gh-pages")
    assert remote.head(f"{SOCIAL}/1.2^{{commit}}") == repo.head("main")


# -- the exported library ------------------------------------------------------------------

def test_every_version_has_a_permanent_address(published):
    exported = published.exported
    for folder in published.trees[-1]:
        assert (exported / folder / "index.html").is_file(), folder
        assert (exported / folder / "policy" / "index.html").is_file(), folder
    for slug in POLICIES:
        assert (exported / slug / "current" / "policy" / "index.html").is_file()
        forward = read(exported, slug)
        assert forward.select_one("main a")["href"] == "current/"


@pytest.mark.parametrize("address, words, took_effect, published_on", [
    (f"{SOCIAL}/1.0", OLD_WORDS, "19 December 2018", days_ago(60)),
    (f"{SOCIAL}/1.1", NEW_WORDS, long_date(TAKES_EFFECT), MERGE_3),
    (f"{SOCIAL}/current", NEW_WORDS, long_date(TAKES_EFFECT), MERGE_3)])
def test_each_version_is_served_with_its_own_wording_and_only_lasting_facts(
        published_url, address, words, took_effect, published_on):
    """A published page is never rebuilt: it says when the version took effect and was
    published, never that it is in force (its reader's browser says that, on the day)."""
    page = fetch(f"{published_url}{address}/policy/")
    clause = page.find(id=CLAUSE).find_next("p").get_text(" ")
    assert words in " ".join(clause.split())
    facts = {row.dt.get_text(strip=True): " ".join(row.dd.get_text(" ", strip=True).split())
             for row in page.select(".policy-summary dl > div")}
    assert facts["In force from"] == took_effect
    assert facts["Published in this guide"] == long_date(published_on)
    assert "(in force)" not in facts["Version"]
    banner = " ".join(page.select_one("[data-version-banner]").get_text(" ").split())
    assert f"as published in this guide on {long_date(published_on)}" in banner
    assert page.select_one("[data-version-banner] a")["href"] in ("../../", "../../../")
    assert "review overdue" not in page.get_text()


def test_each_policys_pages_carry_its_own_version_menu(published):
    exported = published.exported
    for folder in published.trees[-1]:
        slug, version = folder.split("/")
        page = read(exported, f"{folder}/policy")
        assert page.select_one('meta[name="policy-version"]')["content"] == version
        assert page.select_one('meta[name="policy-versions"]')["content"].endswith(
            "/../versions.json")
        config = json.loads(page.select_one("#__config").string)
        assert config["version"]["provider"] == "mike"
        assert page.select_one("nav.library-trail a")["href"] == "../../../"
        menu = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a")]
        assert "Quick guide" in menu and not [
            other for other in POLICIES if other != slug and other in str(menu)]
        assert page.title.get_text().startswith("The policy - ")


def test_the_library_home_lists_every_published_policy(published):
    home = read(published.exported, "")
    rows = {row.th.get_text(strip=True): row for row in home.select(".library-table tbody tr")}
    assert set(rows) == {"Social Media Policy", "Flexible Working Policy", "Lone Working Policy"}
    social = rows["Social Media Policy"]
    cells = [cell.get_text(" ", strip=True) for cell in social("td")]
    assert cells[:3] == ["Communication and conduct", "1.1",
                         f"In force; version 1.2 takes effect on {long_date(LATER_EFFECT)}"]
    assert social.th.a["href"] == f"{SOCIAL}/current/"
    assert (social["data-category"], social["data-status"]) == ("Communication and conduct",
                                                                "in-force")
    assert rows["Lone Working Policy"]["data-category"] == "Health, safety and wellbeing"
    filters = home.select("form.library-filters select")
    assert [select["id"] for select in filters] == ["library-category", "library-status"]


def test_the_date_page_knows_every_period_of_every_policy(published):
    page = read(published.exported, "on-a-date")
    data = {entry["title"]: entry["periods"]
            for entry in json.loads(page.select_one("#on-a-date-data").string)}
    assert data["Social Media Policy"] == [
        {"version": "1.0", "start": "2018-12-19",
         "end": days_ago(21).isoformat(), "href": f"../{SOCIAL}/1.0/"},
        {"version": "1.1", "start": TAKES_EFFECT.isoformat(),
         "end": (LATER_EFFECT - dt.timedelta(days=1)).isoformat(), "href": f"../{SOCIAL}/1.1/"},
        {"version": "1.2", "start": LATER_EFFECT.isoformat(), "end": None,
         "href": f"../{SOCIAL}/1.2/"}]
    assert data["Flexible Working Policy"] == [
        {"version": "1.0", "start": MERGE_2.isoformat(), "end": None,
         "href": f"../{FLEXIBLE}/1.0/"}]


@pytest.mark.parametrize("day, says", [
    (days_ago(21), ["Version 1.0 of the Social Media Policy applied",
                    "Version 1.0 of the Flexible Working Policy applied",
                    "Version 1.0 of the Lone Working Policy applied"]),
    (TAKES_EFFECT, ["Version 1.1 of the Social Media Policy applied on "
                    f"{long_date(TAKES_EFFECT)}. It applied from {long_date(TAKES_EFFECT)}"]),
    (MERGE_3, ["Version 1.0 of the Social Media Policy"]),  # 1.1 decided, not yet in force
    (days_ago(60), ["No version of the Flexible Working Policy applied",
                    "No version of the Lone Working Policy applied"]),
    (MERGE_2, ["Version 1.0 of the Flexible Working Policy applied on "
               f"{long_date(MERGE_2)}"]),
    (LATER_EFFECT, [f"Version 1.2 of the Social Media Policy will apply on "
                    f"{long_date(LATER_EFFECT)}, as decided so far",
                    "Version 1.0 of the Lone Working Policy will apply"]),
    (dt.date(2018, 12, 18), ["No version of the Social Media Policy applied on 18 December "
                             "2018: the first took effect on 19 December 2018. The Electronic "
                             "Communication and Social Media Policy (2015) applied instead."]),
])
def test_the_in_force_command_answers_for_every_policy_on_boundary_days(published, day, says):
    result = published.repo.command("in-force", day.isoformat())
    assert result.returncode == 0, result.stderr
    for words in says:
        assert words in result.stdout
    answers = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert len(answers) == 3, result.stdout


def test_the_in_force_command_answers_for_one_policy(published):
    result = published.repo.command("in-force", TODAY.isoformat(), "--policy", SOCIAL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Version 1.1 of the Social Media Policy applied")
    assert f"Published at {SOCIAL}/1.1/" in result.stdout and "Flexible" not in result.stdout


def test_the_comparison_marks_the_reworded_clause_in_place(published_url):
    page = fetch(f"{published_url}{SOCIAL}/1.1/changes/")
    heading = page.find(id=f"change-{CLAUSE}")
    assert heading.get_text(" ", strip=True).startswith("6.2 Saying where you work")
    diff = heading.find_next(class_="policy-diff")
    assert diff.select_one("del").get_text() == "Removed: make clear"
    assert diff.select_one("ins").get_text() == "Added: say clearly in your profile"
    history = fetch(f"{published_url}{SOCIAL}/1.1/history/")
    links = [a["href"] for a in history.select("article table a")]
    assert "../changes/" in links and "../../1.0/changes/" in links


def test_the_first_version_says_there_is_nothing_to_compare(published_url):
    text = fetch(f"{published_url}{LONE}/1.0/changes/").select_one("article").get_text()
    assert "first version" in text


def test_the_in_force_page_gives_each_version_its_dates_and_link(published_url):
    """As published: a period with no end then says so in lasting words, which the reader's
    browser replaces (tests/browser/test_versions.py)."""
    page = fetch(f"{published_url}{SOCIAL}/1.1/in-force/")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in page.select("article table tbody tr")]
    assert [row[:3] for row in rows] == [
        ["1.1", long_date(TAKES_EFFECT), f"Not replaced as of {long_date(MERGE_3)}"],
        ["1.0", "19 December 2018", long_date(days_ago(21))]]
    assert page.select("article table tbody tr")[1].a["href"] == "../../1.0/policy/"
    assert "Still in force" not in page.select_one("article").get_text()
    later = fetch(f"{published_url}{SOCIAL}/1.2/in-force/")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")][:3]
            for row in later.select("article table tbody tr")]
    assert rows[:2] == [
        ["1.2", long_date(LATER_EFFECT), f"Not replaced as of {long_date(MERGE_5)}"],
        ["1.1", long_date(TAKES_EFFECT), long_date(LATER_EFFECT - dt.timedelta(days=1))]]


def test_the_version_history_records_decisions_in_lasting_words(published_url):
    page = fetch(f"{published_url}{SOCIAL}/1.0/history/")
    table = page.select_one("article table")
    assert [th.get_text(strip=True) for th in table.select("thead th")][2] == "Decision"
    decisions = [row.select("td")[2].get_text(strip=True) for row in table.select("tbody tr")]
    assert decisions == ["Put in force from 19 December 2018", "Approved",
                         "Sent out for consultation"]
    later = page.select_one("[data-later-versions]")
    assert later.a["href"] == "../../" and "published, on" in later.get_text()


def test_the_export_has_real_folders_and_every_link_leads_somewhere(published):
    exported = published.exported
    assert not [path for path in exported.rglob("*") if path.is_symlink()]
    assert broken_links([exported], exported) == []


def test_the_404_page_stands_alone_and_leads_to_the_library(published):
    page = BeautifulSoup((published.exported / "404.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.select_one("main a")["href"] == "/"
    assert not page.select("link[href], script[src], img")


# -- when publishing must not go ahead -------------------------------------------------------

def clone(published, folder: Path) -> Repo:
    """A clone of the remote, as CI checks it out: only the remote's gh-pages and tags."""
    subprocess.run(["git", "clone", "--quiet", str(published.remote), str(folder)],
                   check=True, env=git_env())
    return Repo(folder)


def test_a_fresh_clone_knows_what_the_remote_has_published(published, tmp_path):
    ci = clone(published, tmp_path / "ci")
    result = ci.publish(TODAY)
    assert result.returncode == 0, result.stderr
    assert "Nothing to publish" in result.stdout
    assert ci.head("gh-pages") == published.repo.head("gh-pages")


def test_uncommitted_changes_are_not_published(published, tmp_path):
    ci = clone(published, tmp_path / "ci")
    (ci.root / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    result = ci.publish(TODAY)
    assert result.returncode == 1
    assert "not committed" in result.stderr


def test_a_failing_build_publishes_nothing_of_any_policy(published, tmp_path):
    """Two policies are released in one merge; one of them cannot be built."""
    ci = clone(published, tmp_path / "ci")
    ci.publish(TODAY)  # brings gh-pages over from the remote
    before = ci.head("gh-pages")
    policy = ci.root / "policy_source" / FLEXIBLE / "policy.md"
    policy.write_text(policy.read_text(encoding="utf-8") +
                      "\nSee [the old guide](old-guide.md).\n", encoding="utf-8")
    release(ci, FLEXIBLE, "1.1", TODAY, "Points to the old guide.")
    release(ci, LONE, "1.1", TODAY, "A small correction.")
    ci.commit("Two releases, one broken")
    result = ci.publish(TODAY)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Nothing was published" in result.stderr and "Traceback" not in output
    assert "Flexible Working Policy" in result.stderr and "old-guide.md" in result.stderr
    assert ci.head("gh-pages") == before
    tags = ci.git("tag", "--list").split()
    assert f"{FLEXIBLE}/1.1" not in tags and f"{LONE}/1.1" not in tags


def test_the_library_search_covers_each_policys_current_version_only(published):
    """Search finds what applies today: the library's pages and every policy's current/
    version, never an earlier one (whose words may no longer apply)."""
    from browser.pages import published_pages

    exported = published.exported
    entry = json.loads((exported / "pagefind" / "pagefind-entry.json").read_text())
    indexed = [address for address in published_pages()
               if read(exported, address).select_one("[data-pagefind-body]") is not None]
    assert any(address.startswith(f"{FLEXIBLE}/current/") for address in indexed)
    assert entry["languages"]["en"]["page_count"] == len(indexed)


def test_a_version_whose_pdfs_cannot_be_printed_is_not_published(published, tmp_path):
    """Every published version keeps its PDFs, so without a browser to print them nothing is
    published, and the message says how to install one."""
    ci = clone(published, tmp_path / "ci")
    ci.publish(TODAY)  # brings gh-pages over from the remote
    before = ci.head("gh-pages")
    release(ci, LONE, "1.1", TODAY, "A small correction.")
    ci.commit("A release")
    result = subprocess.run(
        [sys.executable, "-m", "policy_guide", "publish", "--today", TODAY.isoformat()],
        capture_output=True, text=True, cwd=ci.root,
        env={**git_env(), "CHROMIUM": str(tmp_path / "no-such-browser")})
    assert result.returncode == 1
    assert "Each published version keeps its PDFs" in result.stderr
    assert "apt-get install chromium" in result.stderr
    assert "Nothing was published" in result.stderr and "Traceback" not in result.stderr
    assert ci.head("gh-pages") == before
