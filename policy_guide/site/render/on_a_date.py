"""Which version of every policy applied on a date: a date box (docs/assets/javascripts/
library.js answers from the data in the page, with no request to any server; for a day to
come, in the future tense) above the table of every period, and of the policy each first
version replaced, which is the whole answer for readers without scripts."""

from __future__ import annotations

import datetime as dt
import json

from ...domain.inforce import in_force_periods
from ...domain.dates import long_date
from .common import escape, labelled_cell
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
    data = [{"title": item.review.policy.meta.title, "periods": _periods(item),
             "replaced": item.review.policy.meta.supersedes} for item in ordered]
    rows = []
    for item, entry in zip(ordered, data):
        title = f'<th scope="row">{escape(entry["title"])}</th>'
        for period in reversed(entry["periods"]):
            version = escape(period["version"])
            if period["href"]:
                version = f'<a href="{escape(period["href"])}">Version {version}</a>'
            end = (long_date(dt.date.fromisoformat(period["end"])) if period["end"]
                   else "Still in force")
            start = long_date(dt.date.fromisoformat(period["start"]))
            rows.append(f"<tr>{title}{labelled_cell('Version', version)}"
                        f"{labelled_cell('In force from', start)}"
                        f"{labelled_cell('Until (last day)', end)}</tr>")
        if entry["periods"] and entry["replaced"]:
            first = dt.date.fromisoformat(entry["periods"][0]["start"])
            replaced = (f"Before it: the {escape(entry['replaced'])}, not published in this "
                        "guide")
            rows.append(f"<tr>{title}{labelled_cell('Version', replaced)}"
                        f"{labelled_cell('In force from', 'Not known here')}"
                        f"{labelled_cell('Until (last day)', long_date(first - dt.timedelta(days=1)))}"
                        "</tr>")
    fields = "".join(
        f'<div class="on-a-date__field on-a-date__field--{name}">'
        f'<label for="on-a-date-{name}">{label}</label>'
        f'<input type="text" id="on-a-date-{name}" name="{name}" inputmode="numeric" '
        f'maxlength="{size}" pattern="[0-9]*" autocomplete="off" spellcheck="false" required>'
        "</div>"
        for name, label, size in (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)))
    # Day, month and year in their own boxes, in that order, as GOV.UK asks for a date
    # people know: a browser's date picker is hard on a phone and with a screen reader. The
    # browser's own checks are off (novalidate), so a mistake gets the page's own message,
    # which says what to do, not a bubble that screen readers may miss.
    form = (
        '<form class="on-a-date" id="on-a-date" novalidate hidden>'
        '<fieldset aria-describedby="on-a-date-hint"><legend>Date</legend>'
        '<p class="on-a-date__hint" id="on-a-date-hint">For example, 19 12 2018</p>'
        f'<div class="on-a-date__fields">{fields}</div></fieldset>'
        '<button type="submit" class="md-button md-button--primary">Show the versions</button>'
        '</form>\n<p class="on-a-date__error" id="on-a-date-error" role="alert" hidden></p>\n'
        '<div class="on-a-date__answer" role="status" aria-live="polite"></div>\n')
    script = ('<script type="application/json" id="on-a-date-data">'
              + json.dumps(data).replace("<", "\\u003c") + "</script>\n")
    table = ('<div class="on-a-date__periods"><table><caption>Every version that has applied, '
             "by policy</caption><thead><tr><th scope=\"col\">Policy</th>"
             '<th scope="col">Version</th><th scope="col">In force from</th>'
             '<th scope="col">Until (last day)</th></tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table></div>\n")
    return form + script + "\n" + table
