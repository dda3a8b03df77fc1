"""The person's day: which day a moment belongs to, and days practised week by week."""

from __future__ import annotations

import datetime
import itertools
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.core.clock import DAY_TURNS_AT, PracticeDays, practice_day, weeks_practised

UTC = datetime.UTC
ZONES = st.sampled_from(["Europe/Dublin", "Pacific/Auckland", "America/Los_Angeles", "UTC"])
MOMENTS = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2040, 1, 1)
).map(lambda naive: naive.replace(tzinfo=UTC))
DAYS = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 1, 1))


def test_the_day_is_the_one_lived_in_not_the_servers() -> None:
    # 09:00 on Tuesday in Auckland is still Monday evening in UTC.
    tuesday_morning = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert tuesday_morning.astimezone(UTC).date() == datetime.date(2026, 3, 9)
    assert practice_day(tuesday_morning, "Pacific/Auckland") == datetime.date(2026, 3, 10)


def test_a_review_after_midnight_closes_the_evening_before() -> None:
    zone = ZoneInfo("Europe/Dublin")
    late = datetime.datetime(2026, 7, 15, 0, 30, tzinfo=zone)
    assert practice_day(late, "Europe/Dublin") == datetime.date(2026, 7, 14)
    early = datetime.datetime(2026, 7, 15, DAY_TURNS_AT, 0, tzinfo=zone)
    assert practice_day(early, "Europe/Dublin") == datetime.date(2026, 7, 15)


def test_a_moment_needs_its_time_zone() -> None:
    with pytest.raises(ValueError, match="aware"):
        practice_day(datetime.datetime(2026, 1, 1, 12, 0), "UTC")


@given(moment=MOMENTS, zone=ZONES)
def test_the_day_is_the_local_date_or_the_one_before(moment: datetime.datetime, zone: str) -> None:
    local = moment.astimezone(ZoneInfo(zone))
    day = practice_day(moment, zone)
    expected = local.date() - datetime.timedelta(days=1 if local.hour < DAY_TURNS_AT else 0)
    assert day == expected


EVERY_ZONE = st.sampled_from(sorted(available_timezones()))


@given(
    zone=EVERY_ZONE,
    first=st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 1, 1)),
    span=st.integers(0, 400),
    seconds=st.lists(st.integers(-3 * 86_400, 403 * 86_400), min_size=1, max_size=30),
    turns=st.lists(st.integers(-2, 402), max_size=30),
    aware=st.booleans(),
)
def test_many_moments_get_the_days_practice_day_gives_them(
    zone: str, first: datetime.date, span: int, seconds: list[int], turns: list[int], aware: bool
) -> None:
    # Moments within the span, around it and outside it, and a second either side of days'
    # turns; as aware moments or naive in UTC (as SQLite's rows give them).
    last = first + datetime.timedelta(days=span)
    days = PracticeDays(first, last, zone)
    start = datetime.datetime.combine(first, datetime.time(), UTC)
    moments = [start + datetime.timedelta(seconds=each) for each in seconds]
    for each in turns:
        turn = datetime.datetime.combine(
            first + datetime.timedelta(days=each), datetime.time(DAY_TURNS_AT), ZoneInfo(zone)
        ).astimezone(UTC)
        moments += [turn - SECOND, turn, turn + SECOND]
    for moment in moments:
        given_as = moment if aware else moment.replace(tzinfo=None)
        assert days(given_as) == practice_day(moment, zone), (zone, moment)


@pytest.mark.parametrize(
    ("zone", "moment"),
    [
        # The hour after the clocks go forward, the hour they go back (twice), and Lord Howe's
        # half hour.
        ("Europe/Dublin", datetime.datetime(2026, 3, 29, 1, 0, 0)),
        ("Europe/Dublin", datetime.datetime(2026, 3, 29, 0, 59, 59)),
        ("Europe/Dublin", datetime.datetime(2026, 10, 25, 0, 30)),
        ("Europe/Dublin", datetime.datetime(2026, 10, 25, 1, 30)),
        ("America/St_Johns", datetime.datetime(2026, 3, 8, 5, 30)),
        ("Australia/Lord_Howe", datetime.datetime(2026, 4, 4, 15, 0)),
        ("Australia/Lord_Howe", datetime.datetime(2026, 4, 4, 14, 59, 59, 999999)),
    ],
)
def test_moments_at_a_change_of_the_clocks_get_the_right_day(
    zone: str, moment: datetime.datetime
) -> None:
    days = PracticeDays(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), zone)
    for near in (moment - datetime.timedelta(microseconds=1), moment, moment + SECOND):
        assert days(near) == practice_day(near.replace(tzinfo=UTC), zone)


SECOND = datetime.timedelta(seconds=1)


@given(days=st.lists(DAYS, max_size=60), today=DAYS, weeks=st.integers(1, 60))
def test_weeks_count_each_practised_day_once(
    days: list[datetime.date], today: datetime.date, weeks: int
) -> None:
    found = weeks_practised(days, today, weeks)
    assert len(found) == weeks
    assert all(week.starts.weekday() == 0 for week in found)
    assert all(0 <= week.days <= 7 for week in found)
    assert all(
        later.starts - earlier.starts == datetime.timedelta(weeks=1)
        for earlier, later in itertools.pairwise(found)
    )
    assert found[-1].starts <= today < found[-1].starts + datetime.timedelta(weeks=1)
    in_window = {day for day in days if found[0].starts <= day <= today}
    assert sum(week.days for week in found) == len(in_window)


@given(days=st.lists(DAYS, max_size=60), today=DAYS, extra=DAYS)
def test_practising_one_more_day_never_lowers_a_week(
    days: list[datetime.date], today: datetime.date, extra: datetime.date
) -> None:
    before = weeks_practised(days, today, 12)
    after = weeks_practised([*days, extra], today, 12)
    assert all(b.days <= a.days for b, a in zip(before, after, strict=True))


def test_weeks_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        weeks_practised([], datetime.date(2026, 1, 1), 0)
