"""Dates as the guide writes them."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """23 November 2018, the GOV.UK style."""
    return f"{day.day} {day:%B %Y}"
