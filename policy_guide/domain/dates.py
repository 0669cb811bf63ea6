"""Dates as the guide writes them."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """23 November 2018, the GOV.UK style."""
    return f"{day.day} {day:%B %Y}"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February in a year without one)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
