"""Small facts about a person's day, from their local clock."""

from __future__ import annotations

import bisect
import datetime
import functools
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


class PracticeDays:
    """The practice day of many moments near a span of days, as `practice_day` gives it, several
    times faster: Insights over ten years places some 40,000 moments.

    A moment's local clock is UTC plus the zone's offset, and the offset changes only at a few
    instants a year (daylight saving). Those instants are found once for the span; each moment
    then needs one search among them and one addition. Moments may come aware, or naive in UTC
    (as SQLite's rows give them); those outside the span take the slower exact way."""

    def __init__(self, first: datetime.date, last: datetime.date, zone: str) -> None:
        self.zone = zone
        self.start = datetime.datetime.combine(first - datetime.timedelta(days=2), _MIDNIGHT)
        self.end = datetime.datetime.combine(last + datetime.timedelta(days=2), _MIDNIGHT)
        self.changes: list[datetime.datetime] = []  # naive UTC instants where the offset changes
        local = ZoneInfo(zone)
        turn = datetime.timedelta(hours=DAY_TURNS_AT)
        offset = _offset(self.start, local)
        self.shifts = [offset - turn]  # from UTC to the practice day's clock, before each change
        day = self.start
        while day < self.end:
            following = day + _ONE_DAY
            while _offset(following, local) != offset:  # at least one change within this day
                day = _first_change(day, following, offset, local)
                offset = _offset(day, local)
                self.changes.append(day)
                self.shifts.append(offset - turn)
            day = following

    def __call__(self, moment: datetime.datetime) -> datetime.date:
        if moment.tzinfo is not None:
            moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
        if not self.start <= moment < self.end:
            return practice_day(moment.replace(tzinfo=datetime.UTC), self.zone)
        return (moment + self.shifts[bisect.bisect_right(self.changes, moment)]).date()


@functools.lru_cache(maxsize=16)
def practice_days(first: datetime.date, last: datetime.date, zone: str) -> PracticeDays:
    """`PracticeDays` for a span, kept for the next ask: one page places its records on days
    more than once, and finding ten years' changes of the clocks takes a few milliseconds."""
    return PracticeDays(first, last, zone)


_MIDNIGHT = datetime.time()
_ONE_DAY = datetime.timedelta(days=1)
_SECOND = datetime.timedelta(seconds=1)


def _offset(utc: datetime.datetime, zone: ZoneInfo) -> datetime.timedelta:
    """The zone's offset from UTC at a naive UTC instant."""
    offset = utc.replace(tzinfo=datetime.UTC).astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always knows its offset
    return offset


def _first_change(
    low: datetime.datetime, high: datetime.datetime, offset: datetime.timedelta, zone: ZoneInfo
) -> datetime.datetime:
    """The first whole second after `low` (at `offset`) and by `high` (not at it) where the zone's
    offset is no longer `offset`: a search halving the interval, 17 steps for a day."""
    while high - low > _SECOND:
        middle = low + (high - low) / 2
        middle -= datetime.timedelta(microseconds=middle.microsecond)
        if _offset(middle, zone) == offset:
            low = middle
        else:
            high = middle
    return high


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
