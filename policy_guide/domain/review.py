"""Review dates: which policies are due for review soon, which are overdue, and which of
those the library settings allow (with a reason).

The build warns about both; `make check` fails on an overdue review that is not allowed;
the scheduled workflow opens a reminder issue for the owning team.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .models import Library, Policy, PolicyMeta
from .dates import long_date


class ReviewState(Enum):
    CURRENT = "current"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"


def review_state(meta: PolicyMeta, today: dt.date, warning_days: int) -> ReviewState:
    if today > meta.next_review:
        return ReviewState.OVERDUE
    if (meta.next_review - today).days <= warning_days:
        return ReviewState.DUE_SOON
    return ReviewState.CURRENT


@dataclass(frozen=True)
class Review:
    """Where one policy stands against its next review date."""

    policy: Policy
    team: str
    state: ReviewState
    today: dt.date
    allowed_because: str | None  # the reason an overdue review is allowed, if it is

    @property
    def days(self) -> int:
        """Days until the review (negative once it is overdue)."""
        return (self.policy.meta.next_review - self.today).days

    @property
    def blocks_checks(self) -> bool:
        return self.state is ReviewState.OVERDUE and self.allowed_because is None

    def describe(self) -> str:
        """One line for the build log or `make check`."""
        meta = self.policy.meta
        due = long_date(meta.next_review)
        if self.state is ReviewState.OVERDUE:
            text = (f"{meta.title} ({self.policy.slug}) was due for review on {due}, "
                    f"{-self.days} days ago. Owner: {meta.owner}.")
            if self.allowed_because:
                text += f" Allowed in library.yml: {self.allowed_because}"
            return text
        if self.state is ReviewState.DUE_SOON:
            return (f"{meta.title} ({self.policy.slug}) is due for review on {due}, in "
                    f"{self.days} days. Owner: {meta.owner}.")
        return f"{meta.title} ({self.policy.slug}) is next due for review on {due}."


def reviews(library: Library, today: dt.date) -> list[Review]:
    """Every policy's review, in folder-name order."""
    settings = library.settings.review
    return [
        Review(policy, policy.team(library.settings),
               review_state(policy.meta, today, settings.warning_days), today,
               settings.allow_overdue.get(slug))
        for slug, policy in library.policies.items()
    ]


def stale_permissions(found: list[Review]) -> list[Review]:
    """The reviews library.yml allows to be overdue that are not: the policy has been
    reviewed since (a new version set a later review date), so the permission can go."""
    return [review for review in found
            if review.allowed_because is not None and review.state is not ReviewState.OVERDUE]


def permission_line(settings_text: str, slug: str) -> int | None:
    """The line of library.yml that gives `slug` its permission under allow_overdue."""
    lines = settings_text.splitlines()
    start = next((index for index, line in enumerate(lines)
                  if line.strip().startswith("allow_overdue:")), None)
    if start is None:
        return None
    for index in range(start + 1, len(lines)):
        key = lines[index].strip().split(":", 1)[0].strip("'\" ")
        if key == slug:
            return index + 1
    return None


def stale_permission_problem(review: Review) -> tuple[str, str]:
    """What is wrong with a permission no longer needed, and how to fix it."""
    meta = review.policy.meta
    return (f"'{review.policy.slug}' is allowed an overdue review under 'review: "
            f"allow_overdue:', but the {meta.title} is not overdue for review: its next "
            f"review is due on {long_date(meta.next_review)} (set by version {meta.version}). "
            "The permission is not needed, so it can go.",
            f"Delete the line '{review.policy.slug}:' under 'allow_overdue:' and the reason "
            "below it. (make release removes it itself when it records a reviewed version.)")


# The reminder issue opened for a review due soon or overdue (`make review-reminders`).

def issue_title(review: Review) -> str:
    meta = review.policy.meta
    return f"Review the {meta.title}: due {long_date(meta.next_review)}"


def issue_body(review: Review) -> str:
    meta = review.policy.meta
    slug = review.policy.slug
    state = ("is overdue" if review.state is ReviewState.OVERDUE
             else f"is due in {review.days} days")
    lines = [
        f"{review.team}: the review of the **{meta.title}** (version {meta.version}) {state}.",
        "",
        f"- Owner: {meta.owner}",
        f"- Next review date: {long_date(meta.next_review)}",
        f"- Source: `policy_source/{slug}/`",
    ]
    if review.allowed_because:
        lines.append(f"- Overdue allowed in `policy_source/library.yml`: {review.allowed_because}")
    lines += [
        "",
        "When the review is done, record the reviewed version with `make release` and a new "
        "`NEXT_REVIEW` date, as the guide for policy owners explains (Changing the guide, "
        "\"Releasing a new version\"). Close this issue when it is published.",
    ]
    return "\n".join(lines)
