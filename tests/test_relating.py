"""Relationship markers: willingness to repair, time to repair, presence per month."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from earned.core.relating import (
    REPAIR_WINDOW,
    Rupture,
    in_words,
    median_time_to_repair,
    presence_by_month,
    time_to_repair,
    willingness_to_repair,
)

START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
moments = st.integers(0, 400 * 24).map(lambda hours: START + datetime.timedelta(hours=hours))
ruptures = st.builds(Rupture, at=moments, repairs=st.lists(moments, max_size=3))
NOW = START + datetime.timedelta(days=500)


@given(st.lists(ruptures, max_size=12))
def test_willingness_is_a_share_or_nothing_to_say(found: list[Rupture]) -> None:
    share = willingness_to_repair(found, NOW)
    assert share is None or 0 <= share <= 1
    if not found:
        assert share is None


@given(st.lists(ruptures, max_size=12), ruptures)
def test_a_quick_repair_never_lowers_willingness(found: list[Rupture], rupture: Rupture) -> None:
    before = willingness_to_repair(found, NOW)
    quick = Rupture(rupture.at, [rupture.at + datetime.timedelta(hours=5)])
    after = willingness_to_repair([*found, quick], NOW)
    assert after is not None
    assert before is None or after >= before


def test_a_recent_rupture_without_a_repair_is_still_open_not_a_failure() -> None:
    recent = Rupture(NOW - datetime.timedelta(days=2))
    assert willingness_to_repair([recent], NOW) is None
    old = Rupture(NOW - REPAIR_WINDOW - datetime.timedelta(days=1))
    assert willingness_to_repair([recent, old], NOW) == 0


@given(ruptures)
def test_time_to_repair_counts_from_the_rupture_to_the_first_repair_after_it(
    rupture: Rupture,
) -> None:
    waited = time_to_repair(rupture)
    later = [moment for moment in rupture.repairs if moment >= rupture.at]
    if not later:
        assert waited is None
    else:
        assert waited == min(later) - rupture.at
        assert waited >= datetime.timedelta(0)


@given(st.lists(ruptures, min_size=1, max_size=12))
def test_the_median_lies_between_the_quickest_and_the_slowest_repair(
    found: list[Rupture],
) -> None:
    waits = [w for w in map(time_to_repair, found) if w is not None]
    median = median_time_to_repair(found)
    if waits:
        assert median is not None
        assert min(waits) <= median <= max(waits)
    else:
        assert median is None


@given(st.lists(st.tuples(st.sampled_from(["Jo", "Priya"]), st.dates()), max_size=40))
def test_presence_per_month_counts_every_moment_once(
    moments: list[tuple[str, datetime.date]],
) -> None:
    months = presence_by_month(moments)
    assert sum(sum(counts.values()) for counts in months.values()) == len(moments)
    for counts in months.values():
        assert all(month.day == 1 for month in counts)
        assert list(counts) == sorted(counts)


@given(st.integers(0, 10**8))
def test_a_wait_in_words_never_says_less_than_it_was(seconds: int) -> None:
    words = in_words(datetime.timedelta(seconds=seconds))
    assert words == "within the hour" if seconds < 3600 else words.startswith("about ")


def test_waits_in_words() -> None:
    assert in_words(datetime.timedelta(minutes=20)) == "within the hour"
    assert in_words(datetime.timedelta(hours=3)) == "about 3 hours"
    assert in_words(datetime.timedelta(days=2)) == "about 2 days"
    assert in_words(datetime.timedelta(days=30)) == "about 4 weeks"
