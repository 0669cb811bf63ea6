"""The library home: one row for each policy, filterable by category and status.

The table is plain HTML that works without scripts; docs/assets/javascripts/library.js
adds the two filters (they are hidden until it runs) and says how many rows are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ...domain.inforce import Standing, standing
from ...domain.published import PublishedPolicy
from ...domain.review import Review, ReviewState
from ...domain.dates import long_date
from .common import escape, labelled_cell
from .standing import review_marker

_REVIEW_WORDS = {
    ReviewState.CURRENT: "",
    ReviewState.DUE_SOON: " (due soon)",
    ReviewState.OVERDUE: " <strong>(overdue)</strong>",
}

#: Status filter values, in the order the filter offers them, with their words.
STATES = {
    "in-force": "In force",
    "takes-effect": "Takes effect later",
    "approved": "Approved",
    "consultation": "Consultation",
    "draft": "Draft",
    "withdrawn": "Withdrawn",
    "superseded": "Superseded",
}


@dataclass(frozen=True)
class Listed:
    """A policy as the home lists it."""

    review: Review
    published: PublishedPolicy | None  # None in a preview build
    folder: str  # the address of the policy's folder from the page
    today: dt.date
    warning_days: int  # how long before its review date a review is due soon

    @cached_property
    def standing(self) -> Standing:
        """Where the policy stands today (worked out once: the row, its status and the
        filters all use it)."""
        return standing(self.review.policy.history, self.today)

    @property
    def href(self) -> str:
        return self.folder + (self.published.address() if self.published else "")

    def review_words(self) -> str:
        """After the review date: "(overdue)" or "(due soon)". The published home is rebuilt
        only when something is published, so there the reader's browser says it on the day
        (render/standing.py); a preview says it as it is built."""
        if self.published is None:
            return _REVIEW_WORDS[self.review.state]
        return review_marker(self.review.policy.meta.next_review, self.warning_days)

    def status_words(self) -> str:
        now = self.standing
        if now.state == "takes effect":
            return f"Takes effect on {long_date(now.since)}"
        words = STATES.get(now.key, now.state.capitalize())
        if now.next_version is not None:
            words += (f"; version {now.next_version.version} takes effect on "
                      f"{long_date(now.next_version.start)}")
        return words


def _options(name: str, label: str, values: list[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{escape(value)}">{escape(text)}</option>'
                      for value, text in values)
    return (f'<div><label for="library-{name}">{label}</label>'
            f'<select id="library-{name}" data-filter="{name}">'
            f'<option value="">All</option>{options}</select></div>')


def render_table(listed: list[Listed], categories: list[str]) -> str:
    rows = []
    for item in sorted(listed, key=lambda item: item.review.policy.meta.title):
        meta, now = item.review.policy.meta, item.standing
        rows.append(
            f'<tr data-category="{escape(meta.category)}" data-status="{now.key}">'
            f'<th scope="row"><a href="{escape(item.href)}">{escape(meta.title)}</a></th>'
            + labelled_cell("Category", escape(meta.category))
            + labelled_cell("Version", escape(now.version))
            + labelled_cell("Status", escape(item.status_words()))
            + labelled_cell("Owner", escape(meta.owner))
            + labelled_cell("Next review", long_date(meta.next_review) + item.review_words())
            + "</tr>")
    used = {item.standing.key for item in listed}
    filters = (
        '<form class="library-filters" id="library-filters" hidden '
        'aria-label="Filter the policies">'
        + _options("category", "Category", [(name, name) for name in categories])
        + _options("status", "Status", [(key, words) for key, words in STATES.items()
                                         if key in used])
        + '<button type="submit" class="md-button md-button--primary">Show these policies</button>'
        + '<p class="library-filters__count" role="status" aria-live="polite"></p></form>')
    table = (
        '<div class="library-table"><table>'
        "<caption>Every policy in the library, by title</caption>"
        '<thead><tr><th scope="col">Policy</th><th scope="col">Category</th>'
        '<th scope="col">Version</th><th scope="col">Status</th><th scope="col">Owner</th>'
        '<th scope="col">Next review</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>")
    return f"{filters}\n\n{table}\n"


def render_consultations(drafts: list) -> str:
    """The library home's list of drafts out for consultation: (title, Consultation,
    address) each. Not policy in force, so not in the table above; each item goes when its
    consultation closes (the home is rebuilt by every publish, and assets/javascripts/
    library.js hides it on the day)."""
    if not drafts:
        return ""
    items = "\n".join(
        f'<li data-closes="{escape(draft.closes.isoformat())}"><a href="{escape(href)}">'
        f"{escape(title)}: draft version {escape(draft.version)}</a>. Not in force. "
        f"Consulting the {escape(draft.consulted)} until {escape(long_date(draft.closes))}.</li>"
        for title, draft, href in drafts)
    return ('<section class="open-consultations" aria-labelledby="open-for-consultation">\n'
            '<h2 id="open-for-consultation">Open for consultation</h2>\n'
            "<p>Drafts the Council is consulting on. They are not in force: the policies "
            "above apply until a new version is approved.</p>\n"
            f"<ul>\n{items}\n</ul>\n</section>\n")
