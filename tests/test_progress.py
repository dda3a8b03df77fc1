"""Weekly progress markers and their plain-words readings: properties a person relies on."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from earned.core.belief import went_better_than_feared
from earned.core.progress import (
    Weekly,
    approach_reading,
    discounting_reading,
    distress_reading,
    misreadings_reading,
    month_of,
    periods,
    practice_reading,
    repairs_reading,
    scale_reading,
    violation_reading,
    week_of,
    weekly_count,
    weekly_mean,
    weekly_share,
    weeks,
)
from earned.insights import charts

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


long_spans = st.tuples(
    st.integers(0, 3000).map(lambda n: FIRST + datetime.timedelta(days=n)),
    st.integers(0, 3000).map(lambda n: FIRST + datetime.timedelta(days=n)),
).map(sorted)


@given(long_spans)
def test_months_cover_the_span_each_by_its_first_day(span: list[datetime.date]) -> None:
    first, last = span
    found = periods(first, last, by_month=True)
    assert found[0] == month_of(first)
    assert found[-1] == month_of(last)
    assert all(month.day == 1 for month in found)
    assert all(a < b for a, b in itertools.pairwise(found))
    assert len(found) == (last.year - first.year) * 12 + last.month - first.month + 1


@given(long_spans, st.lists(st.tuples(days, values), max_size=60))
def test_by_month_every_value_lands_in_its_own_month(
    span: list[datetime.date], points: list[tuple[datetime.date, float]]
) -> None:
    first, last = span
    months = weekly_mean(points, first, last, by_month=True)
    inside = [value for day, value in points if first <= day <= last]
    assert sum(month.count for month in months) == len(inside)


@given(st.integers(0, 40), st.integers(0, 40))
def test_the_other_readings_are_plain_sentences(a: int, b: int) -> None:
    readings = [
        misreadings_reading(a, b),
        repairs_reading(a, "about 2 days" if a else None, b),
        discounting_reading(min(a, b), max(a, b), max(a, b) + min(a, b)),
        discounting_reading(0, 0, a + b),
        practice_reading(a, max(1, b)),
        scale_reading("mood", [float(a % 11 - 5)] * b, -5, 5),
    ]
    for reading in readings:
        assert reading[0].isupper()
        assert reading.endswith(".")
        assert not any(word in reading.lower() for word in ("score", "fail", "bad", "poor"))


def test_the_readings_on_examples() -> None:
    assert misreadings_reading(2, 1) == (
        "You looked again at a first reading twice and caught yourself explaining a good "
        "moment away once."
    )
    assert repairs_reading(3, "about 5 hours", 3) == (
        "You or they tried to repair 3 times; the first attempt usually came about 5 hours after."
    )
    assert (
        discounting_reading(0, 4, 4)
        == "Each time things went better than feared, you let it count."
    )
    assert discounting_reading(1, 2, 5) == (
        "Of 5 times things went better than feared, part of you explained 1 away (you noted it "
        "for 2 of them). Noticing that is how it starts to count."
    )
    assert discounting_reading(0, 0, 3) == (
        "Things went better than feared 3 times; whether part of you explained it away was not "
        "noted."
    )
    assert practice_reading(3, 13).startswith("You practised on 3 days, now and then.")
    assert practice_reading(20, 4).startswith("You practised on 20 days, about 5 days a week.")
    assert scale_reading("mood", [1.0, 2.0], -5, 5) == (
        "Your mood averaged +1.5 on the scale from -5 to +5."
    )


# --- Their charts -------------------------------------------------------------------------------

series = st.lists(
    st.tuples(st.none() | st.floats(-100, 100, allow_nan=False), st.integers(0, 5)), max_size=60
).map(
    lambda pairs: [
        Weekly(FIRST + datetime.timedelta(weeks=i), value, count if value is not None else 0)
        for i, (value, count) in enumerate(pairs)
    ]
)


@given(series, st.sampled_from(["bars", "line"]))
def test_a_quiet_week_is_a_gap_never_a_mark(weekly: list[Weekly], style: str) -> None:
    chart = charts.weekly(
        weekly, style=style, low=-100, high=100, y_labels=("a", "b", "c"),
        describe="{value} from {count}", by_month=False,
    )  # fmt: skip
    # A week counting nothing (a count of zero) is as quiet as a week with no value.
    recorded = [week for week in weekly if week.value is not None and (week.value or week.count)]
    marks = chart.bars if style == "bars" else chart.dots
    assert len(marks) == len(recorded)
    for mark in chart.bars:
        assert mark.y >= charts.TOP
        assert mark.y + mark.height <= charts.PLOT_BOTTOM + 1e-6
        assert mark.x >= charts.LEFT
        assert mark.x + mark.width <= charts.WIDTH - charts.RIGHT
    # A line never bridges a quiet week: its runs hold as many points as unbroken stretches.
    if style == "line":
        stretches = [
            len(list(group))
            for recorded_week, group in itertools.groupby(weekly, key=lambda w: w in recorded)
            if recorded_week
        ]
        assert sorted(run.count(" ") + 1 for run in chart.runs) == sorted(
            n for n in stretches if n > 1
        )


@given(series)
def test_a_measures_line_runs_on_across_quiet_weeks(weekly: list[Weekly]) -> None:
    chart = charts.weekly(
        weekly, style="line", low=-100, high=100, y_labels=("a", "b", "c"),
        describe="{value}", by_month=False, join_gaps=True,
    )  # fmt: skip
    recorded = [week for week in weekly if week.value is not None and (week.value or week.count)]
    assert len(chart.dots) == len(recorded)
    # One line through every taking, in order, or none for a single one.
    assert chart.runs == ([" ".join(f"{d.x},{d.y}" for d in chart.dots)] if len(recorded) > 1
                          else [])  # fmt: skip


@given(st.lists(st.integers(-100, 100), min_size=1, max_size=30))
def test_the_discounting_reading_never_denies_what_the_violation_reading_says(
    violations: list[int],
) -> None:
    """One meaning of "went better than feared" serves both sentences, whatever was noted."""
    went_better = sum(went_better_than_feared(value) for value in violations)
    said = violation_reading([float(value) for value in violations])
    if "things went better than you feared" in said.lower():
        assert went_better > 0
    for noted in range(went_better + 1):
        reading = discounting_reading(0, noted, went_better)
        assert ("No experience went better than feared" in reading) == (went_better == 0)
