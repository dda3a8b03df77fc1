"""The types the API reads, strictly: a number is a JSON number, a yes or no is true or false, a
day is YYYY-MM-DD and a moment is ISO 8601 — anything else is refused with a plain message
rather than guessed at. A moment without an offset is on the person's own clock."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from django.utils import timezone
from pydantic import AfterValidator, BeforeValidator, StrictBool

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")


def _a_day(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not DAY.fullmatch(value):
        raise ValueError("Please give a day as YYYY-MM-DD, like 2026-12-04.")
    return value


def _a_moment(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not MOMENT.fullmatch(value):
        raise ValueError("Please give a date and time like 2026-12-04T18:30:00+01:00.")
    return value


def _whole(value: Any) -> Any:
    """A JSON number without a fraction (74 or 74.0); never true, false or a string."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("Please give a whole number.")
    return value


EARLIEST, LATEST = 1900, 2199  # years a moment in a life can be written for


def _on_their_clock(value: datetime.datetime) -> datetime.datetime:
    """The moment, read on the person's clock if it has no offset, kept in UTC: a database
    refuses some offsets a far-off date has on a local clock (a city's mean time of 1880)."""
    if not EARLIEST <= value.year <= LATEST:
        raise ValueError(f"Please give a date between {EARLIEST} and {LATEST}.")
    aware = value if timezone.is_aware(value) else timezone.make_aware(value)
    return aware.astimezone(datetime.UTC)


Day = Annotated[datetime.date, BeforeValidator(_a_day)]
Moment = Annotated[datetime.datetime, BeforeValidator(_a_moment), AfterValidator(_on_their_clock)]
Whole = Annotated[int, BeforeValidator(_whole)]
YesNo = StrictBool
