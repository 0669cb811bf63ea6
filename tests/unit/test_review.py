"""Review dates: due soon inside the warning window, overdue after the date, and allowed
overdue only with a reason in library.yml."""

import datetime as dt
from dataclasses import replace

import pytest

from policy_guide.domain.review import ReviewState, reviews


def library_on(library, **review_settings):
    settings = library.settings.model_copy(
        update={"review": library.settings.review.model_copy(update=review_settings)})
    return replace(library, settings=settings)


@pytest.mark.parametrize("days_before_review, state", [
    (91, ReviewState.CURRENT), (90, ReviewState.DUE_SOON), (0, ReviewState.DUE_SOON),
    (-1, ReviewState.OVERDUE)])
def test_the_state_follows_the_warning_window(library, policy, days_before_review, state):
    today = policy.meta.next_review - dt.timedelta(days=days_before_review)
    review, = reviews(library_on(library, warning_days=90), today)
    assert review.state is state
    assert review.days == days_before_review


def test_an_overdue_review_blocks_the_checks_unless_allowed(library, policy):
    today = policy.meta.next_review + dt.timedelta(days=10)
    blocked, = reviews(library_on(library, allow_overdue={}), today)
    assert blocked.blocks_checks
    assert "10 days ago" in blocked.describe() and policy.meta.owner in blocked.describe()
    allowed, = reviews(library_on(library, allow_overdue={policy.slug: "Review under way."}),
                       today)
    assert not allowed.blocks_checks
    assert allowed.describe().endswith("Allowed in library.yml: Review under way.")


def test_a_policy_without_its_own_team_goes_to_the_default_team(library, policy):
    settings = library.settings.model_copy(update={"default_team": "@council/everyone"})
    own = replace(policy, meta=policy.meta.model_copy(update={"owning_team": "@council/comms"}))
    review, = reviews(replace(library, settings=settings), dt.date.today())
    assert review.team == "@council/everyone"
    review, = reviews(replace(library, settings=settings, policies={policy.slug: own}),
                      dt.date.today())
    assert review.team == "@council/comms"
