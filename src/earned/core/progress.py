"""Progress markers week by week, and a plain-words reading of each. Pure functions over dated
numbers; no Django. They describe what the person's own records show over a period — never a
score, a grade or a verdict.

Weeks start on Monday. A week with nothing recorded has no value (None), which is different
from a value of zero: missing a week is normal and is never drawn as a drop.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Above this share, "more often than not" is said; below 1 - it, the opposite.
MOSTLY = 0.5


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the week a day falls in."""
    return day - datetime.timedelta(days=day.weekday())


def weeks(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every week from the one holding `first` to the one holding `last`, by its Monday."""
    monday, end = week_of(first), week_of(last)
    found = []
    while monday <= end:
        found.append(monday)
        monday += datetime.timedelta(days=7)
    return found


@dataclass(frozen=True)
class Weekly:
    week: datetime.date  # its Monday
    value: float | None  # None: nothing recorded that week
    count: int  # how many records the value comes from


def _grouped(
    points: Iterable[tuple[datetime.date, float]], first: datetime.date, last: datetime.date
) -> dict[datetime.date, list[float]]:
    grouped: dict[datetime.date, list[float]] = {monday: [] for monday in weeks(first, last)}
    for day, value in points:
        if first <= day <= last:
            grouped[week_of(day)].append(value)
    return grouped


def weekly_mean(
    points: Iterable[tuple[datetime.date, float]], first: datetime.date, last: datetime.date
) -> list[Weekly]:
    """The mean of each week's values (expectancy violation, peak distress, mood…)."""
    return [
        Weekly(monday, statistics.fmean(values) if values else None, len(values))
        for monday, values in _grouped(points, first, last).items()
    ]


def weekly_count(
    days: Iterable[datetime.date], first: datetime.date, last: datetime.date
) -> list[Weekly]:
    """How many times something happened each week (misreadings caught, repairs, days…)."""
    grouped = _grouped(((day, 1.0) for day in days), first, last)
    return [Weekly(monday, float(len(ones)), len(ones)) for monday, ones in grouped.items()]


def weekly_share(
    flags: Iterable[tuple[datetime.date, bool]], first: datetime.date, last: datetime.date
) -> list[Weekly]:
    """The share of each week's records for which something held (approach rather than
    avoidance, overwhelmed, explained away…)."""
    grouped = _grouped(((day, 1.0 if flag else 0.0) for day, flag in flags), first, last)
    return [
        Weekly(monday, statistics.fmean(values) if values else None, len(values))
        for monday, values in grouped.items()
    ]


# --- Readings in plain words ------------------------------------------------------------------


def violation_reading(violations: Sequence[float]) -> str:
    """Expected minus happened, for each experience of the period."""
    if not violations:
        return "No debriefed experiences in this period yet."
    better = sum(value > 0 for value in violations) / len(violations)
    harder = sum(value < 0 for value in violations) / len(violations)
    if better > MOSTLY:
        return "More often than not, things went better than you feared."
    if harder > MOSTLY:
        return (
            "More often than not, things were harder than you feared — worth bringing gently "
            "to someone you trust."
        )
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
