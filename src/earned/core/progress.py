"""Progress markers week by week, and a plain-words reading of each. Pure functions over dated
numbers; no Django. They describe what the person's own records show over a period — never a
score, a grade or a verdict.

Weeks start on Monday. A week with nothing recorded has no value (None), which is different
from a value of zero: missing a week is normal and is never drawn as a drop.
"""

from __future__ import annotations

import datetime
import functools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from earned.core.belief import went_better_than_feared

# Above this share, "more often than not" is said; below 1 - it, the opposite.
MOSTLY = 0.5


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the week a day falls in."""
    return day - datetime.timedelta(days=day.weekday())


def month_of(day: datetime.date) -> datetime.date:
    """The first day of the month a day falls in."""
    return day.replace(day=1)


def _next_month(first: datetime.date) -> datetime.date:
    return (first + datetime.timedelta(days=32)).replace(day=1)


def weeks(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every week from the one holding `first` to the one holding `last`, by its Monday."""
    return periods(first, last, by_month=False)


def periods(first: datetime.date, last: datetime.date, *, by_month: bool) -> list[datetime.date]:
    """Every week (by its Monday) or month (by its first day) from the one holding `first` to
    the one holding `last`. Spans longer than a year are drawn by month, so a chart of ten
    years stays readable."""
    start_of = month_of if by_month else week_of
    start, end = start_of(first), start_of(last)
    found = []
    while start <= end:
        found.append(start)
        start = _next_month(start) if by_month else start + datetime.timedelta(days=7)
    return found


@dataclass(frozen=True)
class Weekly:
    week: datetime.date  # its Monday (or the month's first day, when counted by month)
    value: float | None  # None: nothing recorded that week
    count: int  # how many records the value comes from


def _grouped(
    points: Iterable[tuple[datetime.date, float]],
    first: datetime.date,
    last: datetime.date,
    by_month: bool,
) -> dict[datetime.date, list[float]]:
    grouped: dict[datetime.date, list[float]] = {
        start: [] for start in periods(first, last, by_month=by_month)
    }
    starts = _starts(first, last, by_month)
    for day, value in points:
        start = starts.get(day)
        if start is not None:  # within the period
            grouped[start].append(value)
    return grouped


@functools.lru_cache(maxsize=8)
def _starts(
    first: datetime.date, last: datetime.date, by_month: bool
) -> dict[datetime.date, datetime.date]:
    """Each day of the period, to the start of its week or month. Ten years of points fall on a
    few thousand days, and a page groups them for nine markers: worked out once. (Read only.)"""
    start_of = month_of if by_month else week_of
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return {day: start_of(day) for day in days}


def weekly_mean(
    points: Iterable[tuple[datetime.date, float]],
    first: datetime.date,
    last: datetime.date,
    *,
    by_month: bool = False,
) -> list[Weekly]:
    """The mean of each week's values (expectancy violation, peak distress, mood…)."""
    return [
        Weekly(start, statistics.fmean(values) if values else None, len(values))
        for start, values in _grouped(points, first, last, by_month).items()
    ]


def weekly_count(
    days: Iterable[datetime.date],
    first: datetime.date,
    last: datetime.date,
    *,
    by_month: bool = False,
) -> list[Weekly]:
    """How many times something happened each week (misreadings caught, repairs, days…)."""
    grouped = _grouped(((day, 1.0) for day in days), first, last, by_month)
    return [Weekly(start, float(len(ones)), len(ones)) for start, ones in grouped.items()]


def weekly_share(
    flags: Iterable[tuple[datetime.date, bool]],
    first: datetime.date,
    last: datetime.date,
    *,
    by_month: bool = False,
) -> list[Weekly]:
    """The share of each week's records for which something held (approach rather than
    avoidance, overwhelmed, explained away…)."""
    grouped = _grouped(((day, 1.0 if flag else 0.0) for day, flag in flags), first, last, by_month)
    return [
        Weekly(start, statistics.fmean(values) if values else None, len(values))
        for start, values in grouped.items()
    ]


# --- Readings in plain words ------------------------------------------------------------------


