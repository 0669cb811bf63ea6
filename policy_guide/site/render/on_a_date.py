"""Which version of every policy applied on a date: a date box (docs/assets/javascripts/
on-a-date.js answers from the data in the page, with no request to any server) above the
table of every period, which is the whole answer for readers without scripts."""

from __future__ import annotations

import datetime as dt
import json

from ...domain.inforce import in_force_periods
from ...domain.dates import long_date
from .common import escape
from .home import Listed


def _version_href(item: Listed, version: str) -> str | None:
    if item.published is not None:
        return item.folder + f"{version}/" if version in item.published.versions else None
    return item.folder if version == item.review.policy.meta.version else None


def _periods(item: Listed) -> list[dict]:
    return [{"version": period.version, "start": period.start.isoformat(),
             "end": period.end.isoformat() if period.end else None,
             "href": _version_href(item, period.version)}
            for period in in_force_periods(item.review.policy.history)]


def render_on_a_date(listed: list[Listed]) -> str:
    ordered = sorted(listed, key=lambda item: item.review.policy.meta.title)
    data = [{"title": item.review.policy.meta.title, "periods": _periods(item)}
            for item in ordered]
    rows = []
    for item, entry in zip(ordered, data):
        for period in reversed(entry["periods"]):
            version = escape(period["version"])
            if period["href"]:
                version = f'<a href="{escape(period["href"])}">Version {version}</a>'
            end = (long_date(dt.date.fromisoformat(period["end"])) if period["end"] else "Still in force")
            rows.append(f"<tr><th scope=\"row\">{escape(entry['title'])}</th><td>{version}</td>"
                        f"<td>{long_date(dt.date.fromisoformat(period['start']))}</td><td>{end}</td></tr>")
    form = (
        '<form class="on-a-date" id="on-a-date" hidden>'
        '<div><label for="on-a-date-day">Date (day, month and year)</label>'
        '<input type="date" id="on-a-date-day" name="day" required></div>'
        '<button type="submit" class="md-button md-button--primary">Show the versions</button>'
        '</form>\n<div class="on-a-date__answer" role="status" aria-live="polite"></div>\n')
    script = ('<script type="application/json" id="on-a-date-data">'
              + json.dumps(data).replace("<", "\\u003c") + "</script>\n")
    table = ('<div class="on-a-date__periods"><table><caption>Every version that has applied, '
             "by policy</caption><thead><tr><th scope=\"col\">Policy</th>"
             '<th scope="col">Version</th><th scope="col">In force from</th>'
             '<th scope="col">Until (last day)</th></tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table></div>\n")
    return form + script + "\n" + table
