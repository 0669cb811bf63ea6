"""The version history table, newest first, with the current version marked."""

from __future__ import annotations

from ...domain.models import HistoryEntry, Policy
from ...domain.published import Publication
from ...domain.dates import long_date
from .common import PageLinks, VersionLinks, plain, version_link


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
            f"| {version} | {long_date(entry.date)} | {plain(entry.status)} "
            f"| {plain(entry.decided_by)} | {plain(entry.changes)} "
            f"| {_read_it(entry, publication, links, versions)} |"
        )
    header = ("| Version | Date | Status | Decided by | What changed | Read it |\n"
              "|---|---|---|---|---|---|")
    return "\n".join([header, *rows]) + "\n"
