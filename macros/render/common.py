"""Small helpers shared by the renderers."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from dataclasses import dataclass

from ..models import Policy


def long_date(day: dt.date) -> str:
    """23 November 2018, the GOV.UK style."""
    return f"{day.day} {day:%B %Y}"


def cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class PageLinks:
    """Links from the page being rendered to a policy's pages in docs/<slug>/."""

    policy: Policy
    from_page: str  # the rendered page's path in docs/, e.g. "index.md"

    def page(self, name: str) -> str:
        """Relative link to docs/<slug>/<name> from the current page."""
        here = posixpath.dirname(self.from_page)
        return posixpath.relpath(f"{self.policy.slug}/{name}", here or ".")

    def clause(self, anchor: str) -> str:
        return f"{self.page('policy.md')}#{anchor}"

    def clause_markdown(self, anchor: str, with_title: bool = False) -> str:
        """[clause 6.2](policy.md#anchor), optionally followed by the clause's title."""
        label = self.policy.number_of(anchor)
        if with_title:
            label = f"{label} {self.policy.anchors[anchor].title}"
        return f"[{label}]({self.clause(anchor)})"
