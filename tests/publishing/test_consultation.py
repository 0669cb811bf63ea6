"""A draft out for consultation is published for the people consulted, apart from the
policy in force: at <policy>/consultation/<version>/, with a banner on every page, compared
with the version in force, never in the versions or the home's table, listed as open for
consultation, in the feeds as a consultation; kept, never rebuilt; and, once a version is
approved, compared with it (tests/browser/test_consultation.py reads it on the day)."""

from __future__ import annotations

import json

import feedparser
from selectolax.lexbor import LexborHTMLParser

from policy_guide.domain.dates import long_date
from publishing.consultation import CLOSES, CONSULTED, DRAFT_WORDS, SOCIAL


def page(site, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def test_the_draft_is_published_apart_from_the_versions(consulted):
    assert ("Social Media Policy: published draft version 1.1 for consultation at "
            f"social-media/consultation/1.1/; the consultation closes on {long_date(CLOSES)}."
            ) in consulted.output(1)
    assert "social-media/consultation/1.1" in consulted.trees[1]
    assert consulted.repo.versions(SOCIAL, "gh-pages").keys() == {"1.0", "1.2"}
    tags = consulted.repo.git("tag", "--list").split()
    assert "social-media/consultation/1.1" in tags and "social-media/1.1" not in tags
    data = json.loads((consulted.final_site / "library.json").read_text(encoding="utf-8"))
    [draft] = data["consultations"][SOCIAL]
    assert (draft["version"], draft["closes"], draft["consulted"]) == (
        "1.1", CLOSES.isoformat(), CONSULTED)


def test_every_page_of_the_draft_says_it_is_for_consultation(consulted):
    folder = consulted.open_site / SOCIAL / "consultation" / "1.1"
    pages = sorted(path.parent.relative_to(folder).as_posix()
                   for path in folder.rglob("index.html"))
    assert "policy" in pages and "faqs" in pages
    for path in pages:
        banner = page(folder, path).css_first("[data-consultation-banner]")
        said = " ".join(banner.text().split())
        assert said.startswith("Draft for consultation: not in force.")
        assert (f"for the {CONSULTED} to comment on. To comment, contact Human Resources by "
                f"{long_date(CLOSES)}.") in said
    text = page(folder, "policy").css_first("article").text()
    assert " ".join(DRAFT_WORDS.split()) in " ".join(text.split())
    # its comparison with the version in force, every part, as for any version
    changes = " ".join(page(folder, "changes").css_first("article").text().split())
    assert "This compares version 1.1 with version 1.0" in changes


def test_the_draft_is_not_policy_in_force_anywhere_else(consulted):
    home = page(consulted.open_site, ".")
    table = " ".join(home.css_first(".library-table").text().split())
    assert "1.1" not in table
    listed = home.css_first(".open-consultations")
    assert listed is not None
    link = listed.css_first("a")
    assert link.attributes["href"] == "social-media/consultation/1.1/"
    assert link.text() == "Social Media Policy: draft version 1.1"
    # once a version is approved, the draft is no longer open
    assert page(consulted.final_site, ".").css_first(".open-consultations") is None
    feed = feedparser.parse((consulted.open_site / f"feed-{SOCIAL}.xml").read_bytes())
    entry = next(item for item in feed.entries if "consultation" in item.link)
    assert entry.title == "Social Media Policy: draft version 1.1, for consultation"
    assert entry.summary.startswith("Consultation: draft version 1.1 is not in force.")
    search_pages = (consulted.open_site / SOCIAL / "consultation" / "1.1" / "policy" /
                    "index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="draft:consultation" hidden></span>' in search_pages


def test_the_draft_is_kept_and_the_approved_version_shows_what_it_changed(consulted):
    draft = "social-media/consultation/1.1"
    assert consulted.trees[2][draft] == consulted.trees[1][draft]  # never rebuilt
    compared = " ".join(page(consulted.final_site, f"{SOCIAL}/1.2/compare/1.1")
                        .css_first("article").text().split())
    assert ("This compares version 1.2 with version 1.1, the draft published for "
            "consultation") in compared
    # what the consultation changed: the draft's words struck through, the approved ones added
    assert "Removed: add a line to Added: say in your" in compared
    assert "Added: profile, in your own words," in compared
    read = page(consulted.final_site, f"{SOCIAL}/1.2/compare/1.1").css_first(
        'article a[href*="consultation/1.1/policy/"]')
    assert read is not None and read.text() == "Read version 1.1"
