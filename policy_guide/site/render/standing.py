"""Where a published version stands today: the parts of its pages its reader's browser fills in.

A published version is never rebuilt, so a page may state only what stays true: its
decisions, the day it took effect, the day it was published. Where it stands on the day the
page is read (in force, replaced and by which version, withdrawn, its review overdue) comes
from the policy's published record, <policy>/versions.json, which every publish keeps up to
date (domain/published.py's VersionRecord). docs/assets/javascripts/library.js reads it and
fills in each element marked here. Without scripts each says, in lasting words, when the
page was published and where the version that applies today is.
"""

from __future__ import annotations

import datetime as dt

from ...domain.dates import long_date
from .common import escape


def period_end(version: str, published_on: dt.date) -> str:
    """The end of a period in force that had no end when the version was published."""
    return (f'<span data-period-end="{escape(version)}">Not replaced as of '
            f"{long_date(published_on)}</span>")


def later_versions(title: str, policy_root: str, published_on: dt.date) -> str:
    """Where a reader finds the versions published after this one."""
    return (f'<p class="later-versions" data-later-versions>This page is as it stood when this '
            f"version was published, on {long_date(published_on)}. Versions published since, "
            f'if any, are listed in <a href="{escape(policy_root)}">the version of the '
            f"{escape(title)} that applies today</a>.</p>\n")


def review_due(due: dt.date, warning_days: int) -> dict[str, str]:
    """The data attributes that let the browser add "(review overdue)" or "(review due
    soon)" to a stated review date, on the day the page is read."""
    return {"data-review-due": due.isoformat(),
            "data-review-soon": (due - dt.timedelta(days=warning_days)).isoformat()}


def review_marker(due: dt.date, warning_days: int) -> str:
    """An empty element after a review date, for the browser to fill in."""
    attributes = " ".join(f'{name}="{value}"'
                          for name, value in review_due(due, warning_days).items())
    return f"<span class=\"review-marker\" {attributes}></span>"
