"""Which version applied when: one row per period, newest first.

In a published version, a period with no end when it was published says so in lasting
words ("Not replaced as of ..."), and the reader's browser fills in the end, and the later
versions' periods, from the published record (render/standing.py)."""

from __future__ import annotations

import datetime as dt

from ...domain.inforce import in_force_periods
from ...domain.models import Policy
from ...domain.published import Publication
from ...domain.dates import long_date
from .common import PageLinks, VersionLinks, plain, version_link
from .standing import period_end


def render_in_force(policy: Policy, publication: Publication, links: PageLinks,
                    versions: VersionLinks, published_on: dt.date | None = None) -> str:
    """The table, for a preview as the sources stand, or for a version published on
    `published_on`."""
    periods = in_force_periods(policy.history)
    meta = policy.meta
    if not periods:
        return (f"No version of the {plain(meta.title)} has come into force yet. Version "
                f"{meta.version} is a {meta.status}.\n")
    rows = []
    for period in reversed(periods):
        if period.end:
            until = long_date(period.end)
        else:
            until = period_end(period.version, published_on) if published_on else "Still in force"
        current = " (this version)" if period.version == meta.version else ""
        link = version_link(period.version, "policy.md", f"Version {period.version}{current}",
                            publication, links, versions) or "Not published in this guide"
        rows.append(f"| {period.version} | {long_date(period.start)} | {until} | {link} |")
    table = ('| Version | In force from | Until (last day) | Read it |\n|---|---|---|---|\n'
             + "\n".join(rows) + "\n")
    before = (f"\nBefore {long_date(periods[0].start)} no version of the {plain(meta.title)} "
              "applied.")
    if meta.supersedes:
        before += (f" The {plain(meta.supersedes)} applied instead; it is not published in this "
                   "guide.")
    return table + before + "\n"
