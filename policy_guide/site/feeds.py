"""Atom feeds of published versions, so staff can subscribe to changes: one for the whole
library (`feed.xml` at the top) and one for each policy (`feed-<policy>.xml` beside it).
Both sit at the top of the library because Material's script looks for a sitemap.xml beside
every `<link rel="alternate">` a page names, and the only one is there.

Each entry is one published version: its number and title, the day of its last decision,
every decision that made it (who decided, what, when, and when it takes effect) and the
summary of what changed, all from the policy's history.yml, linking to the version's own
pages. Only published versions are listed (library.json, via PublishedLibrary), so a preview
that has published nothing writes valid, empty feeds. Links are relative to the feed, which
Atom readers resolve against the address they fetched it from; nothing names a host.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..domain.versions import version_key
from ..domain.dates import long_date
from ..domain.models import HistoryEntry, Library, Policy
from ..domain.published import Consultation, PublishedLibrary
from ..domain.versions import CONSULTATION

LIBRARY_FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
#: A feed's and each entry's permanent identifier (Atom needs one that never changes).
ID_PREFIX = "urn:x-policy-guide:"


def policy_feed(slug: str) -> str:
    """A policy's feed, at the top of the library: 'feed-social-media.xml'."""
    return f"feed-{slug}.xml"


@dataclass(frozen=True)
class Entry:
    policy: Policy
    version: str
    decisions: tuple[HistoryEntry, ...]  # oldest first
    announced: str | None = None  # the staff bulletin's words, when it was published
    consultation: Consultation | None = None  # a draft published for consultation

    @property
    def title(self) -> str:
        if self.consultation is not None:
            return (f"{self.policy.meta.title}: draft version {self.version}, for "
                    "consultation")
        return f"{self.policy.meta.title}, version {self.version}"

    @property
    def folder(self) -> str:
        if self.consultation is not None:
            return f"{self.policy.slug}/{CONSULTATION}/{self.version}/"
        return f"{self.policy.slug}/{self.version}/"

    @property
    def updated(self) -> dt.date:
        return self.decisions[-1].date

    def summary(self) -> str:
        if self.consultation is not None:
            found = self.consultation
            return (f"Consultation: draft version {self.version} is not in force. The "
                    f"{found.consulted} {'are' if found.consulted.endswith('s') else 'is'} "
                    f"consulted until {long_date(found.closes)}; comments to "
                    f"{self.policy.meta.contact}. The draft: {self.decisions[-1].changes}")
        if self.announced:
            return self.announced
        said = []
        for decision in self.decisions:
            line = (f"{decision.status.capitalize()}: decided by {decision.decided_by} on "
                    f"{long_date(decision.date)}")
            if decision.effective_from and decision.effective_from != decision.date:
                line += f", taking effect on {long_date(decision.effective_from)}"
            said.append(line + ".")
        said.append(f"What changed: {self.decisions[-1].changes}")
        return " ".join(said)


def entries(library: Library, published: PublishedLibrary) -> list[Entry]:
    """Every published version of every policy, newest decision first."""
    found = []
    for slug, record in published.policies.items():
        policy = library.policies.get(slug)
        if policy is None:
            continue
        for version in record.versions:
            decisions = tuple(entry for entry in policy.history.entries
                              if entry.version == version)
            if decisions:
                found.append(Entry(policy, version, decisions,
                                   record.announcements.get(version)))
    for slug, drafts in published.consultations.items():
        policy = library.policies.get(slug)
        for draft in drafts if policy is not None else ():
            decisions = tuple(entry for entry in policy.history.entries
                              if entry.version == draft.version)
            if decisions:
                found.append(Entry(policy, draft.version, decisions, consultation=draft))
    return sorted(found, key=lambda entry: (entry.updated, entry.policy.slug,
                                            version_key(entry.version)), reverse=True)


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(title: str, author: str, feed_id: str, listed: list[Entry], home: str,
         built: dt.date) -> bytes:
    """An Atom document at the top of the library; `home` leads from it to the page the feed
    is about ('' for the library home)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = ID_PREFIX + feed_id
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(
        listed[0].updated if listed else built)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                  href=home or "./")
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    for entry in listed:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}title").text = entry.title
        ET.SubElement(item, f"{{{ATOM}}}id").text = (
            f"{ID_PREFIX}{entry.policy.slug}:{'consultation:' if entry.consultation else ''}"
            f"{entry.version}")
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(entry.updated)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                      href=entry.folder)
        ET.SubElement(item, f"{{{ATOM}}}summary").text = entry.summary()
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(site: Path, library: Library, published: PublishedLibrary,
                site_name: str, author: str, built: dt.date) -> None:
    """The library's feed and each policy's, into the built site."""
    listed = entries(library, published)
    (site / LIBRARY_FEED).write_bytes(atom(
        f"{site_name}: new versions of policies", author, "library", listed, "", built))
    for slug, policy in library.policies.items():
        record = published.policies.get(slug)
        (site / policy_feed(slug)).write_bytes(atom(
            f"{policy.meta.title}: new versions", author, slug,
            [entry for entry in listed if entry.policy.slug == slug],
            # the version that applies (as the library home links), once one is published;
            # until then, the library home
            f"{slug}/{record.address()}" if record else "", built))
