"""Which version of a policy applied on a given day, from the dates in history.yml.

A version applies from the day it took effect (its 'effective_from', or the date of the
decision) until the day before the next version took effect, or the day before the policy
was withdrawn. The newest version in force has no end date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import long_date
from .models import History, HistoryEntry, Policy
from .versions import tag_name


@dataclass(frozen=True)
class InForcePeriod:
    entry: HistoryEntry
    start: dt.date
    end: dt.date | None  # the last day it applied; None while it still applies

    @property
    def version(self) -> str:
        return self.entry.version

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def in_force_periods(history: History) -> list[InForcePeriod]:
    """Every period in which a version applied, oldest first."""
    periods: list[InForcePeriod] = []
    open_entry: HistoryEntry | None = None
    for entry in history.entries:
        start = entry.in_force_from
        ends_open = start is not None or entry.status == "withdrawn"
        if open_entry is not None and ends_open:
            end = (start or entry.date) - dt.timedelta(days=1)
            if end >= open_entry.in_force_from:  # else it was replaced before it began
                periods.append(InForcePeriod(open_entry, open_entry.in_force_from, end))
            open_entry = None
        if start is not None:
            open_entry = entry
    if open_entry is not None:
        periods.append(InForcePeriod(open_entry, open_entry.in_force_from, None))
    return periods


def version_on(history: History, day: dt.date) -> InForcePeriod | None:
    """The period covering `day`, or None if no version applied that day."""
    return next((period for period in in_force_periods(history) if period.covers(day)), None)


@dataclass(frozen=True)
class Standing:
    """Where a policy stands on a day: the version that applies (or the newest, if none
    does yet), a word for its state, and the next version waiting to take effect."""

    version: str
    state: str  # "in force", "takes effect", "withdrawn", or a history status such as "draft"
    since: dt.date  # when that state began, or begins for "takes effect"
    next_version: InForcePeriod | None = None

    @property
    def key(self) -> str:
        """The state as a word for filters and CSS: in-force, takes-effect, draft, ..."""
        return self.state.replace(" ", "-")


def standing(history: History, day: dt.date) -> Standing:
    """Where the policy stood on `day`, from the decisions made by then."""
    periods = in_force_periods(history)
    later = [period for period in periods if period.start > day and period.entry.date <= day]
    waiting = later[0] if later else None
    applying = next((period for period in periods if period.covers(day)), None)
    if applying is not None:
        return Standing(applying.version, "in force", applying.start, waiting)
    decided = [entry for entry in history.entries if entry.date <= day] or history.entries[:1]
    if decided[-1].status == "withdrawn":
        return Standing(decided[-1].version, "withdrawn", decided[-1].date)
    if waiting is not None:
        return Standing(waiting.version, "takes effect", waiting.start)
    return Standing(decided[-1].version, decided[-1].status, decided[-1].date)


def answer_for(policy: Policy, day: dt.date, published: tuple[str, ...],
               today: dt.date | None = None) -> str:
    """`make in-force`'s answer for one policy: which version applied on `day` (or, for a
    day after `today`, will apply, as decided so far), and where it is published
    (`published`: the versions with a git tag)."""
    title = policy.meta.title
    future = today is not None and day > today
    applied = "will apply" if future else "applied"
    period = version_on(policy.history, day)
    if period is None:
        periods = in_force_periods(policy.history)
        if periods and day < periods[0].start:
            took = "takes" if future else "took"
            text = (f"No version of the {title} {applied} on {long_date(day)}: the first "
                    f"{took} effect on {long_date(periods[0].start)}.")
            if policy.meta.supersedes:
                text += f" The {policy.meta.supersedes} {applied} instead."
            return text
        suffix = ", as decided so far" if future else ""
        return f"No version of the {title} {applied} on {long_date(day)}{suffix}."
    if future:
        until = (f"until {long_date(period.end)}" if period.end
                 else "with no end date decided so far")
        text = (f"Version {period.version} of the {title} will apply on {long_date(day)}, as "
                f"decided so far. It applies from {long_date(period.start)} {until}.")
    else:
        until = (f"to {long_date(period.end)}" if period.end
                 else "and still applies, as far as these sources know")
        text = (f"Version {period.version} of the {title} applied on {long_date(day)}. "
                f"It applied from {long_date(period.start)} {until}.")
    if period.version in published:
        text += (f"\n  Published at {policy.slug}/{period.version}/ in the policy library; "
                 f"its source is git tag {tag_name(policy.slug, period.version)}.")
    else:
        text += "\n  That version has not been published in the policy library."
    return text
