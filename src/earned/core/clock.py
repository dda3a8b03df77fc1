"""Small facts about a person's day, from their local clock."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MORNING_STARTS = 5
AFTERNOON_STARTS = 12
EVENING_STARTS = 18


def part_of_day(hour: int) -> str:
    """'morning', 'afternoon' or 'evening' for an hour from 0 to 23 on the person's own clock."""
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be from 0 to 23, not {hour}")
    if MORNING_STARTS <= hour < AFTERNOON_STARTS:
        return "morning"
    if AFTERNOON_STARTS <= hour < EVENING_STARTS:
        return "afternoon"
    return "evening"


# A person's day turns at 04:00 on their own clock, not at midnight: an evening review written
# at 00:30 still closes the evening before, the day they were living in.
DAY_TURNS_AT = 4


def practice_day(moment: datetime.datetime, zone: str) -> datetime.date:
    """The day a moment belongs to, for a person living in `zone` (an IANA name)."""
    if moment.tzinfo is None:
        raise ValueError("practice_day needs an aware datetime")
    local = moment.astimezone(ZoneInfo(zone))
    return (local - datetime.timedelta(hours=DAY_TURNS_AT)).date()


@dataclass(frozen=True)
class Week:
    starts: datetime.date  # a Monday
    days: int  # days practised in it, 0–7


def weeks_practised(days: Iterable[datetime.date], today: datetime.date, weeks: int) -> list[Week]:
    """Days practised in each of the last `weeks` weeks (Monday to Sunday), oldest first, the
    last one being this week. A count, never a streak: a missed day takes nothing away."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_monday = this_monday - datetime.timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    for day in set(days):
        if first_monday <= day <= today:
            counts[(day - first_monday).days // 7] += 1
    return [
        Week(first_monday + datetime.timedelta(weeks=index), count)
        for index, count in enumerate(counts)
    ]
