"""Weekly progress markers and their plain-words readings: properties a person relies on."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from earned.core.progress import (
    approach_reading,
    distress_reading,
    violation_reading,
    week_of,
    weekly_count,
    weekly_mean,
    weekly_share,
    weeks,
)

FIRST = datetime.date(2026, 1, 1)
days = st.integers(0, 120).map(lambda n: FIRST + datetime.timedelta(days=n))
spans = st.tuples(days, days).map(sorted)
values = st.floats(-100, 100, allow_nan=False)


@given(days)
def test_a_week_starts_on_the_monday_on_or_before_the_day(day: datetime.date) -> None:
    monday = week_of(day)
    assert monday.weekday() == 0
    assert 0 <= (day - monday).days < 7


@given(spans)
def test_weeks_are_every_monday_from_first_to_last(span: list[datetime.date]) -> None:
    first, last = span
    found = weeks(first, last)
    assert found[0] == week_of(first)
    assert found[-1] == week_of(last)
    assert all((b - a).days == 7 for a, b in itertools.pairwise(found))


@given(spans, st.lists(st.tuples(days, values), max_size=60))
def test_every_point_in_the_period_is_counted_in_exactly_one_week(
    span: list[datetime.date], points: list[tuple[datetime.date, float]]
) -> None:
    first, last = span
    inside = [point for point in points if first <= point[0] <= last]
    means = weekly_mean(points, first, last)
    assert sum(week.count for week in means) == len(inside)
    for week in means:
        these = [value for day, value in inside if week_of(day) == week.week]
        if these:
            assert week.value is not None
            assert min(these) - 1e-9 <= week.value <= max(these) + 1e-9
        else:
            assert week.value is None  # nothing recorded: no value, never a zero


@given(spans, st.lists(days, max_size=60))
def test_counts_add_up_and_an_empty_week_counts_zero(
    span: list[datetime.date], found: list[datetime.date]
) -> None:
    first, last = span
    counts = weekly_count(found, first, last)
    assert sum(week.count for week in counts) == sum(first <= day <= last for day in found)
    assert all(week.value == week.count for week in counts)


@given(spans, st.lists(st.tuples(days, st.booleans()), max_size=60))
def test_a_share_lies_between_none_and_all(
    span: list[datetime.date], flags: list[tuple[datetime.date, bool]]
) -> None:
    first, last = span
    for week in weekly_share(flags, first, last):
        assert week.value is None or 0 <= week.value <= 1


@given(st.lists(values, max_size=30))
def test_the_violation_reading_follows_the_majority(violations: list[float]) -> None:
    reading = violation_reading(violations)
    better = sum(value > 0 for value in violations)
    if violations and better * 2 > len(violations):
        assert reading.startswith("More often than not, things went better")
    assert reading.endswith(".")


@given(st.integers(0, 50), st.integers(0, 50))
def test_readings_of_responses_and_distress_always_say_something_kind(a: int, b: int) -> None:
    assert approach_reading(a, b).endswith(".")
    assert distress_reading(min(a, b), max(a, b)).endswith(".")
    assert "fail" not in approach_reading(a, b) + distress_reading(min(a, b), max(a, b))
