"""`make publish` and `make export`: two versions published into a temporary repository.

The `published` fixture (tests/publishing.py) publishes 1.0 and 1.1 of a copy of the project.
These tests look at the gh-pages branch, at the exported folder served over HTTP, and at what
happens when publishing should not go ahead.
"""

from __future__ import annotations

import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from publishing import CLAUSE, NEW_WORDS, OLD_WORDS, Repo, git_env


def fetch(url: str) -> BeautifulSoup:
    with urllib.request.urlopen(url, timeout=10) as response:
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser")


def test_both_versions_are_published_and_latest_is_the_newer(published):
    assert published.repo.versions() == {"1.1": ["latest"], "1.0": []}
    assert "beside 1.0" in published.output


def test_the_older_version_is_byte_for_byte_unchanged(published):
    repo = published.repo
    assert repo.head("gh-pages:1.0") == published.tree_1_0
    assert repo.git("ls-tree", "-r", "gh-pages", "1.0") == published.files_1_0


def test_the_published_sources_are_tagged_and_pushed_with_the_branch(published):
    repo = published.repo
    assert repo.git("tag", "--list").split() == ["social-media/1.0", "social-media/1.1"]
    remote = Repo(published.remote)
    assert remote.head("gh-pages") == repo.head("gh-pages")
    assert remote.head("social-media/1.1^{commit}") == repo.head("main")


@pytest.mark.parametrize("version, words", [("1.0", OLD_WORDS), ("1.1", NEW_WORDS),
                                            ("latest", NEW_WORDS)])
def test_each_version_is_served_with_its_own_wording(published_url, version, words):
    page = fetch(f"{published_url}{version}/social-media/policy/")
    clause = page.find(id=CLAUSE).find_next("p").get_text(" ")
    assert words in " ".join(clause.split())
    summary = page.select_one(".policy-summary") or page
    shown = "1.1" if version == "latest" else version
    assert f"{shown} (in force)" in summary.get_text()


def test_the_site_root_sends_visitors_to_latest(published_url):
    page = fetch(published_url)
    assert page.html["lang"] == "en"
    assert page.select_one("main a")["href"] == "latest/"


def test_the_404_page_stands_alone_and_leads_to_latest(published):
    page = BeautifulSoup((published.exported / "404.html").read_text(), "html.parser")
    assert page.h1.get_text() == "Page not found"
    assert page.select_one("main a")["href"] == "/latest/"
    assert not page.select("link[href], script[src], img")


def test_the_export_has_real_folders_not_links(published):
    assert not [path for path in published.exported.rglob("*") if path.is_symlink()]
    assert (published.exported / "latest" / "social-media" / "policy" / "index.html").is_file()


def _local_links(path: Path, root: Path):
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    url = "/" + path.relative_to(root).as_posix()
    for anchor in page.select("a[href]"):
        href = anchor["href"]
        if href.startswith(("#", "mailto:", "tel:")) or urlsplit(href).scheme:
            continue
        yield href, urlsplit(urljoin(url, href)).path


def test_every_link_in_the_export_leads_somewhere(published):
    root = published.exported
    broken = []
    for path in root.rglob("*.html"):
        for href, target in _local_links(path, root):
            file = root / target.lstrip("/")
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{path.relative_to(root)}: {href}")
    assert not broken, "\n".join(broken[:20])


def test_the_comparison_marks_the_reworded_clause_in_place(published_url):
    page = fetch(f"{published_url}1.1/social-media/changes/")
    heading = page.find(id=f"change-{CLAUSE}")
    assert heading.get_text(" ", strip=True).startswith("6.2 Saying where you work")
    diff = heading.find_next(class_="policy-diff")
    assert diff.select_one("del").get_text() == "Removed: make clear"
    assert diff.select_one("ins").get_text() == "Added: say clearly in your profile"
    counts = {row.td.get_text(): row.select("td")[1].get_text()
              for row in page.select("article table tbody tr")}
    assert counts["Reworded"] == "1" and counts["Added"] == "0" and counts["Removed"] == "0"
    history = fetch(f"{published_url}1.1/social-media/history/")
    links = [a["href"] for a in history.select("article table a")]
    assert "../changes/" in links and "../../../1.0/social-media/changes/" in links


