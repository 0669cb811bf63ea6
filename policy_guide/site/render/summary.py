"""The 'policy at a glance' panel: version, status, owner, approval, review dates.

A published version is never rebuilt, so its panel states only facts that stay true: its
decisions and their dates, when it took effect, when it was published, its review dates.
Where it stands today (in force, replaced, review overdue) is said by the reader's browser,
from the published record (docs/assets/javascripts/library.js). A preview, built from the
sources as they are, says where they stand on the day it is built.
"""

from __future__ import annotations

import datetime as dt

from ...domain.models import PolicyMeta
from ...domain.review import Review, ReviewState
from ...domain.dates import long_date
from .common import PageLinks, escape, plain


def _in_force(meta: PolicyMeta, today: dt.date) -> tuple[str, str]:
    if meta.effective_from is None:
        return ("In force", f"Not yet: this version is {meta.status}")
    if meta.takes_effect_later(today):
        return ("Takes effect on", long_date(meta.effective_from))
    return ("In force from", long_date(meta.effective_from))


def _facts(meta: PolicyMeta, links: PageLinks, today: dt.date,
           published_on: dt.date | None) -> list[tuple[str, str]]:
    """(label, Markdown value) rows of the panel; `published_on` for a published version."""
    status = "" if published_on else f" ({meta.status})"
    facts = [
        ("Version", f"[{meta.version}]({links.page('history.md')}){status}"),
        ("Owner", plain(meta.owner)),
        ("Questions to", plain(meta.contact)),
    ]
    if meta.approved_by and meta.approved_on:  # History.version_facts sets them together
        facts.append(("Approved", f"{plain(meta.approved_by)}, {long_date(meta.approved_on)}"))
        if meta.ratified_by and meta.ratified_on:
            facts.append(("Ratified",
                          f"{plain(meta.ratified_by)}, {long_date(meta.ratified_on)}"))
        facts.append(("In force from", long_date(meta.effective_from))
                     if published_on and meta.effective_from else _in_force(meta, today))
    else:
        facts.append(("Approved", f"Not yet: this version is a {meta.status}"))
    facts += [
        ("Last reviewed", long_date(meta.last_reviewed)),
        ("Next review", long_date(meta.next_review)),
        ("Applies to", "; ".join(plain(group) for group in meta.audience)),
    ]
    if meta.supersedes:
        facts.append(("Replaces", plain(meta.supersedes)))
    if published_on:
        facts.append(("Published in this guide", long_date(published_on)))
    return facts


def _review_notice(meta: PolicyMeta, state: ReviewState) -> str:
    if state is ReviewState.OVERDUE:
        kind, title = "warning", "Review overdue"
        text = (f"This policy was due for review on {long_date(meta.next_review)}. It still "
                "applies until a new version replaces it.")
    elif state is ReviewState.DUE_SOON:
        kind, title = "info", "Review due soon"
        text = f"This policy is due for review on {long_date(meta.next_review)}."
    else:
        return ""
    return (f'!!! {kind} "{title}"\n\n    {text} The {plain(meta.owner)} is responsible for '
            "the review.\n")


def render_summary(review: Review, links: PageLinks, published_on: dt.date | None = None) -> str:
    """The panel, and in a preview a notice of a review due soon or overdue."""
    meta = review.policy.meta
    rows = "\n".join(
        f'<div markdown><dt>{escape(label)}</dt><dd markdown="span">{value}</dd></div>'
        for label, value in _facts(meta, links, review.today, published_on)
    )
    panel = (
        f'<section class="policy-summary" aria-label="{escape(meta.title)} at a glance" '
        f'markdown>\n<dl markdown>\n{rows}\n</dl>\n</section>\n'
    )
    if published_on:
        return panel
    notice = _review_notice(meta, review.state)
    return f"{notice}\n{panel}" if notice else panel
