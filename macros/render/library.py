"""The library home: one row for each policy, with its status, owner and next review."""

from __future__ import annotations

import posixpath

from policy_library.review import Review, ReviewState
from .common import cell, long_date

_REVIEW_WORDS = {
    ReviewState.CURRENT: "",
    ReviewState.DUE_SOON: " (due soon)",
    ReviewState.OVERDUE: " (**overdue**)",
}


def _landing_page(slug: str, from_page: str) -> str:
    return posixpath.relpath(f"{slug}/index.md", posixpath.dirname(from_page) or ".")


def render_library(reviews: list[Review], from_page: str) -> str:
    rows = []
    for review in sorted(reviews, key=lambda review: review.policy.meta.title):
        meta = review.policy.meta
        rows.append(
            f"| [{cell(meta.title)}]({_landing_page(review.policy.slug, from_page)}) "
            f"| {meta.version} | {cell(meta.status.capitalize())} | {cell(meta.owner)} "
            f"| {long_date(meta.next_review)}{_REVIEW_WORDS[review.state]} |")
    return ("| Policy | Version | Status | Owner | Next review |\n"
            "| --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n")