def test_the_first_version_says_there_is_nothing_to_compare(published_url):
    text = fetch(f"{published_url}1.0/social-media/changes/").select_one("article").get_text()
    assert "first version" in text


def test_the_in_force_page_gives_each_version_its_dates_and_link(published_url):
    page = fetch(f"{published_url}1.1/social-media/in-force/")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in page.select("article table tbody tr")]
    assert [row[:3] for row in rows] == [["1.1", "4 January 2027", "Still in force"],
                                         ["1.0", "19 December 2018", "3 January 2027"]]
    old = page.select("article table tbody tr")[1].a["href"]
    assert old == "../../../1.0/social-media/policy/"


@pytest.mark.parametrize("day, says", [
    ("2018-12-18", "No version of the Social Media Policy applied on 18 December 2018"),
    ("2018-12-19", "Version 1.0 of the Social Media Policy applied on 19 December 2018"),
    ("2026-12-01", "Version 1.0 "),  # 1.1 was decided that day but took effect later
    ("2027-01-03", "Version 1.0 "),
    ("2027-01-04", "Version 1.1 "),
])
def test_the_in_force_script_is_right_on_boundary_dates(published, day, says):
    result = published.repo.script("in_force.py", day)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(says)


def test_the_outdated_version_tells_readers_where_the_current_one_is(published_url):
    page = fetch(f"{published_url}1.0/social-media/policy/")
    banner = page.select_one("[data-md-component=outdated]")
    assert "earlier version" in banner.get_text()
    assert banner.a["href"] == "../../../latest/"


def test_publishing_an_already_published_version_changes_nothing(published):
    repo = published.repo
    before = repo.head()
    result = repo.script("publish.py")
    assert result.returncode == 0
    assert "already published" in result.stdout
    assert repo.head() == before


def test_a_fresh_clone_knows_what_the_remote_has_published(published, tmp_path):
    """CI checks out a clone with only the remote's gh-pages: it must not publish again."""
    subprocess.run(["git", "clone", "--quiet", str(published.remote), str(tmp_path / "ci")],
                   check=True, env=git_env())
    clone = Repo(tmp_path / "ci")
    result = clone.script("publish.py")
    assert result.returncode == 0, result.stderr
    assert "Version 1.1 of the Social Media Policy is already published" in result.stdout
    assert clone.head("gh-pages") == published.repo.head("gh-pages")


def test_uncommitted_changes_are_not_published(published):
    repo = published.repo
    notes = published.project.path("docs/notes.md")
    notes.write_text("# Notes\n", encoding="utf-8")
    try:
        result = repo.script("publish.py")
    finally:
        notes.unlink()
    assert result.returncode == 1
    assert "not committed" in result.stderr


def test_a_failing_build_publishes_nothing(published):
    repo, project = published.repo, published.project
    before = repo.head()
    project.append("docs/social-media/faqs.md", "\nSee [the old guide](old-guide.md).\n")
    released = repo.script("release.py", "--version", "1.2", "--date", "2027-02-01",
                           "--decided-by", "Personnel Committee", "--summary", "A change.")
    assert released.returncode == 0, released.stderr
    repo.commit("Release 1.2 with a broken link")
    try:
        result = repo.script("publish.py")
        assert result.returncode == 1
        assert "old-guide.md" in result.stdout + result.stderr
        assert "nothing was published" in result.stderr
        assert "Traceback" not in result.stderr
        assert repo.head() == before
        assert "social-media/1.2" not in repo.git("tag", "--list").split()
    finally:
        repo.git("reset", "--quiet", "--hard", "HEAD~1")