def violation_reading(violations: Sequence[float]) -> str:
    """Expected minus happened, for each experience of the period."""
    if not violations:
        return "No debriefed experiences in this period yet."
    better_count = sum(went_better_than_feared(value) for value in violations)
    harder_count = sum(value < 0 for value in violations)
    if better_count / len(violations) > MOSTLY:
        return "More often than not, things went better than you feared."
    if harder_count / len(violations) > MOSTLY:
        return (
            "More often than not, things were harder than you feared — worth bringing gently "
            "to someone you trust."
        )
    if not better_count and not harder_count:
        return "Things went much as you feared: that is information too."
    if not better_count:
        return (
            "Things went as feared or harder, never better, in this period: both are information."
        )
    if not harder_count:
        return "Sometimes things went better than you feared, and otherwise as feared."
    return "Sometimes things went better than you feared, sometimes not: both are information."


def approach_reading(approaches: int, avoidances: int) -> str:
    if approaches + avoidances == 0:
        return "No responses noted in this period yet."
    if approaches > avoidances:
        return "You moved towards people more often than you protected yourself."
    if approaches < avoidances:
        return (
            "You protected yourself more often than you moved towards people — that made sense "
            "to some part of you."
        )
    return "You moved towards people and protected yourself about equally."


def distress_reading(overwhelmed: int, debriefed: int) -> str:
    if debriefed == 0:
        return "No debriefed experiences in this period yet."
    if overwhelmed == 0:
        return "Nothing went past what you could bear."
    share = overwhelmed / debriefed
    times = "once" if overwhelmed == 1 else f"{overwhelmed} times"
    if share > MOSTLY / 2:
        return f"It went past what you could bear {times}. Smaller steps may help."
    return f"It went past what you could bear {times}; most of the time you stayed within it."


def times(count: int) -> str:
    return {0: "no times", 1: "once", 2: "twice"}.get(count, f"{count} times")


def misreadings_reading(shifts: int, caught: int) -> str:
    """Interpretation shifts written, and experiences where the person noticed a part of them
    explaining a good moment away."""
    if shifts + caught == 0:
        return "No misreadings noted in this period — noticing one is a skill that grows slowly."
    parts = []
    if shifts:
        parts.append(f"looked again at a first reading {times(shifts)}")
    if caught:
        parts.append(f"caught yourself explaining a good moment away {times(caught)}")
    return "You " + " and ".join(parts) + "."


def repairs_reading(attempts: int, median_wait: str | None, ruptures: int) -> str:
    """Repair attempts in the period; the wait is already in words (relating.in_words)."""
    if ruptures == 0 and attempts == 0:
        return "No ruptures or repairs noted in this period."
    if attempts == 0:
        return "Ruptures were noted but no repair yet — repair can start late, and still count."
    wait = f"; the first attempt usually came {median_wait} after" if median_wait else ""
    return f"You or they tried to repair {times(attempts)}{wait}."


def discounting_reading(explained_away: int, noted: int, went_better: int) -> str:
    """Of the experiences that went better than feared, how many a part of the person explained
    away. The question is asked only after some of them (`noted` answered it), so the sentence
    counts every better-than-feared experience, as the violation reading does, and says which
    part the answer covers."""
    if went_better == 0:
        return "No experience went better than feared in this period, so nothing to discount."
    if noted == 0:
        return (
            f"Things went better than feared {times(went_better)}; whether part of you "
            "explained it away was not noted."
        )
    covered = "" if noted == went_better else f" (you noted it for {noted} of them)"
    if explained_away == 0:
        if noted == went_better:
            return "Each time things went better than feared, you let it count."
        return (
            f"Of {went_better} times things went better than feared, you let each one count "
            f"where you noted it{covered}."
        )
    return (
        f"Of {went_better} times things went better than feared, part of you explained "
        f"{explained_away} away{covered}. Noticing that is how it starts to count."
    )


def practice_reading(days: int, weeks_in_period: int) -> str:
    if days == 0:
        return "No practice recorded in this period. Coming back any day is enough."
    per_week = days / max(1, weeks_in_period)
    if per_week < 0.75:
        usual = "now and then"
    elif per_week < 1.5:
        usual = "about once a week"
    else:
        usual = f"about {round(per_week)} days a week"
    plural = "s" if days != 1 else ""
    return f"You practised on {days} day{plural}, {usual}. There is no streak to keep."


def scale_reading(name: str, values: Sequence[float], low: int, high: int) -> str:
    """An average on a check-in scale (mood −5…5, energy 0…10), said with its range."""
    if not values:
        return f"No {name} noted in check-ins in this period."
    mean = statistics.fmean(values)
    return (
        f"Your {name} averaged {mean:+.1f} on the scale from {low:+d} to {high:+d}."
        if low < 0
        else f"Your {name} averaged {mean:.1f} on the scale from {low} to {high}."
    )
