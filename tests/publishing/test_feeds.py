"""Staff can subscribe to changes: the published library has an Atom feed of every new
version, and each policy one of its own, read back here as a feed reader reads them."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup

from policy_guide.domain.versions import version_key
from policy_guide.domain.dates import long_date
from policy_guide.domain.loader import load_library
from publishing.library import FLEXIBLE, LONE, SOCIAL


def read(exported: Path, feed: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((exported / feed).read_bytes(),
                              response_headers={"content-location": f"http://guide/{feed}",
                                                "content-type": "application/atom+xml"})
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def resolves(exported: Path, url: str) -> bool:
    path = url.removeprefix("http://guide/")
    return (exported / path / "index.html").is_file()


def published_versions(exported: Path) -> dict[str, list[str]]:
    data = json.loads((exported / "library.json").read_text(encoding="utf-8"))
    return {slug: entry["versions"] for slug, entry in data["policies"].items()}


def test_the_library_feed_lists_every_published_version_newest_first(published):
    feed = read(published.exported, "feed.xml")
    listed = {(entry.link.split("/")[-3], entry.link.split("/")[-2]) for entry in feed.entries}
    expected = {(slug, version) for slug, versions in
                published_versions(published.exported).items() for version in versions}
    assert listed == expected and len(feed.entries) == len(expected)
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.updated == updated[0]
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    assert all(resolves(published.exported, entry.link) for entry in feed.entries)


def test_each_entry_says_who_decided_what_and_what_changed(published):
    """In the words of the version's staff bulletin item, which the publish kept."""
    library = load_library(published.project.root / "policy_source")
    feed = read(published.exported, f"feed-{SOCIAL}.xml")
    policy = library.policies[SOCIAL]
    newest = max(published_versions(published.exported)[SOCIAL], key=version_key)
    entry = feed.entries[0]
    assert entry.title == f"{policy.meta.title}, version {newest}"
    decision = [item for item in policy.history.entries if item.version == newest][-1]
    assert entry.summary.startswith(
        f"The {decision.decided_by} approved version {newest} of the {policy.meta.title} on "
        f"{long_date(decision.date)}. {decision.changes}")
    assert f"It takes effect on {long_date(decision.effective_from)}." in entry.summary
    assert "Main changes: Clause 1.1 Why we have this policy has new wording." in entry.summary
    data = json.loads((published.exported / "library.json").read_text(encoding="utf-8"))
    assert data["policies"][SOCIAL]["announcements"][newest] == entry.summary
    assert (published.project.path(f"announcements/{SOCIAL}-{newest}/staff.txt").is_file())
    assert (f"Social Media Policy: version {newest}: the staff bulletin item is in "
            f"announcements/{SOCIAL}-{newest}/ (staff.html, staff.txt).") in published.output(4)


def test_each_policy_has_a_feed_of_its_own_versions_only(published):
    versions = published_versions(published.exported)
    for slug in (SOCIAL, FLEXIBLE, LONE):
        feed = read(published.exported, f"feed-{slug}.xml")
        assert sorted(entry.link for entry in feed.entries) == sorted(
            f"http://guide/{slug}/{version}/" for version in versions[slug])
        assert resolves(published.exported, feed.feed.link)


def test_every_page_points_feed_readers_and_staff_to_the_feeds(published):
    exported = published.exported
    for slug in (SOCIAL, FLEXIBLE, LONE):
        for page in ("current/", "current/policy/", "1.0/faqs/"):
            path = exported / slug / page / "index.html"
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            alternates = {link["href"] for link in
                          soup.select('link[rel="alternate"][type="application/atom+xml"]')}
            visible = {link["href"] for link in soup.select("footer a[type='application/atom+xml']")}
            for href in alternates | visible:
                assert (path.parent / href).resolve().is_file(), (path, href)
            names = {Path(href).name for href in alternates}
            assert names == {"feed.xml", f"feed-{slug}.xml"} and alternates == visible, path
    home = BeautifulSoup((exported / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('link[rel="alternate"][href="./feed.xml"]') is not None


def test_a_preview_writes_valid_empty_feeds(site):
    feed = read(site, "feed.xml")
    assert feed.entries == []
    policy_feed = read(site, f"feed-{SOCIAL}.xml")
    assert policy_feed.entries == []
    assert resolves(site, policy_feed.feed.link)
