"""Which version applied when: one row per period, newest first."""

from __future__ import annotations

from ...domain.inforce import in_force_periods
from ...domain.models import Policy
from ...domain.published import Publication
from ...domain.dates import long_date
from .common import PageLinks, VersionLinks, plain, version_link


def render_in_force(policy: Policy, publication: Publication, links: PageLinks,
                    versions: VersionLinks) -> str:
    periods = in_force_periods(policy.history)
    if not periods:
        return (f"No version of the {plain(policy.meta.title)} has come into force yet. Version "
                f"{policy.meta.version} is a {policy.meta.status}.\n")
    rows = []
    for period in reversed(periods):
        until = long_date(period.end) if period.end else "Still in force"
        current = " (this version)" if period.version == policy.meta.version else ""
        link = version_link(period.version, "policy.md", f"Version {period.version}{current}",
                            publication, links, versions) or "Not published in this guide"
        rows.append(f"| {period.version} | {long_date(period.start)} | {until} | {link} |")
    table = ("| Version | In force from | Until (last day) | Read it |\n|---|---|---|---|\n"
             + "\n".join(rows) + "\n")
    meta = policy.meta
    before = (f"\nBefore {long_date(periods[0].start)} no version of the {plain(meta.title)} "
              "applied.")
    if meta.supersedes:
        before += (f" The {plain(meta.supersedes)} applied instead; it is not published in this "
                   "guide.")
    return table + before + "\n"
