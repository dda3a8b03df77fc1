"""Geometry for the server-drawn SVG charts: where a moment and a 0–100 value land.

Charts are drawn by our templates with CSS classes (so dark mode and the print stylesheet style
them), from coordinates computed here. docs/decisions.md says why no plotting library draws them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

WIDTH = 640
HEIGHT = 260
LEFT = 44  # room for the 0/50/100 labels
RIGHT = 16
TOP = 12
BOTTOM = 32  # room for the month labels


def y_for(value: float) -> float:
    """The vertical position of a 0–100 value (100 at the top)."""
    clamped = min(100.0, max(0.0, value))
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - clamped / 100), 2)


def x_scale(
    start: datetime.datetime, end: datetime.datetime
) -> Callable[[datetime.datetime], float]:
    """Maps moments from start to end across the plot; a single moment sits in the middle."""
    span = (end - start).total_seconds()
    inner = WIDTH - LEFT - RIGHT

    def x_for(moment: datetime.datetime) -> float:
        if span <= 0:
            return round(LEFT + inner / 2, 2)
        share = (moment - start).total_seconds() / span
        return round(LEFT + inner * min(1.0, max(0.0, share)), 2)

    return x_for


def points(coordinates: Sequence[tuple[float, float]]) -> str:
    """The `points` attribute of an SVG polyline or polygon."""
    return " ".join(f"{x},{y}" for x, y in coordinates)


def month_ticks(start: datetime.date, end: datetime.date, most: int = 6) -> list[datetime.date]:
    """First days of months between start and end, thinned to at most `most` labels."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = datetime.date(year, month, 1)
        if start <= first <= end:
            months.append(first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, -(-len(months) // most))
    return months[::step]
