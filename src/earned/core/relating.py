"""Markers of how relationships are going: willingness to repair, time to repair, and
consistent presence. Pure functions over plain data; no Django. They describe, never score.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REPAIR_WINDOW = datetime.timedelta(days=7)  # a repair attempt "soon after" a rupture


@dataclass(frozen=True)
class Rupture:
    at: datetime.datetime
    repairs: Sequence[datetime.datetime] = ()  # when each repair attempt began


def time_to_repair(rupture: Rupture) -> datetime.timedelta | None:
    """From the rupture to the first repair attempt after it; None while there is none."""
    after = [moment for moment in rupture.repairs if moment >= rupture.at]
    return min(after) - rupture.at if after else None


def willingness_to_repair(ruptures: Iterable[Rupture], now: datetime.datetime) -> float | None:
    """The share of ruptures with a repair attempt within REPAIR_WINDOW. A rupture younger than
    the window without a repair yet is still open, so it is not counted either way."""
    counted = repaired = 0
    for rupture in ruptures:
        waited = time_to_repair(rupture)
        if waited is not None and waited <= REPAIR_WINDOW:
            counted, repaired = counted + 1, repaired + 1
        elif now - rupture.at >= REPAIR_WINDOW:
            counted += 1
    return repaired / counted if counted else None


def median_time_to_repair(ruptures: Iterable[Rupture]) -> datetime.timedelta | None:
    """The median time to the first repair attempt, over the ruptures that have one."""
    waits = [waited for waited in map(time_to_repair, ruptures) if waited is not None]
    if not waits:
        return None
    return datetime.timedelta(seconds=statistics.median(w.total_seconds() for w in waits))


def in_words(wait: datetime.timedelta) -> str:
    """A wait as a person would say it: "within the hour", "about 3 hours", "about 2 days"."""
    hours = wait.total_seconds() / 3600
    if hours < 1:
        return "within the hour"
    if hours < 36:
        return f"about {round(hours)} hour{'s' if round(hours) != 1 else ''}"
    days = round(hours / 24)
    if days < 14:
        return f"about {days} days"
    return f"about {round(days / 7)} weeks"


def presence_by_month(
    moments: Iterable[tuple[str, datetime.date]],
) -> dict[str, dict[datetime.date, int]]:
    """For each person, how many moments of presence in each month (keyed by its first day)."""
    counts: dict[str, Counter[datetime.date]] = {}
    for person, day in moments:
        counts.setdefault(person, Counter())[day.replace(day=1)] += 1
    return {person: dict(sorted(months.items())) for person, months in counts.items()}
