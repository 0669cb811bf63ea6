"""The version history table, newest first, with the current version marked.

Each row is a decision, in words that stay true: "Approved", "Put in force from 19 December
2018". Whether a version still applies is not written here: a published version's page is
never rebuilt, so its reader's browser says that, and lists the versions published since
(render/later.py, docs/assets/javascripts/library.js).
"""

from __future__ import annotations

from ...domain.models import HistoryEntry, Policy
from ...domain.published import Publication
from ...domain.dates import long_date
from .common import PageLinks, VersionLinks, plain, version_link

#: What each kind of decision did, in words that stay true once it is made.
DECISIONS = {
    "draft": "Drafted",
    "consultation": "Sent out for consultation",
    "approved": "Approved",
    "superseded": "Marked as replaced",
    "withdrawn": "Withdrawn",
}


def decision_words(entry: HistoryEntry) -> str:
    """The decision an entry records: 'Approved', 'Put in force from 19 December 2018'."""
    if entry.in_force_from is not None:
        return f"Put in force from {long_date(entry.in_force_from)}"
    return DECISIONS.get(entry.status, entry.status.capitalize())


def _read_it(entry: HistoryEntry, publication: Publication, links: PageLinks,
             versions: VersionLinks) -> str:
    found = [version_link(entry.version, page, text, publication, links, versions)
             for page, text in (("policy.md", "The policy"), ("changes.md", "What changed"))]
    return " · ".join(found) if all(found) else "Not published"


def render_history(policy: Policy, publication: Publication, links: PageLinks,
                   versions: VersionLinks) -> str:
    history = policy.history
    current = history.current
    rows = []
    for entry in history.newest_first():
        version = f"**{entry.version} (this version)**" if entry is current else entry.version
        rows.append(
            f"| {version} | {long_date(entry.date)} | {plain(decision_words(entry))} "
            f"| {plain(entry.decided_by)} | {plain(entry.changes)} "
            f"| {_read_it(entry, publication, links, versions)} |"
        )
    header = ("| Version | Date | Decision | Decided by | What changed | Read it |\n"
              "|---|---|---|---|---|---|")
    return "\n".join([header, *rows]) + "\n"
